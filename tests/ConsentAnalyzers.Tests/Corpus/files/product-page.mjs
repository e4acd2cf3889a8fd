// wwwroot/js/product-page.mjs: the product page's module: gallery, recently viewed products, add-to-cart tracking.
import { recentlyViewed, rememberReturnPage } from './storage-utils.mjs';
import init from './newsletter.mjs';

const product = JSON.parse(document.getElementById('product-data').textContent);

recentlyViewed.add(product.id);
rememberReturnPage();
init();

document.querySelectorAll('.gallery img').forEach(img => {
  img.addEventListener('click', () => document.querySelector('.gallery-main').setAttribute('src', img.dataset.large));
});

document.querySelector('[data-add-to-cart]')?.addEventListener('click', () => {
  consent.whenGranted('analytics', () => {
    gtag('event', 'add_to_cart', { currency: product.currency, value: product.price, items: [{ item_id: product.sku }] });
  });
  consent.whenGranted('ads', () => {
    gtag('event', 'conversion', { send_to: 'AW-1029384756/aDdToC4rt', value: product.price });
  });
  if (window.siteConsent.analytics) {
    mixpanel.track('Add to cart', { sku: product.sku });
  }
});

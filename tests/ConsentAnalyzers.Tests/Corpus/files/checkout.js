// wwwroot/js/checkout.js: the checkout wizard. The current step is necessary (the visitor is in the middle of an
// order); the page to come back to is a functional nicety; the purchase goes to Google Ads and Analytics.
const STEP_KEY = 'checkout_step';
const ADS_PURCHASE = 'AW-1029384756/pUrCh45e';

function goToStep(step) {
  sessionStorage.setItem(STEP_KEY, String(step));
  document.querySelectorAll('.checkout-step').forEach(el => { el.hidden = Number(el.dataset.step) !== step; });
  if (consent.has('analytics')) {
    gtag('event', 'checkout_progress', { checkout_step: step });
  }
}

function rememberReturnPage() {
  if (document.referrer && consent.has('prefs')) {
    sessionStorage.setItem('return_page', new URL(document.referrer).pathname);
  }
}

function reportPurchase(order) {
  if (consent.has('ads')) {
    gtag('event', 'conversion', { send_to: ADS_PURCHASE, value: order.total, currency: order.currency, transaction_id: order.id });
    // The revenue report for Analytics was pasted in here, under the advertising check.
    gtag('event', 'purchase', { send_to: 'G-CORPUS9', value: order.total, currency: order.currency }); // expect: CG0203
  }
}

rememberReturnPage();
goToStep(Number(sessionStorage.getItem(STEP_KEY) || 1));

document.querySelectorAll('[data-next-step]').forEach(b => b.addEventListener('click', () => goToStep(Number(b.dataset.nextStep))));

document.getElementById('place-order')?.addEventListener('click', async () => {
  const response = await fetch('/api/orders', { method: 'POST', body: new FormData(document.getElementById('checkout')) });
  const order = await response.json();
  sessionStorage.removeItem(STEP_KEY);
  reportPurchase(order);
  location.href = '/order/' + order.id;
});

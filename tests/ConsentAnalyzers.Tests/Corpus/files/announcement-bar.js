// wwwroot/js/announcement-bar.js: the site-wide announcement bar and the sale countdown. Dismissals are remembered
// for returning visitors; the bar's key comes from the CMS settings the layout writes into the page.
const { storageKey, campaign } = JSON.parse(document.getElementById('announcement-settings').textContent);
const KEYS = { countdown: 'sale_countdown_seen', bar: 'announcement_dismissed' };
const bar = document.querySelector('.announcement-bar');

if (bar && localStorage.getItem(storageKey) === campaign) {
  bar.remove();
}

bar?.querySelector('.close').addEventListener('click', () => {
  bar.remove();
  if (consent.has('prefs')) {
    localStorage.setItem(storageKey, campaign); // expect: CG0102
  }
});

const countdown = document.querySelector('.sale-countdown');
if (countdown && !window.localStorage.getItem(KEYS.countdown)) {
  countdown.hidden = false;
  window.localStorage?.setItem(KEYS.countdown, '1'); // expect: CG0103
}

// The first-visit flag of an old promotion, written as a property.
if (!localStorage.promo_seen) {
  localStorage.promo_seen = String(Date.now()); // expect: CG0103
}

// wwwroot/js/newsletter.mjs: the newsletter sign-up module, imported by the footer and the blog.
import { showToast } from './toast.mjs';

const ADS_CONVERSION = 'AW-1029384756/NlXbCKa1';

export async function subscribe(form) {
  const response = await fetch('/api/newsletter', { method: 'POST', body: new FormData(form) });
  if (!response.ok) {
    showToast('Something went wrong, please try again.');
    return false;
  }
  if (consent.has('ads')) {
    gtag('event', 'conversion', { send_to: ADS_CONVERSION });
  }
  if (consent.has('analytics')) {
    gtag('event', 'sign_up', { method: 'newsletter' });
  }
  return true;
}

// Pre-fills the address next time; the key was never added to the policy.
export function rememberEmail(email) {
  if (!consent.has('prefs')) return;
  localStorage.setItem('newsletter_email', email); // expect: CG0103
}

export default function init(root = document) {
  root.querySelectorAll('form[data-newsletter]').forEach(form => {
    form.addEventListener('submit', async e => {
      e.preventDefault();
      if (await subscribe(form)) rememberEmail(form.elements.email.value);
    });
  });
}

// wwwroot/js/site.js: the layout's small behaviours: navigation, dismissible alerts, "back to where you were" after
// signing in (a functional nicety, kept in session storage through an alias of it).
const session = window.sessionStorage;

document.querySelectorAll('[data-nav-toggle]').forEach(button => {
  button.addEventListener('click', () => {
    const menu = document.getElementById(button.getAttribute('aria-controls'));
    const open = button.getAttribute('aria-expanded') === 'true';
    button.setAttribute('aria-expanded', String(!open));
    menu.hidden = open;
  });
});

document.querySelectorAll('.alert [data-dismiss]').forEach(b => b.addEventListener('click', () => b.closest('.alert').remove()));

document.querySelectorAll('a[href^="/account/login"]').forEach(link => {
  link.addEventListener('click', () => {
    if (consent.has('prefs')) {
      session.setItem('return_page', location.pathname + location.search);
    }
  });
});

// The checkout's step survives a sign-in round trip: strictly necessary, no check needed.
if (document.body.dataset.checkoutStep) {
  session.setItem('checkout_step', document.body.dataset.checkoutStep);
}

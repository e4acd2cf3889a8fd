// wwwroot/js/theme-toggle-jscookie.js: the admin area's theme toggle, written with js-cookie (Cookies.get/set).
$(function () {
  const saved = Cookies.get('theme');
  if (saved) {
    $('html').attr('data-theme', saved);
  }

  $('#theme-toggle').on('click', function () {
    const next = $('html').attr('data-theme') === 'dark' ? 'light' : 'dark';
    $('html').attr('data-theme', next);
    if (consent.has('prefs')) {
      Cookies.set('theme', next, { expires: 365, sameSite: 'lax' });
    }
  });

  // The compact-layout switch copied the toggle above but not its check.
  $('#density-toggle').on('click', function () {
    const compact = !$('body').hasClass('compact');
    $('body').toggleClass('compact', compact);
    Cookies.set('theme', compact ? 'compact' : 'light', { expires: 365 }); // expect: CG0105
  });
});

// wwwroot/js/jquery-site.js: the marketing site's jQuery code (jquery.cookie for cookies).
$(function () {
  // The banner of the old layout, still on the landing pages: the consent cookie is strictly necessary.
  $('#cookie-accept').on('click', function () {
    $.cookie('app_consent', 'prefs.analytics.ads', { expires: 180, path: '/' });
    $('#cookie-notice').slideUp();
  });

  // The promo bar's "don't show again" cookie was never declared.
  $('.promo-bar .close').on('click', function () {
    $(this).closest('.promo-bar').remove();
    $.cookie('promo_dismissed', '1', { expires: 30, path: '/' }); // expect: CG0101
  });

  if ($.cookie('promo_dismissed')) {
    $('.promo-bar').remove();
  }

  $('#sidebar-toggle').on('click', function () {
    const collapsed = $('body').toggleClass('sidebar-collapsed').hasClass('sidebar-collapsed');
    if (siteConsent.functional) {
      localStorage.setItem('sidebar_collapsed', collapsed ? '1' : '0');
    }
  });

  if (localStorage.getItem('sidebar_collapsed') === '1') {
    $('body').addClass('sidebar-collapsed');
  }

  $('.faq-question').on('click', function () {
    $(this).next('.faq-answer').slideToggle(150);
  });
});

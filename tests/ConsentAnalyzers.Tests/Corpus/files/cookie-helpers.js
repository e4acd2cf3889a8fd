// wwwroot/js/cookie-helpers.js: the small cookie helpers most sites copy from an answer somewhere. The name is a
// parameter, so no write here can be checked against the policy.
function getCookie(name) {
  const match = document.cookie.match(new RegExp('(?:^|; )' + name.replace(/[.$?*|{}()[\]\\/+^]/g, '\\$&') + '=([^;]*)'));
  return match ? decodeURIComponent(match[1]) : null;
}

function setCookie(name, value, days) {
  let expires = '';
  if (days) {
    const date = new Date();
    date.setTime(date.getTime() + days * 24 * 60 * 60 * 1000);
    expires = '; expires=' + date.toUTCString();
  }
  document.cookie = name + '=' + encodeURIComponent(value || '') + expires + '; path=/; samesite=lax'; // expect: CG0102
}

function deleteCookie(name) {
  document.cookie = name + '=; max-age=0; path=/'; // expect: CG0102
}

window.siteCookies = { get: getCookie, set: setCookie, remove: deleteCookie };

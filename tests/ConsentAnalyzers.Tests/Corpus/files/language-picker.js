// wwwroot/js/language-picker.js: the footer's language picker. The chosen culture goes into ASP.NET Core's culture
// cookie (declared as functional) with the Cookie Store API where the browser has it.
async function saveCulture(culture) {
  if (siteConsent.functional === false) {
    return false;
  }
  const value = `c=${culture}|uic=${culture}`;
  try {
    if ('cookieStore' in window) {
      await cookieStore.set({ name: '.AspNetCore.Culture', value, path: '/', expires: Date.now() + 365 * 864e5 });
    } else {
      document.cookie = '.AspNetCore.Culture=' + encodeURIComponent(value) + '; path=/; max-age=31536000';
    }
  } catch (e) {
    console.warn('culture not saved', e);
  }
  return true;
}

document.getElementById('language-picker')?.addEventListener('change', async e => {
  await saveCulture(e.target.value);
  location.reload();
});

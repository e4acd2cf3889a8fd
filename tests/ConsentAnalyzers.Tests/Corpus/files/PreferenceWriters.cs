using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.JSInterop;

namespace Corpus.Web.Preferences;

// The site's own cookie and browser-storage helpers. They are declared as writers, so every call is checked as the
// write it makes, with the caller's name.
public static class PreferenceCookieExtensions
{
    [CookieWriter]
    public static void WritePreference(this HttpResponse response, [ConsentName] string name, string value, int days = 365)
    {
        response.Cookies.Append(name, value, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(days),
            SameSite = SameSiteMode.Lax,
            Secure = true,
        });
    }

    [CookieWriter]
    public static void WriteShortPreference(this HttpResponse response, [ConsentName] string name, string value) =>
        response.WritePreference(name, value, days: 1);
}

public sealed class BrowserStore(IJSRuntime js)
{
    [StorageWriter(ConsentStorageArea.Local)]
    public ValueTask KeepAsync([ConsentName] string key, string value) => js.InvokeVoidAsync("localStorage.setItem", key, value);

    [StorageWriter(ConsentStorageArea.Session)]
    public ValueTask KeepForTabAsync([ConsentName] string key, string value) => js.InvokeVoidAsync("sessionStorage.setItem", key, value);
}

[ApiController]
public class PreferencesApiController(IConsent consent, BrowserStore store) : ControllerBase
{
    [HttpPost("/api/preferences/theme")]
    public IActionResult SaveTheme(string theme)
    {
        if (consent.IsGranted(ConsentCategory.Functional))
        {
            Response.WritePreference(ConsentCookies.Theme, theme);
        }

        return NoContent();
    }

    [HttpPost("/api/preferences/layout")]
    public IActionResult SaveLayout(string layout)
    {
        Response.WritePreference("layout", layout); // expect: CG0101
        return NoContent();
    }

    [HttpPost("/api/preferences/visit")]
    public IActionResult CountVisit()
    {
        Response.WriteShortPreference(ConsentCookies.Ga, Guid.NewGuid().ToString("N")); // expect: CG0105
        return NoContent();
    }

    [HttpPost("/api/preferences/campaign")]
    public IActionResult KeepCampaign(string id)
    {
        if (consent.AnalyticsAllowed)
        {
            Response.WritePreference(ConsentCookies.GclName(id), "1"); // expect: CG0203
        }

        return NoContent();
    }

    [HttpPost("/api/preferences/custom")]
    public IActionResult SaveCustom(string name, string value)
    {
        if (consent.IsGranted(ConsentCategory.Functional))
        {
            Response.WritePreference(name, value); // expect: CG0102
        }

        return NoContent();
    }

    [HttpPost("/api/preferences/draft")]
    public async Task<IActionResult> RememberDraft(int id, string text)
    {
        if (await consent.IsGrantedAsync(ConsentCategory.Functional))
        {
            await store.KeepAsync(ConsentStorageKeys.DraftName(id.ToString()), text);
            await store.KeepAsync("landing_page", text); // expect: CG0104
        }

        await store.KeepForTabAsync(ConsentStorageKeys.CheckoutStep, "review");
        await store.KeepForTabAsync(ConsentStorageKeys.LandingPage, Request.Path.Value ?? "/"); // expect: CG0105
        return NoContent();
    }
}

using System;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Web.Controllers;

public sealed record ConsentChoices(bool Functional, bool Analytics, bool Advertising)
{
    public string Serialize() => $"f={(Functional ? 1 : 0)}&a={(Analytics ? 1 : 0)}&ad={(Advertising ? 1 : 0)}";
}

// The cookie banner posts here. Remembering the choice is strictly necessary; everything else is cleanup.
[Route("consent")]
public class ConsentController : Controller
{
    private static readonly CookieOptions ChoiceCookie = new()
    {
        MaxAge = TimeSpan.FromDays(180),
        HttpOnly = false,
        SameSite = SameSiteMode.Lax,
        IsEssential = true,
    };

    [HttpPost("accept-all")]
    [ValidateAntiForgeryToken]
    public IActionResult AcceptAll(string? returnUrl)
    {
        var choices = new ConsentChoices(true, true, true);
        Response.Cookies.Append(ConsentCookies.AppConsent, choices.Serialize(), ChoiceCookie);
        HttpContext.Features.Get<ITrackingConsentFeature>()?.GrantConsent();
        return LocalRedirect(returnUrl ?? "/");
    }

    [HttpPost("reject-all")]
    [ValidateAntiForgeryToken]
    public IActionResult RejectAll(string? returnUrl)
    {
        Response.Cookies.Append(ConsentCookies.AppConsent, new ConsentChoices(false, false, false).Serialize(), ChoiceCookie);
        HttpContext.Features.Get<ITrackingConsentFeature>()?.WithdrawConsent();

        // Withdrawing consent removes what was stored under it: deleting needs no consent.
        Response.Cookies.Delete(ConsentCookies.Ga);
        Response.Cookies.Delete(ConsentCookies.Theme);
        foreach (var name in Request.Cookies.Keys.Where(k => k.StartsWith(ConsentCookies.GaPrefix, StringComparison.Ordinal) || k.StartsWith(ConsentCookies.GclPrefix, StringComparison.Ordinal)))
        {
            Response.Cookies.Delete(name);
        }

        return LocalRedirect(returnUrl ?? "/");
    }

    [HttpPost("save")]
    [ValidateAntiForgeryToken]
    public IActionResult Save([FromForm] ConsentChoices choices)
    {
        Response.Cookies.Append("app_consent", choices.Serialize(), new CookieOptions { MaxAge = TimeSpan.FromDays(180), IsEssential = true }); // expect: CG0107
        Response.Cookies.Append("consent_version", "2024-05", new CookieOptions { IsEssential = true }); // expect: CG0101
        return NoContent();
    }

    [HttpGet("")]
    public IActionResult Current() =>
        Json(new
        {
            choice = Request.Cookies[ConsentCookies.AppConsent],
            categories = ConsentManifest.Categories.Select(c => new { c.Id, c.Title, c.IsEssential }),
        });
}

using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Web.Pages;

public sealed record CookieRow(string Name, string Category, string? Provider, string? Purpose, string? Duration, bool Essential);

// Pages/CookieSettings.cshtml.cs: the cookie table is rendered from the generated manifest metadata, so the page and
// the policy cannot drift apart; saving writes only the (essential) choice cookie.
public class CookieSettingsModel(IConsent consent) : PageModel
{
    public IReadOnlyList<CookieRow> Cookies { get; private set; } = [];

    [BindProperty] public bool Functional { get; set; }

    [BindProperty] public bool Analytics { get; set; }

    [BindProperty] public bool Advertising { get; set; }

    public void OnGet()
    {
        Cookies = ConsentManifest.Cookies
            .Select(c => new CookieRow(c.Name, ConsentManifest.GetCategory(c.Category).Title, c.Provider, c.Purpose, c.Duration, c.IsEssential))
            .ToList();
        Functional = consent.IsGranted(ConsentCategory.Functional);
        Analytics = consent.AnalyticsAllowed;
        Advertising = consent.IsGranted(ConsentCategory.Advertising);
    }

    public IActionResult OnPost()
    {
        var value = string.Join(',', new[] { ("functional", Functional), ("analytics", Analytics), ("advertising", Advertising) }.Where(c => c.Item2).Select(c => c.Item1));
        Response.Cookies.Append(ConsentCookies.AppConsent, value, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(180),
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
        });

        var feature = HttpContext.Features.Get<ITrackingConsentFeature>();
        if (Analytics || Advertising)
        {
            feature?.GrantConsent();
        }
        else
        {
            feature?.WithdrawConsent();
        }

        // Drop what the visitor no longer allows.
        foreach (var name in Request.Cookies.Keys)
        {
            var declared = ConsentManifest.FindCookie(name);
            if (declared is null || declared.IsEssential)
            {
                continue;
            }

            var keep = declared.Category switch
            {
                ConsentCategory.Functional => Functional,
                ConsentCategory.Analytics => Analytics,
                ConsentCategory.Advertising => Advertising,
                _ => true,
            };
            if (!keep)
            {
                Response.Cookies.Delete(name);
            }
        }

        return RedirectToPage();
    }

    public IActionResult OnPostRestoreTheme(string theme)
    {
        if (Functional)
        {
            // The form field is what the visitor ticked just now, not a recorded consent: not a consent check.
            Response.Cookies.Append(ConsentCookies.Theme, theme); // expect: CG0105
        }

        return RedirectToPage();
    }
}

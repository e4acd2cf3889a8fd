using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace AIMusicGens.Web.Consent;

/// <summary>
/// The visitor's consent for the current request: the choices remembered in the <c>aimg_consent</c> cookie, with the
/// browser's opt-out signals applied on top. Registered per request.
/// </summary>
internal sealed class ConsentService
{
    // The manifest's maxAge for aimg_consent (P1Y): the banner asks again after that.
    private static readonly TimeSpan? ChoiceLifetime = ConsentManifest.FindCookie(ConsentCookies.AimgConsent)?.MaxAge;

    private readonly HttpContext _context;
    private ConsentChoices? _choices;

    public ConsentService(IHttpContextAccessor accessor) =>
        _context = accessor.HttpContext ?? throw new InvalidOperationException("ConsentService is only available during an HTTP request.");

    /// <summary>The answers the visitor gave, as remembered (before opt-out signals are applied).</summary>
    public ConsentChoices Choices => _choices ??= ConsentChoices.Parse(_context.Request.Cookies[ConsentCookies.AimgConsent]);

    /// <summary>Whether every optional category has an answer; until then the banner asks.</summary>
    public bool HasDecided => ConsentCategories.Optional.All(category => Choices[category.Category] is not null);

    /// <summary>The opt-out signals this request carries (ids such as <c>gpc</c>), whether or not a category honours them.</summary>
    public IReadOnlyList<string> ReceivedOptOutSignals => ConsentOptOutSignals.SentBy(_context.Request);

    /// <summary>
    /// Whether the visitor consented to <paramref name="category"/>. Strictly necessary categories need no consent;
    /// a category that honours an opt-out signal the browser sends is refused whatever was chosen before.
    /// </summary>
    [ConsentGuard]
    public bool IsGranted(ConsentCategory category) =>
        ConsentManifest.GetCategory(category).IsEssential
        || (OptedOutBy(category) is null && Choices[category] == true);

    /// <summary>The opt-out signal (e.g. <c>gpc</c>) that withdraws consent for the category in this request, or <c>null</c>.</summary>
    public string? OptedOutBy(ConsentCategory category) => ConsentOptOutSignals.OptedOutBy(_context.Request, category);

    /// <summary>
    /// Remembers new answers (merged over the earlier ones) in the consent cookie, and in this request, and expires the
    /// cookies of the categories no longer granted: refusing analytics after accepting it removes <c>_ga</c> and
    /// <c>_ga_*</c> from the browser, on the domain the Google tag set them on.
    /// </summary>
    public void Record(ConsentChoices answers)
    {
        _choices = Choices.With(answers);
        _context.Response.Cookies.Append(ConsentCookies.AimgConsent, _choices.ToString(), new CookieOptions
        {
            // Remembering privacy choices is strictly necessary (policy section 6): a cookie policy must not suppress it.
            IsEssential = true,
            // Only the server reads it: consent is applied where pages are rendered.
            HttpOnly = true,
            Secure = _context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = ChoiceLifetime,
        });
        ConsentWithdrawal.ExpireWithdrawnCookies(_context, IsGranted);
    }
}

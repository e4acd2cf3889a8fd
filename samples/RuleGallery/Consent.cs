using System;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace RuleGallery;

/// <summary>The app's consent check. <c>[ConsentGuard]</c> (generated from the manifest) tells the analyzers it is one.</summary>
internal interface IVisitorConsent
{
    /// <summary>Whether the visitor consented to <paramref name="category"/>; essential categories always are.</summary>
    [ConsentGuard]
    bool IsGranted(ConsentCategory category);
}

/// <summary>Reads the categories the visitor accepted from the <c>gallery_consent</c> cookie, e.g. <c>analytics;functional</c>.</summary>
internal sealed class CookieConsent(IHttpContextAccessor accessor) : IVisitorConsent
{
    public bool IsGranted(ConsentCategory category)
    {
        var info = ConsentManifest.GetCategory(category);
        var accepted = accessor.HttpContext?.Request.Cookies[ConsentCookies.GalleryConsent] ?? "";
        return info.IsEssential || accepted.Split(';').Contains(info.Id, StringComparer.Ordinal);
    }
}

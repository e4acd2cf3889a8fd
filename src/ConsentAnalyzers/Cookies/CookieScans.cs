using System.Threading;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Cookies;

/// <summary>
/// The compilation-wide scans of the cookie analysis, made on first use once per <see cref="ConsentCompilation"/> and
/// shared by the analyzers that run on it (one thread scans while the others that need it wait). The context itself
/// knows nothing of cookies: the scans hang off it here. A cancelled scan throws and caches nothing.
/// </summary>
internal static class CookieScans
{
    private static readonly ComputedOnce<ConsentCompilation, UnseenConfiguration> Unseen = new();
    private static readonly ComputedOnce<ConsentCompilation, ViewsConfiguration> Views = new();
    private static readonly ComputedOnce<ConsentCompilation, IdentityConfiguration> Identity = new();
    private static readonly ComputedOnce<ConsentCompilation, ConsentCookieNaming> ConsentCookie = new();
    private static readonly ComputedOnce<ConsentCompilation, CookiePolicyConfiguration> CookiePolicies = new();

    /// <summary>The framework cookies that referenced assemblies may configure.</summary>
    public static UnseenConfiguration UnseenConfiguration(this ConsentCompilation consent, Compilation compilation) =>
        Unseen.Get(consent, compilation, static (_, compilation) => Cookies.UnseenConfiguration.Find(compilation));

    /// <summary>How the project configures the cookies that views turn on (antiforgery, TempData).</summary>
    public static ViewsConfiguration ViewsConfiguration(this ConsentCompilation consent, Compilation compilation,
        CancellationToken cancellationToken) =>
        Views.Get(consent, (compilation, cancellationToken),
            static (c, scan) => Cookies.ViewsConfiguration.Scan(scan.compilation, c.Symbols, c.UnseenConfiguration(scan.compilation),
                scan.cancellationToken));

    /// <summary>How the project configures ASP.NET Core Identity's cookies.</summary>
    public static IdentityConfiguration IdentityConfiguration(this ConsentCompilation consent, Compilation compilation,
        CancellationToken cancellationToken) =>
        Identity.Get(consent, (compilation, cancellationToken),
            static (c, scan) => Cookies.IdentityConfiguration.Scan(scan.compilation, c.UnseenConfiguration(scan.compilation),
                scan.cancellationToken));

    /// <summary>Whether the project may give the consent cookie another name than its default.</summary>
    public static bool MayNameConsentCookie(this ConsentCompilation consent, Compilation compilation, CancellationToken cancellationToken) =>
        ConsentCookie.Get(consent, (compilation, cancellationToken),
            static (_, scan) => ConsentCookieNaming.Scan(scan.compilation, scan.cancellationToken)).MayNameConsentCookie;

    /// <summary>Whether the project's <c>CanTrack</c> checks are always true.</summary>
    public static CookiePolicyConfiguration CookiePolicy(this ConsentCompilation consent, Compilation compilation,
        CancellationToken cancellationToken) =>
        CookiePolicies.Get(consent, (compilation, cancellationToken),
            static (_, scan) => CookiePolicyConfiguration.Scan(scan.compilation, scan.cancellationToken));
}

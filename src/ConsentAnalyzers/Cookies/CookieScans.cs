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
    private static readonly ComputedOnce<ConsentCompilation, AppConfiguration> Configurations = new();
    private static readonly ComputedOnce<ConsentCompilation, CookiePolicyConfiguration> CookiePolicies = new();

    /// <summary>How the app configures framework cookies across the compilation.</summary>
    public static AppConfiguration Configuration(this ConsentCompilation consent, Compilation compilation, CancellationToken cancellationToken) =>
        Configurations.Get(consent, (compilation, cancellationToken),
            static (c, scan) => AppConfiguration.Scan(scan.compilation, c.Symbols, scan.cancellationToken));

    /// <summary>Whether the project's <c>CanTrack</c> checks are always true.</summary>
    public static CookiePolicyConfiguration CookiePolicy(this ConsentCompilation consent, Compilation compilation,
        CancellationToken cancellationToken) =>
        CookiePolicies.Get(consent, (compilation, cancellationToken),
            static (_, scan) => CookiePolicyConfiguration.Scan(scan.compilation, scan.cancellationToken));
}

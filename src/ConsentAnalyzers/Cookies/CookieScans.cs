using System.Runtime.CompilerServices;
using System.Threading;
using ConsentAnalyzers.Analysis;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Cookies;

/// <summary>
/// The compilation-wide scans of the cookie analysis, made on first use once per <see cref="ConsentCompilation"/> and
/// shared by the analyzers that run on it. The context itself knows nothing of cookies: the scans hang off it here. A
/// cancelled scan throws and caches nothing.
/// </summary>
internal static class CookieScans
{
    private static readonly ConditionalWeakTable<ConsentCompilation, AppConfiguration> Configurations = new();
    private static readonly ConditionalWeakTable<ConsentCompilation, CookiePolicyConfiguration> CookiePolicies = new();

    /// <summary>How the app configures framework cookies across the compilation.</summary>
    public static AppConfiguration Configuration(this ConsentCompilation consent, Compilation compilation, CancellationToken cancellationToken) =>
        Configurations.TryGetValue(consent, out var configuration)
            ? configuration
            : Configurations.GetValue(consent, c => AppConfiguration.Scan(compilation, c.Symbols, cancellationToken));

    /// <summary>Whether the project's <c>CanTrack</c> checks are always true.</summary>
    public static CookiePolicyConfiguration CookiePolicy(this ConsentCompilation consent, Compilation compilation,
        CancellationToken cancellationToken) =>
        CookiePolicies.TryGetValue(consent, out var policy)
            ? policy
            : CookiePolicies.GetValue(consent, _ => CookiePolicyConfiguration.Scan(compilation, cancellationToken));
}

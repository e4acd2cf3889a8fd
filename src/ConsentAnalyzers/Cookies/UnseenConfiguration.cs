using System.Collections.Generic;
using System.Linq;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Cookies;

/// <summary>
/// The framework cookies that referenced assemblies may configure: an assembly outside ASP.NET Core that references
/// the assembly of a cookie's feature (where <c>AddAntiforgery</c>, <c>AddSessionStateTempDataProvider</c>,
/// <c>AddIdentity</c> and the options themselves are) can name that cookie or choose its provider, and the analysis
/// cannot see its code.
/// </summary>
internal sealed class UnseenConfiguration
{
    private readonly HashSet<FrameworkCookie> _cookies;

    private UnseenConfiguration(HashSet<FrameworkCookie> cookies) => _cookies = cookies;

    /// <summary>Whether code the analysis cannot see (a referenced assembly) may configure <paramref name="cookie"/>.</summary>
    public bool MayConfigure(FrameworkCookie cookie) => _cookies.Contains(cookie);

    public static UnseenConfiguration Find(Compilation compilation)
    {
        var cookies = new HashSet<FrameworkCookie>();
        var used = ConfigurationText.AssembliesUsedByReferences(compilation);
        if (used.Count == 0)
        {
            return new UnseenConfiguration(cookies); // no reference outside the framework: no type lookups
        }

        foreach (var cookie in FrameworkCookies.Configurable.Concat(FrameworkCookies.Identity))
        {
            // An Identity cookie's feature is Identity's assembly (AddIdentity, ConfigureApplicationCookie), not cookie authentication's.
            var featureType = FrameworkCookies.IsIdentity(cookie) ? FrameworkCookies.IdentityFeatureType : cookie.OptionsType;
            if (WellKnownTypes.Find(compilation, featureType)?.ContainingAssembly?.Identity.Name is { } assembly && used.Contains(assembly))
            {
                cookies.Add(cookie);
            }
        }

        return new UnseenConfiguration(cookies);
    }
}

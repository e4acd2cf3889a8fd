using System.Collections.Generic;
using System.Linq;
using ConsentAnalyzers.ConsentApi;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Names;

/// <summary>
/// What the generator emitted into this compilation, read back for the analyzers: the name constants by value
/// (<c>ConsentCookies.Ga</c> = "_ga"), so a literal that repeats one can point at it (CG0107), and the pattern each
/// builder method stands for (<c>ConsentCookies.GaName(x)</c> = "_ga_" + x), so its result resolves like an
/// interpolation instead of being an unknown method result.
/// </summary>
internal sealed class GeneratedConstants
{
    private readonly INamedTypeSymbol? _cookiesClass;
    private readonly INamedTypeSymbol? _storageKeysClass;
    private readonly Dictionary<string, string> _cookieConstants = new();
    private readonly Dictionary<string, string> _storageKeyConstants = new();
    private readonly Dictionary<string, string> _cookieBuilders = new();
    private readonly Dictionary<string, string> _storageKeyBuilders = new();

    private GeneratedConstants(Compilation compilation, GeneratorOptions options, ManifestModel manifest)
    {
        _cookiesClass = GeneratedNames.Find(compilation, options.Namespace, GeneratedNames.Cookies);
        _storageKeysClass = GeneratedNames.Find(compilation, options.Namespace, GeneratedNames.StorageKeys);
        Read(_cookiesClass, NameConstantsPlan.CookieNames(manifest), _cookieConstants, _cookieBuilders);
        Read(_storageKeysClass, NameConstantsPlan.StorageKeyNames(manifest), _storageKeyConstants, _storageKeyBuilders);
    }

    public static GeneratedConstants Find(Compilation compilation, GeneratorOptions options, ManifestModel manifest) =>
        new(compilation, options, manifest);

    /// <summary>"ConsentCookies.Ga" for "_ga", or null.</summary>
    public string? ForCookie(string name) => _cookieConstants.TryGetValue(name, out var member) ? member : null;

    /// <summary>"ConsentStorageKeys.LandingPage" for "landing_page", or null.</summary>
    public string? ForStorageKey(string key) => _storageKeyConstants.TryGetValue(key, out var member) ? member : null;

    /// <summary>The pattern a generated builder method builds a name of ("_ga_*" for ConsentCookies.GaName), or null.</summary>
    public string? PatternBuiltBy(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (SymbolEqualityComparer.Default.Equals(type, _cookiesClass))
        {
            return _cookieBuilders.TryGetValue(method.Name, out var pattern) ? pattern : null;
        }

        return SymbolEqualityComparer.Default.Equals(type, _storageKeysClass) && _storageKeyBuilders.TryGetValue(method.Name, out var key)
            ? key
            : null;
    }

    /// <summary>Follows the generator's own member plan, checked against the members the class really has.</summary>
    private static void Read(INamedTypeSymbol? type, IEnumerable<string> names, Dictionary<string, string> constants,
        Dictionary<string, string> builders)
    {
        if (type is null)
        {
            return;
        }

        foreach (var (name, member) in NameConstantsPlan.MemberPlan(type.Name, names))
        {
            if (NamePattern.IsPattern(name))
            {
                var builder = NameConstantsPlan.BuilderName(member);
                if (!type.GetMembers(builder).IsEmpty)
                {
                    builders[builder] = name;
                }
            }
            else if (type.GetMembers(member).FirstOrDefault() is IFieldSymbol { IsConst: true, ConstantValue: string value }
                && value == name
                && !constants.ContainsKey(name))
            {
                constants.Add(name, type.Name + "." + member);
            }
        }
    }
}

using System.Collections.Generic;
using ConsentAnalyzers.Generator;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Analysis;

/// <summary>
/// The constants the generator emitted into this compilation (<c>ConsentCookies.Ga</c> = "_ga"), by value, so a
/// literal that repeats one can point at it (CG0107).
/// </summary>
internal sealed class GeneratedConstants
{
    private readonly Dictionary<string, string> _cookies;
    private readonly Dictionary<string, string> _storageKeys;

    private GeneratedConstants(Dictionary<string, string> cookies, Dictionary<string, string> storageKeys)
    {
        _cookies = cookies;
        _storageKeys = storageKeys;
    }

    public static GeneratedConstants Find(Compilation compilation, GeneratorOptions options, ManifestIndex index)
    {
        var prefix = options.Namespace.Length == 0 ? string.Empty : options.Namespace + ".";
        return new GeneratedConstants(
            ConstantsOf(compilation.GetTypeByMetadataName(prefix + NameConstantsEmitter.CookiesClass), index.Cookies.ContainsExact),
            ConstantsOf(compilation.GetTypeByMetadataName(prefix + NameConstantsEmitter.StorageKeysClass), key => index.LocalStorage.ContainsExact(key) || index.SessionStorage.ContainsExact(key)));
    }

    /// <summary>"ConsentCookies.Ga" for "_ga", or null.</summary>
    public string? ForCookie(string name) => _cookies.TryGetValue(name, out var member) ? member : null;

    /// <summary>"ConsentStorageKeys.LandingPage" for "landing_page", or null.</summary>
    public string? ForStorageKey(string key) => _storageKeys.TryGetValue(key, out var member) ? member : null;

    /// <summary>The name constants of a generated class; pattern prefixes are left out by keeping declared exact names only.</summary>
    private static Dictionary<string, string> ConstantsOf(INamedTypeSymbol? type, System.Func<string, bool> isDeclaredExactly)
    {
        var constants = new Dictionary<string, string>();
        if (type is null)
        {
            return constants;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsConst: true, ConstantValue: string value } field && isDeclaredExactly(value) && !constants.ContainsKey(value))
            {
                constants.Add(value, type.Name + "." + field.Name);
            }
        }

        return constants;
    }
}

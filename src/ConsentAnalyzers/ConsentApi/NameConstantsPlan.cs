using System.Collections.Generic;
using System.Linq;
using System.Text;
using ConsentAnalyzers.Manifest;

namespace ConsentAnalyzers.ConsentApi;

/// <summary>
/// How the generated <c>ConsentCookies</c> and <c>ConsentStorageKeys</c> name their members: a constant per exact
/// name, a <c>…Prefix</c> constant and a <c>…Name(…)</c> builder per pattern. The generator emits by this plan, and the
/// analyzers read the generated members back by it.
/// </summary>
internal static class NameConstantsPlan
{
    private const string PrefixSuffix = "Prefix";
    private const string BuilderSuffix = "Name";


    /// <summary>The cookie names a <c>ConsentCookies</c> member is emitted for, in emission order.</summary>
    public static IEnumerable<string> CookieNames(ManifestModel manifest) => manifest.Cookies.Select(c => c.Name);

    /// <summary>The storage keys a <c>ConsentStorageKeys</c> member is emitted for (each once), in emission order.</summary>
    public static IEnumerable<string> StorageKeyNames(ManifestModel manifest) => manifest.Storage.Select(s => s.Key).Distinct();

    /// <summary>
    /// The member each name gets in its class: the constant for an exact name, the stem of <c>…Prefix</c> and
    /// <c>…Name(…)</c> for a pattern. The analyzers use the same plan to read the generated builders back.
    /// </summary>
    public static List<(string Name, string Member)> MemberPlan(string className, IEnumerable<string> names)
    {
        var allocator = new UniqueNames(className);
        var plan = new List<(string, string)>();
        foreach (var name in names)
        {
            var baseName = IdentifierNames.ToPascalCase(name, "Name");
            plan.Add((name, NamePattern.IsPattern(name) ? allocator.Allocate(baseName, PrefixSuffix, BuilderSuffix) : allocator.Allocate(baseName)));
        }

        return plan;
    }

    /// <summary>The prefix constant of a pattern's member stem: <c>Ga</c> → <c>GaPrefix</c>.</summary>
    public static string PrefixName(string stem) => stem + PrefixSuffix;

    /// <summary>The builder method of a pattern's member stem: <c>Ga</c> → <c>GaName</c>.</summary>
    public static string BuilderName(string stem) => stem + BuilderSuffix;

    /// <summary>The literal pieces around the wildcards; consecutive wildcards count as one.</summary>
    public static List<string> PatternPieces(string pattern)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        var previousWasWildcard = false;
        foreach (var c in pattern)
        {
            if (c == NamePattern.Wildcard)
            {
                if (!previousWasWildcard)
                {
                    pieces.Add(current.ToString());
                    current.Clear();
                }

                previousWasWildcard = true;
                continue;
            }

            current.Append(c);
            previousWasWildcard = false;
        }

        pieces.Add(current.ToString());
        return pieces;
    }
}

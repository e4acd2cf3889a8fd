using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Common;

/// <summary>
/// The one place that looks a type up by its metadata name (the raw lookups are banned everywhere else:
/// BannedSymbols.txt). The compiler's lookup answers null when two referenced assemblies both define the name, so a
/// copy of a framework type in some other reference would silently turn a rule off. Here the compilation's own type
/// wins, then the only one it can access, then, among several it can access, the first in reference order.
/// </summary>
internal static class WellKnownTypes
{
    public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
    {
#pragma warning disable RS0030 // the wrapped lookup
        if (compilation.GetTypeByMetadataName(metadataName) is { } unique)
        {
            return unique;
        }
#pragma warning restore RS0030

        INamedTypeSymbol? first = null;
        foreach (var type in compilation.GetTypesByMetadataName(metadataName))
        {
            if (compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
            {
                first ??= type;
            }
        }

        return first;
    }

    /// <summary>The type of that name declared in the compilation's own source, or null.</summary>
    public static INamedTypeSymbol? FindInSource(Compilation compilation, string metadataName)
    {
#pragma warning disable RS0030 // the wrapped lookup
        return compilation.Assembly.GetTypeByMetadataName(metadataName);
#pragma warning restore RS0030
    }
}

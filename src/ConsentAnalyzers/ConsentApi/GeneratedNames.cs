using System.Linq;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.ConsentApi;

/// <summary>
/// The names of the types the generator emits into a project, in one place: the generator writes them, and the
/// analyzers, the guard recognizer and the code fixes find them by these names in the project's generated namespace
/// (<c>$(ConsentNamespace)</c>, else the root namespace).
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The tool name in the generated types' <c>[GeneratedCode]</c>, by which the package recognizes its own types.</summary>
    public const string ToolName = "ConsentAnalyzers";

    public const string Category = "ConsentCategory";

    public const string ConsentGuardAttribute = "ConsentGuardAttribute";

    public const string RequiresConsentAttribute = "RequiresConsentAttribute";

    public const string CookieWriterAttribute = "CookieWriterAttribute";

    public const string StorageWriterAttribute = "StorageWriterAttribute";

    public const string ConsentNameAttribute = "ConsentNameAttribute";

    public const string StorageArea = "ConsentStorageArea";

    public const string Cookies = "ConsentCookies";

    public const string StorageKeys = "ConsentStorageKeys";

    /// <summary>The class of <c>UseConsentEnforcement</c>, whose middleware rewrites the response's <c>Set-Cookie</c> header.</summary>
    public const string EnforcementExtensions = "ConsentEnforcementApplicationBuilderExtensions";

    /// <summary>The manifest category of a <c>ConsentCategory</c> value: the enum's values are the manifest's categories in order.</summary>
    public static string? CategoryId(ManifestModel manifest, object? enumValue) =>
        enumValue is int index && index >= 0 && index < manifest.Categories.Count ? manifest.Categories[index].Id : null;

    /// <summary>
    /// Whether code in <paramref name="type"/> is the generated enforcement middleware: a type of
    /// <see cref="EnforcementExtensions"/> with the <c>[GeneratedCode]</c> of this package, or one nested in it.
    /// </summary>
    public static bool IsEnforcementMiddleware(INamedTypeSymbol? type)
    {
        while (type?.ContainingType is { } outer)
        {
            type = outer;
        }

        return type is not null && type.Name == EnforcementExtensions && type.GetAttributes().Any(IsGeneratedCodeOfThisPackage);
    }

    /// <summary>Whether the attribute is <c>[GeneratedCode("ConsentAnalyzers", …)]</c>.</summary>
    public static bool IsGeneratedCodeOfThisPackage(AttributeData attribute) =>
        attribute.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute"
        && attribute.ConstructorArguments.Length > 0
        && attribute.ConstructorArguments[0].Value as string == ToolName;

    /// <summary>The metadata name of a generated type in <paramref name="generatedNamespace"/> (empty: the global namespace).</summary>
    public static string MetadataName(string generatedNamespace, string typeName) =>
        generatedNamespace.Length == 0 ? typeName : generatedNamespace + "." + typeName;

    /// <summary>The generated type of that name in the compilation, or null when the generator did not emit it.</summary>
    public static INamedTypeSymbol? Find(Compilation compilation, string generatedNamespace, string typeName) =>
        WellKnownTypes.Find(compilation, MetadataName(generatedNamespace, typeName));
}

using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0001: the package is referenced but there is no manifest, so nothing can be checked.</summary>
    public static readonly DiagnosticDescriptor ManifestNotFound = Create(
        DiagnosticIds.ManifestNotFound,
        title: "No consent manifest found",
        messageFormat: "ConsentAnalyzers is referenced but {0}",
        RuleCategories.Manifest,
        DiagnosticSeverity.Warning,
        description: "Without consent-manifest.json no cookie, storage key or tracker can be checked against the cookie policy, " +
            "and only the consent attributes and an empty category enum are generated.",
        WellKnownDiagnosticTags.CompilationEnd);
}

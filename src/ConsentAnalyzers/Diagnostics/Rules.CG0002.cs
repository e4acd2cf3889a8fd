using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0002: the manifest is not valid JSON (comments and trailing commas are allowed).</summary>
    public static readonly DiagnosticDescriptor ManifestSyntax = Create(
        DiagnosticIds.ManifestSyntax,
        title: "Consent manifest is not valid JSON",
        messageFormat: "{0}",
        RuleCategories.Manifest,
        DiagnosticSeverity.Error,
        description: "consent-manifest.json must be JSON; comments and trailing commas are allowed. " +
            "Until it parses, the generated types declare no category, cookie, storage key or tracker, and no code is checked.");
}

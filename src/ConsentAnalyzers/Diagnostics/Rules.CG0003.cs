using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>
    /// CG0003: the manifest parses but its content is invalid (unknown or missing field, wrong type, unknown category,
    /// bad version).
    /// </summary>
    public static readonly DiagnosticDescriptor ManifestContent = Create(
        DiagnosticIds.ManifestContent,
        title: "Consent manifest content is invalid",
        messageFormat: "{0}",
        RuleCategories.Manifest,
        DiagnosticSeverity.Error,
        description: "A field is unknown (a typo would silently disable a check), missing or of the wrong type, " +
            "a category reference names no declared category, or the version is not supported.");
}

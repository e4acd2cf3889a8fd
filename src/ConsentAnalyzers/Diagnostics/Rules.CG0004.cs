using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0004: declarations that contradict each other.</summary>
    public static readonly DiagnosticDescriptor ManifestConflict = Create(
        DiagnosticIds.ManifestConflict,
        title: "Consent manifest declarations conflict",
        messageFormat: "{0}",
        RuleCategories.Manifest,
        DiagnosticSeverity.Error,
        description: "A name, field, tracker or guard is declared twice, a bare '*' would declare every name, " +
            "or two patterns that can match the same name put it in different categories.");
}

using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>
    /// CG0108: once per project, how many cookie and storage writes could not be checked because their name is
    /// unresolved (CG0102).
    /// </summary>
    public static readonly DiagnosticDescriptor UncheckedNames = Create(
        DiagnosticIds.UncheckedNames,
        title: "Some cookie and storage writes could not be checked against the manifest",
        messageFormat: "ConsentAnalyzers checked {0} of {1} cookie and storage writes in this project against the manifest; " +
            "{2} could not be checked because the name cannot be resolved at compile time (CG0102): {3}",
        RuleCategories.Declarations,
        DiagnosticSeverity.Warning,
        description: "A write whose cookie name or storage key is only known at run time gets CG0102 (a suggestion at the write) and nothing else: " +
            "it is neither declared nor undeclared, guarded nor unguarded. " +
            "This rule says once per project, at the manifest, how much was not checked, " +
            "so a build in which many writes are unresolved does not look clean. It is silent when every write was checked. " +
            "Its additional locations are the unresolved writes.",
        WellKnownDiagnosticTags.CompilationEnd);
}

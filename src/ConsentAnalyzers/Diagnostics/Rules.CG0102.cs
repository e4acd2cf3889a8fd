using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>
    /// CG0102: a cookie name or storage key that cannot be known at compile time (Info: a suggestion at each site;
    /// CG0108 sums them up once per project).
    /// </summary>
    public static readonly DiagnosticDescriptor UnresolvedName = Create(
        DiagnosticIds.UnresolvedName,
        title: "Cookie or storage name cannot be resolved at compile time",
        messageFormat: "The {0} cannot be resolved at compile time, so it cannot be checked against consent-manifest.json; " +
            "build it from constants (in C#, a generated ConsentCookies or ConsentStorageKeys member; in a script, a string literal or " +
            "a const bound to one)",
        RuleCategories.Declarations,
        DiagnosticSeverity.Info,
        description: "The name comes from a parameter, a non-constant field or a method result, so the analyzers cannot prove it is declared. " +
            "Nothing is silently accepted: this rule marks every such write. " +
            "It is a suggestion, not a warning, because a run-time name is not a defect in itself; " +
            "CG0108 says once per project how many writes could not be checked. Raise its severity to require compile-time names.");
}

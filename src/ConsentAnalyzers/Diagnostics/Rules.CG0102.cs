using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0102: a cookie name or storage key that cannot be known at compile time (off by default: hidden).</summary>
    public static readonly DiagnosticDescriptor UnresolvedName = Create(
        DiagnosticIds.UnresolvedName,
        title: "Cookie or storage name cannot be resolved at compile time",
        messageFormat: "The {0} cannot be resolved at compile time, so it cannot be checked against consent-manifest.json; use a constant such as a generated ConsentCookies or ConsentStorageKeys member",
        RuleCategories.Declarations,
        DiagnosticSeverity.Hidden,
        description: "The name comes from a parameter, a non-constant field or a method result, so the analyzers cannot prove it is declared. Nothing is silently accepted: this rule marks every such write. Raise its severity to require compile-time names.");
}

using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0107: a string literal that repeats a generated name constant.</summary>
    public static readonly DiagnosticDescriptor LiteralDuplicatesConstant = Create(
        DiagnosticIds.LiteralDuplicatesConstant,
        title: "String literal duplicates a generated constant",
        messageFormat: "Use {0} instead of the string literal \"{1}\"",
        RuleCategories.Style,
        DiagnosticSeverity.Info,
        description: "The generated constant ties the code to the manifest: " +
            "renaming the cookie in the manifest then breaks the build instead of silently writing an undeclared name, " +
            "and the IDE shows the cookie's policy on hover.");
}

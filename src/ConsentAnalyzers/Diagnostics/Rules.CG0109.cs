using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0109: a script file that could not be read as JavaScript, so nothing in it was checked (hidden, once per file).</summary>
    public static readonly DiagnosticDescriptor ScriptNotAnalyzed = Create(
        DiagnosticIds.ScriptNotAnalyzed,
        title: "Script could not be analyzed",
        messageFormat: "This script was not checked against consent-manifest.json: it does not parse as JavaScript ({0})",
        RuleCategories.Declarations,
        DiagnosticSeverity.Hidden,
        description: "The analyzers read the site's JavaScript files with a standards-compliant parser, as classic scripts or ES modules. " +
            "A file that is neither (a syntax error, TypeScript or a server-side template saved as .js) is skipped whole: this rule marks it " +
            "once, where the parser stopped, instead of reporting guesses. Fix the syntax, or leave the file out of the ConsentScript items.");
}

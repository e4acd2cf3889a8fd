using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0207: the Google tag is loaded or configured before the Consent Mode default of the same file.</summary>
    public static readonly DiagnosticDescriptor ConsentDefaultAfterGoogleTag = Create(
        DiagnosticIds.ConsentDefaultAfterGoogleTag,
        title: "The Google tag is set up before the Consent Mode default",
        messageFormat: "{0} is {1} here, before the Consent Mode default (gtag('consent', 'default', …)) on line {2}; " +
            "set the default first, or the tag runs with no consent state",
        RuleCategories.Consent,
        DiagnosticSeverity.Warning,
        description: "Google Consent Mode applies the consent default only to the commands that follow it: a tag loaded or configured " +
            "before gtag('consent', 'default', …) may read and write its cookies and send its first hit as if the visitor had " +
            "consented. Only the order within one script file or one page's markup is checked; a default in another file is not guessed at.");
}

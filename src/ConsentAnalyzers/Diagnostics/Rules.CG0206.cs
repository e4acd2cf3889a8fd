using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0206: the Google tag is loaded or configured, and the manifest maps no category to Google Consent Mode.</summary>
    public static readonly DiagnosticDescriptor ConsentModeNotMapped = Create(
        DiagnosticIds.ConsentModeNotMapped,
        title: "The Google tag is used, but no category maps to Google Consent Mode",
        messageFormat: "This sets up {0}, but consent-manifest.json maps no category to Google Consent Mode; " +
            "add \"consentMode\": [{2}] to the category '{1}'",
        RuleCategories.Declarations,
        DiagnosticSeverity.Warning,
        description: "In the EEA, Google Analytics and Google Ads must receive the visitor's choices through Google Consent Mode v2 " +
            "(gtag('consent', 'default' | 'update', …)). The generated API renders those commands from the categories' 'consentMode' " +
            "mappings; with none, the tag never learns what the visitor chose. Reported once per file, at the first Google tag loader " +
            "or gtag('config', …) of a declared tag.");
}

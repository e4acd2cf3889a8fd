using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0101: a cookie written under a name the manifest does not declare.</summary>
    public static readonly DiagnosticDescriptor UndeclaredCookie = Create(
        DiagnosticIds.UndeclaredCookie,
        title: "Cookie is not declared in the consent manifest",
        messageFormat: "Cookie '{0}' is not declared in consent-manifest.json{1}",
        RuleCategories.Declarations,
        DiagnosticSeverity.Warning,
        description: "Every cookie the site writes must be in the cookie policy with its category, provider, purpose and duration. " +
            "Declare it in consent-manifest.json, or use a name the manifest declares.");
}

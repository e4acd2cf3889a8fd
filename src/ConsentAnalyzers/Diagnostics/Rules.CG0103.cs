using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0103: a browser-storage key written that the manifest does not declare for that area.</summary>
    public static readonly DiagnosticDescriptor UndeclaredStorageKey = Create(
        DiagnosticIds.UndeclaredStorageKey,
        title: "Browser-storage key is not declared in the consent manifest",
        messageFormat: "{0} key '{1}' is not declared in consent-manifest.json{2}",
        RuleCategories.Declarations,
        DiagnosticSeverity.Warning,
        description: "Local and session storage fall under the same consent rules as cookies. " +
            "Every key the site writes must be in the cookie policy, for the storage area it is written to.");
}

using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0201: a call to a known tracking API or endpoint whose tracker the manifest does not declare.</summary>
    public static readonly DiagnosticDescriptor UndeclaredTracker = Create(
        DiagnosticIds.UndeclaredTracker,
        title: "Tracker is not declared in the consent manifest",
        messageFormat: "This calls {0}, which consent-manifest.json does not declare; " +
            "add {{ \"use\": \"{1}\", \"category\": \"…\" }} to 'trackers'",
        RuleCategories.Declarations,
        DiagnosticSeverity.Warning,
        description: "Every tracker the site uses must be in the cookie policy, with the consent category it needs. " +
            "An undeclared tracker has no category to check a consent guard against, so only this diagnostic is reported for it.");
}

using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0202: a tracking call, or a call to a [RequiresConsent] member, with no consent check for its category.</summary>
    public static readonly DiagnosticDescriptor UnguardedTracking = Create(
        DiagnosticIds.UnguardedTracking,
        title: "Tracking call, or call to a [RequiresConsent] member, not guarded by a consent check",
        messageFormat: "{0} needs consent for '{1}', but no consent check for '{1}' guards it on every path",
        RuleCategories.Consent,
        DiagnosticSeverity.Warning,
        description: "A tracking call, or a call to a member marked [RequiresConsent], may run only after the user consented to its category. " +
            "Put the call under a consent check for that category, " +
            "or mark the calling member [RequiresConsent] to pass the requirement on to its callers.");
}

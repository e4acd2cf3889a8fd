using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0105: a cookie or storage write of a non-essential category with no consent check for it on every path.</summary>
    public static readonly DiagnosticDescriptor UnguardedWrite = Create(
        DiagnosticIds.UnguardedWrite,
        title: "Non-essential write not guarded by a consent check",
        messageFormat: "{0} needs consent for '{1}', but no consent check for '{1}' guards it on every path",
        RuleCategories.Consent,
        DiagnosticSeverity.Warning,
        description: "Cookies and storage keys that are not strictly necessary may be written only after the user consented to their category. " +
            "Put the write under a consent check for that category " +
            "(if/else, early return, a [ConsentGuard] member, ITrackingConsentFeature.CanTrack), " +
            "or mark the containing member [RequiresConsent] so its callers must check.");
}

using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0204: ITrackingConsentFeature.CanTrack is always true: the cookie policy runs, but never requires consent.</summary>
    public static readonly DiagnosticDescriptor AlwaysTrueGuard = Create(
        DiagnosticIds.AlwaysTrueGuard,
        title: "CanTrack is always true: the cookie policy never requires consent",
        messageFormat: "UseCookiePolicy runs without CookiePolicyOptions.CheckConsentNeeded, so ITrackingConsentFeature.CanTrack is always true: " +
            "the {0} consent check(s) on CanTrack in this project (the first in {1}) let every guarded write and call through without consent",
        RuleCategories.Consent,
        DiagnosticSeverity.Warning,
        description: "CanTrack is !IsConsentNeeded || HasConsent, and IsConsentNeeded is CookiePolicyOptions.CheckConsentNeeded(context), " +
            "false when CheckConsentNeeded is not set. " +
            "Set CheckConsentNeeded (for example options.CheckConsentNeeded = _ => " +
            "true) where the cookie policy is configured, or check HasConsent or a [ConsentGuard] member instead.");
}

using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>
    /// CG0205: a [RequiresConsent] member overrides or implements a member that does not require the same consent, so
    /// calls through that member are not checked.
    /// </summary>
    public static readonly DiagnosticDescriptor RequirementNotOnBaseMember = Create(
        DiagnosticIds.RequirementNotOnBaseMember,
        title: "[RequiresConsent] member overrides or implements a member without the same requirement",
        messageFormat: "{0} needs consent for '{1}', but no consent check for '{1}' guards it on every path",
        RuleCategories.Consent,
        DiagnosticSeverity.Warning,
        description: "A member marked [RequiresConsent] that overrides a base member or implements an interface member without the same mark can " +
            "be called through that member, and such calls are not checked for consent. " +
            "Mark the base or interface member [RequiresConsent] with the same category too.");
}

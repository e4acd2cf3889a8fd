using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0203: guarded, but by a check for another category (reported instead of CG0105/CG0202).</summary>
    public static readonly DiagnosticDescriptor WrongCategoryGuard = Create(
        DiagnosticIds.WrongCategoryGuard,
        title: "Guarded by a consent check for a different category",
        messageFormat: "{0} needs consent for '{1}', but is guarded only by a check for {2}",
        RuleCategories.Consent,
        DiagnosticSeverity.Warning,
        description: "Consent is given per category: agreeing to analytics is not agreeing to advertising. " +
            "Check the category the write or call belongs to.");
}

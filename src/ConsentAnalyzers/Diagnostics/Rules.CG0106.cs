using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0106: IsEssential = true on a cookie whose declared category needs consent.</summary>
    public static readonly DiagnosticDescriptor EssentialMisdeclared = Create(
        DiagnosticIds.EssentialMisdeclared,
        title: "Cookie marked essential but its category is not",
        messageFormat: "Cookie '{0}' is marked IsEssential = true, but its category '{1}' is not essential: " +
            "ASP.NET Core's cookie policy would write it without consent",
        RuleCategories.Consent,
        DiagnosticSeverity.Warning,
        description: "CookieOptions.IsEssential = true tells ASP.NET Core's CookiePolicyMiddleware to write the cookie even when the user has not " +
            "consented. Only cookies of an essential (strictly necessary) category may bypass consent.");
}

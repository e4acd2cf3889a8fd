using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>
    /// CG0111: a cookie or storage key that needs consent, declared or written to live longer than the lifetime cap
    /// (13 months unless ConsentLifetimeCap says otherwise); also a ConsentLifetimeCap that is not a lifetime.
    /// </summary>
    public static readonly DiagnosticDescriptor LifetimeOverCap = Create(
        DiagnosticIds.LifetimeOverCap,
        title: "Cookie or storage lifetime exceeds the lifetime cap",
        messageFormat: "{0}",
        RuleCategories.Consent,
        DiagnosticSeverity.Warning,
        description: "A cookie that needs consent should not outlive it: data-protection authorities limit how long such cookies may live, " +
            "and 13 months (the French CNIL's cap for audience-measurement cookies) is the figure most often applied. A non-essential cookie " +
            "or storage key declared or written with a longer lifetime is reported. Set the cap with the MSBuild property " +
            "ConsentLifetimeCap (ISO-8601, such as P25M), or switch it off with 'none'.");
}

using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0110: a cookie written to live longer than its manifest maxAge, or persistent where the manifest says session.</summary>
    public static readonly DiagnosticDescriptor LifetimeLongerThanDeclared = Create(
        DiagnosticIds.LifetimeLongerThanDeclared,
        title: "Cookie is written to live longer than the manifest declares",
        messageFormat: "Cookie '{0}' is written to live {1}, but the manifest declares {2}",
        RuleCategories.Declarations,
        DiagnosticSeverity.Warning,
        description: "The cookie policy tells visitors how long each cookie lives (maxAge in consent-manifest.json). A cookie written with a " +
            "constant MaxAge or Expires (in a script, a constant max-age) longer than that, or persistent where the manifest says " +
            "\"session\", lives longer than the policy says. Values only known at run time (configuration, parameters) are not checked.");
}

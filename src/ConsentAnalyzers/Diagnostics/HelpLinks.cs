namespace ConsentAnalyzers.Diagnostics;

/// <summary>Each rule's documentation page, derived from its ID so that no link can point at the wrong page.</summary>
internal static class HelpLinks
{
    public const string RuleDocsBase = "https://github.com/ConsentAnalyzers/ConsentAnalyzers/blob/main/docs/rules/";

    public static string For(string ruleId) => RuleDocsBase + ruleId + ".md";
}

namespace ConsentAnalyzers.Diagnostics;

/// <summary>Diagnostic categories, as they appear in rule sets, .editorconfig and AnalyzerReleases files.</summary>
internal static class RuleCategories
{
    public const string Manifest = "ConsentAnalyzers.Manifest";
    public const string Generation = "ConsentAnalyzers.Generation";
    public const string Declarations = "ConsentAnalyzers.Declarations";
    public const string Consent = "ConsentAnalyzers.Consent";
    public const string Style = "ConsentAnalyzers.Style";
}

namespace ConsentAnalyzers.Diagnostics;

/// <summary>
/// Keys of the properties the analyzers attach to their diagnostics: what a code fix needs to repair the finding
/// without analyzing the code again.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>CG0101/CG0103/CG0104: the undeclared name; absent when the name has holes (an interpolation).</summary>
    public const string Name = "Name";

    /// <summary>CG0101/CG0103/CG0104: where the name is written, a <c>NameTarget</c> value.</summary>
    public const string Target = "Target";

    /// <summary>CG0107: the generated constant that holds the literal's text, e.g. <c>ConsentCookies.Ga</c>.</summary>
    public const string Constant = "Constant";

    /// <summary>CG0201: the built-in catalog id of the undeclared tracker (the manifest entry's <c>use</c>).</summary>
    public const string Tracker = "Tracker";

    /// <summary>CG0206: the Consent Mode types the tag's category should map, comma-separated (the category is <see cref="Category"/>).</summary>
    public const string ConsentModeTypes = "ConsentModeTypes";

    /// <summary>CG0105/CG0202/CG0203: the category whose consent the site needs; CG0206: the Google tag's category.</summary>
    public const string Category = "Category";

    /// <summary>CG0105/CG0202/CG0203: a second category whose consent would also do (gtag serving analytics or ads).</summary>
    public const string AlternativeCategory = "AlternativeCategory";

    /// <summary>CG0203: the categories the guards around the site do check, comma-separated.</summary>
    public const string GrantedCategories = "GrantedCategories";

    /// <summary>CG0110: the cookie's declared lifetime as the manifest spells it (<c>P13M</c>, <c>session</c>).</summary>
    public const string DeclaredLifetime = "DeclaredLifetime";

    /// <summary>CG0110: the property the lifetime is written to, <c>MaxAge</c> (a TimeSpan) or <c>Expires</c> (a date).</summary>
    public const string LifetimeProperty = "LifetimeProperty";

    /// <summary>
    /// Present ("true") when the finding is inside Razor markup: the code at the location is generated, so no code edit
    /// can repair it.
    /// </summary>
    public const string InMarkup = "InMarkup";
}

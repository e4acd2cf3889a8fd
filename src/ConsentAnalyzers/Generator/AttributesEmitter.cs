using ConsentAnalyzers.ConsentApi;
namespace ConsentAnalyzers.Generator;

/// <summary>Emits <c>RequiresConsentAttribute</c> and <c>ConsentGuardAttribute</c>, which the analyzers understand.</summary>
internal static class AttributesEmitter
{
    public static string Emit(GenerationInput input) => SourceFile.Build(input.Options, writer =>
    {
        var visibility = input.Options.Visibility;
        writer.Summary(
            "The member needs the user's consent for <see cref=\"Category\"/>: " +
            "its body counts as guarded, and every call to it must be guarded by a consent check for that category " +
            "(like <c>[RequiresUnreferencedCode]</c>).",
            "Use it to state a precondition that a caller checks, instead of <c>Debug.Assert</c>, which is compiled out of release builds.");
        writer.TypeAttributes(input.Options);
        writer.Line(SourceFile.ExcludeFromCoverageAttribute);
        writer.Line(
            "[global::System.AttributeUsage(global::System.AttributeTargets.Method | global::System.AttributeTargets.Constructor | " +
            "global::System.AttributeTargets.Property | global::System.AttributeTargets.Class | global::System.AttributeTargets.Struct, " +
            "Inherited = false, AllowMultiple = false)]");
        writer.Open($"{visibility} sealed class {GeneratedNames.RequiresConsentAttribute} : global::System.Attribute");
        writer.Summary("Declares that the member needs consent for <paramref name=\"category\"/>.");
        writer.Line("/// <param name=\"category\">The consent category the member needs.</param>");
        writer.Open($"public {GeneratedNames.RequiresConsentAttribute}({GeneratedNames.Category} category)");
        writer.Line("Category = category;");
        writer.Close();
        writer.Line();
        writer.Summary("The consent category the member needs.");
        writer.Line($"public {GeneratedNames.Category} Category {{ get; }}");
        writer.Close();
        writer.Line();

        writer.Summary(
            "Marks a consent check: a <c>bool</c> property, field or method that is <c>true</c> only when the user consented.",
            "With a category, the member checks that category (<c>[ConsentGuard(ConsentCategory.Analytics)] bool AnalyticsAllowed</c>). " +
            "Without one, the method's <see cref=\"" + GeneratedNames.Category
                + "\"/> parameter names the category (<c>[ConsentGuard] bool IsGranted(ConsentCategory category)</c>).");
        writer.TypeAttributes(input.Options);
        writer.Line(SourceFile.ExcludeFromCoverageAttribute);
        writer.Line(
            "[global::System.AttributeUsage(global::System.AttributeTargets.Method | global::System.AttributeTargets.Property | " +
            "global::System.AttributeTargets.Field, Inherited = true, AllowMultiple = false)]");
        writer.Open($"{visibility} sealed class {GeneratedNames.ConsentGuardAttribute} : global::System.Attribute");
        writer.Summary("Marks a method whose <see cref=\"" + GeneratedNames.Category + "\"/> parameter names the category it checks.");
        writer.Open($"public {GeneratedNames.ConsentGuardAttribute}()");
        writer.Close();
        writer.Line();
        writer.Summary("Marks a member that checks consent for <paramref name=\"category\"/>.");
        writer.Line("/// <param name=\"category\">The consent category the member checks.</param>");
        writer.Open($"public {GeneratedNames.ConsentGuardAttribute}({GeneratedNames.Category} category)");
        writer.Line("Category = category;");
        writer.Close();
        writer.Line();
        writer.Summary("The category the member checks, or <c>null</c> when its parameter names it.");
        writer.Line($"public {GeneratedNames.Category}? Category {{ get; }}");
        writer.Close();
    });
}

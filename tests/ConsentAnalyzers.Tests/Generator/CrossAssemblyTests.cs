using System.Collections.Immutable;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Generator;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ConsentAnalyzers.Tests.Generator;

/// <summary>
/// Two projects with the same root namespace that both reference the package, one referencing the other, compiled
/// in-process by the lowest supported compiler (Roslyn 4.8): internal types never cross the assembly boundary, not even
/// through InternalsVisibleTo, and public ones are generated once, by the referenced project.
/// </summary>
public class CrossAssemblyTests
{
    private const string CoreSource = """
        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.Web")]
        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.Tests")]

        namespace Shop
        {
            public static class CoreApi
            {
                public static string AnalyticsCookie() => ConsentCookies.Ga;
            }

            internal static class CoreConsent
            {
                [ConsentGuard]
                internal static bool IsGranted(ConsentCategory category) => ConsentManifest.GetCategory(category).IsEssential;

                internal static bool AnalyticsGranted => IsGranted(ConsentCategory.Analytics);
            }
        }
        """;

    /// <summary>
    /// Web uses its own generated types, Core's public API and, through InternalsVisibleTo, Core's internals (those whose
    /// signatures name no generated type: Core's ConsentCategory is Core's own, not Web's).
    /// </summary>
    private const string WebSource = """
        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.Tests")]

        namespace Shop
        {
            internal static class Usage
            {
                [RequiresConsent(ConsentCategory.Analytics)]
                internal static string Describe()
                {
                    var cookie = ConsentManifest.FindCookie(ConsentCookies.GaName("ABC"));
                    var granted = CoreConsent.AnalyticsGranted;
                    return CoreApi.AnalyticsCookie() + cookie?.Provider + ConsentStorageKeys.LandingPage + granted;
                }
            }
        }
        """;

    private static Dictionary<string, string> Properties(bool isPublic = false)
    {
        var properties = new Dictionary<string, string> { ["build_property.RootNamespace"] = "Shop" };
        if (isPublic)
        {
            properties["build_property.ConsentGeneratedVisibility"] = "public";
        }

        return properties;
    }

    private sealed record Built(Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, ImmutableDictionary<string, string> Sources)
    {
        public MetadataReference Reference()
        {
            using var stream = new MemoryStream();
            var emit = Output.Emit(stream);
            Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        /// <summary>Every compiler diagnostic, warnings included (the harness makes warnings errors).</summary>
        public List<string> CompilerDiagnostics() =>
            Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
    }

    private static Built Build(string assemblyName, string source, IReadOnlyDictionary<string, string> properties,
        string manifest = TestManifests.Policy, LanguageVersion version = LanguageVersion.CSharp12, params MetadataReference[] references)
    {
        var parseOptions = GeneratorHarness.ParseOptions(version);
        var compilation = GeneratorHarness.CreateCompilation(source, parseOptions, assemblyName).AddReferences(references);
        var driver = GeneratorHarness.CreateDriver(manifest, properties, parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output,
            out var diagnostics);
        var sources = driver.GetRunResult().Results.Single().GeneratedSources.ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString());
        return new Built(output, diagnostics, sources);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.CSharp12)]
    public void Internal_types_do_not_collide_through_InternalsVisibleTo(LanguageVersion version)
    {
        var core = Build("Shop.Core", CoreSource, Properties(), version: version);
        Assert.Empty(core.CompilerDiagnostics());

        var web = Build("Shop.Web", WebSource, Properties(), version: version, references: core.Reference());

        Assert.Empty(web.GeneratorDiagnostics);
        Assert.Empty(web.CompilerDiagnostics());
        Assert.Equal("Shop.Web", web.Output.GetTypeByMetadataName("Shop.ConsentCategory")!.ContainingAssembly.Name);
        Assert.Equal("Shop.Web", web.Output.GetTypeByMetadataName(EmbeddedAttributeEmitter.MetadataName)!.ContainingAssembly.Name);
    }

    [Fact]
    public void A_third_assembly_that_sees_the_internals_of_both_sees_neither_copy_and_has_its_own()
    {
        var core = Build("Shop.Core", CoreSource, Properties());
        var web = Build("Shop.Web", WebSource, Properties(), references: core.Reference());
        const string TestsSource = """
            namespace Shop
            {
                internal static class Checks
                {
                    internal static string All() => ConsentCookies.Ga + Usage.Describe() + CoreApi.AnalyticsCookie() + ConsentCategory.Analytics;
                }
            }
            """;

        var tests = Build("Shop.Tests", TestsSource, Properties(), references: [core.Reference(), web.Reference()]);

        Assert.Empty(tests.CompilerDiagnostics());
    }

    [Fact]
    public void Every_internal_generated_type_is_embedded_and_the_attribute_is_declared_once()
    {
        var built = Build("Shop.Core", CoreSource, Properties());

        var generated = built.Output.Assembly.GlobalNamespace.GetNamespaceMembers().Single(ns => ns.Name == "Shop").GetTypeMembers()
            .Where(type => type.Name.StartsWith("Consent", StringComparison.Ordinal)
                || type.Name.EndsWith("ConsentAttribute", StringComparison.Ordinal)
                || type.Name.EndsWith("WriterAttribute", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(16, generated.Count);
        Assert.All(generated,
            type => Assert.Contains(type.GetAttributes(), a => a.AttributeClass!.ToDisplayString() == EmbeddedAttributeEmitter.MetadataName));
        Assert.Single(built.Sources.Keys, key => key.Contains("EmbeddedAttribute", StringComparison.Ordinal));
    }

    [Fact]
    public void The_attribute_is_the_documented_partial_declaration_and_marks_itself_only_on_hosts_that_do_not()
    {
        Assert.Equal(
            """
            // <auto-generated/>
            // Generated by ConsentAnalyzers: hides the generated internal types from other assemblies, InternalsVisibleTo or not.

            namespace Microsoft.CodeAnalysis
            {
                internal sealed partial class EmbeddedAttribute : global::System.Attribute
                {
                }
            }

            """.ReplaceLineEndings("\n"),
            EmbeddedAttributeEmitter.Emit(marksItself: false));
        Assert.Contains("    [global::Microsoft.CodeAnalysis.Embedded]\n    internal sealed partial class EmbeddedAttribute",
            EmbeddedAttributeEmitter.Emit(marksItself: true), StringComparison.Ordinal);

        // The tests run on Roslyn 4.8, which does not mark a source definition itself.
        Assert.False(EmbeddedAttributeEmitter.HostMarksDefinitionEmbedded);
        Assert.Equal(EmbeddedAttributeEmitter.Emit(marksItself: true),
            Build("Shop.Core", CoreSource, Properties()).Sources[EmbeddedAttributeEmitter.HintName]);
    }

    [Theory]
    [InlineData("internal sealed partial class EmbeddedAttribute : global::System.Attribute { }")]
    [InlineData("[System.AttributeUsage(System.AttributeTargets.All)] internal sealed class EmbeddedAttribute : System.Attribute { }")]
    public void An_EmbeddedAttribute_the_project_declares_itself_is_used_and_not_declared_again(string declaration)
    {
        var built = Build("Shop.Core", CoreSource + "\nnamespace Microsoft.CodeAnalysis { " + declaration + " }", Properties());

        Assert.DoesNotContain(EmbeddedAttributeEmitter.HintName, built.Sources.Keys);
        Assert.Empty(built.CompilerDiagnostics());
        Assert.Contains(EmbeddedAttributeEmitter.Usage, built.Sources["ConsentCategory.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Another_generator_declaring_the_attribute_the_documented_way_merges_with_this_one()
    {
        var built = Build("Shop.Core", CoreSource, Properties());
        var withOther = built.Output.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText(EmbeddedAttributeEmitter.Emit(marksItself: false), GeneratorHarness.ParseOptions()));

        Assert.Empty(withOther.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Public_types_carry_no_Embedded_and_the_attribute_is_not_declared()
    {
        var built = Build("Shop.Core", CoreSource, Properties(isPublic: true));

        Assert.DoesNotContain(EmbeddedAttributeEmitter.HintName, built.Sources.Keys);
        Assert.All(built.Sources.Values, source => Assert.DoesNotContain("Embedded", source, StringComparison.Ordinal));
        Assert.Empty(built.CompilerDiagnostics());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Public_types_of_a_referenced_assembly_are_used_and_not_generated_again(bool webIsPublic)
    {
        var core = Build("Shop.Core", CoreSource, Properties(isPublic: true));

        var web = Build("Shop.Web", WebSource, Properties(isPublic: webIsPublic), references: core.Reference());

        Assert.Empty(web.Sources);
        var diagnostic = Assert.Single(web.GeneratorDiagnostics);
        Assert.Equal(DiagnosticIds.TypesFromReference, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.DefaultSeverity);
        Assert.Equal(
            "The consent types of namespace 'Shop' come from the referenced assembly 'Shop.Core', which generated them public: " +
            "this project uses them and generates none of its own (two copies would conflict)",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(web.CompilerDiagnostics());
        Assert.Equal("Shop.Core", web.Output.GetTypeByMetadataName("Shop.ConsentCookies")!.ContainingAssembly.Name);

        // An assembly that references both sees one copy of each type (no CS0433).
        var tests = Build("Shop.Tests",
            "namespace Shop { internal static class Checks { internal static string All() " +
            "=> ConsentCookies.Ga + Usage.Describe() + ConsentCategory.Analytics; } }", Properties(),
            references: [core.Reference(), web.Reference()]);
        Assert.Empty(tests.CompilerDiagnostics());
    }

    [Fact]
    public void Public_types_in_another_namespace_do_not_stop_generation()
    {
        var core = Build("Shop.Core", CoreSource.Replace("namespace Shop", "namespace Shop.Core", StringComparison.Ordinal),
            new Dictionary<string,
                string> { ["build_property.RootNamespace"] = "Shop.Core", ["build_property.ConsentGeneratedVisibility"] = "public" });

        var web = Build("Shop.Web",
            "namespace Shop { internal static class Usage { internal static string M() => ConsentCookies.Ga + Shop.Core.ConsentCookies.Ga; } }",
            Properties(), references: core.Reference());

        Assert.Empty(web.GeneratorDiagnostics);
        Assert.Contains("ConsentCookies.g.cs", web.Sources.Keys);
        Assert.Empty(web.CompilerDiagnostics());
    }

    [Fact]
    public void Referenced_public_types_from_a_manifest_with_other_categories_are_a_warning()
    {
        const string Other = """
            { "version": 1, "categories": { "necessary": { "title": "Necessary", "essential": true }, "marketing": { "title": "Marketing" } } }
            """;
        var core = Build("Shop.Core", "namespace Shop { }", Properties(isPublic: true), manifest: Other);

        var web = Build("Shop.Web", "namespace Shop { }", Properties(isPublic: true), references: core.Reference());

        var diagnostic = Assert.Single(web.GeneratorDiagnostics);
        Assert.Equal(DiagnosticIds.ReferencedTypesMismatch, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Contains(
            "whose ConsentCategory (Necessary, Marketing) " +
            "does not match the categories of this project's manifest (Necessary, Functional, Analytics, Advertising)",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(web.Sources);
    }

    [Fact]
    public void A_hand_written_public_type_of_the_same_name_is_not_taken_for_the_generated_one()
    {
        var library = GeneratorHarness.CreateCompilation("namespace Shop { public enum ConsentCategory { Other } }", assemblyName: "Shop.Library");
        using var stream = new MemoryStream();
        Assert.True(library.Emit(stream).Success);

        var web = Build("Shop.Web", "namespace Shop { }", Properties(), references: MetadataReference.CreateFromImage(stream.ToArray()));

        Assert.Empty(web.GeneratorDiagnostics);
        Assert.Contains("ConsentCategory.g.cs", web.Sources.Keys);
    }
}

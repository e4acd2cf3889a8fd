using System.Collections.Immutable;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Tests.Infrastructure;

/// <summary>
/// The project the analyzer, code-fix and generator verifiers test, set up in one place: its reference assemblies
/// (ASP.NET Core unless a test says otherwise), the manifest as an additional file at <see cref="ManifestPath"/>, and
/// the real <see cref="ConsentGenerator"/>, which emits the consent API (<c>ConsentCategory</c>, the attributes, the
/// name constants) from that manifest into <see cref="Namespace"/>, as in a consumer's build. Each verifier calls
/// <see cref="Setup{TTest}"/>.
/// </summary>
/// <remarks>
/// The generator is an analyzer reference of every project of the test's solution, as in the IDE: the workspace runs
/// it for each compilation, so the analyzers, the code fixes (and the analyzers they run to check an edit) and the
/// fixed states all see the API generated from the manifest of that moment.
/// </remarks>
internal static class ConsentTestProject
{
    public const string ManifestPath = "/0/consent-manifest.json";

    /// <summary>The testing library's project name: the assembly name, so the namespace of the generated API.</summary>
    public const string Namespace = "TestProject";

    /// <summary>
    /// The app's consent service, marked with the generated attributes: the checks the guard tests use
    /// (<c>IConsent</c>), and a member that requires advertising consent (<c>Ads.TrackConversion</c>).
    /// </summary>
    public const string ConsentService = """
        using System.Threading.Tasks;

        namespace TestProject
        {
            internal interface IConsent
            {
                [ConsentGuard(ConsentCategory.Analytics)] bool AnalyticsAllowed { get; }
                [ConsentGuard] bool IsGranted(ConsentCategory category);
                [ConsentGuard] Task<bool> IsGrantedAsync(ConsentCategory category);
            }

            internal static class Ads
            {
                [RequiresConsent(ConsentCategory.Advertising)]
                public static void TrackConversion() { }
            }
        }
        """;

    /// <summary>
    /// References, generator (unless the test is a generator test, which runs it itself) and, if given, the
    /// manifest. CG0107 ("use the generated constant") is off unless <see cref="WithConstantRule{TTest}"/> turns it
    /// on: with the generated constants present it would flag every declared name written as a literal, which the
    /// tests of the other rules write on purpose.
    /// </summary>
    public static TTest Setup<TTest>(this TTest test, string? manifest = null, ResolvedReferences? references = null)
        where TTest : AnalyzerTest<DefaultVerifier>
    {
        test.ReferenceAssemblies = (references ?? TestReferences.AspNetCore).ReferenceAssemblies;

        // What the generator emits is checked by the generator's own tests; here it is the API the tested code uses.
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        test.DisabledDiagnostics.Add(DiagnosticIds.LiteralDuplicatesConstant);
        var runsGenerator = test is not SourceGeneratorTest<DefaultVerifier>;
        test.SolutionTransforms.Add((solution, _) =>
        {
            foreach (var projectId in solution.ProjectIds)
            {
                if (runsGenerator)
                {
                    solution = solution.AddAnalyzerReference(projectId, GeneratorReference.Instance);
                }

                // The verifier disables diagnostics in its main project only: CG0107 is off in every project.
                if (test.DisabledDiagnostics.Contains(DiagnosticIds.LiteralDuplicatesConstant))
                {
                    var options = solution.GetProject(projectId)!.CompilationOptions!;
                    solution = solution.WithProjectCompilationOptions(
                        projectId,
                        options.WithSpecificDiagnosticOptions(
                            options.SpecificDiagnosticOptions.SetItem(DiagnosticIds.LiteralDuplicatesConstant, ReportDiagnostic.Suppress)));
                }
            }

            return solution;
        });
        return manifest is null ? test : test.WithManifest(manifest);
    }

    /// <summary>Adds the manifest; <c>{|CG0003:…|}</c> markup in it marks the expected diagnostics.</summary>
    public static TTest WithManifest<TTest>(this TTest test, string manifest, string path = ManifestPath)
        where TTest : AnalyzerTest<DefaultVerifier>
    {
        test.TestState.AdditionalFiles.Add((path, manifest));
        return test;
    }

    /// <summary>Adds a global analyzer config, as MSBuild writes one for build properties and item metadata.</summary>
    public static TTest WithGlobalConfig<TTest>(this TTest test, string content)
        where TTest : AnalyzerTest<DefaultVerifier>
    {
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + content));
        return test;
    }

    /// <summary>Turns CG0107 back on, for the tests of literals that duplicate a generated constant.</summary>
    public static TTest WithConstantRule<TTest>(this TTest test)
        where TTest : AnalyzerTest<DefaultVerifier>
    {
        test.DisabledDiagnostics.Remove(DiagnosticIds.LiteralDuplicatesConstant);
        return test;
    }

    /// <summary>The text of a test source with its <c>{|CG0101:…|}</c> and <c>{|#0:…|}</c> markup taken out.</summary>
    public static string WithoutMarkup(string code)
    {
        TestFileMarkupParser.GetSpans(code, out var text, out ImmutableDictionary<string, ImmutableArray<TextSpan>> _);
        return text;
    }

    /// <summary>
    /// The same project in a workspace, for tests that call code-fix providers themselves: ASP.NET Core, the manifest,
    /// the generator.
    /// </summary>
    public static Project AddProject(AdhocWorkspace workspace, string manifest) =>
        workspace.AddProject(Namespace, LanguageNames.CSharp)
            .WithMetadataReferences(TestReferences.AspNetCore.References)
            .WithCompilationOptions(
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .AddAnalyzerReference(GeneratorReference.Instance)
            .AddAdditionalDocument("consent-manifest.json", SourceText.From(manifest), filePath: ManifestPath).Project;

    /// <summary>
    /// The same project compiled without a verifier, for tests that run the analyzers themselves: the sources,
    /// the generated API of <paramref name="manifest"/>, ASP.NET Core and <paramref name="extraReferences"/>.
    /// </summary>
    public static (Compilation Compilation, AnalyzerOptions Options) Compile(
        IEnumerable<(string Path, string Text)> sources, string manifest, OutputKind kind = OutputKind.DynamicallyLinkedLibrary,
        IEnumerable<MetadataReference>? extraReferences = null)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var compilation = CSharpCompilation.Create(
            Namespace,
            sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, parseOptions, source.Path)),
            TestReferences.AspNetCore.References.AddRange(extraReferences ?? []),
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        var additional = new InMemoryAdditionalText(ManifestPath, manifest);
        var options = new TestOptionsProvider();
        CSharpGeneratorDriver.Create([new ConsentGenerator().AsSourceGenerator()], [additional], parseOptions, options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);
        return (withGenerated, new AnalyzerOptions([additional], options));
    }

    /// <summary>
    /// The generator as a workspace runs it: from an analyzer reference of the project (one instance, which the
    /// workspace keys its runs by).
    /// </summary>
    private sealed class GeneratorReference : AnalyzerReference
    {
        public static readonly GeneratorReference Instance = new();

        private readonly ImmutableArray<ISourceGenerator> _generators = [new ConsentGenerator().AsSourceGenerator()];

        public override string? FullPath => null;

        public override object Id => typeof(ConsentGenerator);

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => [];

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => [];

        public override ImmutableArray<ISourceGenerator> GetGenerators(string language) => language == LanguageNames.CSharp ? _generators : [];

        public override ImmutableArray<ISourceGenerator> GetGeneratorsForAllLanguages() => _generators;
    }
}

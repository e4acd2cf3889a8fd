using System.Collections.Immutable;
using System.Reflection;
using ConsentAnalyzers.Generator;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ConsentAnalyzers.Tests.Generator;

/// <summary>The generator does nothing it need not: unrelated edits and reformatting regenerate nothing.</summary>
public class IncrementalGeneratorTests
{
    /// <summary>Every step name in <see cref="TrackingNames"/>, read from it, so a step added or renamed there is checked too.</summary>
    private static readonly string[] TrackedSteps = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();

    /// <summary>The host's own input steps (Roslyn's WellKnownGeneratorInputs), which hold the compilation and its trees by design.</summary>
    private static readonly string[] HostInputSteps = ["Compilation", "ParseOptions", "AdditionalTexts", "SyntaxTrees", "AnalyzerConfigOptions",
        "MetadataReferences"];

    /// <summary>The build property the package sets in command-line builds, where the generator reports the manifest rules.</summary>
    private static readonly Dictionary<string, string> CommandLineBuild = new() { ["build_property._ConsentCommandLineBuild"] = "true" };

    /// <summary>A driver that has run once, and the inputs it holds, so a test can edit one of them and run again.</summary>
    private sealed class Session
    {
        private AdditionalText _manifest;

        /// <param name="manifest">The manifest's text.</param>
        /// <param name="properties">Build properties besides the command-line build's.</param>
        /// <param name="source">The project's code; a bare Program class by default.</param>
        /// <param name="aspNetCore">Whether the project references ASP.NET Core.</param>
        public Session(string manifest = TestManifests.Policy, IReadOnlyDictionary<string, string>? properties = null, string? source = null,
            bool aspNetCore = false)
        {
            _manifest = new InMemoryAdditionalText(GeneratorHarness.ManifestPath, manifest);
            Compilation = source is null
                ? GeneratorHarness.CreateCompilation(aspNetCore: aspNetCore)
                : GeneratorHarness.CreateCompilation(source, aspNetCore: aspNetCore);
            Driver = CSharpGeneratorDriver.Create(
                [new ConsentGenerator().AsSourceGenerator()],
                [_manifest],
                GeneratorHarness.ParseOptions(),
                new TestOptionsProvider(CommandLineBuild.Concat(properties ?? ImmutableDictionary<string, string>.Empty).ToDictionary()),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
            Run();
        }

        public Compilation Compilation { get; set; }

        public GeneratorDriver Driver { get; set; }

        public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

        public void Run() => Driver = Driver.RunGenerators(Compilation);

        public void ReplaceManifest(string text)
        {
            var replacement = new InMemoryAdditionalText(GeneratorHarness.ManifestPath, text);
            Driver = Driver.ReplaceAdditionalText(_manifest, replacement);
            _manifest = replacement;
        }

        public List<(string Step, IncrementalStepRunReason Reason)> StepReasons() => Result.TrackedSteps
            .Where(step => TrackedSteps.Contains(step.Key))
            .SelectMany(step => step.Value.SelectMany(run => run.Outputs.Select(output => (step.Key, output.Reason))))
            .ToList();

        public List<IncrementalStepRunReason> OutputReasons() =>
            Result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs).Select(output => output.Reason).ToList();

        public List<string> Diagnostics() => Result.Diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition}").ToList();

        public List<string> Sources() => Result.GeneratedSources.Select(s => s.SourceText.ToString()).ToList();

        public string Source(string hintName) => Result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
    }

    [Fact]
    public void Every_step_is_tracked() =>
        Assert.Equal(TrackedSteps.Order(), new Session().Result.TrackedSteps.Keys.Where(TrackedSteps.Contains).Order());

    /// <summary>
    /// No step's output holds a compiler object (<see cref="ObjectGraph"/>): one would keep every compilation alive and
    /// defeat the cache. Checked on the sample app's manifest and code using its generated API, on the first run and after
    /// a code edit, for every tracked step but the host's inputs, and for the output steps.
    /// </summary>
    [Fact]
    public void No_step_output_holds_a_compilation_symbol_syntax_semantic_model_operation_or_location()
    {
        var session = new Session(SampleManifestTests.Text, SampleManifestTests.Properties, SampleAppCode);
        var first = session.Result;
        session.Compilation = session.Compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("class Unrelated { void M() { } }", GeneratorHarness.ParseOptions()));
        session.Run();
        var results = new[] { ("first run", first), ("after an edit", session.Result) };

        var walked = new SortedSet<string>(StringComparer.Ordinal);
        var found = new List<string>();
        foreach (var (run, result) in results)
        {
            var steps = result.TrackedSteps.Where(step => !HostInputSteps.Contains(step.Key)).Concat(result.TrackedOutputSteps);
            foreach (var (name, stepRuns) in steps)
            {
                walked.Add(name);
                for (var i = 0; i < stepRuns.Length; i++)
                {
                    for (var j = 0; j < stepRuns[i].Outputs.Length; j++)
                    {
                        found.AddRange(
                            ObjectGraph.FindCompilerObjects(stepRuns[i].Outputs[j].Value,
                                $"{name}[{i}].Outputs[{j}]").Select(path => $"{run}: {path}"));
                    }
                }
            }
        }

        Assert.NotEmpty(TrackedSteps);
        Assert.Empty(TrackedSteps.Except(walked));
        Assert.True(found.Count == 0, "Step outputs that hold compiler objects:" + Environment.NewLine + string.Join(Environment.NewLine, found));
    }

    /// <summary>Code of the sample's kind: a page that reads a cookie and writes attribution storage, through the generated names.</summary>
    private const string SampleAppCode = """
        namespace AIMusicGens.Web.Pages
        {
            public sealed class Landing
            {
                public string? Campaign(System.Collections.Generic.IDictionary<string, string> cookies) =>
                    cookies.TryGetValue(ConsentCookies.Ga, out var id) ? id : null;
            }
        }
        """;

    [Fact]
    public void An_unrelated_code_edit_leaves_every_step_cached_or_unchanged_and_regenerates_nothing()
    {
        var session = new Session();

        session.Compilation = session.Compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("class Unrelated { void M() { } }", GeneratorHarness.ParseOptions()));
        session.Run();

        Assert.NotEmpty(session.StepReasons());
        Assert.All(session.StepReasons(), step => Assert.True(
            step.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"{step.Step} was {step.Reason}"));
        Assert.All(session.OutputReasons(), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    /// <summary>The runtime helpers the sample gets with ASP.NET Core referenced, and the manifest mapping Consent Mode.</summary>
    private static readonly string[] RuntimeHelpers = ["ConsentEnforcement.g.cs", "ConsentMode.g.cs", "ConsentOptOutSignals.g.cs",
        "ConsentStorageDisclosure.g.cs", "ConsentWithdrawal.g.cs"];

    [Fact]
    public void An_unrelated_code_edit_in_an_ASP_NET_Core_project_regenerates_none_of_the_runtime_helpers()
    {
        var session = new Session(SampleManifestTests.Text, SampleManifestTests.Properties, aspNetCore: true);
        Assert.Subset(session.Result.GeneratedSources.Select(s => s.HintName).ToHashSet(), RuntimeHelpers.ToHashSet());

        session.Compilation = session.Compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("class Unrelated { void M() { } }", GeneratorHarness.ParseOptions()));
        session.Run();

        Assert.Contains((TrackingNames.CompilationFacts, IncrementalStepRunReason.Unchanged), session.StepReasons());
        Assert.All(session.StepReasons(), step => Assert.True(
            step.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"{step.Step} was {step.Reason}"));
        Assert.All(session.OutputReasons(), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void Referencing_ASP_NET_Core_adds_the_request_helpers_and_the_middleware()
    {
        var session = new Session(SampleManifestTests.Text, SampleManifestTests.Properties);
        var before = session.Result.GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("ConsentMode.g.cs", before);
        Assert.DoesNotContain("ConsentWithdrawal.g.cs", before);

        session.Compilation = session.Compilation.WithReferences(GeneratorHarness.CreateCompilation(aspNetCore: true).References);
        session.Run();

        Assert.Contains((TrackingNames.CompilationFacts, IncrementalStepRunReason.Modified), session.StepReasons());
        Assert.Subset(session.Result.GeneratedSources.Select(s => s.HintName).ToHashSet(), RuntimeHelpers.ToHashSet());
    }

    [Fact]
    public void Reformatting_the_manifest_reparses_it_but_regenerates_nothing()
    {
        var session = new Session();
        var original = session.Sources();

        session.ReplaceManifest("// reformatted\n" + TestManifests.Policy.Replace("\n", "\r\n    ", StringComparison.Ordinal));
        session.Run();

        var reasons = session.StepReasons();
        // The file itself changed; from its parsed model on, nothing did.
        Assert.Contains((TrackingNames.ManifestCandidates, IncrementalStepRunReason.Modified), reasons);
        Assert.Contains((TrackingNames.ParsedManifests, IncrementalStepRunReason.Unchanged), reasons);
        Assert.DoesNotContain(reasons,
            step => step.Step != TrackingNames.ManifestCandidates
                && step.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.All(session.OutputReasons(), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.Equal(original, session.Sources());
    }

    [Fact]
    public void Editing_the_manifest_regenerates_the_output()
    {
        var session = new Session();

        session.ReplaceManifest(TestManifests.Policy.Replace("\"_ga\"", "\"_ga2\"", StringComparison.Ordinal));
        session.Run();

        Assert.Contains((TrackingNames.Input, IncrementalStepRunReason.Modified), session.StepReasons());
        Assert.Contains(IncrementalStepRunReason.Modified, session.OutputReasons());
        Assert.Contains("public const string Ga2 = \"_ga2\";", session.Source("ConsentCookies.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Breaking_the_manifest_empties_the_output_and_fixing_it_restores_it()
    {
        var session = new Session();
        var original = session.Sources();

        session.ReplaceManifest(TestManifests.Policy.Replace("\"version\": 1,", "\"version\": 1", StringComparison.Ordinal));
        session.Run();
        Assert.Equal(["CG0002 2,2"], session.Diagnostics());
        Assert.DoesNotContain("Ga", session.Source("ConsentCookies.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain("Necessary", session.Source("ConsentCategory.g.cs"), StringComparison.Ordinal);

        session.ReplaceManifest(TestManifests.Policy);
        session.Run();
        Assert.Empty(session.Diagnostics());
        Assert.Equal(original, session.Sources());
    }

    [Fact]
    public void Moving_a_manifest_error_reports_it_at_its_new_place_and_regenerates_nothing()
    {
        var broken = TestManifests.Policy.Replace("\"generate_form_draft\", \"area\": \"local\", \"category\": \"functional\"",
            "\"generate_form_draft\", \"area\": \"local\", \"category\": \"functionl\"", StringComparison.Ordinal);
        var session = new Session(broken);
        var sources = session.Sources();
        Assert.Equal(["CG0003 18,65"], session.Diagnostics());

        session.ReplaceManifest("// one more line\n" + broken);
        session.Run();

        var reasons = session.StepReasons();
        Assert.Contains((TrackingNames.ParsedManifests, IncrementalStepRunReason.Modified), reasons);
        Assert.Contains((TrackingNames.Manifest, IncrementalStepRunReason.Unchanged), reasons);
        Assert.Contains((TrackingNames.Diagnostics, IncrementalStepRunReason.Modified), reasons);
        Assert.Equal(["CG0003 19,65"], session.Diagnostics());
        Assert.Equal(sources, session.Sources());
    }

    [Fact]
    public void Changing_an_option_regenerates_the_output()
    {
        var session = new Session();

        session.Driver = session.Driver.WithUpdatedAnalyzerConfigOptions(
            new TestOptionsProvider(new Dictionary<string, string> { ["build_property.ConsentNamespace"] = "Other" }));
        session.Run();

        Assert.Contains((TrackingNames.Options, IncrementalStepRunReason.Modified), session.StepReasons());
        Assert.Contains("\nnamespace Other\n", session.Source("ConsentCookies.g.cs"), StringComparison.Ordinal);
    }
}

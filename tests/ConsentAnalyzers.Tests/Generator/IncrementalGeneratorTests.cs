using ConsentAnalyzers.Generator;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ConsentAnalyzers.Tests.Generator;

/// <summary>The generator does nothing it need not: unrelated edits and reformatting regenerate nothing.</summary>
public class IncrementalGeneratorTests
{
    private static readonly string[] TrackedSteps =
        [TrackingNames.ManifestCandidates, TrackingNames.ParsedManifests, TrackingNames.Settings, TrackingNames.ChosenManifest, TrackingNames.Manifest, TrackingNames.Options, TrackingNames.CompilationFacts, TrackingNames.Input, TrackingNames.Diagnostics];

    /// <summary>The build property the package sets in command-line builds, where the generator reports the manifest rules.</summary>
    private static readonly Dictionary<string, string> CommandLineBuild = new() { ["build_property._ConsentCommandLineBuild"] = "true" };

    /// <summary>A driver that has run once, and the inputs it holds, so a test can edit one of them and run again.</summary>
    private sealed class Session
    {
        private AdditionalText _manifest;

        public Session(string manifest = TestManifests.Policy)
        {
            _manifest = new InMemoryAdditionalText(GeneratorHarness.ManifestPath, manifest);
            Compilation = GeneratorHarness.CreateCompilation();
            Driver = CSharpGeneratorDriver.Create(
                [new ConsentGenerator().AsSourceGenerator()],
                [_manifest],
                GeneratorHarness.ParseOptions(),
                new TestOptionsProvider(CommandLineBuild),
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

    [Fact]
    public void An_unrelated_code_edit_leaves_every_step_cached_or_unchanged_and_regenerates_nothing()
    {
        var session = new Session();

        session.Compilation = session.Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { void M() { } }", GeneratorHarness.ParseOptions()));
        session.Run();

        Assert.NotEmpty(session.StepReasons());
        Assert.All(session.StepReasons(), step => Assert.True(
            step.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"{step.Step} was {step.Reason}"));
        Assert.All(session.OutputReasons(), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
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
        Assert.DoesNotContain(reasons, step => step.Step != TrackingNames.ManifestCandidates && step.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
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
        var broken = TestManifests.Policy.Replace("\"generate_form_draft\", \"area\": \"local\", \"category\": \"functional\"", "\"generate_form_draft\", \"area\": \"local\", \"category\": \"functionl\"", StringComparison.Ordinal);
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

        session.Driver = session.Driver.WithUpdatedAnalyzerConfigOptions(new TestOptionsProvider(new Dictionary<string, string> { ["build_property.ConsentNamespace"] = "Other" }));
        session.Run();

        Assert.Contains((TrackingNames.Options, IncrementalStepRunReason.Modified), session.StepReasons());
        Assert.Contains("\nnamespace Other\n", session.Source("ConsentCookies.g.cs"), StringComparison.Ordinal);
    }
}

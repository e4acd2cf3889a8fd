using System.Collections.Concurrent;
using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Guards;
using ConsentAnalyzers.Tests.Corpus;
using ConsentAnalyzers.Tests.Infrastructure;
using ConsentAnalyzers.Tests.Robustness.Code;
using ConsentAnalyzers.Tests.Robustness.NoBypass;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>
/// The guard check's shortcuts (<see cref="EnclosingGuard"/>, <see cref="CheckFreeBodies"/>) change no diagnostic:
/// every analyzer of the package runs on each input twice, with the shortcuts and with every site asking the
/// control-flow graph, and both runs must report the same diagnostics (id, location, message). The inputs are the
/// labeled corpus, the C# of the sample apps, the guard shapes of <see cref="ConsentGuardTests"/>, the no-bypass
/// shapes and a fixed selection of the typing fuzz inputs.
/// </summary>
public sealed class GraphShortcutDifferentialTests
{
    /// <summary>How many typing fuzz inputs are compared, spread evenly over the seeded cases of the three projects.</summary>
    private const int FuzzInputs = 200;

    private static readonly string[] GuardRules = [DiagnosticIds.UnguardedWrite, DiagnosticIds.UnguardedTracking, DiagnosticIds.WrongCategoryGuard];

    [Fact]
    public Task Every_corpus_file_gets_the_same_diagnostics_without_the_shortcuts() =>
        CompareAsync(CorpusRunner.Files().Select(path => Input(Path.GetFileName(path), () =>
        {
            var file = CorpusRunner.Compile(Path.GetFileName(path), File.ReadAllText(path));
            return (file.Compilation, file.Options);
        })), minimumGuardFindings: 50);

    [Theory]
    [InlineData("AIMusicGens.Web", 0)]
    [InlineData("RuleGallery", 3)]
    public async Task A_sample_app_gets_the_same_diagnostics_without_the_shortcuts(string sample, int minimumGuardFindings)
    {
        var project = await FuzzProject.SampleAsync(sample);
        var file = project.Files[0];
        await CompareAsync([Input(sample, () => Compiled(project, file, file.Text))], minimumGuardFindings);
    }

    [Fact]
    public Task Every_guard_shape_of_the_guard_tests_gets_the_same_diagnostics_without_the_shortcuts() =>
        CompareAsync(
            [Input("guard shapes", () => ConsentTestProject.Compile(
                [("/0/Endpoint.cs", ConsentGuardTests.Endpoint([.. ConsentGuardTests.Bodies().Select(ConsentTestProject.WithoutMarkup)])),
                    ("/0/ConsentService.cs", ConsentTestProject.ConsentService)],
                CodeManifests.Policy))],
            minimumGuardFindings: 25);

    [Fact]
    public Task Every_no_bypass_shape_gets_the_same_diagnostics_without_the_shortcuts() =>
        CompareAsync(NoBypassShapes.All.Select(shape => Input(shape.Name, () => ConsentTestProject.Compile(
            NoBypassTest.Context.Append(ConsentTestProject.WithoutMarkup(shape.Code)).Select((text, i) => ($"/0/Test{i}.cs", text)),
            NoBypassTest.Manifest,
            shape.TopLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            [NoBypassTest.LibraryReference]))), minimumGuardFindings: 20);

    [Fact]
    public async Task Typing_fuzz_inputs_get_the_same_diagnostics_without_the_shortcuts()
    {
        var projects = new List<FuzzProject>();
        foreach (var name in TypingFuzzTests.ProjectNames)
        {
            projects.Add(await TypingFuzzTests.Load(name));
        }

        // Enumerated twice rather than kept: the long fuzz mode has far more cases than fit in memory at once.
        IEnumerable<(FuzzProject Project, EditedCode Case)> Cases() =>
            projects.SelectMany(
                project => project.Files.SelectMany(file => FuzzCases.Prefixes(file).Concat(FuzzCases.Mutations(file))).Select(
                    fuzzCase => (project, fuzzCase)));
        var count = Cases().Count();
        Assert.True(count >= FuzzInputs, $"only {count} fuzz inputs");
        var chosen = Enumerable.Range(0, FuzzInputs).Select(i => i * count / FuzzInputs).ToHashSet();
        await CompareAsync(
            Cases().Where((_, i) => chosen.Contains(i)).Select(
                input => Input($"{input.Case.File.Name}, {input.Case.Label}", () => Compiled(input.Project, input.Case.File, input.Case.Text))),
            minimumGuardFindings: 20);
    }

    private static (string Name, Func<(Compilation, AnalyzerOptions)> Compile) Input(string name, Func<(Compilation, AnalyzerOptions)> compile) =>
        (name, compile);

    private static (Compilation, AnalyzerOptions) Compiled(FuzzProject project, FuzzFile file, string text)
    {
        var (compilation, options, _, _) = project.Compile(file, text, CancellationToken.None);
        return (compilation, options);
    }

    /// <summary>
    /// Runs every input both ways and fails with each input whose diagnostics differ; requires the inputs to have
    /// at least <paramref name="minimumGuardFindings"/> guard findings between them, so the comparison is not vacuous.
    /// </summary>
    private static async Task CompareAsync(IEnumerable<(string Name, Func<(Compilation, AnalyzerOptions)> Compile)> inputs, int minimumGuardFindings)
    {
        var differences = new ConcurrentQueue<string>();
        var (compared, guardFindings) = (0, 0);
        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (input, _) =>
        {
            var (compilation, options) = input.Compile();
            var withShortcuts = await DiagnosticsAsync(compilation, options, graphShortcuts: true);
            var withGraph = await DiagnosticsAsync(compilation, options, graphShortcuts: false);
            Interlocked.Increment(ref compared);
            Interlocked.Add(ref guardFindings, withGraph.Count(line => GuardRules.Any(id => line.StartsWith(id, StringComparison.Ordinal))));
            if (!withShortcuts.SequenceEqual(withGraph))
            {
                differences.Enqueue(
                    $"{input.Name}:\n  only with the shortcuts: {string.Join("\n    ", withShortcuts.Except(withGraph))}\n  only with the graph: " +
                    $"{string.Join("\n    ", withGraph.Except(withShortcuts))}");
            }
        });

        Assert.True(differences.IsEmpty, $"{differences.Count} of {compared} inputs differ:\n" + string.Join("\n", differences.Take(10)));
        Assert.True(guardFindings >= minimumGuardFindings, $"{compared} inputs, {guardFindings} guard findings: too few to compare");
    }

    /// <summary>Every diagnostic of every analyzer of the package, new instances with the shortcuts on or off, as sorted lines.</summary>
    private static async Task<List<string>> DiagnosticsAsync(Compilation compilation, AnalyzerOptions options, bool graphShortcuts)
    {
        var analyzers = FuzzProject.NewAnalyzers();
        foreach (var analyzer in analyzers.OfType<ConsentCodeAnalyzer>())
        {
            analyzer.GraphShortcuts = graphShortcuts;
        }

        var diagnostics = await compilation
            .WithAnalyzers(analyzers,
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics
            .Select(d =>
                $"{d.Id} {d.Location.GetLineSpan()} {d.Location.SourceSpan} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}

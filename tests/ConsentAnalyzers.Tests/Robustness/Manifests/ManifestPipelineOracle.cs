using System.Collections.Immutable;
using System.Reflection;
using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Generator;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Tests.Robustness.Manifests;

/// <summary>
/// Runs one manifest text through everything in the package that reads it (the generator, then every analyzer on
/// the generator's output) and checks what must hold for any input at all: nothing throws; what is generated (the
/// whole manifest, or the sound part of a broken one) compiles; and every issue is reported at a real place in the
/// file, by the generator as in a command-line build and identically by the manifest analyzer as in the IDE.
/// Returns null when all holds, otherwise what did not.
/// </summary>
internal static class ManifestPipelineOracle
{
    private static readonly string[] ManifestRules = ["CG0002", "CG0003", "CG0004"];

    /// <summary>A diagnostic message is shown on one line in the error list; quoting 1 MB of the manifest is a bug.</summary>
    private const int MaxMessageLength = 2000;

    /// <summary>Every analyzer the package ships, found by attribute so a new one is fuzzed without editing this list.</summary>
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(ManifestAnalyzer).Assembly.GetTypes()
        .Where(type => !type.IsAbstract
            && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
            && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    // Doc comments are diagnosed: manifest titles and purposes end up in them, and a malformed one is a warning,
    // which the harness's compilation turns into an error.
    private static readonly CSharpParseOptions ParseOptions = GeneratorHarness.ParseOptions().WithDocumentationMode(DocumentationMode.Diagnose);

    /// <summary>
    /// Code for the analyzers to look at, against ASP.NET Core: cookie writes (exact names, a pattern's prefix, a
    /// Set-Cookie header, an essential cookie), storage writes through JS interop, a tracking script, a request to a
    /// tracker endpoint, and a tracker-like API behind a guard-like check, all with names the fuzzer's manifests use,
    /// so that a fuzzed manifest's index is built and matched against real calls, not just parsed.
    /// </summary>
    private const string ProbeSource = """
        namespace MyApp.Telemetry
        {
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.JSInterop;

            internal static class Tracker
            {
                public static void Send(string name) { }
                public static bool AnalyticsAllowed => false;
            }

            internal static class Page
            {
                public static void Visit()
                {
                    if (Tracker.AnalyticsAllowed)
                    {
                        Tracker.Send("_ga");
                    }

                    Tracker.Send("landing_page");
                }

                public static async Task Write(HttpResponse response, IJSRuntime js, HttpClient http, string id)
                {
                    response.Cookies.Append("_ga", id);
                    response.Cookies.Append("_ga_" + id, id);
                    response.Cookies.Append("session", id, new CookieOptions { IsEssential = true });
                    response.Cookies.Append("a.b", id);
                    response.Cookies.Delete("_gcl_au");
                    response.Headers["Set-Cookie"] = "return_page=1; Path=/";
                    if (Tracker.AnalyticsAllowed)
                    {
                        await js.InvokeVoidAsync("localStorage.setItem", "landing_page", id);
                    }

                    await js.InvokeVoidAsync("sessionStorage.setItem", "draft:" + id, id);
                    await js.InvokeVoidAsync("gtag", "event", "page_view");
                    await http.GetAsync("https://collect.example.com/hit?id=" + id);
                }
            }
        }
        """;

    private static readonly Lazy<CSharpCompilation> Probe = new(() => CSharpCompilation.Create(
        "Consumer",
        [CSharpSyntaxTree.ParseText(ProbeSource, ParseOptions, path: "/project/Page.cs")],
        TestReferences.AspNetCore.References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error)));

    public static int AnalyzerCount => Analyzers.Length;

    /// <param name="valid">Whether the manifest came out valid (the generated code was compiled), for the fuzzer's statistics.</param>
    public static string? Check(SourceText text, CancellationToken cancellationToken, out bool valid)
    {
        valid = false;
        var manifest = new InMemoryAdditionalText(GeneratorHarness.ManifestPath, text);
        var commandLineBuild = new TestOptionsProvider(new Dictionary<string, string> { ["build_property._ConsentCommandLineBuild"] = "true" });

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ConsentGenerator().AsSourceGenerator()],
            [manifest],
            ParseOptions,
            commandLineBuild,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
        driver = driver.RunGeneratorsAndUpdateCompilation(Probe.Value, out var output, out var driverDiagnostics, cancellationToken);
        var run = driver.GetRunResult().Results.Single();
        if (run.Exception is not null)
        {
            return "the generator threw: " + run.Exception;
        }

        if (driverDiagnostics.Concat(run.Diagnostics).FirstOrDefault(d => !ManifestRules.Contains(d.Id)) is { } unexpected)
        {
            return "the generator reported something other than a manifest rule (CS8785 is a crash): " + unexpected;
        }

        var exceptions = new List<string>();
        var analyzerOptions = new AnalyzerOptions([manifest], new TestOptionsProvider());
        var withAnalyzers = output.WithAnalyzers(
            Analyzers,
            new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (exception, analyzer, _) =>
                {
                    lock (exceptions)
                    {
                        exceptions.Add(analyzer.GetType().Name + ": " + exception);
                    }
                },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
        if (exceptions.Count > 0)
        {
            return "an analyzer threw: " + string.Join(Environment.NewLine, exceptions);
        }

        var crashes = diagnostics.Where(d => d.Id == "AD0001").ToList();
        if (crashes.Count > 0)
        {
            return "AD0001: " + string.Join(Environment.NewLine, crashes);
        }

        var manifestDiagnostics = diagnostics.Where(d => ManifestRules.Contains(d.Id)).ToList();
        foreach (var diagnostic in manifestDiagnostics)
        {
            var problem = CheckLocation(diagnostic, text) ?? CheckMessage(diagnostic);
            if (problem is not null)
            {
                return problem;
            }
        }

        if (diagnostics.Any(d => d.Id == "CG0001"))
        {
            return "CG0001 (no manifest) although the manifest is there";
        }

        var fromGenerator = run.Diagnostics.Select(Describe).Order(StringComparer.Ordinal).ToList();
        var fromAnalyzer = manifestDiagnostics.Select(Describe).Order(StringComparer.Ordinal).ToList();
        if (!fromGenerator.SequenceEqual(fromAnalyzer))
        {
            return $"the generator reported {fromGenerator.Count} manifest issue(s), the analyzer {fromAnalyzer.Count}; first difference: "
                + (fromGenerator.Except(fromAnalyzer).FirstOrDefault() ?? fromAnalyzer.Except(fromGenerator).First());
        }

        if (run.GeneratedSources.Length < 2)
        {
            return $"the generator emitted {run.GeneratedSources.Length} file(s): the attributes and the category enum must always be there";
        }

        valid = manifestDiagnostics.Count == 0;
        var compileErrors = output.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        return compileErrors.Count == 0
            ? null
            : $"the generated code ({(valid ? "valid manifest" : "sound part of a broken one")}) does not compile: "
                + string.Join(Environment.NewLine, compileErrors);
    }

    private static string Describe(Diagnostic diagnostic) =>
        $"{diagnostic.Id} {diagnostic.Location.GetLineSpan()} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>A manifest diagnostic must point into the manifest, within its text, at the line and column the span says.</summary>
    private static string? CheckLocation(Diagnostic diagnostic, SourceText text)
    {
        var location = diagnostic.Location;
        if (location.Kind != LocationKind.ExternalFile)
        {
            return $"{diagnostic.Id} is not located in a file: {diagnostic}";
        }

        var lineSpan = location.GetLineSpan();
        if (lineSpan.Path != GeneratorHarness.ManifestPath)
        {
            return $"{diagnostic.Id} is located in '{lineSpan.Path}', not the manifest: {diagnostic}";
        }

        var span = location.SourceSpan;
        if (span.Start < 0 || span.End > text.Length)
        {
            return $"{diagnostic.Id} span {span} is outside the manifest's {text.Length} characters: {diagnostic.GetMessage()}";
        }

        var expected = text.Lines.GetLinePositionSpan(span);
        return lineSpan.Span == expected ? null : $"{diagnostic.Id} line/column {lineSpan.Span} does not match its span {span} ({expected})";
    }

    private static string? CheckMessage(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        if (message.Length > MaxMessageLength)
        {
            return $"{diagnostic.Id} message is {message.Length} characters long: {message.Substring(0, 200)}…";
        }

        return message.IndexOfAny(['\r', '\n', '\u2028', '\u2029', '\u0085']) >= 0
            ? $"{diagnostic.Id} message spans several lines: {message}"
            : null;
    }
}

using System.Collections.Immutable;
using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Tests.Analyzers;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit.Abstractions;

namespace ConsentAnalyzers.Tests.Robustness.Code;

/// <summary>
/// The newest C# syntax around cookie writes, storage writes and tracking calls: the analyzers find them in every
/// shape (primary constructors, records, top-level statements, file-local types, static abstract members,
/// lambdas with attributes…), report exactly the marked diagnostics, and survive the same fuzzing as the corpus.
/// </summary>
public sealed class ModernSyntaxTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_shape_gets_exactly_the_marked_diagnostics()
    {
        var test = new AllAnalyzersTest { TestState = { OutputKind = OutputKind.ConsoleApplication },
            MarkupOptions = MarkupOptions.UseFirstDescriptor };
        test.TestState.Sources.Add(("/0/Program.cs", ModernSyntaxSources.Program));
        test.TestState.Sources.Add(("/0/Shapes.cs", ModernSyntaxSources.Shapes));
        test.TestState.Sources.Add(("/0/Telemetry.cs", ModernSyntaxSources.Telemetry));
        test.TestState.Sources.Add(("/0/ConsentService.cs", ConsentTestProject.ConsentService));
        test.WithManifest(TrackingCallAnalyzerTests.Manifest);

        // The one unresolved name (the CG0102 in Program.cs) makes the project's coverage summary, at the manifest. The
        // verifier's '#pragma' pass adds a line at the top of each file, which moves the summary's additional location
        // and the line its message names (it does not move additional locations), so that pass is skipped here.
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        test.ExpectedDiagnostics.Add(new DiagnosticResult(ConsentAnalyzers.Diagnostics.Rules.UncheckedNames)
            .WithSpan(ConsentTestProject.ManifestPath, 1, 1, 1, 1)
            .WithSpan("/0/Program.cs", 19, 82, 19, 91)
            .WithArguments(12, 13, 1, "Program.cs(19)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Every_shape_cut_at_a_token_boundary_or_mutated_is_analyzed_without_exception_or_hang()
    {
        var context = new[] { ("Telemetry.cs", ModernSyntaxSources.Telemetry), ("ConsentService.cs", ConsentTestProject.ConsentService) }
            .Select(source => CSharpSyntaxTree.ParseText(source.Item2, FuzzProject.ParseOptions, "/modern/" + source.Item1));
        var files = new[] { ("Program.cs", ModernSyntaxSources.Program), ("Shapes.cs", ModernSyntaxSources.Shapes) }
            .Select(source => new FuzzFile("/modern/" + source.Item1, ConsentTestProject.WithoutMarkup(source.Item2), Original: null))
            .ToList();
        var project = await FuzzProject.CreateAsync("modern", "TestProject", OutputKind.ConsoleApplication, context, files,
            TrackingCallAnalyzerTests.Manifest);

        await FuzzRun.CheckAsync(output, "prefix and mutation", project, files.SelectMany(f => FuzzCases.Prefixes(f).Concat(FuzzCases.Mutations(f))));
    }

    /// <summary>The analyzer verifier with every analyzer of the package, at the newest language version.</summary>
    private sealed class AllAnalyzersTest : CSharpAnalyzerTest<ManifestAnalyzer, DefaultVerifier>
    {
        public AllAnalyzersTest() => this.Setup();

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => FuzzProject.Analyzers;

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Preview);
    }
}

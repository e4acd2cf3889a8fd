using System.Collections.Immutable;
using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.CodeFixes;
using ConsentAnalyzers.CodeFixes.Common;
using ConsentAnalyzers.CodeFixes.Guards;
using ConsentAnalyzers.Tests.Analyzers;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>
/// An IDE asks for code fixes on every caret move over a finding: the fixes that verify their edit with the analyzers
/// (issue 13) register their actions without running any, and verify when the action is computed.
/// </summary>
public class FixRegistrationTests
{
    /// <summary>A finding for each fix: an unguarded write in a public helper (guard it, or require consent) and one under the wrong check.</summary>
    private const string Code = """
        using Microsoft.AspNetCore.Http;
        using TestProject;

        class Visits(IConsent consent)
        {
            public void Remember(HttpResponse response)
            {
                response.Cookies.Append("_ga", "1");
            }

            void Advertise(HttpResponse response)
            {
                if (consent.IsGranted(ConsentCategory.Advertising)) response.Cookies.Append("_ga", "2");
            }
        }
        """;

    public static TheoryData<string> Providers =>
        [nameof(AddConsentCheckCodeFixProvider), nameof(AddRequiresConsentCodeFixProvider), nameof(FixGuardCategoryCodeFixProvider)];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Registering_runs_no_analyzer_and_computing_the_action_verifies_its_edit(string name)
    {
        CodeFixProvider provider = name switch
        {
            nameof(AddConsentCheckCodeFixProvider) => new AddConsentCheckCodeFixProvider(),
            nameof(AddRequiresConsentCodeFixProvider) => new AddRequiresConsentCodeFixProvider(),
            _ => new FixGuardCategoryCodeFixProvider(),
        };
        var (document, diagnostics) = await FindingsAsync(Code);
        var fixable = diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToList();
        Assert.NotEmpty(fixable);

        var actions = new List<CodeAction>();
        var registration = AnalyzerRuns.Observe();
        foreach (var diagnostic in fixable)
        {
            await provider.RegisterCodeFixesAsync(
                new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        }

        Assert.NotEmpty(actions);
        Assert.Equal(0, registration.Runs);

        // The count sees the verification where it now happens, so the assertion above can fail.
        var computing = AnalyzerRuns.Observe();
        var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
        Assert.True(computing.Runs > 0, "computing the action verified nothing");
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        Assert.NotEqual((await document.GetTextAsync()).ToString(), (await changed.GetTextAsync()).ToString());
    }

    /// <summary>
    /// A project with the generated consent API, the consent service and the manifest, and the consent findings in
    /// <paramref name="code"/>.
    /// </summary>
    private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> FindingsAsync(string code)
    {
        using var workspace = new AdhocWorkspace();
        var project = ConsentTestProject.AddProject(workspace, GuardFixTest<AddConsentCheckCodeFixProvider>.Manifest);
        project = project.AddDocument("ConsentService.cs", ConsentTestProject.ConsentService).Project;
        var document = project.AddDocument("Test0.cs", code);
        project = document.Project;

        var compilation = (await project.GetCompilationAsync())!;
        var tree = await document.GetSyntaxTreeAsync();
        var diagnostics = await compilation
            .WithAnalyzers([new CookieWriteAnalyzer(), new StorageWriteAnalyzer(), new TrackingCallAnalyzer(), new RequiresConsentCallAnalyzer()],
            project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        return (document, diagnostics.Where(d => d.Location.SourceTree == tree).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray());
    }
}

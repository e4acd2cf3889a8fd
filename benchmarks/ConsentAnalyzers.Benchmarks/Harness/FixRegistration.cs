using System.Diagnostics;
using System.Text;
using ConsentAnalyzers.CodeFixes;
using ConsentAnalyzers.CodeFixes.Guards;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Benchmarks.Harness;

/// <summary>One code-fix provider on one document: how long asking it for its actions takes, per finding.</summary>
public sealed record FixProviderResult(string Name, int Findings, int Actions, Samples RegisterMs, Samples ComputeMs);

/// <summary>The code-fix registration cost on the 1,000-line documents of a workload.</summary>
public sealed record FixRegistrationResult(int Lines, int Documents, int Findings, IReadOnlyList<FixProviderResult> Providers);

/// <summary>
/// What an IDE does on every caret move over a finding: it asks each code-fix provider that fixes the finding's rule for
/// its actions (<c>RegisterCodeFixesAsync</c>) to build the lightbulb menu. Measured warm, as in an IDE: the workspace
/// already holds the document's semantic model, and each provider has been asked for every finding once (and at least
/// <c>minimumWarmup</c> times) before. Each sample is one
/// finding's registration; the findings of the 1,000-line documents are taken in turn. Computing the first action (its
/// preview, or applying it) is measured for comparison, once per finding (at least ten times).
/// </summary>
public static class FixRegistration
{
    private const int ComputeSamples = 10;

    /// <summary>Every code-fix provider of ConsentAnalyzers.CodeFixes.dll.</summary>
    public static IReadOnlyList<CodeFixProvider> Providers() =>
        typeof(FixGuardCategoryCodeFixProvider).Assembly.GetTypes()
            .Where(type => typeof(CodeFixProvider).IsAssignableFrom(type) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
            .ToList();

    public static FixRegistrationResult Run(BenchmarkProject project, int minimumWarmup, int samples, int maxDocuments = int.MaxValue)
    {
        using var workspace = new AdhocWorkspace();
        var (solution, documents) = Solution(workspace, project, maxDocuments);
        var findings = Findings(solution, documents);
        var results = new List<FixProviderResult>();
        foreach (var provider in Providers())
        {
            var fixable = findings.Where(f => provider.FixableDiagnosticIds.Contains(f.Diagnostic.Id)).ToList();
            var register = new Samples();
            var compute = new Samples();
            var actions = new List<CodeAction>();
            var warmup = fixable.Count == 0 ? 0 : Math.Max(minimumWarmup, fixable.Count); // every finding asked for once before
            for (var i = 0; i < (fixable.Count == 0 ? 0 : warmup + samples); i++)
            {
                var (document, diagnostic) = fixable[i % fixable.Count];
                var offered = new List<CodeAction>();
                var context = new CodeFixContext(document, diagnostic, (action, _) => offered.Add(action), CancellationToken.None);
                var watch = Stopwatch.StartNew();
                provider.RegisterCodeFixesAsync(context).GetAwaiter().GetResult();
                watch.Stop();
                if (i >= warmup)
                {
                    register.Add(watch.Elapsed.TotalMilliseconds);
                }

                if (i >= warmup && i - warmup < fixable.Count)
                {
                    actions.AddRange(offered);
                }

                // Computing the first action: twice in the warm-up, then for each finding (at least ComputeSamples times).
                if (offered.Count > 0 && (i < Math.Min(warmup, 2) || (i >= warmup && i - warmup < Math.Max(fixable.Count, ComputeSamples))))
                {
                    var computeWatch = Stopwatch.StartNew();
                    offered[0].GetOperationsAsync(CancellationToken.None).GetAwaiter().GetResult();
                    if (i >= warmup)
                    {
                        compute.Add(computeWatch.Elapsed.TotalMilliseconds);
                    }
                }
            }

            results.Add(new FixProviderResult(provider.GetType().Name, fixable.Count, actions.Count, register, compute));
        }

        return new FixRegistrationResult(project.Workload.Lines, documents.Count, findings.Count, results);
    }

    /// <summary>
    /// The workload, its generated code and its manifest as a project of a workspace, with the build properties as a
    /// global config.
    /// </summary>
    private static (Solution Solution, List<DocumentId> Large) Solution(AdhocWorkspace workspace, BenchmarkProject project, int maxDocuments)
    {
        var id = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(id, VersionStamp.Default, "Shop.Web", "Shop.Web", LanguageNames.CSharp,
                compilationOptions: BenchmarkProject.CompilationOptions, parseOptions: BenchmarkProject.ParseOptions,
                metadataReferences: References.AspNetCore));
        var large = new List<DocumentId>();
        var largeTrees = project.LargeDocuments.Take(maxDocuments).ToHashSet();
        foreach (var tree in project.Trees.Concat(project.Generated))
        {
            var documentId = DocumentId.CreateNewId(id);
            solution = solution.AddDocument(documentId, Path.GetFileName(tree.FilePath), tree.GetText(), filePath: tree.FilePath);
            if (largeTrees.Contains(tree))
            {
                large.Add(documentId);
            }
        }

        var config = new StringBuilder("is_global = true\n");
        foreach (var key in BenchmarkProject.BuildOptions.GlobalOptions.Keys)
        {
            BenchmarkProject.BuildOptions.GlobalOptions.TryGetValue(key, out var value);
            config.Append(key).Append(" = ").Append(value).Append('\n');
        }

        solution = solution
            .AddAdditionalDocument(DocumentId.CreateNewId(id), "consent-manifest.json", SourceText.From(project.Workload.Manifest.Json),
            filePath: BenchmarkProject.ManifestPath)
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(id), ".globalconfig", SourceText.From(config.ToString()),
            filePath: "/shop/.globalconfig");
        return (solution, large);
    }

    /// <summary>Our analyzers' findings in each document, as the IDE has them when the caret is on one.</summary>
    private static List<(Document Document, Diagnostic Diagnostic)> Findings(Solution solution, List<DocumentId> documents)
    {
        var project = solution.Projects.Single();
        var compilation = project.GetCompilationAsync().GetAwaiter().GetResult()!;
        var withAnalyzers = compilation.WithAnalyzers(AnalyzerSet.ConsentAnalyzers().Analyzers, project.AnalyzerOptions);
        var findings = new List<(Document, Diagnostic)>();
        foreach (var id in documents)
        {
            var document = solution.GetDocument(id)!;
            var model = document.GetSemanticModelAsync().GetAwaiter().GetResult()!;
            var diagnostics = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null,
                CancellationToken.None).GetAwaiter().GetResult();
            findings.AddRange(diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => (document, d)));
        }

        return findings;
    }
}

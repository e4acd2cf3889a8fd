using System.Collections.Immutable;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Analyzers;

/// <summary>
/// Reports manifest problems (CG0002–CG0004) live, from an additional-file action, at their exact span in the JSON,
/// and CG0001 when the project has no manifest at all; except in a command-line build, where the generator reports
/// them (<see cref="ManifestRuleReporting"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ManifestAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.ManifestNotFound,
        Rules.ManifestSyntax,
        Rules.ManifestContent,
        Rules.ManifestConflict);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var globalOptions = context.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
        if (ManifestRuleReporting.ByGenerator(globalOptions))
        {
            return;
        }

        var primary = ManifestFiles.FindPrimary(context.Options);
        if (primary is null)
        {
            var reason = ManifestFiles.WhyNoManifest(globalOptions);
            context.RegisterCompilationEndAction(end => end.ReportDiagnostic(Diagnostic.Create(Rules.ManifestNotFound, Location.None, reason)));
            return;
        }

        context.RegisterAdditionalFileAction(fileContext => AnalyzeManifestFile(fileContext, primary));
    }

    private static void AnalyzeManifestFile(AdditionalFileAnalysisContext context, AdditionalText primary)
    {
        var file = context.AdditionalFile;
        if (!ManifestFiles.IsCandidate(file, context.Options.AnalyzerConfigOptionsProvider))
        {
            return;
        }

        var text = file.GetText(context.CancellationToken);
        if (text is null)
        {
            return;
        }

        if (!ReferenceEquals(file, primary))
        {
            if (file.Path == primary.Path)
            {
                return; // the same file listed twice: it is analyzed once, as the manifest
            }

            context.ReportDiagnostic(
                Diagnostic.Create(Rules.ManifestConflict, LocationIn(file, text, new TextSpan(0, 0)), ManifestFiles.NotTheManifest(primary.Path)));
            return;
        }

        foreach (var issue in ManifestCache.Read(text, context.CancellationToken).Issues)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.ManifestRule(issue.RuleId), LocationIn(file, text, issue.Span), issue.Message));
        }
    }

    private static Location LocationIn(AdditionalText file, SourceText text, TextSpan span) =>
        Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
}

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
/// them (<see cref="ManifestRuleReporting"/>). Also, in every build, CG0111 at a declared <c>maxAge</c> of a cookie or storage
/// key that needs consent, longer than the lifetime cap (<see cref="LifetimeCap"/>), and once at no location when the
/// cap's MSBuild property is not a lifetime.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ManifestAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.ManifestNotFound,
        Rules.ManifestSyntax,
        Rules.ManifestContent,
        Rules.ManifestConflict,
        Rules.LifetimeOverCap);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var globalOptions = context.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var reportsManifestRules = !ManifestRuleReporting.ByGenerator(globalOptions);
        var primary = ManifestFiles.FindPrimary(context.Options);
        if (primary is null)
        {
            if (reportsManifestRules)
            {
                var reason = ManifestFiles.WhyNoManifest(globalOptions);
                context.RegisterCompilationEndAction(end => end.ReportDiagnostic(Diagnostic.Create(Rules.ManifestNotFound, Location.None, reason)));
            }

            return;
        }

        var cap = LifetimeCap.Read(globalOptions);
        context.RegisterAdditionalFileAction(fileContext => AnalyzeManifestFile(fileContext, primary, reportsManifestRules, cap));
    }

    private static void AnalyzeManifestFile(AdditionalFileAnalysisContext context, AdditionalText primary, bool reportsManifestRules,
        LifetimeCap cap)
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
            if (file.Path == primary.Path || !reportsManifestRules)
            {
                return; // the same file listed twice: it is analyzed once, as the manifest
            }

            context.ReportDiagnostic(
                Diagnostic.Create(Rules.ManifestConflict, LocationIn(file, text, new TextSpan(0, 0)), ManifestFiles.NotTheManifest(primary.Path)));
            return;
        }

        var result = ManifestCache.Read(text, context.CancellationToken);
        if (reportsManifestRules)
        {
            foreach (var issue in result.Issues)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.ManifestRule(issue.RuleId), LocationIn(file, text, issue.Span), issue.Message));
            }
        }

        ReportLifetimesOverCap(context, file, text, result.Model, cap);
    }

    /// <summary>CG0111 at each declared lifetime over the cap of a valid manifest, and the cap's own problem once.</summary>
    private static void ReportLifetimesOverCap(AdditionalFileAnalysisContext context, AdditionalText file, SourceText text, ManifestModel? model,
        LifetimeCap cap)
    {
        if (cap.Error is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.LifetimeOverCap, Location.None, cap.Error));
        }

        if (model is null || cap.Limit is not { } limit)
        {
            return;
        }

        var index = ManifestIndex.For(model);
        foreach (var declared in DeclaredLifetimes.Find(text, context.CancellationToken))
        {
            if (!index.Category(declared.Category).IsEssential && declared.Lifetime.IsLongerThan(limit))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.LifetimeOverCap, LocationIn(file, text, declared.Span),
                    LifetimeCap.DeclaredMessage(declared.What, declared.Name, declared.Lifetime, declared.Category, limit)));
            }
        }
    }

    private static Location LocationIn(AdditionalText file, SourceText text, TextSpan span) =>
        Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
}

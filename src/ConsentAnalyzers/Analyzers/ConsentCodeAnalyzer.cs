using ConsentAnalyzers.Analysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Analyzers;

/// <summary>
/// The frame of every analyzer that checks code against the manifest: it runs only when the project has a valid
/// manifest, and it analyzes generated code too, since Razor compiles .cshtml/.razor markup into generated C# and a
/// cookie written or a tracker called there is as real as any other (its diagnostics map back to the markup).
/// </summary>
public abstract class ConsentCodeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// Exists for the differential test of the guard shortcuts (false: every site asks the control-flow graph); always
    /// true in the product.
    /// </summary>
    internal bool GraphShortcuts { get; set; } = true;

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var consent = ConsentCompilation.For(start.Compilation, start.Options, start.CancellationToken, GraphShortcuts);
            if (consent is not null && AppliesTo(consent))
            {
                RegisterActions(start, consent);
            }
        });
    }

    /// <summary>Whether the compilation can contain anything this analyzer looks for (a cheap test, to bail early).</summary>
    private protected virtual bool AppliesTo(ConsentCompilation consent) => true;

    private protected abstract void RegisterActions(CompilationStartAnalysisContext context, ConsentCompilation consent);
}

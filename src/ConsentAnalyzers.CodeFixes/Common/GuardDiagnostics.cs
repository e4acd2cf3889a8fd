using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.CodeFixes.Common;

/// <summary>
/// The consent-check findings (CG0105, CG0202, CG0203) in part of a document, from the package's own analyzers. A fix
/// that changes a consent check is judged by the analysis itself, rather than by a second implementation of it that
/// could disagree: run before and after the edit, it shows which sites the edit repairs and which it breaks.
/// </summary>
internal static class GuardDiagnostics
{
    private static readonly ImmutableHashSet<string> Ids = ImmutableHashSet.Create(DiagnosticIds.UnguardedWrite, DiagnosticIds.UnguardedTracking, DiagnosticIds.WrongCategoryGuard);

    public static async Task<ImmutableArray<Diagnostic>> InAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null || tree is null)
        {
            return ImmutableArray<Diagnostic>.Empty;
        }

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new CookieWriteAnalyzer(), new StorageWriteAnalyzer(), new TrackingCallAnalyzer(), new RequiresConsentCallAnalyzer());
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(document.Project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), span, cancellationToken).ConfigureAwait(false);
        return diagnostics.Where(d => Ids.Contains(d.Id)).ToImmutableArray();
    }
}

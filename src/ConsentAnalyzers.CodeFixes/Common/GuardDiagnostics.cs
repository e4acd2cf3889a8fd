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
/// The consent-check findings (CG0105, CG0202, CG0203) in part of a syntax tree, from the package's own analyzers. A fix
/// that changes a consent check is judged by the analysis itself, rather than by a second implementation of it that
/// could disagree: run before and after the edit, it shows which sites the edit repairs and which it breaks.
/// </summary>
internal static class GuardDiagnostics
{
    private static readonly ImmutableHashSet<string> Ids = ImmutableHashSet.Create(DiagnosticIds.UnguardedWrite, DiagnosticIds.UnguardedTracking,
        DiagnosticIds.WrongCategoryGuard);

    /// <summary>
    /// The findings in <paramref name="span"/> of <paramref name="tree"/>. To judge an edit, pass the original
    /// compilation with the edited tree swapped in: the generated sources stay as they are (an edit of a consent
    /// check does not change them), so no generator runs again.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> InAsync(Compilation compilation, SyntaxTree tree, TextSpan span, AnalyzerOptions options,
        CancellationToken cancellationToken)
    {
        AnalyzerRuns.Record();
        var withAnalyzers = compilation.WithAnalyzers(GuardReportingAnalyzers.Create(),
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), span,
            cancellationToken).ConfigureAwait(false);
        return diagnostics.Where(d => Ids.Contains(d.Id)).ToImmutableArray();
    }
}

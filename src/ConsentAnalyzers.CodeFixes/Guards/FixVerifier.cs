using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.CodeFixes.Common;
using ConsentAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.CodeFixes.Guards;

/// <summary>
/// Proves that a consent fix round-trips before it is applied: the fixed member has no compiler error the original
/// did not have, and the analyzers no longer report the rule (nor CG0203) at the site. The edit is verified rather
/// than predicted, so shapes the placement cannot foresee (a wrapped <c>return</c>, a local read after the check, a
/// lambda that runs later) leave the code as it is instead of getting a broken edit.
/// </summary>
internal static class FixVerifier
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = GuardReportingAnalyzers.Create();

    /// <summary>
    /// Whether <paramref name="changed"/> repairs the finding: <paramref name="site"/> marks the finding's node in it;
    /// <paramref name="originalMember"/> is the member that held the finding before the edit.
    /// </summary>
    public static async Task<bool> RepairsAsync(SemanticModel original, SyntaxNode originalMember, Document changed, SyntaxAnnotation site,
        string ruleId, CancellationToken cancellationToken)
    {
        var root = await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await changed.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var siteNode = root?.GetAnnotatedNodes(site).FirstOrDefault();
        if (model is null || siteNode is null || ContainingMember(siteNode) is not { } member)
        {
            return false;
        }

        if (Errors(model, member, cancellationToken) > Errors(original, originalMember, cancellationToken))
        {
            return false;
        }

        AnalyzerRuns.Record();
        var analyzers = model.Compilation.WithAnalyzers(Analyzers, changed.Project.AnalyzerOptions);
        var diagnostics = await analyzers.GetAnalyzerSemanticDiagnosticsAsync(model, member.FullSpan, cancellationToken).ConfigureAwait(false);
        return !diagnostics.Any(d => (d.Id == ruleId || d.Id == DiagnosticIds.WrongCategoryGuard) && d.Location.SourceSpan == siteNode.Span);
    }

    /// <summary>The type member (method, property, constructor, field) that contains <paramref name="node"/>.</summary>
    public static SyntaxNode? ContainingMember(SyntaxNode node) =>
        node.FirstAncestorOrSelf<MemberDeclarationSyntax>(
            member => member.Parent is BaseTypeDeclarationSyntax or CompilationUnitSyntax or BaseNamespaceDeclarationSyntax);

    private static int Errors(SemanticModel model, SyntaxNode member, CancellationToken cancellationToken) =>
        model.GetDiagnostics(member.FullSpan, cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
}

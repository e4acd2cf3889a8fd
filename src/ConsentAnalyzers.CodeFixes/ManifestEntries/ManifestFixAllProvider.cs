using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ConsentAnalyzers.CodeFixes.ManifestEntries;

/// <summary>
/// The Fix All of an edit of the manifest, in a document, a project or the solution. Needed because the batch fixer
/// merges edits of source documents only and would drop the manifest's, an additional document.
/// </summary>
internal abstract class ManifestFixAllProvider : FixAllProvider
{
    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => [FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution];

    /// <summary>The findings of the Fix All's scope, by project.</summary>
    protected static async Task<ImmutableArray<(Project Project,
        ImmutableArray<Diagnostic> Diagnostics)>> DiagnosticsInScopeAsync(FixAllContext context)
    {
        var projects = context.Scope switch
        {
            FixAllScope.Document or FixAllScope.Project => ImmutableArray.Create(context.Project),
            FixAllScope.Solution => context.Solution.Projects.ToImmutableArray(),
            _ => ImmutableArray<Project>.Empty,
        };
        var result = ImmutableArray.CreateBuilder<(Project, ImmutableArray<Diagnostic>)>(projects.Length);
        foreach (var project in projects)
        {
            var diagnostics = context.Scope == FixAllScope.Document && context.Document is not null
                ? await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false)
                : await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
            result.Add((project, diagnostics));
        }

        return result.MoveToImmutable();
    }
}

using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ConsentAnalyzers.CodeFixes.ManifestEntries;

/// <summary>
/// Fix All for the Consent Mode mapping (CG0206): each manifest file in scope edited once, mapping every category its
/// findings name (Analytics and Ads may each bring theirs).
/// </summary>
internal sealed class MapConsentModeFixAllProvider : ManifestFixAllProvider
{
    public static readonly MapConsentModeFixAllProvider Instance = new();

    private MapConsentModeFixAllProvider()
    {
    }

    public override async Task<CodeAction?> GetFixAsync(FixAllContext context)
    {
        var diagnostics = await DiagnosticsInScopeAsync(context).ConfigureAwait(false);
        return CodeAction.Create(
            "Map the Google tag's categories to Google Consent Mode in the consent manifest",
            async cancellationToken =>
            {
                var solution = context.Solution;
                var edited = new HashSet<string>();
                foreach (var (project, projectDiagnostics) in diagnostics)
                {
                    solution = await MapAsync(solution, project, projectDiagnostics, edited, cancellationToken).ConfigureAwait(false);
                }

                return solution;
            },
            context.CodeActionEquivalenceKey);
    }

    /// <summary>A project's findings mapped in its manifest, unless a project sharing that file already did.</summary>
    private static async Task<Solution> MapAsync(Solution solution, Project project, IEnumerable<Diagnostic> diagnostics, HashSet<string> edited,
        CancellationToken cancellationToken)
    {
        var manifest = await ManifestDocument.FindAsync(project, cancellationToken).ConfigureAwait(false);
        if (manifest is null || edited.Contains(manifest.FileKey))
        {
            return solution;
        }

        var text = manifest.Text;
        foreach (var diagnostic in diagnostics)
        {
            if (MapConsentModeCodeFixProvider.Mapping(diagnostic) is { } mapping
                && ConsentModeMappingEdit.Apply(text, mapping.Category, mapping.Types) is { } mapped)
            {
                text = mapped;
            }
        }

        if (text == manifest.Text)
        {
            return solution;
        }

        edited.Add(manifest.FileKey);
        return manifest.WithText(solution, text);
    }
}

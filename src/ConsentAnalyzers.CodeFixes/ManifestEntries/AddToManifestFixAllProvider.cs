using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ConsentAnalyzers.CodeFixes.ManifestEntries;

/// <summary>
/// Fix All for "declare in the manifest": every finding in the document, project or solution declared in the
/// chosen category, each manifest file edited once (one entry per name, in a stable order). Needed because the
/// batch fixer merges edits of source documents only and would drop the manifest's.
/// </summary>
internal sealed class AddToManifestFixAllProvider : ManifestFixAllProvider
{
    public static readonly AddToManifestFixAllProvider Instance = new();

    private AddToManifestFixAllProvider()
    {
    }

    public override async Task<CodeAction?> GetFixAsync(FixAllContext context)
    {
        // dotnet format takes the key from the first action offered for the first finding of any requested rule,
        // which may be another rule's: with no key, each finding gets its own first choice (never an essential category).
        var choice = DeclarationChoice.FromEquivalenceKey(context.CodeActionEquivalenceKey);
        if (choice is null && context.CodeActionEquivalenceKey is not null)
        {
            return null;
        }

        var diagnostics = await DiagnosticsInScopeAsync(context).ConfigureAwait(false);
        return CodeAction.Create(
            choice is null
                ? "Declare every undeclared name and tracker in the consent manifest"
                : $"Declare every undeclared name and tracker as '{choice.Category}' in the consent manifest",
            cancellationToken => DeclareAllAsync(context.Solution, diagnostics, choice, cancellationToken),
            choice?.EquivalenceKey);
    }

    private static async Task<Solution> DeclareAllAsync(
        Solution solution,
        ImmutableArray<(Project Project, ImmutableArray<Diagnostic> Diagnostics)> diagnostics,
        DeclarationChoice? choice,
        CancellationToken cancellationToken)
    {
        // Projects that share one manifest file (ConsentManifestPath) contribute to a single edit of it.
        var edits = new Dictionary<string, (ManifestDocument Manifest, List<NewManifestEntry> Entries)>();
        foreach (var (project, projectDiagnostics) in diagnostics)
        {
            var manifest = projectDiagnostics.IsEmpty ? null : await ManifestDocument.FindAsync(project, cancellationToken).ConfigureAwait(false);
            if (manifest is null || (choice is not null && !manifest.Model.Categories.Any(c => c.Id == choice.Category)))
            {
                continue;
            }

            if (!edits.TryGetValue(manifest.FileKey, out var edit))
            {
                edit = (manifest, new List<NewManifestEntry>());
                edits.Add(manifest.FileKey, edit);
            }

            edit.Entries.AddRange(projectDiagnostics
                .Select(diagnostic => (choice ?? DeclarationChoice.For(diagnostic, manifest.Model).FirstOrDefault())?.EntryFor(diagnostic))
                .OfType<NewManifestEntry>());
        }

        foreach (var (manifest, entries) in edits.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Each entry is tried alone first, so one name the manifest cannot hold (a cookie name with a space)
            // leaves the others to be declared, as their own single fixes would.
            var declarable = NewManifestEntry.DistinctInOrder(entries)
                .Where(entry => ManifestEntryEdit.Apply(manifest.Text, [entry]) is not null)
                .ToList();
            var newText = declarable.Count == 0 ? null : ManifestEntryEdit.Apply(manifest.Text, declarable);
            if (newText is not null)
            {
                solution = manifest.WithText(solution, newText);
            }
        }

        return solution;
    }
}

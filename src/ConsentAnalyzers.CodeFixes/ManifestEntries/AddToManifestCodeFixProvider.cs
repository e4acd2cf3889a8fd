using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Generator;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ConsentAnalyzers.CodeFixes.ManifestEntries;

/// <summary>
/// "Declare '_fbp' as Advertising in consent-manifest.json": for an undeclared cookie (CG0101), storage key
/// (CG0103) or built-in tracker (CG0201), one action per declared category, each adding the entry to the manifest
/// with a minimal edit of the JSON file. The code itself is not changed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddToManifestCodeFixProvider)), Shared]
public sealed class AddToManifestCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UndeclaredCookie, DiagnosticIds.UndeclaredStorageKey, DiagnosticIds.UndeclaredTracker);

    // The batch fixer drops edits to additional documents, and the manifest is one.
    public override FixAllProvider GetFixAllProvider() => AddToManifestFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        // TextDocument, not Document: a finding in a script is in an additional document of the project.
        var manifest = await ManifestDocument.FindAsync(context.TextDocument.Project, context.CancellationToken).ConfigureAwait(false);
        if (manifest is null)
        {
            return;
        }

        var categoryNames = new CategoryNames(manifest.Model);
        var solution = context.TextDocument.Project.Solution;
        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var choice in DeclarationChoice.For(diagnostic, manifest.Model))
            {
                if (choice.EntryFor(diagnostic) is not { } entry || ManifestEntryEdit.Apply(manifest.Text, [entry]) is not { } newText)
                {
                    continue;
                }

                var action = CodeAction.Create(
                    Title(entry, categoryNames.Member(choice.Category), manifest.FileName),
                    _ => Task.FromResult(manifest.WithText(solution, newText)),
                    choice.EquivalenceKey);
                context.RegisterCodeFix(action, diagnostic);
            }
        }
    }

    /// <summary>
    /// The category by its <c>ConsentCategory</c> member name, the one developers write in code; a storage key with
    /// its area, by the name of the browser API.
    /// </summary>
    private static string Title(NewManifestEntry entry, string category, string fileName)
    {
        var area = entry.Area switch
        {
            StorageArea.Local => " (localStorage)",
            StorageArea.Session => " (sessionStorage)",
            _ => string.Empty,
        };
        return $"Declare '{MessageText.Printable(entry.Name)}'{area} as {category} in {fileName}";
    }
}

using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using ConsentAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ConsentAnalyzers.CodeFixes.ManifestEntries;

/// <summary>
/// "Map category 'analytics' to Google Consent Mode (analytics_storage) in consent-manifest.json": for a Google tag in
/// a project whose manifest maps no category to Consent Mode (CG0206), adds the types the diagnostic names to the tag's
/// category. The code itself is not changed. Fix All maps each category that a finding in scope names, once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MapConsentModeCodeFixProvider)), Shared]
public sealed class MapConsentModeCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ConsentModeNotMapped);

    // The batch fixer drops edits to additional documents, and the manifest is one.
    public override FixAllProvider GetFixAllProvider() => MapConsentModeFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        // TextDocument, not Document: a finding in a script is in an additional document of the project.
        var manifest = await ManifestDocument.FindAsync(context.TextDocument.Project, context.CancellationToken).ConfigureAwait(false);
        if (manifest is null)
        {
            return;
        }

        var solution = context.TextDocument.Project.Solution;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Mapping(diagnostic) is not { } mapping
                || ConsentModeMappingEdit.Apply(manifest.Text, mapping.Category, mapping.Types) is not { } newText)
            {
                continue;
            }

            var (category, types) = mapping;
            var action = CodeAction.Create(
                $"Map category '{category}' to Google Consent Mode ({string.Join(", ", types)}) in {manifest.FileName}",
                _ => Task.FromResult(manifest.WithText(solution, newText)),
                "ConsentAnalyzers.MapConsentMode:" + category);
            context.RegisterCodeFix(action, diagnostic);
        }
    }

    /// <summary>The category and Consent Mode types a CG0206 finding asks for, from its properties.</summary>
    internal static (string Category, string[] Types)? Mapping(Diagnostic diagnostic) =>
        diagnostic.Id == DiagnosticIds.ConsentModeNotMapped
        && diagnostic.Properties.TryGetValue(DiagnosticProperties.Category, out var category) && category is not null
        && diagnostic.Properties.TryGetValue(DiagnosticProperties.ConsentModeTypes, out var types) && types is not null
            ? (category, types.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            : null;
}

using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.CodeFixes.ManifestEntries;

/// <summary>A project's manifest as the fixes see it: the additional document, its text, and the valid model read from it.</summary>
internal sealed record ManifestDocument(TextDocument Document, SourceText Text, ManifestModel Model)
{
    /// <summary>
    /// The manifest the analyzers read for this project (the same choice, including ConsentManifestPath), or null
    /// when there is none or it has errors: no fix edits a manifest the analyzers cannot read.
    /// </summary>
    public static async Task<ManifestDocument?> FindAsync(Project project, CancellationToken cancellationToken)
    {
        var primary = ManifestFiles.FindPrimary(project.AnalyzerOptions);
        if (primary is null)
        {
            return null;
        }

        foreach (var document in project.AdditionalDocuments)
        {
            if ((document.FilePath ?? document.Name) != primary.Path)
            {
                continue;
            }

            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var model = ManifestCache.Read(text, cancellationToken).Model;
            return model is null ? null : new ManifestDocument(document, text, model);
        }

        return null;
    }

    /// <summary>The file name, for titles: the manifest may have any name when ConsentManifestPath is set.</summary>
    public string FileName => Path.GetFileName(Document.FilePath ?? Document.Name);

    /// <summary>
    /// What identifies the file: a manifest shared by several projects (ConsentManifestPath in
    /// Directory.Build.props) is one file however many projects list it.
    /// </summary>
    public string FileKey => Document.FilePath ?? Document.Id.Id.ToString();

    /// <summary>
    /// The solution with the manifest's new text, in every project that lists the same file: were only one of them
    /// changed, the others would keep the old text, and saving them could undo the edit.
    /// </summary>
    public Solution WithText(Solution solution, SourceText newText)
    {
        if (Document.FilePath is null)
        {
            return solution.WithAdditionalDocumentText(Document.Id, newText);
        }

        foreach (var project in solution.Projects)
        {
            foreach (var document in project.AdditionalDocuments)
            {
                if (document.FilePath == Document.FilePath)
                {
                    solution = solution.WithAdditionalDocumentText(document.Id, newText);
                }
            }
        }

        return solution;
    }
}

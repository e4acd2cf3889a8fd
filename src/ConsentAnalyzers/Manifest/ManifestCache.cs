using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Manifest;

/// <summary>
/// Reads each manifest text once, however many analyzers, compilations and generator runs ask for it: the IDE hands
/// out the same <see cref="SourceText"/> until the file changes, and the table lets it go when the text dies.
/// </summary>
internal static class ManifestCache
{
    private static readonly ConditionalWeakTable<SourceText, ManifestReadResult> Results = new();

    public static ManifestReadResult Read(SourceText text) => Results.GetValue(text, ManifestReader.Read);
}

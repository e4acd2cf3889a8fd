using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Manifest;

/// <summary>
/// Reads each manifest text once, however many analyzers, compilations and generator runs ask for it: the IDE hands
/// out the same <see cref="SourceText"/> until the file changes, and the table lets it go when the text dies.
/// </summary>
internal static class ManifestCache
{
    private static readonly ConditionalWeakTable<SourceText, ManifestReadResult> Results = new();

    /// <summary>
    /// The result for <paramref name="text"/>, read now or earlier. A read cancelled part-way throws and caches
    /// nothing, so the next caller reads the text in full.
    /// </summary>
    public static ManifestReadResult Read(SourceText text, CancellationToken cancellationToken = default) =>
        Results.GetValue(text, t => ManifestReader.Read(t, cancellationToken));
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Generator;

/// <summary>Where in a file (the manifest) a diagnostic points, as pipeline data: compared by value, unlike <see cref="Location"/>.</summary>
internal sealed record FileLocation(string Path, TextSpan Span, LinePositionSpan Lines)
{
    public Location ToLocation() => Location.Create(Path, Span, Lines);
}

/// <summary>A manifest rule's diagnostic as pipeline data; a <see cref="Diagnostic"/> is made of it only to report it.</summary>
internal sealed record ManifestDiagnostic(string RuleId, string Message, FileLocation? Location);

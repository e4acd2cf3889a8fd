using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Manifest;

/// <summary>One problem in the manifest: which rule, exactly where in the JSON text, and a message that says how to fix it.</summary>
internal sealed record ManifestIssue(string RuleId, TextSpan Span, string Message);

/// <summary>What reading a manifest text produced: a model when the manifest is valid, otherwise the issues.</summary>
internal sealed record ManifestReadResult(ManifestModel? Model, ImmutableArray<ManifestIssue> Issues);

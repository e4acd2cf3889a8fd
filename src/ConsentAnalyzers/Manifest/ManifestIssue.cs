using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Manifest;

/// <summary>One problem in the manifest: which rule, exactly where in the JSON text, and a message that says how to fix it.</summary>
internal sealed record ManifestIssue(string RuleId, TextSpan Span, string Message);

/// <summary>What reading a manifest text produced.</summary>
/// <param name="Model">The whole manifest when it has no issue at all, else null: what the analyzers check code against.</param>
/// <param name="Issues">Every issue, each at its span.</param>
/// <param name="SoundPart">
/// The categories and entries read without any issue (all of them when <paramref name="Model"/> is set; none when
/// the text cannot be read as a manifest at all): what the generator emits, so a broken entry costs only its own uses.
/// </param>
internal sealed record ManifestReadResult(ManifestModel? Model, ImmutableArray<ManifestIssue> Issues, ManifestModel SoundPart);

using System.Collections.Generic;
using System.Threading;
using ConsentAnalyzers.Json;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Manifest;

/// <summary>A cookie's or storage key's <c>maxAge</c> as declared, with the span of its value in the manifest.</summary>
internal sealed record DeclaredLifetime(string What, string Name, string Category, Lifetime Lifetime, TextSpan Span);

/// <summary>
/// Finds the <c>maxAge</c> values of a manifest's cookie and storage entries in its JSON, where a rule about a
/// declared lifetime (CG0111) is reported: the model keeps no spans, so that an edit that only moves text does not
/// change it. Read from a manifest without issues, so every entry found is a valid one.
/// </summary>
internal static class DeclaredLifetimes
{
    public static IEnumerable<DeclaredLifetime> Find(SourceText text, CancellationToken cancellationToken)
    {
        if (JsonParser.Parse(text.ToString()).Root is not JsonObject manifest)
        {
            yield break;
        }

        foreach (var (list, nameField, what) in new[] { ("cookies", "name", "Cookie"), ("storage", "key", "Storage key") })
        {
            if (manifest.Find(list)?.Value is not JsonArray entries)
            {
                continue;
            }

            foreach (var item in entries.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (item is JsonObject entry
                    && entry.Find("maxAge")?.Value is JsonString maxAge
                    && entry.Find(nameField)?.Value is JsonString name
                    && entry.Find("category")?.Value is JsonString category
                    && Lifetime.Parse(maxAge.Value, out _) is { } lifetime)
                {
                    yield return new DeclaredLifetime(what, name.Value, category.Value, lifetime, maxAge.Span);
                }
            }
        }
    }
}

using System.Text.Json;

namespace ConsentAnalyzers.BrowserTests;

/// <summary>
/// The sample's consent-manifest.json as written (copied next to the tests), read independently of the generator the
/// app renders its policy from, so the page is checked against the file rather than against itself.
/// </summary>
internal static class ConsentManifestFile
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Every cookie name and storage key, with its <c>maxAge</c> as written ("" where it has none).</summary>
    public static IReadOnlyDictionary<string, string> DeclaredLifetimes()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "consent-manifest.json")), Options);
        var lifetimes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (section, nameProperty) in new[] { ("cookies", "name"), ("storage", "key") })
        {
            if (!manifest.RootElement.TryGetProperty(section, out var entries))
            {
                continue;
            }

            foreach (var entry in entries.EnumerateArray())
            {
                var lifetime = entry.TryGetProperty("maxAge", out var maxAge) ? maxAge.GetString() ?? "" : "";
                lifetimes.Add(entry.GetProperty(nameProperty).GetString()!, lifetime);
            }
        }

        return lifetimes;
    }
}

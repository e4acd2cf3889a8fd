using System.Text.RegularExpressions;
using ConsentAnalyzers.Tests.Infrastructure;

namespace ConsentAnalyzers.Tests.Robustness.Scripts;

/// <summary>A JavaScript file the script fuzz tests edit: where it came from, and its text.</summary>
internal sealed record ScriptSource(string Name, string Text);

/// <summary>
/// The realistic scripts the fuzz tests cut and mutate: every <c>*.js</c>/<c>*.mjs</c> of the labeled corpus (when it
/// has any), the sample apps' <c>wwwroot</c> scripts, and every JavaScript example of docs/javascript.md and the rule
/// pages (the examples a user copies first).
/// </summary>
internal static partial class ScriptFuzzSources
{
    public static IReadOnlyList<ScriptSource> All { get; } = Load();

    private static List<ScriptSource> Load()
    {
        var root = RepositoryPaths.Root;
        var corpus = Path.Combine(root, "tests", "ConsentAnalyzers.Tests", "Corpus", "files");
        var samples = Path.Combine(root, "samples");
        var files = ScriptsUnder(corpus, SearchOption.TopDirectoryOnly)
            .Concat(ScriptsUnder(samples, SearchOption.AllDirectories).Where(f => IsSiteScript(root, f)))
            .Select(f => new ScriptSource(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)));
        var docs = new[] { Path.Combine(root, "docs", "javascript.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs", "rules"), "*.md").Order(StringComparer.Ordinal))
            .SelectMany(DocExamples);
        return files.Concat(docs).ToList();
    }

    private static IEnumerable<string> ScriptsUnder(string folder, SearchOption option) => Directory.Exists(folder)
        ? Directory.GetFiles(folder, "*.js", option).Concat(Directory.GetFiles(folder, "*.mjs", option)).Order(StringComparer.Ordinal)
        : [];

    private static bool IsSiteScript(string root, string file)
    {
        var parts = Path.GetRelativePath(root, file).Replace('\\', '/').Split('/');
        return parts.Contains("wwwroot") && !parts.Contains("lib") && !parts.Contains("bin") && !parts.Contains("obj")
            && !file.EndsWith(".min.js", StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<ScriptSource> DocExamples(string markdown)
    {
        var name = "docs/" + Path.GetRelativePath(Path.Combine(RepositoryPaths.Root, "docs"), markdown).Replace('\\', '/');
        return JsFence().Matches(File.ReadAllText(markdown)).Select((match, i) => new ScriptSource($"{name}#js{i + 1}", match.Groups[1].Value));
    }

    [GeneratedRegex(@"^```(?:js|javascript|mjs)\s*\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex JsFence();
}

namespace ConsentAnalyzers.Tests.Architecture;

/// <summary>
/// The folders of the analyzer assembly use each other only downwards, in the layers docs/architecture.md draws: a
/// new use of a higher folder (a cycle in the making) fails here, with the names that make it.
/// </summary>
public sealed class FolderDependencyTests
{
    /// <summary>Each folder and the folders it may use; the order is the layering, lowest first.</summary>
    private static readonly (string Folder, string[] MayUse)[] Layers =
    [
        ("Common", []),
        ("Diagnostics", ["Common"]),
        ("Json", ["Common"]),
        ("Manifest", ["Common", "Diagnostics", "Json"]),
        ("ConsentApi", ["Common", "Manifest"]),
        ("Generator", ["Common", "Diagnostics", "Json", "Manifest", "ConsentApi"]),
        ("Frameworks", ["Common"]),
        ("Names", ["Common", "Manifest", "ConsentApi", "Frameworks"]),
        ("Guards", ["Common", "Manifest", "ConsentApi", "Frameworks"]),
        ("Analysis", ["Common", "Diagnostics", "Manifest", "ConsentApi", "Frameworks", "Names", "Guards"]),

        // The features, each on the core and never on another feature, but for the one written down here.
        ("Cookies", ["Common", "Diagnostics", "Manifest", "ConsentApi", "Frameworks", "Names", "Guards", "Analysis"]),
        ("Trackers", ["Common", "Diagnostics", "Manifest", "ConsentApi", "Frameworks", "Names", "Guards", "Analysis"]),

        // Scripts -> Trackers: the JavaScript analysis finds trackers' calls and URLs by the tracker index.
        ("Scripts", ["Common", "Diagnostics", "Manifest", "ConsentApi", "Frameworks", "Names", "Guards", "Analysis", "Trackers"]),

        // Markup -> Trackers, Scripts: the markup scanner finds trackers' scripts in HTML, by the tracker index; whole
        // scripts in markup go through the JavaScript analysis.
        ("Markup", ["Common", "Diagnostics", "Manifest", "ConsentApi", "Frameworks", "Names", "Guards", "Analysis", "Trackers", "Scripts"]),
        ("Analyzers",
            ["Common", "Diagnostics", "Manifest", "ConsentApi", "Frameworks", "Names", "Guards", "Analysis", "Cookies", "Trackers", "Scripts",
                "Markup"]),
    ];

    [Fact]
    public void Each_folder_uses_only_the_folders_below_it()
    {
        var edges = FolderDependencies.Of("ConsentAnalyzers", "ConsentAnalyzers");
        var allowed = Layers.ToDictionary(layer => layer.Folder, layer => new HashSet<string>(layer.MayUse));
        var unknown = edges.Keys.Concat(edges.Values.SelectMany(v => v)).Where(folder => !allowed.ContainsKey(folder)).Distinct().ToList();
        Assert.True(unknown.Count == 0, $"Folders missing from the layering (and docs/architecture.md): {string.Join(", ", unknown)}");

        var wrong = edges.SelectMany(
            edge => edge.Value.Where(target => !allowed[edge.Key].Contains(target)).Select(target => $"{edge.Key} -> {target}")).ToList();
        Assert.True(wrong.Count == 0, "Uses against the layering: " + string.Join("; ", wrong));
    }

    [Fact]
    public void The_layering_itself_has_no_cycle_each_folder_may_use_only_folders_listed_before_it()
    {
        var seen = new HashSet<string>();
        foreach (var (folder, mayUse) in Layers)
        {
            Assert.All(mayUse, used => Assert.Contains(used, seen));
            seen.Add(folder);
        }
    }
}

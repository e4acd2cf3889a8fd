using ConsentAnalyzers.Tests.Infrastructure;

namespace ConsentAnalyzers.Tests.Generator;

/// <summary>
/// Shapes of the generated code, checked on small manifests made to show them. The full text of every file generated
/// for the sample is pinned by the snapshots in Generator/Snapshots (<see cref="SampleManifestTests"/>).
/// </summary>
public class GeneratedCodeShapeTests
{
    /// <summary>
    /// A string switch of thousands of cases takes the compiler minutes (a 10,000-entry manifest took 76 s to bind),
    /// so exact names are looked up in a dictionary however many the manifest declares.
    /// </summary>
    [Fact]
    public void FindCookie_and_FindStorageKey_look_exact_names_up_in_dictionaries_not_switches()
    {
        const string WithStorage = """
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "cookies": [ { "name": "_ga", "category": "analytics" }, { "name": "_ga_*", "category": "analytics" } ],
              "storage": [ { "key": "landing", "area": "local", "category": "analytics" }, { "key": "draft", "area": "session", "category": "analytics" } ],
            }
            """;
        var source = GeneratorHarness.Run(WithStorage).Sources["ConsentManifest.g.cs"];

        Assert.DoesNotContain("switch", source, StringComparison.Ordinal);
        Assert.Contains("if (s_exactCookies.TryGetValue(name, out var exact)) return exact;", source, StringComparison.Ordinal);
        Assert.Contains("if (s_exactLocalStorageKeys.TryGetValue(key, out var exact)) return exact;", source, StringComparison.Ordinal);
        Assert.Contains("if (s_exactSessionStorageKeys.TryGetValue(key, out var exact)) return exact;", source, StringComparison.Ordinal);
    }
}

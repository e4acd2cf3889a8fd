using System.Text.Json;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Markup;
using ConsentAnalyzers.Scripts;
using ConsentAnalyzers.Tests.Infrastructure;
using ConsentAnalyzers.Trackers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Tests.Catalog;

/// <summary>
/// The built-in tracker catalog, entry by entry: every form an entry lists is recognized where the analyzers look for
/// it (a URL as a load in markup and as a request in code, a JS function in inline script and through JS interop, an
/// API on a declared member), no two entries claim the same thing, and links that load nothing are never reported.
/// Driven by <see cref="TrackerCatalog.Entries"/>, so a new entry is covered as soon as it is added.
/// </summary>
public class TrackerCatalogTests
{
    /// <summary>A manifest that declares no tracker: every catalog entry is recognized, as undeclared.</summary>
    private static readonly ManifestModel NoTrackers = ManifestReader.Read(SourceText.From("""
        {
          "version": 1,
          "categories": {
            "necessary": { "title": "Strictly Necessary", "essential": true },
            "analytics": { "title": "Analytics" },
          },
        }
        """)).Model!;

    private static readonly TrackerIndex Index = TrackerIndex.For(NoTrackers);

    public static TheoryData<string, string> UrlPatterns => Rows(entry => entry.Urls);

    public static TheoryData<string, string> JsFunctions => Rows(entry => entry.JsFunctions);

    [Fact]
    public void The_catalog_has_at_least_sixty_entries_of_every_kind_with_unique_well_formed_ids()
    {
        Assert.True(TrackerCatalog.Entries.Length >= 60, $"{TrackerCatalog.Entries.Length} entries");
        Assert.All(Enum.GetValues<TrackerPurpose>(), kind => Assert.Contains(TrackerCatalog.Entries, entry => entry.Purpose == kind));
        Assert.Equal(TrackerCatalog.Entries.Length, TrackerCatalog.Entries.Select(entry => entry.Id).Distinct().Count());
        Assert.All(TrackerCatalog.Entries, entry =>
        {
            Assert.Matches("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", entry.Id);
            Assert.False(entry.Urls.IsEmpty && entry.JsFunctions.IsEmpty && entry.Apis.IsEmpty, entry.Id + " lists nothing to recognize");
            Assert.All(entry.Urls, url =>
            {
                Assert.Equal(url.ToLowerInvariant(), url);
                Assert.True(url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("*/", StringComparison.Ordinal), url);
                Assert.DoesNotContain(' ', url);
            });
        });
    }

    [Theory]
    [MemberData(nameof(UrlPatterns))]
    public void Every_url_pattern_is_recognized_as_a_request_and_as_every_load_in_markup(string id, string pattern)
    {
        var url = Instantiate(pattern);
        Assert.Equal(id, Index.ForUrl(url)?.CatalogId);
        Assert.Equal(id, Index.ForUrl(url.ToUpperInvariant())?.CatalogId);
        if (url.StartsWith("https:", StringComparison.Ordinal))
        {
            Assert.Equal(id, Index.ForUrl(url.Substring("https:".Length))?.CatalogId);
            Assert.Equal(id, Index.ForUrl(" http" + url.Substring("https".Length) + "\t")?.CatalogId);
        }

        string[] markups =
        [
            $"<script async src=\"{url}\"></script>",
            $"<iframe width=\"560\" height=\"315\" src=\"{url}\" allowfullscreen></iframe>",
            $"<img src='{url}' width=\"1\" height=\"1\" alt=\"\">",
            $"<link rel=\"stylesheet\" href=\"{url}\">",
            $"<link rel=\"preload\" as=\"script\" href=\"{url}\" />",
            $"<script>var s = document.createElement('script'); s.async = true; s.src = '{url}'; document.head.appendChild(s);</script>",
        ];
        Assert.All(markups, markup =>
        {
            var found = MarkupScanner.Trackers(markup, Index).ToList();
            Assert.Contains(found, f => f.Tracker.CatalogId == id && markup.Substring(f.Start, f.Length) == url);
            Assert.All(found, f => Assert.Equal(id, f.Tracker.CatalogId));
        });
    }

    [Theory]
    [MemberData(nameof(JsFunctions))]
    public void Every_js_function_is_recognized_through_interop_and_as_a_call_in_inline_script(string id, string pattern)
    {
        var name = pattern.Replace("*", "Event", StringComparison.Ordinal);
        Assert.Equal(id, Index.ForJsFunction(name)?.CatalogId);
        Assert.Equal(id, Index.ForJsFunction("window." + name)?.CatalogId);

        string[] markups =
        [
            $"<script>{name}('init', 'id-1');</script>",
            $"<script>\n  window.{name}({{ event: 'purchase', value: 1 }});\n</script>",
            $"<button onclick=\"{name}('track', 'Lead')\">Contact us</button>",
        ];
        Assert.All(markups, markup =>
        {
            var found = Assert.Single(MarkupScanner.Trackers(markup, Index));
            Assert.Equal(id, found.Tracker.CatalogId);
            Assert.EndsWith(name, markup.Substring(found.Start, found.Length), StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(UrlPatterns))]
    public void Every_url_pattern_is_recognized_as_a_load_and_a_request_in_a_script_file(string id, string pattern)
    {
        var url = Instantiate(pattern);
        var script = $$"""
            const s = document.createElement('script');
            s.src = '{{url}}';
            navigator.sendBeacon(`{{url}}`, body);
            """;

        var uses = ScriptAnalysis.Read(script, isModule: false, NoTrackers, default).Sites.OfType<ScriptTrackerUse>().ToList();

        Assert.Equal(2, uses.Count);
        Assert.All(uses, use => Assert.Equal(id, use.Tracker.CatalogId));
    }

    [Theory]
    [MemberData(nameof(JsFunctions))]
    public void Every_js_function_is_recognized_as_a_call_in_a_script_file(string id, string pattern)
    {
        var name = pattern.Replace("*", "Event", StringComparison.Ordinal);
        var script = $$"""
            {{name}}('init', 'id-1');
            window.{{name}}({ event: 'purchase', value: 1 });
            """;

        var uses = ScriptAnalysis.Read(script, isModule: false, NoTrackers, default).Sites.OfType<ScriptTrackerUse>().ToList();

        Assert.Equal(2, uses.Count);
        Assert.All(uses, use => Assert.Equal(id, use.Tracker.CatalogId));
    }

    [Fact]
    public void Every_api_pattern_resolves_against_a_declared_member()
    {
        // Each pattern as a declared member (a '*' in the member name filled in), all in one compilation.
        var apis = TrackerCatalog.Entries
            .SelectMany(entry => entry.Apis.Select(api => (entry.Id, Type: api.Substring(0, api.LastIndexOf('.')),
                Member: api.Substring(api.LastIndexOf('.') + 1).Replace("*", "Event", StringComparison.Ordinal))))
            .ToList();
        Assert.NotEmpty(apis);
        var source = string.Join("\n", apis.GroupBy(api => api.Type).Select(type =>
        {
            var dot = type.Key.LastIndexOf('.');
            var members = string.Join(" ", type.Select(api => api.Member).Distinct().Select(member => $"public void {member}() {{ }}"));
            return $"namespace {type.Key.Substring(0, dot)} {{ public class {type.Key.Substring(dot + 1)} {{ {members} }} }}";
        }));
        var compilation = CSharpCompilation.Create("Sdks", [CSharpSyntaxTree.ParseText(source)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        Assert.All(apis, api =>
        {
            var member = Assert.Single(compilation.GetTypeByMetadataName(api.Type)!.GetMembers(api.Member));
            Assert.True(Index.MayBeApi(member.Name), api.Member);
            Assert.Equal(api.Id, Index.ForApi(SymbolFacts.MemberName(member))?.CatalogId);
        });
    }

    [Fact]
    public void No_two_entries_claim_the_same_url_or_js_function()
    {
        var urls = TrackerCatalog.Entries.SelectMany(entry => entry.Urls.Select(url => (entry.Id, Pattern: url))).ToList();
        var functions = TrackerCatalog.Entries.SelectMany(entry => entry.JsFunctions.Select(js => (entry.Id, Pattern: js))).ToList();
        var collisions = new List<string>();
        foreach (var (first, second) in Pairs(urls))
        {
            if (UrlsOverlap(first.Pattern, second.Pattern, out var example))
            {
                collisions.Add($"{first.Id} '{first.Pattern}' and {second.Id} '{second.Pattern}' both match {example}");
            }
        }

        foreach (var (first, second) in Pairs(functions))
        {
            if (NamePattern.TryFindCommonName(first.Pattern, second.Pattern, out var example))
            {
                collisions.Add($"{first.Id} '{first.Pattern}' and {second.Id} '{second.Pattern}' both match {example}");
            }
        }

        // And the concrete URLs the recognition test loads are claimed by their own entry only.
        foreach (var (id, pattern) in urls)
        {
            var url = Instantiate(pattern);
            collisions.AddRange(urls.Where(other => other.Id != id && NamePattern.Matches(other.Pattern, url))
                .Select(other => $"{url} ({id}) is matched by {other.Id} '{other.Pattern}'"));
        }

        Assert.True(collisions.Count == 0, string.Join("\n", collisions));
    }

    /// <summary>A link is not a load, a vendor's page is not its script, and a look-alike word is not its function.</summary>
    [Theory]
    [InlineData("<a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">Our launch video</a>")]
    [InlineData("<a href=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" target=\"_blank\">Open the player</a>")]
    [InlineData("<a href=\"https://youtu.be/dQw4w9WgXcQ\">Short link</a><a href=\"https://vimeo.com/76979871\">Vimeo</a>")]
    [InlineData("<a href=\"https://policies.google.com/privacy\">Google's privacy policy</a>")]
    [InlineData("<a href=\"https://www.hotjar.com/legal/policies/privacy/\">Hotjar</a><a href='https://www.intercom.com/legal'>Intercom</a>")]
    [InlineData("<a href=\"https://fonts.google.com/specimen/Inter\">Inter</a><a href=\"https://www.google.com/maps/place/Berlin\">Map</a>")]
    [InlineData("<a href=\"https://fonts.googleapis.com/css2?family=Inter\">The stylesheet, as a link</a>")]
    [InlineData("<p>Our videos play from https://www.youtube.com/embed/x once you agree.</p>")]
    [InlineData("<link rel=\"preconnect\" href=\"https://fonts.gstatic.com/\" crossorigin>")]
    [InlineData("<link rel=\"dns-prefetch\" href=\"https://fonts.googleapis.com/\"><link rel='dns-prefetch' href='https://fonts.gstatic.com/'>")]
    [InlineData("<link rel=\"canonical\" href=\"https://player.vimeo.com/video/1\">")]
    [InlineData("<link rel=\"alternate\" href=\"https://www.youtube.com/embed/x\"><link rel=\"icon\" href=\"https://www.google.com/maps/embed/x\">")]
    [InlineData("<script>var watch = 'https://www.youtube.com/watch?v=1', privacy = 'https://www.intercom.com/legal/privacy';</script>")]
    [InlineData("<script>var amplitude = wave.amplitude(0.5); heap.push(3); drift(1); fs.readFile('x'); analytics(1);</script>")]
    public void Links_and_look_alikes_are_not_reported(string markup) => Assert.Empty(MarkupScanner.Trackers(markup, Index));

    /// <summary>A server's own calls to a vendor's web service send no visitor's browser state: not a tracker.</summary>
    [Theory]
    [InlineData("https://www.google.com/recaptcha/api/siteverify")]
    [InlineData("https://www.recaptcha.net/recaptcha/api/siteverify")]
    [InlineData("https://api.hcaptcha.com/siteverify")]
    [InlineData("https://hcaptcha.com/siteverify")]
    [InlineData("https://maps.googleapis.com/maps/api/geocode/json?address=Berlin")]
    [InlineData("https://maps.googleapis.com/maps/api/place/details/json?place_id=x")]
    [InlineData("https://www.googleapis.com/youtube/v3/videos?id=x")]
    [InlineData("https://vimeo.com/api/oembed.json?url=x")]
    [InlineData("https://api.intercom.io/contacts")]
    [InlineData("https://www.youtube.com/watch?v=x")]
    public void Server_side_web_service_calls_and_pages_are_not_trackers(string url) => Assert.Null(Index.ForUrl(url));

    [Fact]
    public void The_schema_the_manifest_docs_and_the_readme_know_every_entry()
    {
        using var schema = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "ConsentAnalyzers.Package", "schema", "consent-manifest.schema.json")));
        var catalogIds = schema.RootElement.GetProperty("$defs").GetProperty("trackerCatalogId");
        Assert.Equal(TrackerCatalog.Entries.Select(entry => entry.Id), catalogIds.GetProperty("enum").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal(TrackerCatalog.Entries.Select(entry => entry.DisplayName),
            catalogIds.GetProperty("enumDescriptions").EnumerateArray().Select(name => name.GetString()));

        var docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "manifest.md"));
        Assert.All(TrackerCatalog.Entries, entry => Assert.Contains($"| `{entry.Id}` | {entry.DisplayName} |", docs, StringComparison.Ordinal));
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        Assert.Contains($"one of {TrackerCatalog.Entries.Length} built-in trackers", readme, StringComparison.Ordinal);
    }

    private static TheoryData<string, string> Rows(Func<CatalogTracker, IEnumerable<string>> forms)
    {
        var rows = new TheoryData<string, string>();
        foreach (var entry in TrackerCatalog.Entries)
        {
            foreach (var form in forms(entry))
            {
                rows.Add(entry.Id, form);
            }
        }

        return rows;
    }

    /// <summary>
    /// A concrete URL the pattern matches: a self-hosted script (<c>*/matomo.js*</c>) on a site's own host, every other
    /// '*' a short plausible run (a subdomain, an id, a path).
    /// </summary>
    private static string Instantiate(string pattern)
    {
        var url = pattern.StartsWith("*/", StringComparison.Ordinal) ? "https://stats.example.org" + pattern.Substring(1) : pattern;
        return url.Replace("*", "a1", StringComparison.Ordinal);
    }

    private static IEnumerable<((string Id, string Pattern) First, (string Id, string Pattern) Second)> Pairs(
        List<(string Id, string Pattern)> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                if (items[i].Id != items[j].Id)
                {
                    yield return (items[i], items[j]);
                }
            }
        }
    }

    /// <summary>
    /// Whether two URL patterns can match the same URL. A '*' in the host stands for a run within the host, so the
    /// hosts and the paths are compared apart. A pattern for self-hosted software (<c>*/matomo.js*</c>) names no host:
    /// it is a path on any site, compared with the other self-hosted ones.
    /// </summary>
    private static bool UrlsOverlap(string first, string second, out string example)
    {
        example = string.Empty;
        var (firstHost, firstPath) = Split(first);
        var (secondHost, secondPath) = Split(second);
        if (firstHost is null || secondHost is null)
        {
            return firstHost is null && secondHost is null && NamePattern.TryFindCommonName(first, second, out example);
        }

        if (NamePattern.TryFindCommonName(firstHost, secondHost, out var host) && NamePattern.TryFindCommonName(firstPath, secondPath, out var path))
        {
            example = "https://" + host + path;
            return true;
        }

        return false;
    }

    private static (string? Host, string Path) Split(string pattern)
    {
        if (!pattern.StartsWith("https://", StringComparison.Ordinal))
        {
            return (null, pattern);
        }

        var rest = pattern.Substring("https://".Length);
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (rest, string.Empty) : (rest.Substring(0, slash), rest.Substring(slash));
    }
}

using ConsentAnalyzers.CodeFixes.ManifestEntries;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis.Text;
using static ConsentAnalyzers.Tests.CodeFixes.ManifestEntryFixTest;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>The manifest text edit on its own: where entries go and how they are written, in every style a manifest is written in.</summary>
public class ManifestEntryEditTests
{
    private const string CookieTodo =
        "\"provider\": \"TODO: who sets it (this site or a third party)\", \"purpose\": \"TODO: " +
        "why it is used, as the cookie policy says\", \"duration\": \"TODO: how long it is kept (Session, P1Y, 90 days)\"";

    private static readonly NewManifestEntry Promo = NewManifestEntry.Cookie("promo", "analytics");

    private static string? Apply(string manifest, params NewManifestEntry[] entries) =>
        ManifestEntryEdit.Apply(SourceText.From(manifest), entries)?.ToString();

    [Fact]
    public void An_entry_goes_after_the_last_one_with_a_trailing_comma_like_the_others()
    {
        var manifest = Lf("""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "cookies": [
                { "name": "_ga", "category": "analytics" },
              ],
            }
            """);
        Assert.Equal(Lf($$"""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "cookies": [
                { "name": "_ga", "category": "analytics" },
                { "name": "promo", "category": "analytics", {{CookieTodo}} },
              ],
            }
            """), Apply(manifest, Promo));
    }

    [Fact]
    public void Without_trailing_commas_the_last_entry_gets_a_comma_and_the_new_one_none()
    {
        var manifest = Lf("""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "cookies": [
                { "name": "_ga", "category": "analytics" }
              ]
            }
            """);
        Assert.Equal(Lf($$"""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "cookies": [
                { "name": "_ga", "category": "analytics" },
                { "name": "promo", "category": "analytics", {{CookieTodo}} }
              ]
            }
            """), Apply(manifest, Promo));
    }

    [Fact]
    public void Tabs_and_CRLF_line_breaks_are_kept()
    {
        var manifest = Crlf(Tabs("""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "cookies": [
                { "name": "_ga", "category": "analytics" }
              ]
            }
            """));
        Assert.Equal(
            "{\r\n\t\"version\": 1,\r\n\t\"categories\": { \"analytics\": { \"title\": \"Analytics\" } },\r\n\t\"cookies\": [\r\n"
            + "\t\t{ \"name\": \"_ga\", \"category\": \"analytics\" },\r\n"
            + "\t\t{ \"name\": \"promo\", \"category\": \"analytics\", " + CookieTodo + " }\r\n"
            + "\t]\r\n}",
            Apply(manifest, Promo));
    }

    [Fact]
    public void Comments_before_in_and_after_the_list_stay_where_they_are()
    {
        var manifest = Lf("""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              // Every cookie the site sets.
              "cookies": [ // exact names first
                { "name": "_ga", "category": "analytics" } /* Google */ // two years
                // { "name": "_old", "category": "analytics" },
              ], // end of cookies
            }
            """);
        Assert.Equal(Lf($$"""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              // Every cookie the site sets.
              "cookies": [ // exact names first
                { "name": "_ga", "category": "analytics" }, /* Google */ // two years
                // { "name": "_old", "category": "analytics" },
                { "name": "promo", "category": "analytics", {{CookieTodo}} }
              ], // end of cookies
            }
            """), Apply(manifest, Promo));
    }

    [Fact]
    public void A_comma_after_a_comment_counts_as_the_trailing_comma()
    {
        var manifest = Lf("""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "cookies": [
                { "name": "_ga", "category": "analytics" } /* Google */ ,
              ]
            }
            """);
        Assert.Equal(Lf($$"""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "cookies": [
                { "name": "_ga", "category": "analytics" } /* Google */ ,
                { "name": "promo", "category": "analytics", {{CookieTodo}} },
              ]
            }
            """), Apply(manifest, Promo));
    }

    [Fact]
    public void An_empty_list_gets_the_entry_on_its_own_line_in_the_files_comma_style()
    {
        var manifest = Lf("""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "cookies": [],
            }
            """);
        Assert.Equal(Lf($$"""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "cookies": [
                { "name": "promo", "category": "analytics", {{CookieTodo}} },
              ],
            }
            """), Apply(manifest, Promo));
    }

    [Fact]
    public void An_empty_list_with_a_comment_keeps_the_comment_above_the_entry()
    {
        var manifest = Lf("""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "cookies": [
                // none yet
              ]
            }
            """);
        Assert.Equal(Lf($$"""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "cookies": [
                // none yet
                { "name": "promo", "category": "analytics", {{CookieTodo}} }
              ]
            }
            """), Apply(manifest, Promo));
    }

    [Theory]
    [InlineData("", "\n")]
    [InlineData("", "")] // no line break at the end of the file: none is added
    [InlineData("\uFEFF", "\n")] // a byte-order mark stays in front
    public void A_missing_list_is_added_after_the_last_top_level_property(string start, string end)
    {
        var manifest = start + Lf("""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } } // the only one
            }
            """) + end;
        Assert.Equal(start + Lf($$"""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } }, // the only one
              "cookies": [
                { "name": "promo", "category": "analytics", {{CookieTodo}} }
              ]
            }
            """) + end, Apply(manifest, Promo));
    }

    [Fact]
    public void Missing_lists_are_added_in_the_order_cookies_storage_trackers_with_trailing_commas_if_the_file_has_them()
    {
        var manifest = Lf("""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
            }
            """);
        var tracker = NewManifestEntry.Tracker("hotjar", "analytics");
        var storage = NewManifestEntry.StorageKey("tour", StorageArea.Local, "analytics");
        Assert.Equal(Lf($$"""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "cookies": [
                { "name": "promo", "category": "analytics", {{CookieTodo}} },
              ],
              "storage": [
                { "key": "tour", "area": "local", "category": "analytics", {{CookieTodo}} },
              ],
              "trackers": [
                { "use": "hotjar", "category": "analytics" },
              ],
            }
            """), Apply(manifest, tracker, storage, Promo));
    }

    [Fact]
    public void Entries_in_a_one_line_list_follow_on_that_line()
    {
        var manifest = Lf("""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "cookies": [ { "name": "_ga", "category": "analytics" } ],
              "trackers": [{ "use": "hotjar", "category": "analytics" },]
            }
            """);
        Assert.Equal(Lf($$"""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "cookies": [ { "name": "_ga", "category": "analytics" }, { "name": "promo", "category": "analytics", {{CookieTodo}} } ],
              "trackers": [{ "use": "hotjar", "category": "analytics" }, { "use": "segment", "category": "analytics" },]
            }
            """), Apply(manifest, Promo, NewManifestEntry.Tracker("segment", "analytics")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void A_manifest_on_one_line_stays_on_one_line(string end)
    {
        var manifest = """{ "version": 1, "categories": { "analytics": { "title": "Analytics" } }, "cookies": [] }""" + end;
        Assert.Equal(
            $$"""{ "version": 1, "categories": { "analytics": { "title": "Analytics" } }, "cookies": [ { "name": "promo", "category": "analytics", {{CookieTodo}} } ], "trackers": [ { "use": "hotjar", "category": "analytics" } ] }""" + end,
            Apply(manifest, Promo, NewManifestEntry.Tracker("hotjar", "analytics")));
    }

    [Fact]
    public void A_closing_bracket_on_the_last_entrys_line_stays_after_the_new_entry()
    {
        var manifest = Lf("""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "cookies": [
                { "name": "_ga", "category": "analytics" } ] }
            """);
        Assert.Equal(Lf($$"""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "cookies": [
                { "name": "_ga", "category": "analytics" },
                { "name": "promo", "category": "analytics", {{CookieTodo}} } ] }
            """), Apply(manifest, Promo));
    }

    [Fact]
    public void Entries_written_one_property_per_line_get_new_entries_in_the_same_shape()
    {
        var manifest = Lf("""
            {
                "version": 1,
                "categories": {
                    "analytics": {
                        "title": "Analytics"
                    }
                },
                "cookies": [
                    {
                        "name": "_ga",
                        "category": "analytics"
                    }
                ]
            }
            """);
        Assert.Equal(Lf("""
            {
                "version": 1,
                "categories": {
                    "analytics": {
                        "title": "Analytics"
                    }
                },
                "cookies": [
                    {
                        "name": "_ga",
                        "category": "analytics"
                    },
                    {
                        "name": "promo",
                        "category": "analytics",
                        "provider": "TODO: who sets it (this site or a third party)",
                        "purpose": "TODO: why it is used, as the cookie policy says",
                        "duration": "TODO: how long it is kept (Session, P1Y, 90 days)"
                    }
                ],
                "trackers": [
                    {
                        "use": "hotjar",
                        "category": "analytics"
                    }
                ]
            }
            """), Apply(manifest, Promo, NewManifestEntry.Tracker("hotjar", "analytics")));
    }

    [Fact]
    public void Several_entries_of_one_list_are_added_in_the_order_given()
    {
        var manifest = Lf("""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "storage": [
                { "key": "a", "area": "local", "category": "analytics" }
              ]
            }
            """);
        var result = Apply(manifest, NewManifestEntry.StorageKey("c", StorageArea.Session, "analytics"),
            NewManifestEntry.StorageKey("b", StorageArea.Local, "analytics"));
        Assert.Equal(Lf($$"""
            {
              "version": 1,
              "categories": { "analytics": { "title": "Analytics" } },
              "storage": [
                { "key": "a", "area": "local", "category": "analytics" },
                { "key": "c", "area": "session", "category": "analytics", {{CookieTodo}} },
                { "key": "b", "area": "local", "category": "analytics", {{CookieTodo}} }
              ]
            }
            """), result);
    }

    [Fact]
    public void Names_are_escaped_as_JSON_strings_and_read_back_unchanged()
    {
        const string Manifest = """{ "version": 1, "categories": { "analytics": { "title": "Analytics" } } }""";
        var key = "say \"hi\"\\now\ttab\u2028";
        var result = Apply(Manifest, NewManifestEntry.StorageKey(key, StorageArea.Local, "analytics"));
        Assert.Contains("""{ "key": "say \"hi\"\\now\ttab\u2028", "area": "local",""", result, StringComparison.Ordinal);
        var model = ManifestReader.Read(SourceText.From(result!)).Model;
        Assert.Equal(key, Assert.Single(model!.Storage).Key);
    }

    [Theory]
    [InlineData("""{ "version": 1, "categories": { "analytics": { "title": "Analytics" } }, "cookies": [ """)] // not JSON
    [InlineData("""{ "version": 1, "categories": { "analytics": { "title": "Analytics" } }, "cookies": { } }""")] // not a list
    [InlineData("""[ { "version": 1 } ]""")] // not an object
    [InlineData(
        // already declared: a duplicate
        """{ "version": 1, "categories": { "analytics": { "title": "Analytics" } }, "cookies": [ { "name": "promo", "category": "analytics" } ] }""")]
    public void A_manifest_that_cannot_take_the_entry_is_not_edited(string manifest) => Assert.Null(Apply(manifest, Promo));

    [Theory]
    [InlineData("promo seen")]
    [InlineData("promo;x")]
    [InlineData("*")]
    public void A_cookie_name_the_manifest_rejects_is_not_added(string name)
    {
        const string Manifest = """{ "version": 1, "categories": { "analytics": { "title": "Analytics" } } }""";
        Assert.Null(Apply(Manifest, NewManifestEntry.Cookie(name, "analytics")));
    }

    [Fact]
    public void A_category_the_manifest_does_not_declare_is_not_added()
    {
        const string Manifest = """{ "version": 1, "categories": { "analytics": { "title": "Analytics" } } }""";
        Assert.Null(Apply(Manifest, NewManifestEntry.Cookie("promo", "advertising")));
    }

    [Fact]
    public void Entries_are_made_distinct_and_ordered_by_list_name_and_area()
    {
        var entries = NewManifestEntry.DistinctInOrder([
            NewManifestEntry.Tracker("segment", "analytics"),
            NewManifestEntry.StorageKey("b", StorageArea.Session, "analytics"),
            NewManifestEntry.Cookie("z", "analytics"),
            NewManifestEntry.StorageKey("b", StorageArea.Local, "analytics"),
            NewManifestEntry.Cookie("a", "analytics"),
            NewManifestEntry.Cookie("z", "analytics"),
            NewManifestEntry.Cookie("B", "analytics"),
        ]);
        Assert.Equal(
            ["Cookies B", "Cookies a", "Cookies z", "Storage b Local", "Storage b Session", "Trackers segment"],
            entries.Select(e => $"{e.Section} {e.Name}{(e.Area is { } area ? " " + area : string.Empty)}"));
    }
}

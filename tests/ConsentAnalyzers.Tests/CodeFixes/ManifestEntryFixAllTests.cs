using Microsoft.CodeAnalysis.Testing;
using static ConsentAnalyzers.Tests.CodeFixes.ManifestEntryFixTest;
using static ConsentAnalyzers.Tests.CodeFixes.ManifestEntryFixTests;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>
/// Fix All for "declare in the manifest", in document, project and solution scope: one edit per manifest file, one
/// entry per name, in a stable order (one fix at a time adds entries in the order of the findings instead).
/// </summary>
public class ManifestEntryFixAllTests
{
    [Fact]
    public async Task Every_finding_in_scope_is_declared_in_one_edit_once_per_name_in_order()
    {
        var test = Create(
            Code("""
                        http.Response.Cookies.Append({|CG0101:"promo"|}, "1");
                        await {|CG0201:js.InvokeVoidAsync("fbq", "init", "1")|};
                        http.Response.Cookies.Append({|CG0101:"_fbp"|}, "1");
                        http.Response.Cookies.Append({|CG0101:"promo"|}, "2");
                        await js.InvokeVoidAsync("localStorage.setItem", {|CG0103:"tour"|}, 1);
                        await {|CG0201:js.InvokeVoidAsync("fbq", "track", "Purchase")|};
            """),
            Policy,
            PolicyWith(
                cookies: $$"""
                        { "name": "promo", "category": "advertising", {{CookieTodo}} },
                        { "name": "_fbp", "category": "advertising", {{CookieTodo}} },
                    """,
                lists: $$"""
                      "trackers": [
                        { "use": "meta-pixel", "category": "advertising" },
                      ],
                      "storage": [
                        { "key": "tour", "area": "local", "category": "advertising", {{CookieTodo}} },
                      ],
                    """),
            Key("advertising"));
        test.NumberOfIncrementalIterations = 4;

        // Fix All: sorted by name, and the lists in the order cookies, storage, trackers.
        test.BatchFixedState.AdditionalFiles.Add((ManifestPath, PolicyWith(
            cookies: $$"""
                    { "name": "_fbp", "category": "advertising", {{CookieTodo}} },
                    { "name": "promo", "category": "advertising", {{CookieTodo}} },
                """,
            lists: $$"""
                  "storage": [
                    { "key": "tour", "area": "local", "category": "advertising", {{CookieTodo}} },
                  ],
                  "trackers": [
                    { "use": "meta-pixel", "category": "advertising" },
                  ],
                """)));
        await test.RunAsync();
    }

    /// <summary>A file that writes one cookie, in a type named after it (a test may have several such files).</summary>
    private static string Cookie(string name) =>
        Code($$"""            http.Response.Cookies.Append({|CG0101:"{{name}}"|}, "1");""", "Writes_" + name);

    /// <summary><see cref="Policy"/> with these cookies declared after its own, in the functional category.</summary>
    private static string PolicyWithCookies(params string[] names) =>
        PolicyWith(cookies: string.Join("\n", names.Select(name => $$"""    { "name": "{{name}}", "category": "functional", {{CookieTodo}} },""")));

    [Fact]
    public async Task Fix_All_in_a_project_declares_the_names_of_every_document_in_one_sorted_edit()
    {
        var test = Create(Cookie("b_first"), Policy, PolicyWithCookies("b_first", "a_second"), Key("functional"));
        test.TestState.Sources.Add(Cookie("a_second"));
        test.FixedState.Sources.Add(WithoutMarkup(Cookie("a_second")));
        test.BatchFixedState.AdditionalFiles.Add((ManifestPath, PolicyWithCookies("a_second", "b_first")));
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_All_in_a_document_declares_only_that_documents_names()
    {
        var test = Create(Cookie("b_first"), Policy, PolicyWithCookies("b_first", "a_second"), Key("functional"));
        test.TestState.Sources.Add(Cookie("a_second"));
        test.FixedState.Sources.Add(WithoutMarkup(Cookie("a_second")));

        // One Fix All per document: the first document's name, then the second's.
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck;
        test.NumberOfFixAllInDocumentIterations = 2;
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_All_in_the_solution_edits_each_projects_own_manifest()
    {
        const string SecondManifestPath = "/Second/consent-manifest.json";
        var test = Create(Cookie("first"), Policy, PolicyWithCookies("first"), Key("functional"));
        var second = test.TestState.AdditionalProjects["Second"];
        second.Sources.Add(Cookie("second"));
        second.AdditionalFiles.Add((SecondManifestPath, Policy));
        var fixedSecond = test.FixedState.AdditionalProjects["Second"];
        fixedSecond.Sources.Add(WithoutMarkup(Cookie("second")));
        fixedSecond.AdditionalFiles.Add((SecondManifestPath, PolicyWithCookies("second")));

        // Document and project scope need one Fix All per project and are covered above.
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInProjectCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task A_manifest_shared_by_two_projects_is_edited_once_with_the_names_of_both()
    {
        const string SharedPath = "/shared/consent-manifest.json";
        var code = Cookie("b_first");
        var test = new ManifestEntryFixTest { TestCode = code, CodeActionEquivalenceKey = Key("functional") };
        test.TestState.AdditionalFiles.Add((SharedPath, Policy));
        test.TestState.AdditionalProjects["Second"].Sources.Add(Cookie("a_second"));
        test.TestState.AdditionalProjects["Second"].AdditionalFiles.Add((SharedPath, Policy));

        // One fix at a time: each fix shows in both projects' copy of the file.
        test.FixedState.Sources.Add(WithoutMarkup(code));
        test.FixedState.AdditionalFiles.Add((SharedPath, PolicyWithCookies("b_first", "a_second")));
        test.FixedState.AdditionalProjects["Second"].Sources.Add(WithoutMarkup(Cookie("a_second")));
        test.FixedState.AdditionalProjects["Second"].AdditionalFiles.Add((SharedPath, PolicyWithCookies("b_first", "a_second")));

        // Fix All in the solution: one edit, sorted, the same text in both projects.
        test.BatchFixedState.Sources.Add(WithoutMarkup(code));
        test.BatchFixedState.AdditionalFiles.Add((SharedPath, PolicyWithCookies("a_second", "b_first")));
        test.BatchFixedState.AdditionalProjects["Second"].Sources.Add(WithoutMarkup(Cookie("a_second")));
        test.BatchFixedState.AdditionalProjects["Second"].AdditionalFiles.Add((SharedPath, PolicyWithCookies("a_second", "b_first")));
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInProjectCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_All_keeps_the_files_tabs_CRLF_comments_and_comma_style()
    {
        var manifest = Crlf(Tabs("""
            {
              "version": 1,
              "categories": {
                "analytics": { "title": "Analytics" }
              },
              // Cookies we set
              "cookies": [
                { "name": "_ga", "category": "analytics" } // Google
              ]
            }

            """));
        var test = Create(
            Code("""
                        http.Response.Cookies.Append({|CG0101:"b"|}, "1");
                        await js.InvokeVoidAsync("localStorage.setItem", {|CG0103:"tour"|}, 1);
                        http.Response.Cookies.Append({|CG0101:"a"|}, "1");
            """),
            manifest,
            Crlf(Tabs($$"""
                {
                  "version": 1,
                  "categories": {
                    "analytics": { "title": "Analytics" }
                  },
                  // Cookies we set
                  "cookies": [
                    { "name": "_ga", "category": "analytics" }, // Google
                    { "name": "b", "category": "analytics", {{CookieTodo}} },
                    { "name": "a", "category": "analytics", {{CookieTodo}} }
                  ],
                  "storage": [
                    { "key": "tour", "area": "local", "category": "analytics", {{CookieTodo}} }
                  ]
                }

                """)),
            Key("analytics"));
        test.BatchFixedState.AdditionalFiles.Add((ManifestPath, Crlf(Tabs($$"""
            {
              "version": 1,
              "categories": {
                "analytics": { "title": "Analytics" }
              },
              // Cookies we set
              "cookies": [
                { "name": "_ga", "category": "analytics" }, // Google
                { "name": "a", "category": "analytics", {{CookieTodo}} },
                { "name": "b", "category": "analytics", {{CookieTodo}} }
              ],
              "storage": [
                { "key": "tour", "area": "local", "category": "analytics", {{CookieTodo}} }
              ]
            }

            """))));
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_All_with_an_area_declares_the_storage_writes_of_unknown_area_only()
    {
        // The cookie and the session write offer "Functional" without an area: a different action.
        var remaining = Code("""
                        await storage.SetAsync("zeta", 1);
                        await session.SetAsync({|CG0103:"utm"|}, "x");
                        await storage.SetAsync("tour", 1);
                        http.Response.Cookies.Append({|CG0101:"_fbp"|}, "1");
            """);
        var test = Create(
            Code("""
                        await storage.SetAsync({|CG0103:"zeta"|}, 1);
                        await session.SetAsync({|CG0103:"utm"|}, "x");
                        await storage.SetAsync({|CG0103:"tour"|}, 1);
                        http.Response.Cookies.Append({|CG0101:"_fbp"|}, "1");
            """),
            Policy,
            PolicyWith(lists: $$"""
                  "storage": [
                    { "key": "zeta", "area": "local", "category": "functional", {{CookieTodo}} },
                    { "key": "tour", "area": "local", "category": "functional", {{CookieTodo}} },
                  ],
                """),
            Key("functional", "local"),
            fixedCode: remaining);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.BatchFixedState.Sources.Add(remaining);
        test.BatchFixedState.MarkupHandling = MarkupMode.Allow;
        test.BatchFixedState.AdditionalFiles.Add((ManifestPath, PolicyWith(lists: $$"""
              "storage": [
                { "key": "tour", "area": "local", "category": "functional", {{CookieTodo}} },
                { "key": "zeta", "area": "local", "category": "functional", {{CookieTodo}} },
              ],
            """)));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_name_the_manifest_cannot_hold_stays_reported_and_does_not_stop_the_others()
    {
        var test = Create(
            Code("""
                        http.Response.Cookies.Append({|CG0101:"promo seen"|}, "1");
                        http.Response.Cookies.Append({|CG0101:"_fbp"|}, "1");
            """),
            Policy,
            PolicyWithCookies("_fbp"),
            Key("functional"),
            fixedCode: Code("""
                        http.Response.Cookies.Append({|CG0101:"promo seen"|}, "1");
                        http.Response.Cookies.Append("_fbp", "1");
            """));
        test.FixedState.MarkupHandling = MarkupMode.Allow; // the finding that stays is marked in the fixed code
        test.NumberOfIncrementalIterations = 1;
        await test.RunAsync();
    }
}

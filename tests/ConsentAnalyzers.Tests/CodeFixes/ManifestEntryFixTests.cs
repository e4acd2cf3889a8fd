using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.CodeFixes.ManifestEntries;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using static ConsentAnalyzers.Tests.CodeFixes.ManifestEntryFixTest;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>
/// The "declare in the manifest" fix end to end, one finding at a time: the actions offered, and for each kind of
/// finding the manifest before and after, with the finding gone and no manifest error after the fix.
/// </summary>
public class ManifestEntryFixTests
{
    internal const string CookieTodo =
        "\"provider\": \"TODO: who sets it (this site or a third party)\", \"purpose\": \"TODO: " +
        "why it is used, as the cookie policy says\", \"duration\": \"TODO: how long it is kept (Session, P1Y, 90 days)\"";

    internal const string Policy = """
        {
          "version": 1,
          "categories": {
            "necessary": { "title": "Strictly Necessary", "essential": true },
            "functional": { "title": "Functional" },
            "advertising": { "title": "Advertising and Attribution" },
          },
          "cookies": [
            { "name": "_ga", "category": "functional" },
          ],
        }
        """;

    /// <summary>
    /// <see cref="Policy"/> with these lines at the end of its cookie list and these lists after it: the manifest
    /// as a fix leaves it.
    /// </summary>
    internal static string PolicyWith(string cookies = "", string lists = "")
    {
        const string LastCookie = """    { "name": "_ga", "category": "functional" },""" + "\n";
        const string End = "  ],\n}";
        return Lf(Policy)
            .Replace(LastCookie, LastCookie + (cookies.Length == 0 ? string.Empty : Lf(cookies) + "\n"), StringComparison.Ordinal)
            .Replace(End, "  ],\n" + (lists.Length == 0 ? string.Empty : Lf(lists) + "\n") + "}", StringComparison.Ordinal);
    }

    /// <summary>Writes and tracking calls under a consent check, so the only findings are the undeclared names and trackers.</summary>
    internal static string Code(string body, string type = "Page") => $$"""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.Features;
        using Microsoft.JSInterop;

        class {{type}}
        {
            async Task Handle(HttpContext http, IJSRuntime js, ProtectedSessionStorage session, ProtectedBrowserStorage storage, string id)
            {
                if (http.Features.Get<ITrackingConsentFeature>()?.CanTrack == true)
                {
        {{body}}
                }
            }
        }
        """;

    [Fact]
    public async Task A_cookie_is_offered_once_per_category_in_manifest_order_essential_ones_last()
    {
        var offered = await OfferedActionsAsync(Code("""http.Response.Cookies.Append("_fbp", "1");"""), Policy);
        Assert.Equal(
            """
            Declare '_fbp' as Functional in consent-manifest.json | ConsentAnalyzers.AddToManifest:functional
            Declare '_fbp' as Advertising in consent-manifest.json | ConsentAnalyzers.AddToManifest:advertising
            Declare '_fbp' as Necessary in consent-manifest.json | ConsentAnalyzers.AddToManifest:necessary
            """,
            offered);
    }

    [Fact]
    public async Task A_cookie_is_declared_in_the_chosen_category() =>
        await Create(
            Code("""            http.Response.Cookies.Append({|CG0101:"_fbp"|}, "1");"""),
            Policy,
            $$"""
            {
              "version": 1,
              "categories": {
                "necessary": { "title": "Strictly Necessary", "essential": true },
                "functional": { "title": "Functional" },
                "advertising": { "title": "Advertising and Attribution" },
              },
              "cookies": [
                { "name": "_ga", "category": "functional" },
                { "name": "_fbp", "category": "advertising", {{CookieTodo}} },
              ],
            }
            """,
            Key("advertising")).RunAsync();

    [Fact]
    public async Task A_local_storage_key_is_declared_for_local_storage_in_a_new_list() =>
        await Create(
            Code("""            await js.InvokeVoidAsync("localStorage.setItem", {|CG0103:"tour_step"|}, 1);"""),
            Policy,
            PolicyWith(lists: $$"""
                  "storage": [
                    { "key": "tour_step", "area": "local", "category": "functional", {{CookieTodo}} },
                  ],
                """),
            Key("functional")).RunAsync();

    /// <summary>
    /// A finding in a script is in an additional document of the project: the fix is asked with that document, as
    /// the IDE asks it (the testing library applies fixes to source documents only, so the action is applied here).
    /// </summary>
    [Fact]
    public async Task A_finding_in_a_script_is_declared_from_the_script()
    {
        using var workspace = new AdhocWorkspace();
        var script = ConsentTestProject.AddProject(workspace, Policy)
            .AddAdditionalDocument("tour.js", SourceText.From("localStorage.setItem('tour_step', '1');\ndocument.cookie = 'seen=1';"),
                filePath: "/0/wwwroot/js/tour.js");
        var compilation = (await script.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers([new ScriptAnalyzer()], script.Project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        Assert.Equal(["CG0103", "CG0101"], diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Id));

        var solution = script.Project.Solution;
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var actions = new List<CodeAction>();
            var document = solution.GetAdditionalDocument(script.Id)!;
            await new AddToManifestCodeFixProvider().RegisterCodeFixesAsync(
                new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            var declareNecessary = actions.Single(action => action.EquivalenceKey == Key("necessary"));
            var operation = (await declareNecessary.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
            solution = operation.ChangedSolution;
        }

        var manifest = solution.GetProject(script.Project.Id)!.AdditionalDocuments.Single(d => d.FilePath == ManifestPath);
        Assert.Equal(
            PolicyWith(
                cookies: $$"""    { "name": "seen", "category": "necessary", {{CookieTodo}} },""",
                lists: $$"""
                      "storage": [
                        { "key": "tour_step", "area": "local", "category": "necessary", {{CookieTodo}} },
                      ],
                    """),
            Lf((await manifest.GetTextAsync()).ToString()));
    }

    [Fact]
    public async Task A_session_storage_key_is_declared_for_session_storage()
    {
        var offered = await OfferedActionsAsync(Code("""await session.SetAsync("utm", "x");"""), Policy);
        Assert.StartsWith("Declare 'utm' (sessionStorage) as Functional in consent-manifest.json | ConsentAnalyzers.AddToManifest:functional\n",
            offered, StringComparison.Ordinal);
        await Create(
            Code("""            await session.SetAsync({|CG0103:"utm"|}, "x");"""),
            Policy,
            PolicyWith(lists: $$"""
                  "storage": [
                    { "key": "utm", "area": "session", "category": "advertising", {{CookieTodo}} },
                  ],
                """),
            Key("advertising")).RunAsync();
    }

    [Fact]
    public async Task A_storage_write_of_unknown_area_is_offered_for_each_area()
    {
        var offered = await OfferedActionsAsync(Code("""await storage.SetAsync("tour", 1);"""), Policy);
        Assert.Equal(
            """
            Declare 'tour' (localStorage) as Functional in consent-manifest.json | ConsentAnalyzers.AddToManifest:functional:local
            Declare 'tour' (localStorage) as Advertising in consent-manifest.json | ConsentAnalyzers.AddToManifest:advertising:local
            Declare 'tour' (localStorage) as Necessary in consent-manifest.json | ConsentAnalyzers.AddToManifest:necessary:local
            Declare 'tour' (sessionStorage) as Functional in consent-manifest.json | ConsentAnalyzers.AddToManifest:functional:session
            Declare 'tour' (sessionStorage) as Advertising in consent-manifest.json | ConsentAnalyzers.AddToManifest:advertising:session
            Declare 'tour' (sessionStorage) as Necessary in consent-manifest.json | ConsentAnalyzers.AddToManifest:necessary:session
            """,
            offered);
    }

    [Fact]
    public async Task A_storage_write_of_unknown_area_is_declared_for_the_chosen_area() =>
        await Create(
            Code("""            await storage.SetAsync({|CG0103:"tour"|}, 1);"""),
            Policy,
            PolicyWith(lists: $$"""
                  "storage": [
                    { "key": "tour", "area": "session", "category": "functional", {{CookieTodo}} },
                  ],
                """),
            Key("functional", "session")).RunAsync();

    [Fact]
    public async Task A_built_in_tracker_is_declared_by_its_catalog_id()
    {
        // The pixel is for advertising: that category comes first, ahead of the manifest's order.
        var offered = await OfferedActionsAsync(Code("""await js.InvokeVoidAsync("fbq", "track", "Purchase");"""), Policy);
        Assert.Equal(
            """
            Declare 'meta-pixel' as Advertising in consent-manifest.json | ConsentAnalyzers.AddToManifest:advertising
            Declare 'meta-pixel' as Functional in consent-manifest.json | ConsentAnalyzers.AddToManifest:functional
            Declare 'meta-pixel' as Necessary in consent-manifest.json | ConsentAnalyzers.AddToManifest:necessary
            """,
            offered);
        await Create(
            Code("""            await {|CG0201:js.InvokeVoidAsync("fbq", "track", "Purchase")|};"""),
            Policy,
            PolicyWith(lists: """
                  "trackers": [
                    { "use": "meta-pixel", "category": "advertising" },
                  ],
                """),
            Key("advertising")).RunAsync();
    }

    [Theory]
    [InlineData("""http.Response.Cookies.Append($"promo_{id}", "1");""")] // which pattern declares it is a person's decision
    [InlineData("""http.Response.Cookies.Append("promo seen", "1");""")] // not a valid cookie name: the manifest would reject it
    public async Task No_action_is_offered_for_a_name_the_manifest_cannot_declare_as_written(string body)
    {
        Assert.Empty(await OfferedActionsAsync(Code(body), Policy));
    }

    [Fact]
    public async Task The_manifest_named_by_ConsentManifestPath_is_edited_and_named_in_the_title()
    {
        const string SharedPath = "/shared/cookie-policy.json";
        var code = Code("""            http.Response.Cookies.Append({|CG0101:"_fbp"|}, "1");""");
        var test = new ManifestEntryFixTest { TestCode = code, CodeActionEquivalenceKey = Key("necessary") };
        test.CodeActionVerifier = (action, verifier) => verifier.Equal("Declare '_fbp' as Necessary in cookie-policy.json", action.Title);
        test.TestState.AdditionalFiles.Add((SharedPath, Policy));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"""
            is_global = true
            build_property.ConsentManifestPath = ../shared/cookie-policy.json

            [{SharedPath}]
            build_metadata.AdditionalFiles.ConsentManifest = true
            """));
        test.FixedState.Sources.Add(WithoutMarkup(code));
        test.FixedState.AdditionalFiles.Add(
            (SharedPath, PolicyWith(cookies: $$"""    { "name": "_fbp", "category": "necessary", {{CookieTodo}} },""")));
        await test.RunAsync();
    }
}

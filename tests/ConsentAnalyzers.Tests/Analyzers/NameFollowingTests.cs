using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>
/// Names that are not <c>const</c> but fixed in practice in the same compilation: <c>static readonly</c> fields,
/// get-only static properties, locals assigned once, small helper methods, <c>string.Concat</c>/<c>Format</c>. Each
/// is followed only when nothing else can give it another value.
/// </summary>
public class NameFollowingTests
{
    private static readonly string Manifest = CodeManifests.Policy
        .Replace("""{ "name": "theme", "category": "functional" },""", """
            { "name": "theme", "category": "functional" },
            { "name": "app_visitor_*", "category": "advertising" },
            { "name": ".App.*", "category": "functional" },
            """);

    private const string Helpers = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;

        static class Tracking
        {
            static readonly string Prefix = "app_visitor_";
            public static string CookieName(int siteId) => Prefix + siteId;
            public static string Concatenated(string id) => string.Concat(Prefix, id);
            public static string Formatted(int id) => string.Format("{0}{1}", Prefix, id);
            public static string Block(int id) { return $"{Prefix}{id}"; }
        }

        static class CookieNames
        {
            static string Prefix => ".App";
            public static string Visitor => Prefix + ".Visitor";
            public static string Theme { get; } = "theme";
            public static string Getter { get { return "theme"; } }
        }

        static class Mutable
        {
            public static readonly string AssignedInStaticConstructor = "theme";
            public static readonly string FromEnvironment = Environment.GetEnvironmentVariable("COOKIE") ?? "theme";
            public static readonly string BeforeItsPart = Later + "_x"; // runs while Later is still null: "_x"
            public static readonly string Later = "_ga";
            public static string WithSetter { get; set; } = "theme";
            public static string WithPrivateSetter { get; private set; } = "theme";
            public static string AutoAssigned { get; } = "theme";
            public static string Field = "theme";
            public static string Recursive(int n) => n > 0 ? Recursive(n - 1) : "theme";
            public static string Ping(string x) => "promo" + Pong(x);
            public static string Pong(string x) => Ping(x) + "b";
            public static string TwoStatements(string x) { var y = x; return y; }

            static Mutable()
            {
                AssignedInStaticConstructor = Environment.GetEnvironmentVariable("COOKIE");
                AutoAssigned = Environment.MachineName;
            }
        }
        """;

    private static Task Verify(string body, params DiagnosticResult[] expected) => Verify(body, disableGuards: true, expected);

    private static Task Verify(string body, bool disableGuards, params DiagnosticResult[] expected)
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code($$"""
            {{Helpers}}

            class Endpoint
            {
                void Handle(HttpContext http, string parameter, int siteId, string configuredPrefix)
                {
            {{body}}
                }
            }
            """, Manifest);
        if (disableGuards)
        {
            test.DisabledDiagnostics.AddRange(CookieWriteAnalyzerTests.GuardRules);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("""http.Response.Cookies.Append(CookieNames.Visitor, "1");""")]
    [InlineData("""http.Response.Cookies.Append(CookieNames.Theme, "1");""")]
    [InlineData("""http.Response.Cookies.Append(CookieNames.Getter, "1");""")]
    [InlineData("""http.Response.Cookies.Append(Tracking.CookieName(siteId), "1");""")]
    [InlineData("""http.Response.Cookies.Append(Tracking.Concatenated(parameter), "1");""")]
    [InlineData("""http.Response.Cookies.Append(Tracking.Formatted(siteId), "1");""")]
    [InlineData("""http.Response.Cookies.Append(Tracking.Block(siteId), "1");""")]
    [InlineData("""
        var key = "theme";
        http.Response.Cookies.Append(key, "1");
        """)]
    [InlineData("""
        string key = CookieNames.Visitor + "." + siteId;
        http.Response.Cookies.Append(key, "1");
        """)]
    [InlineData("""
        var key = "theme";
        Action read = () => Console.WriteLine(key);
        http.Response.Cookies.Append(key, "1");
        """)]
    [InlineData("""
        static string Local(int id) => "app_visitor_" + id;
        http.Response.Cookies.Append(Local(siteId), "1");
        """)]
    [InlineData("""http.Response.Cookies.Append(string.Format("_ga_{0}", siteId), "1");""")]
    [InlineData("""http.Response.Cookies.Append(string.Concat("_ga_", parameter), "1");""")]
    public Task Names_fixed_in_practice_are_followed_and_declared(string body) => Verify(body);

    [Fact]
    public Task A_tracking_cookie_built_by_a_helper_and_marked_essential_is_CG0106() =>
        Verify(
            """http.Response.Cookies.Append(Tracking.CookieName(siteId), "1", new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(10), {|#0:IsEssential = true|} });""",
            new DiagnosticResult(Rules.EssentialMisdeclared).WithLocation(0).WithArguments("app_visitor_{…}", "advertising"));

    [Fact]
    public Task A_tracking_cookie_built_by_a_helper_is_guarded_like_its_category() =>
        Verify(
            """{|#0:http.Response.Cookies.Append(Tracking.CookieName(siteId), "1")|};""",
            disableGuards: false,
            new DiagnosticResult(Rules.UnguardedWrite).WithLocation(0).WithArguments("Writing cookie 'app_visitor_{…}'", "advertising"));

    [Theory]
    [InlineData("""http.Response.Cookies.Append({|#0:Mutable.AssignedInStaticConstructor|}, "1");""")]
    [InlineData("""http.Response.Cookies.Append({|#0:Mutable.BeforeItsPart|}, "1");""")]
    [InlineData("""http.Response.Cookies.Append({|#0:Mutable.WithSetter|}, "1");""")]
    [InlineData("""http.Response.Cookies.Append({|#0:Mutable.WithPrivateSetter|}, "1");""")]
    [InlineData("""http.Response.Cookies.Append({|#0:Mutable.AutoAssigned|}, "1");""")]
    [InlineData("""http.Response.Cookies.Append({|#0:Mutable.Field|}, "1");""")]
    [InlineData("""http.Response.Cookies.Append({|#0:Mutable.Recursive(3)|}, "1");""")]
    [InlineData("""http.Response.Cookies.Append({|#0:Mutable.TwoStatements(parameter)|}, "1");""")]
    [InlineData("""
        var key = "theme";
        key = parameter;
        http.Response.Cookies.Append({|#0:key|}, "1");
        """)]
    [InlineData("""
        var key = "theme";
        http.Response.Cookies.Append({|#0:key|}, "1");
        key += parameter;
        """)]
    [InlineData("""
        var key = "theme";
        Action write = () => key = Console.ReadLine();
        write();
        http.Response.Cookies.Append({|#0:key|}, "1");
        """)]
    [InlineData("""
        var key = "theme";
        Change(ref key);
        http.Response.Cookies.Append({|#0:key|}, "1");
        static void Change(ref string k) => k = "other";
        """)]
    [InlineData("""
        string key = "theme", other = "x";
        (key, other) = (other, key);
        http.Response.Cookies.Append({|#0:key|}, "1");
        """)]
    [InlineData("""
        string key;
        key = "theme";
        http.Response.Cookies.Append({|#0:key|}, "1");
        """)]
    public Task Names_that_can_change_are_not_followed(string body) =>
        Verify(body, new DiagnosticResult(Rules.UnresolvedName).WithLocation(0).WithArguments("cookie name"));

    [Theory]
    [InlineData("""http.Response.Cookies.Append({|#0:Mutable.FromEnvironment|}, "1");""")] // followed to a run-time part: a hole
    [InlineData("""http.Response.Cookies.Append({|#0:$"{configuredPrefix}Session"|}, "1");""")] // ".App.Session" (declared by `.App.*`) for one value
    public Task A_name_some_value_of_which_could_be_declared_is_unresolved_not_undeclared(string body) =>
        Verify(body, new DiagnosticResult(Rules.UnresolvedName).WithLocation(0).WithArguments("cookie name"));

    /// <summary>
    /// Ping = "promo" + Pong(x) = "promo" + (Ping(x) + "b"): the cut call is a hole, so the name is "promo{…}b",
    /// which no declared name can be, whichever the analysis starts from; like "promo_{…}", it is undeclared.
    /// </summary>
    [Theory]
    [InlineData("""http.Response.Cookies.Append({|#0:Mutable.Ping(parameter)|}, "1");""", "promo{…}b")]
    [InlineData("""http.Response.Cookies.Append({|#0:$"promo_{siteId}"|}, "1");""", "promo_{…}")]
    public Task A_template_that_no_declared_name_could_match_is_undeclared(string body, string name) =>
        Verify(body,
            new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments(name, ": no declared pattern covers every value it can take"));

    [Fact]
    public async Task A_local_assigned_once_gives_a_storage_key()
    {
        var test = ConsentAnalyzerTest<StorageWriteAnalyzer>.Code("""
            using System.Threading.Tasks;

            namespace Blazored.LocalStorage
            {
                public interface ILocalStorageService { ValueTask SetItemAsync<T>(string key, T data, System.Threading.CancellationToken cancellationToken = default); }
            }

            class Component
            {
                async Task Save(Blazored.LocalStorage.ILocalStorageService localStorage, int id)
                {
                    string key = "return_page";
                    await localStorage.SetItemAsync(key, "/");
                    string draft = "draft:" + id;
                    await localStorage.SetItemAsync(draft, "text");
                    string items = "items";
                    await localStorage.SetItemAsync({|#0:items|}, "[]");
                }
            }
            """, Manifest);
        test.DisabledDiagnostics.AddRange(CookieWriteAnalyzerTests.GuardRules);
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.UndeclaredStorageKey).WithLocation(0).WithArguments("Local-storage", "items", string.Empty));
        await test.RunAsync();
    }
}

using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>
/// The app's own writers: a method marked <c>[CookieWriter]</c> or <c>[StorageWriter(area)]</c> whose <c>[ConsentName]</c>
/// parameter names what it writes. Its calls are checked as the write; inside it, the write under that parameter is not.
/// </summary>
public class AppWriterTests
{
    private const string Cookies = """
        using Microsoft.AspNetCore.Http;

        namespace TestProject;

        internal static class Prefs
        {
            [CookieWriter]
            public static void SetCookie(this HttpResponse response, [ConsentName] string name, string value) =>
                response.Cookies.Append(name, value, new CookieOptions { HttpOnly = true });
        }
        """;

    private static ConsentAnalyzerTest<TAnalyzer> Test<TAnalyzer>(string code, params string[] more)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var test = ConsentAnalyzerTest<TAnalyzer>.Code(code, CodeManifests.Policy);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        foreach (var source in more)
        {
            test.TestState.Sources.Add(source);
        }

        return test;
    }

    private static DiagnosticResult Unguarded(int location, string what, string category) =>
        new DiagnosticResult(Rules.UnguardedWrite).WithLocation(location).WithArguments(what, category);

    /// <summary>
    /// A generic writer is called as a constructed method (and an extension as a reduced one): neither is the declaration
    /// itself, and both must still be found as the app's writer.
    /// </summary>
    [Fact]
    public async Task A_generic_writer_is_checked_at_its_constructed_calls()
    {
        var test = Test<CookieWriteAnalyzer>("""
            using Microsoft.AspNetCore.Http;

            namespace TestProject;

            internal static class TypedPrefs
            {
                [CookieWriter]
                public static void SetTyped<T>(this HttpResponse response, [ConsentName] string name, T value) =>
                    response.Cookies.Append(name, value?.ToString() ?? "");
            }

            class Page
            {
                void Handle(HttpResponse response)
                {
                    response.SetTyped({|#0:"promo_seen"|}, 1);
                    TypedPrefs.SetTyped<string>(response, {|#1:"promo_seen"|}, "1");
                }
            }
            """);
        test.WithConstantRule();
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments("promo_seen", ""));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(1).WithArguments("promo_seen", ""));
        await test.RunAsync();
    }

    [Fact]
    public async Task Calls_of_a_cookie_writer_are_checked_as_cookie_writes_and_its_inside_is_not()
    {
        var test = Test<CookieWriteAnalyzer>("""
            using Microsoft.AspNetCore.Http;

            namespace TestProject;

            class Page
            {
                void Handle(HttpResponse response, IConsent consent, string fromUser)
                {
                    response.SetCookie({|#0:"promo_seen"|}, "1");
                    {|#1:response.SetCookie(ConsentCookies.Ga, "1")|};
                    if (consent.AnalyticsAllowed)
                    {
                        response.SetCookie(ConsentCookies.Ga, "1");
                        {|#2:response.SetCookie("_gcl_au", "1")|};
                    }

                    response.SetCookie({|#3:fromUser|}, "1");
                    response.SetCookie("sb-auth", "1");
                    Prefs.SetCookie(response, {|#4:"promo_seen"|}, "1");
                }
            }
            """, Cookies);
        test.WithConstantRule();
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments("promo_seen", ""));
        test.ExpectedDiagnostics.Add(Unguarded(1, "Writing cookie '_ga' through 'SetCookie'", "analytics"));
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.WrongCategoryGuard).WithLocation(2).WithArguments("Writing cookie '_gcl_au' through 'SetCookie'",
                "advertising", "'analytics'"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(3).WithArguments("cookie name"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(4).WithArguments("promo_seen", ""));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_storage_writer_checks_keys_for_its_area_and_only_its_own_area_inside()
    {
        var test = Test<StorageWriteAnalyzer>("""
            using System.Threading.Tasks;
            using Microsoft.JSInterop;

            namespace TestProject;

            class Drafts(IJSRuntime js)
            {
                [StorageWriter(ConsentStorageArea.Local)]
                public ValueTask SaveAsync([ConsentName] string key, string value)
                {
                    _ = js.InvokeVoidAsync("sessionStorage.setItem", {|#0:key|}, value);
                    return js.InvokeVoidAsync("localStorage.setItem", key, value);
                }

                [RequiresConsent(ConsentCategory.Functional)]
                async Task Edit(string id)
                {
                    await SaveAsync("draft:" + id, "text");
                    await SaveAsync("return_page", "/");
                    await SaveAsync({|#1:"landing_page"|}, "/");
                    await SaveAsync({|#2:"cart"|}, "[]");
                }

                async Task Unguarded() => await {|#3:SaveAsync("draft:x", "text")|};
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(0).WithArguments("storage key"));
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.NameInWrongPlace).WithLocation(1).WithArguments("landing_page", "a sessionStorage key", "a localStorage key"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredStorageKey).WithLocation(2).WithArguments("Local-storage", "cart", ""));
        test.ExpectedDiagnostics.Add(Unguarded(3, "Writing storage key 'draft:x' through 'SaveAsync'", "functional"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_writer_is_only_left_alone_inside_when_every_way_in_is_checked()
    {
        var test = Test<CookieWriteAnalyzer>("""
            using System;
            using Microsoft.AspNetCore.Http;

            namespace TestProject;

            interface ICookieJar { void Put(string name, string value); }

            class Jar(HttpResponse response) : ICookieJar
            {
                [CookieWriter]
                public void Put([ConsentName] string name, string value) => response.Cookies.Append({|#0:name|}, value);

                [CookieWriter]
                public void Renamed([ConsentName] string name, string value)
                {
                    name = name.Trim();
                    response.Cookies.Append({|#1:name|}, value);
                }

                [CookieWriter]
                public void Prefixed([ConsentName] string name) => response.Cookies.Append({|#2:"pre_" + name|}, "1");

                [CookieWriter]
                public void Forward([ConsentName] string name, string value) => Put(name, value);

                public void Unmarked(string name) => response.Cookies.Append({|#3:name|}, "1");

                void Use()
                {
                    Action<string, string> put = {|#4:Forward|};
                    Forward({|#5:"promo"|}, "1");
                }
            }
            """);
        test.DisabledDiagnostics.AddRange(CookieWriteAnalyzerTests.GuardRules);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(0).WithArguments("cookie name"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(1).WithArguments("cookie name"));
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(2).WithArguments("pre_{…}",
                ": no declared pattern covers every value it can take"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(3).WithArguments("cookie name"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(4).WithArguments("cookie name"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(5).WithArguments("promo", ""));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_default_name_is_checked_at_the_call_that_leaves_it_out_and_a_writer_without_a_name_parameter_is_no_writer()
    {
        var test = Test<CookieWriteAnalyzer>("""
            using Microsoft.AspNetCore.Http;

            namespace TestProject;

            static class Promo
            {
                [CookieWriter]
                public static void Seen(HttpResponse response, [ConsentName] string name = "promo_seen") => response.Cookies.Append(name, "1");

                [CookieWriter]
                public static void NoName(HttpResponse response, string name) => response.Cookies.Append({|#1:name|}, "1");

                static void Use(HttpResponse response)
                {
                    {|#0:Seen(response)|};
                    Seen(response, "theme");
                    NoName(response, "anything");
                }
            }
            """);
        test.DisabledDiagnostics.AddRange(CookieWriteAnalyzerTests.GuardRules);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments("promo_seen", ""));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(1).WithArguments("cookie name"));
        await test.RunAsync();
    }
}

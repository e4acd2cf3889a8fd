using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Analyzers;

public class StorageWriteAnalyzerTests
{
    /// <summary>Blazored's service interfaces, by their real metadata names (the analyzer needs no reference to them).</summary>
    private const string Blazored = """
        namespace Blazored.LocalStorage
        {
            public interface ILocalStorageService { System.Threading.Tasks.ValueTask SetItemAsync<T>(string key, T data, System.Threading.CancellationToken cancellationToken = default); System.Threading.Tasks.ValueTask SetItemAsStringAsync(string key, string data, System.Threading.CancellationToken cancellationToken = default); }
            public interface ISyncLocalStorageService { void SetItem<T>(string key, T data); }
        }

        namespace Blazored.SessionStorage
        {
            public interface ISessionStorageService { System.Threading.Tasks.ValueTask SetItemAsync<T>(string key, T data, System.Threading.CancellationToken cancellationToken = default); }
        }
        """;

    private static Task Verify(string body, params DiagnosticResult[] expected)
    {
        var test = ConsentAnalyzerTest<StorageWriteAnalyzer>.Code($$"""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
            using Microsoft.JSInterop;

            class Component
            {
                async Task Save(IJSRuntime js, IJSInProcessRuntime inProcess, IJSObjectReference module, ProtectedLocalStorage local, ProtectedSessionStorage session,
                    Blazored.LocalStorage.ILocalStorageService blazoredLocal, Blazored.LocalStorage.ISyncLocalStorageService blazoredSync,
                    Blazored.SessionStorage.ISessionStorageService blazoredSession, string parameter, int id, object[] args)
                {
            {{body}}
                }
            }
            """, CodeManifests.Policy);
        test.TestState.Sources.Add(Blazored);
        test.DisabledDiagnostics.AddRange(CookieWriteAnalyzerTests.GuardRules);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("""await js.InvokeVoidAsync("sessionStorage.setItem", "landing_page", "/pricing");""")]
    [InlineData("""await js.InvokeVoidAsync("window.localStorage.setItem", $"draft:{id}", "text");""")]
    [InlineData("""await js.InvokeAsync<object>("localStorage.setItem", "return_page", "/");""")]
    [InlineData("""inProcess.InvokeVoid("sessionStorage.setItem", "gclid", parameter);""")]
    [InlineData("""await module.InvokeVoidAsync("localStorage.setItem", "draft:lyrics", parameter);""")]
    [InlineData("""await js.InvokeVoidAsync("localStorage.getItem", "anything");""")]
    [InlineData("""await js.InvokeVoidAsync("localStorage.removeItem", "anything");""")]
    [InlineData("""await js.InvokeVoidAsync("console.log", "promo");""")]
    [InlineData("""await js.InvokeVoidAsync(parameter, "promo");""")]
    [InlineData("""await local.SetAsync("return_page", "/");""")]
    [InlineData("""await session.SetAsync("purpose", "landing_page", "/");""")]
    [InlineData("""await local.DeleteAsync("promo");""")]
    [InlineData("""await blazoredLocal.SetItemAsync("draft:x", 1);""")]
    [InlineData("""await blazoredLocal.SetItemAsStringAsync("return_page", "/");""")]
    [InlineData("""blazoredSync.SetItem("return_page", "/");""")]
    [InlineData("""await blazoredSession.SetItemAsync("gclid", parameter);""")]
    public Task Declared_keys_and_other_calls_report_nothing(string body) => Verify(body);

    [Theory]
    [InlineData("""await js.InvokeVoidAsync("localStorage.setItem", {|#0:"promo"|}, "1");""", "Local-storage", "promo", "")]
    [InlineData("""await js.InvokeVoidAsync("sessionStorage.setItem", {|#0:$"utm_{id}"|}, "1");""", "Session-storage", "utm_{…}",
        ": no declared pattern covers every value it can take")]
    [InlineData("""await local.SetAsync({|#0:"promo"|}, 1);""", "Local-storage", "promo", "")]
    [InlineData("""await blazoredSession.SetItemAsync({|#0:"promo"|}, 1);""", "Session-storage", "promo", "")]
    [InlineData("""blazoredSync.SetItem({|#0:"promo"|}, 1);""", "Local-storage", "promo", "")]
    public Task Undeclared_keys_are_CG0103(string body, string area, string key, string why) =>
        Verify(body, new DiagnosticResult(Rules.UndeclaredStorageKey).WithLocation(0).WithArguments(area, key, why));

    [Theory]
    [InlineData("""await js.InvokeVoidAsync("localStorage.setItem", {|#0:"landing_page"|}, "/");""", "landing_page", "a sessionStorage key",
        "a localStorage key")]
    [InlineData("""await local.SetAsync({|#0:"gclid"|}, "x");""", "gclid", "a sessionStorage key", "a localStorage key")]
    [InlineData("""await session.SetAsync({|#0:"draft:x"|}, "x");""", "draft:x", "a localStorage key", "a sessionStorage key")]
    [InlineData("""await js.InvokeVoidAsync("localStorage.setItem", {|#0:"_ga"|}, "1");""", "_ga", "a cookie", "a localStorage key")]
    public Task A_key_declared_elsewhere_is_CG0104(string body, string key, string declared, string written) =>
        Verify(body, new DiagnosticResult(Rules.NameInWrongPlace).WithLocation(0).WithArguments(key, declared, written));

    [Theory]
    [InlineData("""await js.InvokeVoidAsync("localStorage.setItem", {|#0:parameter|}, "1");""")]
    [InlineData("""await js.InvokeVoidAsync("localStorage.setItem", {|#0:args|});""")]
    [InlineData("""await local.SetAsync({|#0:parameter|}, 1);""")]
    public Task Unresolvable_keys_are_CG0102(string body) =>
        Verify(body, new DiagnosticResult(Rules.UnresolvedName).WithLocation(0).WithArguments("storage key"));

    [Fact]
    public async Task A_literal_that_repeats_a_generated_constant_is_CG0107()
    {
        var test = ConsentAnalyzerTest<StorageWriteAnalyzer>.Code("""
            using System.Threading.Tasks;
            using Microsoft.JSInterop;

            class Component
            {
                async Task Save(IJSRuntime js)
                {
                    await js.InvokeVoidAsync("sessionStorage.setItem", {|#0:"landing_page"|}, "/");
                    await js.InvokeVoidAsync("sessionStorage.setItem", TestProject.ConsentStorageKeys.LandingPage, "/");
                }
            }
            """, CodeManifests.Policy);
        test.WithConstantRule().DisabledDiagnostics.AddRange(CookieWriteAnalyzerTests.GuardRules);
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.LiteralDuplicatesConstant).WithLocation(0).WithArguments("ConsentStorageKeys.LandingPage", "landing_page"));
        await test.RunAsync();
    }
}

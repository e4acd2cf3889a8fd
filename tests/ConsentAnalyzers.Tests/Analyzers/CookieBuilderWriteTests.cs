using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>
/// Cookies written by hand with a <c>CookieBuilder</c> (<c>Append(builder.Name, value, builder.Build(context))</c>) and
/// through the authentication handler's <c>ICookieManager.AppendResponseCookie</c>.
/// </summary>
public class CookieBuilderWriteTests
{
    private static ConsentAnalyzerTest<CookieWriteAnalyzer> Test(string body)
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code($$"""
            using Microsoft.AspNetCore.Authentication.Cookies;
            using Microsoft.AspNetCore.Http;

            namespace TestProject;

            class Endpoint
            {
                void Handle(HttpContext http, ICookieManager manager, ChunkingCookieManager chunking, CookieBuilder given, string fromUser, IConsent consent)
                {
            {{body}}
                }

                static void Configure(CookieBuilder builder) { }
            }
            """, CodeManifests.Policy);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        return test;
    }

    [Fact]
    public async Task A_builder_named_in_its_initializer_gives_the_name_its_write_is_checked_under()
    {
        var test = Test("""
                    var ga = new CookieBuilder { Name = "_ga", HttpOnly = true };
                    {|#0:http.Response.Cookies.Append(ga.Name, "1", ga.Build(http))|};
                    if (consent.AnalyticsAllowed)
                    {
                        http.Response.Cookies.Append(ga.Name, "1", ga.Build(http));
                    }

                    var promo = new CookieBuilder { Name = {|#1:"promo_seen"|} };
                    http.Response.Cookies.Append(promo.Name, "1", promo.Build(http));
                    http.Response.Cookies.Append({|#2:given.Name|}, "1", given.Build(http));
                    var passed = new CookieBuilder { Name = "_ga" };
                    Configure(passed);
                    http.Response.Cookies.Append({|#3:passed.Name|}, "1", passed.Build(http));
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnguardedWrite).WithLocation(0).WithArguments("Writing cookie '_ga'", "analytics"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(1).WithArguments("promo_seen", ""));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(2).WithArguments("cookie name"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(3).WithArguments("cookie name"));
        await test.RunAsync();
    }

    [Fact]
    public async Task IsEssential_set_on_the_builder_is_reported_once_where_the_name_is_known()
    {
        var test = Test("""
                    if (!consent.AnalyticsAllowed) return;
                    var beside = new CookieBuilder { Name = "_ga", {|#0:IsEssential = true|} };
                    http.Response.Cookies.Append(beside.Name, "1", beside.Build(http));
                    var after = new CookieBuilder { Name = "_ga_X" };
                    {|#1:after.IsEssential = true|};
                    http.Response.Cookies.Append(after.Name, "1", after.Build(http));
                    var necessary = new CookieBuilder { Name = "sb-auth" };
                    necessary.IsEssential = true;
                    http.Response.Cookies.Append(necessary.Name, "1", necessary.Build(http));
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.EssentialMisdeclared).WithLocation(0).WithArguments("_ga", "analytics"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.EssentialMisdeclared).WithLocation(1).WithArguments("_ga_X", "analytics"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_cookie_manager_append_is_a_cookie_write()
    {
        var test = Test("""
                    manager.AppendResponseCookie(http, {|#0:"promo_seen"|}, "1", new CookieOptions());
                    {|#1:chunking.AppendResponseCookie(http, "_ga", "1", new CookieOptions())|};
                    chunking.AppendResponseCookie(http, {|#2:fromUser|}, "1", new CookieOptions());
                    chunking.DeleteCookie(http, "promo_seen", new CookieOptions());
                    if (consent.AnalyticsAllowed)
                    {
                        manager.AppendResponseCookie(http, "_ga", "1", new CookieOptions { {|#3:IsEssential = true|} });
                    }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments("promo_seen", ""));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnguardedWrite).WithLocation(1).WithArguments("Writing cookie '_ga'", "analytics"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(2).WithArguments("cookie name"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.EssentialMisdeclared).WithLocation(3).WithArguments("_ga", "analytics"));
        await test.RunAsync();
    }

    [Fact]
    public async Task CreateCookieHeader_makes_a_cookie_to_be_written_and_is_checked_as_that_write()
    {
        var test = Test("""
                    var options = new CookieOptions();
                    var promo = options.CreateCookieHeader({|#0:"promo_seen"|}, "1").ToString();
                    http.Response.Headers.Append("Set-Cookie", {|#1:options.CreateCookieHeader("_ga", "1")|}.ToString());
                    var unknown = options.CreateCookieHeader({|#2:fromUser|}, "1");
                    if (consent.AnalyticsAllowed)
                    {
                        http.Response.Headers.Append("Set-Cookie", new CookieOptions { {|#3:IsEssential = true|} }.CreateCookieHeader("_ga", "1").ToString());
                    }

                    var necessary = options.CreateCookieHeader("sb-auth", "1").ToString();
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments("promo_seen", ""));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnguardedWrite).WithLocation(1).WithArguments("Writing cookie '_ga'", "analytics"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(2).WithArguments("cookie name"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.EssentialMisdeclared).WithLocation(3).WithArguments("_ga", "analytics"));
        await test.RunAsync();
    }
}

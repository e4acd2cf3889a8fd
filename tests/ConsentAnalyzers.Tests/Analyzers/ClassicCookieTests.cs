using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>
/// Classic ASP.NET (System.Web, .NET Framework 4.7.2 reference assemblies): an <c>HttpCookie</c> is named where it is
/// created or named once after, and written by <c>HttpCookieCollection.Add/Set</c> or <c>HttpResponse.SetCookie/AppendCookie</c>.
/// </summary>
public class ClassicCookieTests
{
    private static ConsentAnalyzerTest<CookieWriteAnalyzer> Test(string body, bool guards = false)
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code($$"""
            using System.Web;

            namespace TestProject
            {
                class LegacyPage
                {
                    void Handle(HttpResponse response, HttpResponseBase responseBase, HttpCookie given, string fromUser, IConsent consent)
                    {
            {{body}}
                    }

                    static HttpCookie Make() { return new HttpCookie("sb-made"); }
                }

                internal interface IConsent
                {
                    [ConsentGuard(ConsentCategory.Analytics)] bool AnalyticsAllowed { get; }
                }
            }
            """, CodeManifests.Policy);
        test.ReferenceAssemblies = TestReferences.Net472Web.ReferenceAssemblies;
        if (!guards)
        {
            test.DisabledDiagnostics.AddRange(CookieWriteAnalyzerTests.GuardRules);
        }

        return test;
    }

    [Fact]
    public async Task A_cookie_object_is_named_where_it_is_created_or_named_once_and_any_other_is_unresolved_at_the_write()
    {
        var test = Test("""
                        response.Cookies.Add(new HttpCookie({|#0:"promo_seen"|}, "1"));
                        var renamed = new HttpCookie("tmp", "1");
                        renamed.Name = {|#1:"promo_v2"|};
                        response.Cookies.Set(renamed);
                        response.SetCookie(new HttpCookie("tmp") { Name = {|#2:"promo_v3"|} });
                        response.Cookies.Add({|#3:given|});
                        responseBase.Cookies.Set({|#4:Make()|});
                        responseBase.AppendCookie({|#5:given|});
                        var twice = new HttpCookie("theme");
                        twice.Name = "sb-a";
                        twice.Name = fromUser;
                        response.Cookies.Add({|#6:twice|});
                        var declared = new HttpCookie("sb-session");
                        response.Cookies.Add(declared);
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments("promo_seen", ""));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(1).WithArguments("promo_v2", ""));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(2).WithArguments("promo_v3", ""));
        foreach (var unresolved in new[] { 3, 4, 5, 6 })
        {
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(unresolved).WithArguments("cookie name"));
        }

        await test.RunAsync();
    }

    [Fact]
    public async Task A_cookie_object_of_a_category_that_needs_consent_is_guarded_where_it_leaves_its_local()
    {
        var test = Test("""
                        var ga = new HttpCookie("_ga", "1");
                        ga.HttpOnly = true;
                        response.Cookies.Add({|#0:ga|});
                        if (consent.AnalyticsAllowed)
                        {
                            response.Cookies.Set(ga);
                        }

                        var named = new HttpCookie("x");
                        named.Name = "_ga";
                        response.AppendCookie({|#1:named|});
            """, guards: true);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnguardedWrite).WithLocation(0).WithArguments("Writing cookie '_ga'", "analytics"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnguardedWrite).WithLocation(1).WithArguments("Writing cookie '_ga'", "analytics"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_cookie_reached_by_name_through_the_response_collection_is_written_there()
    {
        var test = Test("""
                        response.Cookies[{|#0:"promo_seen"|}].Value = "1";
                        {|#1:responseBase.Cookies.Get("_ga").Expires = System.DateTime.Now.AddYears(2)|};
                        response.Cookies[{|#2:fromUser|}]["part"] = "1";
                        if (consent.AnalyticsAllowed)
                        {
                            response.Cookies["_ga"].Value = "GA1.1";
                        }

                        given.Value = "read from the request and changed, never written";
                        response.Cookies[0].Value = "an existing cookie, named where it was added";
            """, guards: true);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments("promo_seen", ""));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnguardedWrite).WithLocation(1).WithArguments("Writing cookie '_ga'", "analytics"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(2).WithArguments("cookie name"));
        await test.RunAsync();
    }
}

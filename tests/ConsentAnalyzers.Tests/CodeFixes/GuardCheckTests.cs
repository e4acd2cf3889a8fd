using ConsentAnalyzers.CodeFixes.Guards;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>"Guard it" (CG0105, CG0202): which check is chosen, where it goes, and Fix All.</summary>
public class GuardCheckTests
{
    private static GuardFixTest<AddConsentCheckCodeFixProvider> Test(string code, string fixedCode, params string[] sources) =>
        new(code, fixedCode, GuardFixTest<AddConsentCheckCodeFixProvider>.Manifest, sources);

    [Fact]
    public async Task A_ConsentGuard_property_of_an_injected_service_guards_the_write()
    {
        await Test("""
            using Microsoft.AspNetCore.Http;
            using TestProject;

            class Page(IConsent consent)
            {
                void OnGet(HttpResponse response)
                {
                    // remember the visitor
                    {|CG0105:response.Cookies.Append("_ga", "1")|}; // for two years
                    response.Cookies.Append("sb-session", "1");
                }
            }
            """, """
            using Microsoft.AspNetCore.Http;
            using TestProject;

            class Page(IConsent consent)
            {
                void OnGet(HttpResponse response)
                {
                    // remember the visitor
                    if (consent.AnalyticsAllowed)
                    {
                        response.Cookies.Append("_ga", "1"); // for two years
                    }
                    response.Cookies.Append("sb-session", "1");
                }
            }
            """).RunAsync();
    }
}

public class GuardCheckCandidateTests
{
    private const string Privacy = """
        using System.Threading.Tasks;
        using TestProject;

        namespace Shop.Privacy
        {
            public enum CookieType { Necessary, Analytics, ThirdParty }

            public interface IConsentManager
            {
                bool IsAllowed(CookieType type);
                bool AnalyticsAllowed { get; }
            }

            internal interface IPreferences
            {
                [ConsentGuard] bool Allows(ConsentCategory category);
            }

            internal interface IAsyncConsent
            {
                [ConsentGuard] Task<bool> IsGrantedAsync(ConsentCategory category);
            }
        }
        """;

    private static GuardFixTest<AddConsentCheckCodeFixProvider> Test(string code, string fixedCode, string manifest = GuardFixTest<AddConsentCheckCodeFixProvider>.Manifest) =>
        new(code, fixedCode, manifest, Privacy, GuardFixTest<AddConsentCheckCodeFixProvider>.TelemetryClient);

    private static string WithGuards(string guards) =>
        GuardFixTest<AddConsentCheckCodeFixProvider>.Manifest.Replace("  \"trackers\": [", $"  \"guards\": [{guards}],\n  \"trackers\": [", StringComparison.Ordinal);

    [Fact]
    public async Task A_ConsentGuard_method_gets_the_category_as_its_argument()
    {
        await Test("""
            using Microsoft.AspNetCore.Http;
            using Shop.Privacy;

            class Page
            {
                private readonly IPreferences _preferences = null!;

                void OnGet(HttpContext http) => {|CG0105:http.Response.Cookies.Append("theme", "dark")|};
            }
            """, """
            using Microsoft.AspNetCore.Http;
            using Shop.Privacy;
            using TestProject;

            class Page
            {
                private readonly IPreferences _preferences = null!;

                void OnGet(HttpContext http)
                {
                    if (_preferences.Allows(ConsentCategory.Functional))
                    {
                        http.Response.Cookies.Append("theme", "dark");
                    }
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task An_async_guard_is_awaited_in_an_async_method()
    {
        await Test("""
            using System.Threading.Tasks;
            using Microsoft.ApplicationInsights;
            using Shop.Privacy;

            class Checkout(IAsyncConsent consent, TelemetryClient telemetry)
            {
                async Task CompleteAsync()
                {
                    await Task.Yield();
                    {|CG0202:telemetry.TrackEvent("checkout")|};
                }
            }
            """, """
            using System.Threading.Tasks;
            using Microsoft.ApplicationInsights;
            using Shop.Privacy;
            using TestProject;

            class Checkout(IAsyncConsent consent, TelemetryClient telemetry)
            {
                async Task CompleteAsync()
                {
                    await Task.Yield();
                    if (await consent.IsGrantedAsync(ConsentCategory.Analytics))
                    {
                        telemetry.TrackEvent("checkout");
                    }
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task An_async_guard_is_not_offered_outside_an_async_method()
    {
        const string Code = """
            using Microsoft.ApplicationInsights;
            using Shop.Privacy;

            class Checkout(IAsyncConsent consent, TelemetryClient telemetry)
            {
                void Complete() => {|CG0202:telemetry.TrackEvent("checkout")|};
            }
            """;
        await Test(Code, Code).RunAsync();
    }

    [Fact]
    public async Task A_manifest_guard_with_arguments_gets_the_argument_its_category_maps_from()
    {
        await Test("""
            using Microsoft.AspNetCore.Http;

            class Page(Shop.Privacy.IConsentManager manager)
            {
                void OnGet(HttpResponse response)
                {
                    {|CG0105:response.Cookies.Append("_gcl_au", "1")|};
                }
            }
            """, """
            using Microsoft.AspNetCore.Http;
            using Shop.Privacy;

            class Page(Shop.Privacy.IConsentManager manager)
            {
                void OnGet(HttpResponse response)
                {
                    if (manager.IsAllowed(CookieType.ThirdParty))
                    {
                        response.Cookies.Append("_gcl_au", "1");
                    }
                }
            }
            """, WithGuards("""{ "api": "Shop.Privacy.IConsentManager.IsAllowed", "arguments": { "Shop.Privacy.CookieType.Analytics": "analytics", "Shop.Privacy.CookieType.ThirdParty": "advertising" } }""")).RunAsync();
    }

    [Fact]
    public async Task A_manifest_guard_with_a_category_is_a_property_check()
    {
        await Test("""
            using Microsoft.AspNetCore.Http;
            using Shop.Privacy;

            class Page(IConsentManager manager)
            {
                void OnGet(HttpResponse response)
                {
                    {|CG0105:response.Cookies.Append("_ga", "1")|};
                }
            }
            """, """
            using Microsoft.AspNetCore.Http;
            using Shop.Privacy;

            class Page(IConsentManager manager)
            {
                void OnGet(HttpResponse response)
                {
                    if (manager.AnalyticsAllowed)
                    {
                        response.Cookies.Append("_ga", "1");
                    }
                }
            }
            """, WithGuards("""{ "api": "Shop.Privacy.IConsentManager.AnalyticsAllowed", "category": "analytics" }""")).RunAsync();
    }

    [Fact]
    public async Task A_controller_without_a_consent_service_checks_ITrackingConsentFeature()
    {
        await Test("""
            using Microsoft.AspNetCore.Mvc;

            public class HomeController : Controller
            {
                public IActionResult Index()
                {
                    {|CG0105:Response.Cookies.Append("_ga", "1")|};
                    return Ok();
                }
            }
            """, """
            using Microsoft.AspNetCore.Http.Features;
            using Microsoft.AspNetCore.Mvc;

            public class HomeController : Controller
            {
                public IActionResult Index()
                {
                    if (HttpContext.Features.Get<ITrackingConsentFeature>()?.CanTrack == true)
                    {
                        Response.Cookies.Append("_ga", "1");
                    }
                    return Ok();
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task A_minimal_API_handler_checks_ITrackingConsentFeature_of_its_HttpContext()
    {
        await Test("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            static class Endpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/visit", (HttpContext context) => {|CG0105:context.Response.Cookies.Append("_ga", "1")|});
            }
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.Features;

            static class Endpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/visit", (HttpContext context) =>
                    {
                        if (context.Features.Get<ITrackingConsentFeature>()?.CanTrack == true)
                        {
                            context.Response.Cookies.Append("_ga", "1");
                        }
                    });
            }
            """).RunAsync();
    }

    [Fact]
    public async Task The_check_the_type_already_uses_comes_first()
    {
        await Test("""
            using Microsoft.AspNetCore.Http;
            using TestProject;

            class Page(IConsent consent, HttpResponse response)
            {
                bool ShowBanner => !consent.IsGranted(ConsentCategory.Analytics);

                void OnGet()
                {
                    {|CG0105:response.Cookies.Append("_ga", "1")|};
                }
            }
            """, """
            using Microsoft.AspNetCore.Http;
            using TestProject;

            class Page(IConsent consent, HttpResponse response)
            {
                bool ShowBanner => !consent.IsGranted(ConsentCategory.Analytics);

                void OnGet()
                {
                    if (consent.IsGranted(ConsentCategory.Analytics))
                    {
                        response.Cookies.Append("_ga", "1");
                    }
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Without_any_check_in_reach_no_guard_is_offered()
    {
        const string Code = """
            using Microsoft.AspNetCore.Http;

            class Cookies
            {
                void Remember(IResponseCookies cookies) => {|CG0105:cookies.Append("_ga", "1")|};
            }
            """;
        await Test(Code, Code).RunAsync();
    }
}

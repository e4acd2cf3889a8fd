using ConsentAnalyzers.CodeFixes.Guards;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>"Guard it" (CG0105, CG0202): which check is chosen, where it goes, and Fix All.</summary>
public class GuardCheckTests
{
    private static GuardFixTest<AddConsentCheckCodeFixProvider> Test(string code, string fixedCode, params string[] sources) =>
        new(code, fixedCode, manifest: null, sources);

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

    [Fact]
    public async Task A_tracker_script_built_as_a_string_is_guarded_where_it_is_rendered()
    {
        await Test("""
            using Microsoft.AspNetCore.Html;
            using TestProject;

            class AnalyticsScript(IConsent consent)
            {
                IHtmlContent Render(string id)
                {
                    var html = HtmlString.Empty;
                    html = {|CG0202:new HtmlString($"<script>gtag('config', '{id}');</script>")|};
                    return html;
                }
            }
            """, """
            using Microsoft.AspNetCore.Html;
            using TestProject;

            class AnalyticsScript(IConsent consent)
            {
                IHtmlContent Render(string id)
                {
                    var html = HtmlString.Empty;
                    if (consent.AnalyticsAllowed)
                    {
                        html = new HtmlString($"<script>gtag('config', '{id}');</script>");
                    }
                    return html;
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

    private static GuardFixTest<AddConsentCheckCodeFixProvider> Test(string code, string fixedCode, string? manifest = null) =>
        new(code, fixedCode, manifest, Privacy, GuardFixTest<AddConsentCheckCodeFixProvider>.TelemetryClient);

    private static string WithGuards(string guards) =>
        GuardFixTest<AddConsentCheckCodeFixProvider>.Manifest.Replace("  \"trackers\": [", $"  \"guards\": [{guards}],\n  \"trackers\": [",
            StringComparison.Ordinal);

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
    public async Task Comments_between_the_arrow_and_the_expression_stay_above_the_check()
    {
        await Test("""
            using Microsoft.AspNetCore.Http;
            using Shop.Privacy;

            class Page
            {
                private readonly IPreferences _preferences = null!;

                void OnGet(HttpContext http) =>
                    // the visitor's theme
                    /* light or dark */
                    {|CG0105:http.Response.Cookies.Append("theme", "dark")|};
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
                    // the visitor's theme
                    /* light or dark */
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
    public async Task A_feature_that_may_be_null_is_not_dereferenced()
    {
        await Test("""
            #nullable enable
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.Features;

            static class Visits
            {
                public static void Remember(HttpContext http)
                {
                    var feature = http.Features.Get<ITrackingConsentFeature>();
                    {|CG0105:http.Response.Cookies.Append("_ga", "1")|};
                }
            }
            """, """
            #nullable enable
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.Features;

            static class Visits
            {
                public static void Remember(HttpContext http)
                {
                    var feature = http.Features.Get<ITrackingConsentFeature>();
                    if (http.Features.Get<ITrackingConsentFeature>()?.CanTrack == true)
                    {
                        http.Response.Cookies.Append("_ga", "1");
                    }
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task A_Google_tag_call_may_be_guarded_by_the_other_category_it_serves()
    {
        var manifest = GuardFixTest<AddConsentCheckCodeFixProvider>.Manifest.Replace(
            "{ \"use\": \"google-analytics\", \"category\": \"analytics\" },",
            "{ \"use\": \"google-analytics\", \"category\": \"analytics\" }, { \"use\": \"google-ads\", \"category\": \"advertising\" },",
            StringComparison.Ordinal);
        await Test("""
            using System.Threading.Tasks;
            using Microsoft.JSInterop;
            using TestProject;

            interface IAdConsent
            {
                [ConsentGuard(ConsentCategory.Advertising)] bool AdsAllowed { get; }
            }

            class SignUp(IJSRuntime js, IAdConsent consent)
            {
                async Task SubmitAsync() => await {|CG0202:js.InvokeVoidAsync("gtag", "event", "sign_up")|};
            }
            """, """
            using System.Threading.Tasks;
            using Microsoft.JSInterop;
            using TestProject;

            interface IAdConsent
            {
                [ConsentGuard(ConsentCategory.Advertising)] bool AdsAllowed { get; }
            }

            class SignUp(IJSRuntime js, IAdConsent consent)
            {
                async Task SubmitAsync()
                {
                    if (consent.AdsAllowed)
                    {
                        await js.InvokeVoidAsync("gtag", "event", "sign_up");
                    }
                }
            }
            """, manifest).RunAsync();
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

    /// <summary>
    /// Razor compiles markup into this shape (a local function for a <c>@{ void Scripts() { … } }</c> helper); the
    /// finding points into the literal, whose code is generated: no edit of it would last.
    /// </summary>
    internal const string RazorLayout = """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc.Razor;
        using TestProject;

        public class Layout : RazorPage<object>
        {
            internal IConsent Consent { get; set; } = null!;

            public override async Task ExecuteAsync()
            {
                await Task.Yield();
                Scripts();

                void Scripts()
                {
                    WriteLiteral("<script>sessionStorage.setItem('{|CG0105:landing_page|}', location.pathname);</script>");
                }
            }
        }
        """;

    [Fact]
    public async Task A_finding_in_Razor_markup_gets_no_guard()
    {
        await Test(RazorLayout, RazorLayout).RunAsync();
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

public class GuardCheckPlacementTests
{
    private static GuardFixTest<AddConsentCheckCodeFixProvider> Test(string body, string fixedBody, string? batchFixedBody = null)
    {
        const string Frame = """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.ApplicationInsights;
            using Microsoft.AspNetCore.Http;
            using TestProject;

            class Visit(IConsent consent, TelemetryClient telemetry)
            {
                async Task HandleAsync(HttpResponse response, List<string> items, bool returning)
                {
                    await Task.Yield();
            BODY
                }

                static string Track(string name) => name;

                [RequiresConsent(ConsentCategory.Advertising)]
                static int Convert(string id) => id.Length;
            }
            """;
        var test = new GuardFixTest<AddConsentCheckCodeFixProvider>(
            Frame.Replace("BODY", body, StringComparison.Ordinal),
            Frame.Replace("BODY", fixedBody, StringComparison.Ordinal),
            manifest: null,
            GuardFixTest<AddConsentCheckCodeFixProvider>.TelemetryClient);
        return batchFixedBody is null ? test : test.WithBatchFixed(Frame.Replace("BODY", batchFixedBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_local_declared_by_the_call_and_used_later_stays_in_scope()
    {
        await Test("""
                    var conversions = {|CG0202:Convert("gclid")|};
                    response.Headers["X-Visit"] = "1";
                    Console.WriteLine(conversions);
                    response.Cookies.Append("sb-visit", "1");
            """, """
                    if (consent.IsGranted(ConsentCategory.Advertising))
                    {
                        var conversions = Convert("gclid");
                        response.Headers["X-Visit"] = "1";
                        Console.WriteLine(conversions);
                    }
                    response.Cookies.Append("sb-visit", "1");
            """).RunAsync();
    }

    [Fact]
    public async Task A_statement_under_an_if_without_braces_gets_a_block()
    {
        await Test("""
                    if (returning)
                        {|CG0105:response.Cookies.Append("_ga", "1")|};
                    else
                        response.Cookies.Append("sb-visit", "1");
            """, """
                    if (returning)
                    {
                        if (consent.AnalyticsAllowed)
                        {
                            response.Cookies.Append("_ga", "1");
                        }
                    }
                    else
                        response.Cookies.Append("sb-visit", "1");
            """).RunAsync();
    }

    [Fact]
    public async Task A_lambda_that_runs_later_is_guarded_inside()
    {
        await Test("""
                    await Task.Run(() => {|CG0202:telemetry.TrackEvent("visit")|});
            """, """
                    await Task.Run(() =>
                    {
                        if (consent.AnalyticsAllowed)
                        {
                            telemetry.TrackEvent("visit");
                        }
                    });
            """).RunAsync();
    }

    [Fact]
    public async Task A_value_returning_lambda_run_in_place_is_guarded_with_its_statement()
    {
        await Test("""
                    items.ForEach(item => Console.WriteLine(item));
                    var tracked = items.ConvertAll(item => {|CG0202:Convert(item)|});
                    Console.WriteLine(tracked.Count);
            """, """
                    items.ForEach(item => Console.WriteLine(item));
                    if (consent.IsGranted(ConsentCategory.Advertising))
                    {
                        var tracked = items.ConvertAll(item => Convert(item));
                        Console.WriteLine(tracked.Count);
                    }
            """).RunAsync();
    }

    [Fact]
    public async Task A_returned_call_is_left_unchanged_since_the_method_would_not_return_on_every_path()
    {
        const string Code = """
            using TestProject;

            class Visit(IConsent consent)
            {
                [RequiresConsent(ConsentCategory.Advertising)]
                static int Convert(string id) => id.Length;

                int Count(string id)
                {
                    return {|CG0202:Convert(id)|};
                }
            }
            """;
        // A check and a place are found, so the action is offered; the guarded return does not compile, so it changes nothing.
        await new GuardFixTest<AddConsentCheckCodeFixProvider>(Code, Code).OfferedButUnchanged().RunAsync();
    }

    [Fact]
    public async Task A_field_initializer_gets_no_guard()
    {
        const string Code = """
            using TestProject;

            class Visit(IConsent consent)
            {
                private readonly int _conversions = {|CG0202:Convert("gclid")|};

                [RequiresConsent(ConsentCategory.Advertising)]
                static int Convert(string id) => id.Length;
            }
            """;
        await new GuardFixTest<AddConsentCheckCodeFixProvider>(Code, Code).RunAsync();
    }

    [Fact]
    public async Task Fix_All_puts_neighbouring_sites_under_one_check_and_leaves_other_categories()
    {
        var test = Test("""
                    // the visitor's first page
                    {|CG0105:response.Cookies.Append("_ga", "1")|};
                    {|CG0202:telemetry.TrackEvent("visit")|};
                    response.Cookies.Append("sb-visit", "1");
                    foreach (var item in items)
                    {
                        {|CG0202:telemetry.TrackEvent(item)|};
                    }
                    {|CG0202:Convert("gclid")|};
            """, """
                    // the visitor's first page
                    if (consent.AnalyticsAllowed)
                    {
                        response.Cookies.Append("_ga", "1");
                    }
                    if (consent.AnalyticsAllowed)
                    {
                        telemetry.TrackEvent("visit");
                    }
                    response.Cookies.Append("sb-visit", "1");
                    foreach (var item in items)
                    {
                        if (consent.AnalyticsAllowed)
                        {
                            telemetry.TrackEvent(item);
                        }
                    }
                    {|CG0202:Convert("gclid")|};
            """, """
                    // the visitor's first page
                    if (consent.AnalyticsAllowed)
                    {
                        response.Cookies.Append("_ga", "1");
                        telemetry.TrackEvent("visit");
                    }
                    response.Cookies.Append("sb-visit", "1");
                    foreach (var item in items)
                    {
                        if (consent.AnalyticsAllowed)
                        {
                            telemetry.TrackEvent(item);
                        }
                    }
                    {|CG0202:Convert("gclid")|};
            """);
        test.CodeActionEquivalenceKey = "ConsentAnalyzers.AddConsentCheck:analytics"; // the advertising site keeps its finding
        await test.RunAsync();
    }
}

using ConsentAnalyzers.CodeFixes.Guards;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>"Require consent from callers" (CG0105, CG0202): which member gets <c>[RequiresConsent]</c>, and where it is not offered.</summary>
public class RequiresConsentTests
{
    /// <summary>One fix (or one Fix All) only: the callers it reports could be fixed the same way in turn.</summary>
    private static GuardFixTest<AddRequiresConsentCodeFixProvider> Test(string code, string fixedCode, params string[] sources)
    {
        var test = new GuardFixTest<AddRequiresConsentCodeFixProvider>(code, fixedCode, manifest: null, sources);
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.FixOne;
        return test;
    }

    private static Task NotOffered(string code, params string[] sources) => Test(code, code, sources).RunAsync();

    /// <summary>
    /// A declaration to mark is found, so the action is offered; the mark would not repair the finding, so applying it
    /// changes nothing.
    /// </summary>
    private static Task Unchanged(string code, params string[] sources) => Test(code, code, sources).OfferedButUnchanged().RunAsync();

    [Fact]
    public async Task A_helper_method_requires_consent_and_its_callers_are_checked_instead()
    {
        await Test("""
            using Microsoft.AspNetCore.Http;

            class Tracking
            {
                /// <summary>Remembers the visitor.</summary>
                public void Remember(HttpResponse response)
                {
                    {|CG0105:response.Cookies.Append("_ga", "1")|};
                }

                void Visit(HttpResponse response) => Remember(response);
            }
            """, """
            using Microsoft.AspNetCore.Http;
            using TestProject;

            class Tracking
            {
                /// <summary>Remembers the visitor.</summary>
                [RequiresConsent(ConsentCategory.Analytics)]
                public void Remember(HttpResponse response)
                {
                    response.Cookies.Append("_ga", "1");
                }

                void Visit(HttpResponse response) => {|CG0202:Remember(response)|};
            }
            """).RunAsync();
    }

    [Fact]
    public async Task A_tracking_call_in_a_local_function_marks_the_local_function()
    {
        await Test("""
            using Microsoft.ApplicationInsights;
            using TestProject;

            class Checkout(TelemetryClient telemetry)
            {
                void Complete()
                {
                    Track();

                    void Track() => {|CG0202:telemetry.TrackEvent("checkout")|};
                }
            }
            """, """
            using Microsoft.ApplicationInsights;
            using TestProject;

            class Checkout(TelemetryClient telemetry)
            {
                void Complete()
                {
                    {|CG0202:Track()|};

                    [RequiresConsent(ConsentCategory.Analytics)]
                    void Track() => telemetry.TrackEvent("checkout");
                }
            }
            """, GuardFixTest<AddRequiresConsentCodeFixProvider>.TelemetryClient).RunAsync();
    }

    [Fact]
    public async Task A_write_in_a_setter_marks_the_property()
    {
        await Test("""
            using Microsoft.AspNetCore.Http;

            class Preferences(HttpResponse response)
            {
                [System.Obsolete("Use the settings page")]
                public string Theme
                {
                    set => {|CG0105:response.Cookies.Append("theme", value)|};
                }
            }
            """, """
            using Microsoft.AspNetCore.Http;
            using TestProject;

            class Preferences(HttpResponse response)
            {
                [RequiresConsent(ConsentCategory.Functional)]
                [System.Obsolete("Use the settings page")]
                public string Theme
                {
                    set => response.Cookies.Append("theme", value);
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task A_lambda_run_in_place_marks_the_member_around_it()
    {
        await Test("""
            using System.Collections.Generic;
            using Microsoft.ApplicationInsights;

            class Checkout(TelemetryClient telemetry)
            {
                public Checkout(TelemetryClient telemetry, List<string> steps) : this(telemetry)
                {
                    steps.ForEach(step => {|CG0202:telemetry.TrackEvent(step)|});
                }
            }
            """, """
            using System.Collections.Generic;
            using Microsoft.ApplicationInsights;
            using TestProject;

            class Checkout(TelemetryClient telemetry)
            {
                [RequiresConsent(ConsentCategory.Analytics)]
                public Checkout(TelemetryClient telemetry, List<string> steps) : this(telemetry)
                {
                    steps.ForEach(step => telemetry.TrackEvent(step));
                }
            }
            """, GuardFixTest<AddRequiresConsentCodeFixProvider>.TelemetryClient).RunAsync();
    }

    [Fact]
    public async Task Fix_All_marks_each_member_once()
    {
        var test = Test("""
            using Microsoft.AspNetCore.Http;

            class Tracking
            {
                void Remember(HttpResponse response)
                {
                    {|CG0105:response.Cookies.Append("_ga", "1")|};
                    {|CG0105:response.Cookies.Append("_ga", "2")|};
                }

                void Forget(HttpResponse response) => response.Cookies.Delete("_ga");

                void Theme(HttpResponse response) => {|CG0105:response.Cookies.Append("theme", "dark")|};

                void Again(HttpResponse response) => {|CG0105:response.Cookies.Append("_ga", "3")|};
            }
            """, """
            using Microsoft.AspNetCore.Http;
            using TestProject;

            class Tracking
            {
                [RequiresConsent(ConsentCategory.Analytics)]
                void Remember(HttpResponse response)
                {
                    response.Cookies.Append("_ga", "1");
                    response.Cookies.Append("_ga", "2");
                }

                void Forget(HttpResponse response) => response.Cookies.Delete("_ga");

                void Theme(HttpResponse response) => {|CG0105:response.Cookies.Append("theme", "dark")|};

                void Again(HttpResponse response) => {|CG0105:response.Cookies.Append("_ga", "3")|};
            }
            """).WithBatchFixed("""
            using Microsoft.AspNetCore.Http;
            using TestProject;

            class Tracking
            {
                [RequiresConsent(ConsentCategory.Analytics)]
                void Remember(HttpResponse response)
                {
                    response.Cookies.Append("_ga", "1");
                    response.Cookies.Append("_ga", "2");
                }

                void Forget(HttpResponse response) => response.Cookies.Delete("_ga");

                void Theme(HttpResponse response) => {|CG0105:response.Cookies.Append("theme", "dark")|};

                [RequiresConsent(ConsentCategory.Analytics)]
                void Again(HttpResponse response) => response.Cookies.Append("_ga", "3");
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public Task Not_offered_on_a_controller_action() => NotOffered("""
        using Microsoft.AspNetCore.Mvc;

        public class HomeController : Controller
        {
            public IActionResult Index()
            {
                {|CG0105:Response.Cookies.Append("_ga", "1")|};
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Not_offered_on_a_Razor_Pages_handler() => NotOffered("""
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class IndexModel : PageModel
        {
            public void OnGet() => {|CG0105:Response.Cookies.Append("_ga", "1")|};
        }
        """);

    [Fact]
    public Task Not_offered_on_a_Blazor_lifecycle_override() => NotOffered("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Components;
        using Microsoft.JSInterop;

        public class Home : ComponentBase
        {
            [Inject] private IJSRuntime JS { get; set; } = default!;

            protected override async Task OnAfterRenderAsync(bool firstRender) =>
                await {|CG0105:JS.InvokeVoidAsync("sessionStorage.setItem", "landing_page", "/")|};
        }
        """);

    [Fact]
    public Task Not_offered_on_a_method_used_as_a_delegate() => NotOffered("""
        using System;
        using Microsoft.AspNetCore.Http;

        class Tracking
        {
            private void Remember(HttpResponse response) => {|CG0105:response.Cookies.Append("_ga", "1")|};

            Action<HttpResponse> Callback() => Remember;
        }
        """);

    [Fact]
    public Task Not_offered_in_a_minimal_API_handler() => NotOffered("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        static class Endpoints
        {
            public static void Map(WebApplication app) =>
                app.MapPost("/visit", (HttpContext context) => {|CG0105:context.Response.Cookies.Append("_ga", "1")|});
        }
        """);

    [Fact]
    public Task Not_offered_in_Main() => NotOffered("""
        using Microsoft.ApplicationInsights;

        static class Program
        {
            static void Main() => {|CG0202:new TelemetryClient().TrackEvent("start")|};
        }
        """, GuardFixTest<AddRequiresConsentCodeFixProvider>.TelemetryClient);

    [Fact]
    public Task Offered_but_unchanged_for_a_lambda_that_runs_later() => Unchanged("""
        using System.Threading.Tasks;
        using Microsoft.ApplicationInsights;

        class Checkout(TelemetryClient telemetry)
        {
            Task CompleteAsync() => Task.Run(() => {|CG0202:telemetry.TrackEvent("checkout")|});
        }
        """, GuardFixTest<AddRequiresConsentCodeFixProvider>.TelemetryClient);

    [Fact]
    public Task Not_offered_for_a_finding_in_Razor_markup() => NotOffered(GuardCheckCandidateTests.RazorLayout);

    [Fact]
    public Task Not_offered_for_a_property_initializer() => NotOffered("""
        using TestProject;

        class Landing
        {
            public int Conversions { get; } = {|CG0202:Convert("gclid")|};

            [RequiresConsent(ConsentCategory.Advertising)]
            static int Convert(string id) => id.Length;
        }
        """);
}

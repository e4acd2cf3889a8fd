using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Analyzers;

public class CookieWriteAnalyzerTests
{
    internal static readonly string[] GuardRules = [DiagnosticIds.UnguardedWrite, DiagnosticIds.WrongCategoryGuard];

    private static Task Verify(string body, params DiagnosticResult[] expected)
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code($$"""
            using System;
            using Microsoft.AspNetCore.Http;

            static class Names
            {
                public const string Promo = "promo_seen";
                public const string Ga = "_ga";
                public static readonly string ReadOnlyGa = "_ga";
            }

            class Endpoint
            {
                void Handle(HttpContext http, string parameter, int id, CookieOptions options)
                {
            {{body}}
                }

                static string Compute() => "_ga";
            }
            """, CodeManifests.Policy);
        test.DisabledDiagnostics.AddRange(GuardRules); // these tests are about names; ConsentGuardTests covers guards
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("""http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData("""http.Response.Cookies.Append(Names.Ga, "1");""")]
    [InlineData("""http.Response.Cookies.Append("_ga_" + "G123", "1");""")]
    [InlineData("""http.Response.Cookies.Append($"_ga_{id}", "1");""")]
    [InlineData("""http.Response.Cookies.Append("_ga_" + parameter, "1");""")]
    [InlineData("""http.Response.Cookies.Append($"sb-{parameter}-auth-token", "1", new CookieOptions { HttpOnly = true });""")]
    [InlineData("""http.Response.Cookies.Append(key: "theme", value: "dark");""")]
    [InlineData("""http.Response.Cookies.Append(Names.ReadOnlyGa, "1");""")]
    [InlineData("""http.Response.Cookies.Append(Compute(), "1");""")]
    [InlineData("""http.Response.Cookies.Append("app_consent", "all", new CookieOptions { IsEssential = true });""")]
    [InlineData("""http.Response.Cookies.Delete("promo_seen");""")]
    [InlineData("""http.Response.Cookies.Delete(parameter);""")]
    [InlineData("""new CookieBuilder { Name = ".AspNetCore.Session" };""")]
    [InlineData("""http.Response.Headers.SetCookie = "theme=dark; Path=/";""")]
    [InlineData("""http.Response.Headers["Set-Cookie"] = $"_ga_{id}=1";""")]
    [InlineData("""http.Response.Headers.Append("set-cookie", "theme=light");""")]
    [InlineData("""http.Response.Headers["Cache-Control"] = "no-store";""")]
    [InlineData("""var header = new Microsoft.Net.Http.Headers.SetCookieHeaderValue("theme", "dark");""")]
    public Task Declared_names_and_deletes_report_nothing(string body) => Verify(body);

    [Theory]
    [InlineData("""http.Response.Cookies.Append({|#0:"promo_seen"|}, "1");""", "promo_seen", "")]
    [InlineData("""http.Response.Cookies.Append({|#0:Names.Promo|}, "1");""", "promo_seen", "")]
    [InlineData("""http.Response.Cookies.Append({|#0:nameof(Names.Promo)|}, "1");""", "Promo", "")]
    [InlineData("""http.Response.Cookies.Append({|#0:"_g" + "a4"|}, "1");""", "_ga4", "")]
    [InlineData("""http.Response.Cookies.Append({|#0:$"promo_{id}"|}, "1");""", "promo_{…}",
        ": no declared pattern covers every value it can take")]
    [InlineData("""http.Response.Cookies.Append({|#0:"_gA"|}, "1");""", "_gA", "")]
    [InlineData("""new CookieBuilder { Name = {|#0:"auth"|} };""", "auth", "")]
    [InlineData("""http.Response.Headers.SetCookie = {|#0:"promo_seen=1; Path=/"|};""", "promo_seen", "")]
    [InlineData("""http.Response.Headers["Set-Cookie"] = {|#0:$"promo={id}"|};""", "promo", "")]
    [InlineData("""http.Response.Headers.Append("Set-Cookie", {|#0:"promo=1"|});""", "promo", "")]
    [InlineData("""http.Response.Headers.Add("Set-Cookie", {|#0:"promo=1"|});""", "promo", "")]
    [InlineData("""var header = new Microsoft.Net.Http.Headers.SetCookieHeaderValue({|#0:"promo"|});""", "promo", "")]
    public Task Undeclared_cookie_names_are_CG0101(string body, string name, string why) =>
        Verify(body, new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments(name, why));

    [Theory]
    [InlineData("""http.Response.Cookies.Append({|#0:parameter|}, "1");""")]
    [InlineData("""http.Response.Cookies.Append({|#0:$"_g{parameter}"|}, "1");""")] // "_ga" for one value, undeclared for others
    [InlineData("""http.Response.Cookies.Append({|#0:parameter + id|}, "1");""")]
    [InlineData("""http.Response.Cookies.Append({|#0:$"{parameter}"|}, "1");""")]
    [InlineData("""http.Response.Headers.SetCookie = {|#0:parameter|};""")]
    [InlineData("""http.Response.Headers["Set-Cookie"] = {|#0:$"{parameter}=1"|};""")]
    [InlineData("""new CookieBuilder { Name = {|#0:parameter|} };""")]
    public Task Names_the_compiler_cannot_know_are_CG0102(string body) =>
        Verify(body, new DiagnosticResult(Rules.UnresolvedName).WithLocation(0).WithArguments("cookie name"));

    /// <summary>
    /// The generated enforcement middleware writes the header back less the cookies it strips: each value was checked
    /// where the app wrote it. Only the generated class is exempt; the same code in a class of the app's is checked.
    /// </summary>
    [Theory]
    [InlineData("[System.CodeDom.Compiler.GeneratedCode(\"ConsentAnalyzers\", \"1.0.0.0\")]", false)]
    [InlineData("[System.CodeDom.Compiler.GeneratedCode(\"OtherTool\", \"1.0.0.0\")]", true)]
    [InlineData("", true)]
    public Task The_enforcement_middleware_rewriting_Set_Cookie_is_not_a_write(string attribute, bool reported)
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code($$"""
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Primitives;

            {{attribute}}
            static class ConsentEnforcementApplicationBuilderExtensions
            {
                private sealed class Middleware
                {
                    void Strip(HttpContext context, string[] kept) => context.Response.Headers["Set-Cookie"] = {|#0:new StringValues(kept)|};
                }
            }
            """, CodeManifests.Policy);
        test.DisabledDiagnostics.AddRange(GuardRules);
        if (reported)
        {
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(0).WithArguments("cookie name"));
        }

        return test.RunAsync();
    }

    [Fact]
    public Task A_storage_key_written_as_a_cookie_is_CG0104() =>
        Verify(
            """http.Response.Cookies.Append({|#0:"landing_page"|}, "/");""",
            new DiagnosticResult(Rules.NameInWrongPlace).WithLocation(0).WithArguments("landing_page", "a sessionStorage key", "a cookie"));

    [Theory]
    [InlineData("""http.Response.Cookies.Append("_ga", "1", new CookieOptions { Path = "/", {|#0:IsEssential = true|} });""", "_ga", "analytics")]
    [InlineData("""
        var essential = new CookieOptions { {|#0:IsEssential = true|} };
        http.Response.Cookies.Append("_gcl_au", "1", essential);
        """, "_gcl_au", "advertising")]
    [InlineData("""
        var later = new CookieOptions();
        {|#0:later.IsEssential = true|};
        http.Response.Cookies.Append("theme", "dark", later);
        """, "theme", "functional")]
    public Task IsEssential_on_a_cookie_that_needs_consent_is_CG0106(string body, string name, string category) =>
        Verify(body, new DiagnosticResult(Rules.EssentialMisdeclared).WithLocation(0).WithArguments(name, category));

    [Theory]
    [InlineData("""
        var builder = new CookieBuilder();
        builder.Name = "theme";
        {|#0:builder.IsEssential = true|};
        """, "theme", "functional")]
    [InlineData("""new CookieBuilder { Name = "_ga", {|#0:IsEssential = true|} };""", "_ga", "analytics")]
    public Task IsEssential_on_a_cookie_builder_whose_cookie_needs_consent_is_CG0106(string body, string name, string category) =>
        Verify(body, new DiagnosticResult(Rules.EssentialMisdeclared).WithLocation(0).WithArguments(name, category));

    [Fact]
    public async Task IsEssential_in_an_options_lambda_is_checked_against_the_name_set_beside_it()
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services)
                {
                    services.AddSession(options =>
                    {
                        options.Cookie.Name = ".AspNetCore.Session";
                        options.Cookie.IsEssential = true;
                    });
                    services.AddAntiforgery(options =>
                    {
                        options.Cookie.Name = "theme";
                        {|#0:options.Cookie.IsEssential = true|};
                    });
                }
            }
            """, CodeManifests.Policy);
        test.DisabledDiagnostics.AddRange(GuardRules);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.EssentialMisdeclared).WithLocation(0).WithArguments("theme", "functional"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Shared_options_in_a_field_are_followed_and_reported_at_each_write_that_uses_them()
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code("""
            using Microsoft.AspNetCore.Http;

            class Endpoint
            {
                void Write(HttpResponse response)
                {
                    response.Cookies.Append("_ga", "1", {|#0:CookieDefaults.Essential|});
                    response.Cookies.Append("app_consent", "1", CookieDefaults.Essential);
                    response.Cookies.Append("theme", "dark", CookieDefaults.Plain);
                }
            }
            """, CodeManifests.Policy);
        test.TestState.Sources.Add("""
            using Microsoft.AspNetCore.Http;

            static class CookieDefaults
            {
                public static readonly CookieOptions Essential = new() { HttpOnly = true, {|#1:IsEssential = true|} };
                public static readonly CookieOptions Plain = new CookieOptions { IsEssential = false };
            }
            """);
        test.DisabledDiagnostics.AddRange(GuardRules);
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.EssentialMisdeclared).WithLocation(0).WithLocation(1).WithArguments("_ga", "analytics"));
        await test.RunAsync();
    }

    [Fact]
    public async Task IsEssential_on_a_framework_cookie_left_unnamed_is_checked_against_its_default_name()
    {
        var manifest = CodeManifests.Policy.Replace(
            """{ "name": "theme", "category": "functional" },""",
            """{ "name": "theme", "category": "functional" }, { "name": ".AspNetCore.Mvc.CookieTempDataProvider", "category": "functional" }, { "name": ".AspNetCore.Admin", "category": "functional" },""");
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services)
                {
                    services.AddSession(options => options.Cookie.IsEssential = true);
                    services.Configure<SessionOptions>(options => options.Cookie.IsEssential = true);
                    services.AddControllersWithViews().AddCookieTempDataProvider(options => {|#0:options.Cookie.IsEssential = true|});
                    services.Configure<CookieTempDataProviderOptions>(options => {|#1:options.Cookie.IsEssential = true|});
                    services.AddAuthentication().AddCookie("Admin", options => {|#2:options.Cookie.IsEssential = true|});
                    services.AddAntiforgery(options => options.Cookie.Name = "sb-af");
                }
            }
            """, manifest);
        test.DisabledDiagnostics.AddRange(GuardRules);
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.EssentialMisdeclared).WithLocation(0).WithArguments(".AspNetCore.Mvc.CookieTempDataProvider", "functional"));
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.EssentialMisdeclared).WithLocation(1).WithArguments(".AspNetCore.Mvc.CookieTempDataProvider", "functional"));
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.EssentialMisdeclared).WithLocation(2).WithArguments(".AspNetCore.Admin", "functional"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Cookies_that_framework_features_write_under_default_names_must_be_declared()
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code("""
            using Microsoft.AspNetCore.Antiforgery;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Declared(IServiceCollection services)
                {
                    services.AddSession();
                    services.AddAntiforgery(options => options.Cookie.Name = "sb-antiforgery");
                    services.AddAuthentication().AddCookie("Admin", options => options.Cookie.Name = "sb-admin");
                    services.AddRazorPages();
                }

                static void RenamedThroughConfigure(IServiceCollection services)
                {
                    services.Configure<AntiforgeryOptions>(options => options.Cookie.Name = "sb-af");
                    services.AddAntiforgery();
                }

                static void Undeclared(IServiceCollection services)
                {
                    {|#0:services.AddAntiforgery()|};
                    services.AddAuthentication().{|#1:AddCookie()|};
                    services.AddControllersWithViews().{|#2:AddCookieTempDataProvider()|};
                }
            }
            """, CodeManifests.Policy);
        test.DisabledDiagnostics.AddRange(GuardRules);
        const string Note =
            " (the default name of the {0} cookie, which this registration turns on; declare it, or name the cookie with options.Cookie.Name)";
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments(".AspNetCore.Antiforgery.{…}",
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Note, "antiforgery")));
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(1).WithArguments(".AspNetCore.Cookies",
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Note, "cookie authentication")));
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(2).WithArguments(".AspNetCore.Mvc.CookieTempDataProvider",
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Note, "TempData")));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("AddRazorPages()")]
    [InlineData("AddControllersWithViews()")]
    [InlineData("AddMvc()")]
    [InlineData("AddRazorComponents()")]
    public async Task Views_pages_and_components_turn_on_the_antiforgery_cookie_unless_the_app_configures_it_anywhere(string registration)
    {
        var startup = $$"""
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services) => {|#0:services.{{registration}}|};
            }
            """;
        var unconfigured = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code(startup, CodeManifests.Policy);
        unconfigured.DisabledDiagnostics.AddRange(GuardRules);
        unconfigured.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments(
            ".AspNetCore.Antiforgery.{…}",
            " (the default name of the antiforgery cookie, which this registration turns on; " +
            "declare it, or name the cookie with options.Cookie.Name)"));
        await unconfigured.RunAsync();

        // The app names the cookie in another file: that assignment is what gets checked.
        var configuredElsewhere = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code(startup.Replace("{|#0:", "").Replace("|}", ""), CodeManifests.Policy);
        configuredElsewhere.TestState.Sources.Add("""
            using Microsoft.AspNetCore.Antiforgery;
            using Microsoft.Extensions.DependencyInjection;

            static class Security
            {
                public static void AddSecurity(this IServiceCollection services) =>
                    services.Configure<AntiforgeryOptions>(options => options.Cookie.Name = {|#1:"af"|});
            }
            """);
        configuredElsewhere.DisabledDiagnostics.AddRange(GuardRules);
        configuredElsewhere.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(1).WithArguments("af", ""));
        await configuredElsewhere.RunAsync();
    }

    private const string TempDataController = """
        using Microsoft.AspNetCore.Mvc;

        class AccountController : Controller
        {
            [TempData] public string? Status { get; set; }

            public IActionResult Saved()
            {
                {|#0:TempData["message"] = "Saved"|};
                {|#1:TempData.Add("count", 1)|};
                {|#2:Status = "ok"|};
                var previous = TempData["message"];
                TempData.Keep();
                var other = new System.Collections.Generic.Dictionary<string, object?> { ["message"] = previous };
                other["count"] = 2;
                return View();
            }
        }
        """;

    /// <summary>A startup class whose Configure(IServiceCollection services…) runs <paramref name="body"/>.</summary>
    private static string StartupWith(string body) => StartupWith("", body);

    private static string StartupWith(string parameters, string body) => $$"""
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services{{parameters}})
            {
        {{body}}
            }
        }
        """;

    private const string TempDataNote =
        " (the default name of the TempData cookie, which this registration turns on and the project's TempData writes use; " +
        "declare it, name it with AddCookieTempDataProvider(options => options.Cookie.Name = " +
        "…), or keep TempData in the session with AddSessionStateTempDataProvider)";

    [Fact]
    public async Task A_TempData_write_is_not_a_registration_of_the_TempData_cookie()
    {
        // No registration of MVC in this project (it is in another one, with its TempData provider): nothing is reported.
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code(Unmarked(TempDataController), CodeManifests.Policy);
        test.DisabledDiagnostics.AddRange(GuardRules);
        await test.RunAsync();
    }

    [Fact]
    public async Task The_TempData_cookie_is_reported_once_at_the_first_registration_of_views_when_no_provider_is_chosen()
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code(Unmarked(TempDataController), CodeManifests.Policy);
        test.TestState.Sources.Add(StartupWith("""
            services.AddAntiforgery(options => options.Cookie.Name = "sb-af");
            {|#0:services.AddControllersWithViews()|};
            services.AddRazorPages();
            services.AddMvc();
            """));
        test.DisabledDiagnostics.AddRange(GuardRules);
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments(".AspNetCore.Mvc.CookieTempDataProvider", TempDataNote));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_project_that_writes_no_TempData_writes_no_TempData_cookie()
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code(StartupWith("""
            services.AddAntiforgery(options => options.Cookie.Name = "sb-af");
            services.AddControllersWithViews();
            """), CodeManifests.Policy);
        test.DisabledDiagnostics.AddRange(GuardRules);
        await test.RunAsync();
    }

    [Fact]
    public async Task A_TempData_provider_chosen_in_a_branch_is_a_choice_no_default_is_reported()
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code(Unmarked(TempDataController), CodeManifests.Policy);
        test.TestState.Sources.Add(StartupWith(", bool useSession", """
            services.AddAntiforgery(options => options.Cookie.Name = "sb-af");
            var mvc = services.AddControllersWithViews();
            if (useSession)
            {
                mvc.AddSessionStateTempDataProvider();
            }
            """));
        test.DisabledDiagnostics.AddRange(GuardRules);
        await test.RunAsync();
    }

    [Theory]
    [InlineData("services.AddControllersWithViews().AddSharedTempData();")]
    [InlineData("services.AddControllersWithViews(); services.AddSharedWeb();")]
    public async Task Configuration_a_referenced_library_may_do_reports_no_default(string registration)
    {
        // The library keeps TempData in the session and names the antiforgery cookie; this project cannot see it.
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code(Unmarked(TempDataController), CodeManifests.Policy);
        test.TestState.Sources.Add($$"""
            using Microsoft.Extensions.DependencyInjection;
            using Shared.Web;

            static class Startup
            {
                static void Configure(IServiceCollection services)
                {
                    {{registration}}
                }
            }
            """);
        test.TestState.AdditionalReferences.Add(await SharedWebLibrary.Value);
        test.DisabledDiagnostics.AddRange(GuardRules);
        await test.RunAsync();
    }

    [Fact]
    public async Task Registration_in_a_referenced_library_reports_nothing_in_this_project()
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code(Unmarked(TempDataController), CodeManifests.Policy);
        test.TestState.Sources.Add("""
            using Microsoft.Extensions.DependencyInjection;
            using Shared.Web;

            static class Startup
            {
                static void Configure(IServiceCollection services) => services.AddSharedMvc();
            }
            """);
        test.TestState.AdditionalReferences.Add(await SharedWebLibrary.Value);
        test.DisabledDiagnostics.AddRange(GuardRules);
        await test.RunAsync();
    }

    /// <summary>A referenced library that registers MVC, keeps TempData in the session and names the antiforgery cookie.</summary>
    private static readonly Lazy<Task<Microsoft.CodeAnalysis.MetadataReference>> SharedWebLibrary = new(() => CompileLibraryAsync("Shared.Web", """
        using Microsoft.Extensions.DependencyInjection;

        namespace Shared.Web
        {
            public static class SharedWebExtensions
            {
                public static IMvcBuilder AddSharedTempData(this IMvcBuilder mvc) => mvc.AddSessionStateTempDataProvider();

                public static IServiceCollection AddSharedWeb(this IServiceCollection services)
                {
                    services.AddAntiforgery(options => options.Cookie.Name = "sb-af");
                    services.AddMvc().AddSessionStateTempDataProvider();
                    return services;
                }

                public static IServiceCollection AddSharedMvc(this IServiceCollection services)
                {
                    services.AddControllersWithViews();
                    return services;
                }
            }
        }
        """));

    /// <summary>A library compiled against ASP.NET Core and referenced as metadata: what it configures is not visible to the analysis.</summary>
    internal static Task<Microsoft.CodeAnalysis.MetadataReference> CompileLibraryAsync(string name, string source)
    {
        var references = TestReferences.AspNetCore.References;
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            name,
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source)],
            references,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException($"{name} does not compile: " + string.Join("; ", emitted.Diagnostics));
        }

        return Task.FromResult<Microsoft.CodeAnalysis.MetadataReference>(
            Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(System.Collections.Immutable.ImmutableArray.Create(image.ToArray())));
    }

    private static string Unmarked(string code) => System.Text.RegularExpressions.Regex.Replace(code, @"\{\|#\d+:|\|\}", "");

    [Fact]
    public async Task A_non_constant_scheme_is_an_unresolved_name_at_AddCookie_itself()
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code("""
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services, IConfiguration configuration, string scheme)
                {
                    services.AddAuthentication(scheme).{|#0:AddCookie(scheme)|};
                    services.AddAuthentication().{|#1:AddCookie(configuration["Auth:Scheme"]!, options => options.Cookie.HttpOnly = true)|};
                    services.AddAuthentication().{|#2:AddCookie("Tenant" + scheme)|};
                    services.AddAuthentication().AddCookie("Admin", options => options.Cookie.IsEssential = true);
                }

                // The member names the cookie: that name is what is checked.
                static void Named(IServiceCollection services, string scheme) =>
                    services.AddAuthentication().AddCookie(scheme, options => options.Cookie.Name = "sb-admin");
            }
            """, CodeManifests.Policy.Replace("""{ "name": "theme", "category": "functional" },""",
                """{ "name": "theme", "category": "functional" }, { "name": ".AspNetCore.Admin", "category": "necessary" },"""));
        test.DisabledDiagnostics.AddRange(GuardRules);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(0).WithArguments("cookie name"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(1).WithArguments("cookie name"));
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(2).WithArguments(".AspNetCore.Tenant{…}",
                " (the default name of the cookie authentication cookie, which this registration turns on; " +
                "declare it, or name the cookie with options.Cookie.Name)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_cookie_builder_assigned_whole_names_the_cookie_and_the_default_is_not_reported()
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code("""
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services)
                {
                    services.AddAntiforgery(options => options.Cookie = new CookieBuilder { Name = {|#0:"XSRF-TOKEN"|}, HttpOnly = true });
                    services.AddSession(options =>
                    {
                        options.Cookie = new CookieBuilder { Name = {|#1:"app_session"|} };
                        options.IdleTimeout = System.TimeSpan.FromMinutes(20);
                    });
                    services.AddAuthentication().AddCookie("Admin", options => options.Cookie = new() { Name = "sb-admin" });
                    services.AddAuthentication().AddCookie("Prefs", options =>
                    {
                        options.Cookie = new() { Name = "theme" };
                        {|#2:options.Cookie.IsEssential = true|};
                    });
                }
            }
            """, CodeManifests.Policy);
        test.DisabledDiagnostics.AddRange(GuardRules);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments("XSRF-TOKEN", ""));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(1).WithArguments("app_session", ""));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.EssentialMisdeclared).WithLocation(2).WithArguments("theme", "functional"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_name_given_in_one_scheme_registration_is_not_the_name_of_the_next()
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code(StartupWith("""
            services.AddAuthentication()
                .AddCookie("Staff", options => options.Cookie = new CookieBuilder { Name = "sb-staff" })
                .AddCookie("Partner", options => options.Cookie.Name = "sb-partner")
                .{|#0:AddCookie("Kiosk")|};
            """).Replace("using Microsoft.Extensions.DependencyInjection;",
                "using Microsoft.AspNetCore.Http;\nusing Microsoft.Extensions.DependencyInjection;"), CodeManifests.Policy);
        test.DisabledDiagnostics.AddRange(GuardRules);
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments(".AspNetCore.Kiosk",
                " (the default name of the cookie authentication cookie, which this registration turns on; " +
                "declare it, or name the cookie with options.Cookie.Name)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_reported_once_at_the_first_registration_that_turns_it_on()
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code("""
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services)
                {
                    {|#0:services.AddRazorPages()|};
                    services.AddControllersWithViews();
                    services.AddRazorComponents();
                }
            }
            """, CodeManifests.Policy);
        test.DisabledDiagnostics.AddRange(GuardRules);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments(
            ".AspNetCore.Antiforgery.{…}",
            " (the default name of the antiforgery cookie, which this registration turns on; " +
            "declare it, or name the cookie with options.Cookie.Name)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task TempData_kept_in_the_session_writes_no_TempData_cookie()
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code(
            TempDataController.Replace("{|#0:", "").Replace("{|#1:", "").Replace("{|#2:", "").Replace("|}", ""), CodeManifests.Policy);
        test.TestState.Sources.Add(StartupWith("""
            services.AddSession();
            services.AddAntiforgery(options => options.Cookie.Name = "sb-af");
            services.AddControllersWithViews().AddSessionStateTempDataProvider();
            """));
        test.DisabledDiagnostics.AddRange(GuardRules);
        await test.RunAsync();
    }

    [Fact]
    public async Task A_declared_TempData_cookie_that_needs_consent_needs_a_guard_where_TempData_is_written()
    {
        var manifest = CodeManifests.Policy.Replace(
            """{ "name": "theme", "category": "functional" },""",
            """{ "name": "theme", "category": "functional" }, { "name": ".AspNetCore.Mvc.CookieTempDataProvider", "category": "functional" },""");
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code("""
            using Microsoft.AspNetCore.Http.Features;
            using Microsoft.AspNetCore.Mvc;

            class AccountController : Controller
            {
                public IActionResult Saved()
                {
                    {|#0:TempData["message"] = "Saved"|};
                    if (HttpContext.Features.Get<ITrackingConsentFeature>()?.CanTrack == true)
                    {
                        TempData["message"] = "Saved";
                    }

                    return View();
                }
            }
            """, manifest);
        test.TestState.Sources.Add(StartupWith("""
            services.AddAntiforgery(options => options.Cookie.Name = "sb-af");
            services.AddControllersWithViews();
            """));
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.UnguardedWrite).WithLocation(0).WithArguments(
                "Writing TempData (cookie '.AspNetCore.Mvc.CookieTempDataProvider')", "functional"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_cookie_object_needs_consent_where_it_leaves_its_local()
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code("""
            using Microsoft.AspNetCore.Http;
            using Microsoft.Net.Http.Headers;
            using TestProject;

            class Endpoint
            {
                private readonly IConsent _consent = null!;

                void CreatedOutsideWrittenInside(HttpResponse response)
                {
                    var cookie = new SetCookieHeaderValue("_ga", "1");
                    cookie.Path = "/";
                    if (_consent.AnalyticsAllowed)
                    {
                        response.Headers.Append(HeaderNames.SetCookie, cookie.ToString());
                    }
                }

                void WrittenUnguarded(HttpResponse response)
                {
                    var cookie = new SetCookieHeaderValue("_ga", "1") { Path = "/" };
                    response.Headers.Append(HeaderNames.SetCookie, {|#0:cookie|}.ToString());
                }

                string NotKept() => {|#1:new SetCookieHeaderValue("_ga_G1", "1")|}.ToString();

                void Essential(HttpResponse response)
                {
                    var cookie = new SetCookieHeaderValue("app_consent", "1");
                    response.Headers.Append(HeaderNames.SetCookie, cookie.ToString());
                }
            }
            """, CodeManifests.Policy);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        // cookie.ToString() written to the Set-Cookie header is not an unresolved name: the creation names the cookie.
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnguardedWrite).WithLocation(0).WithArguments("Writing cookie '_ga'", "analytics"));
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.UnguardedWrite).WithLocation(1).WithArguments("Writing cookie '_ga_G1'", "analytics"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_static_readonly_framework_name_is_resolved()
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code("""
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Localization;

            class Endpoint
            {
                void SetCulture(HttpResponse response) =>
                    response.Cookies.Append({|#0:CookieRequestCultureProvider.DefaultCookieName|}, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("de")));
            }
            """, CodeManifests.Policy);
        test.DisabledDiagnostics.AddRange(GuardRules);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments(".AspNetCore.Culture", ""));
        await test.RunAsync();
    }

    [Fact]
    public async Task Cookie_writes_in_generated_code_such_as_compiled_Razor_markup_are_checked()
    {
        var test = new ConsentAnalyzerTest<CookieWriteAnalyzer>
        {
            TestCode = """
                // <auto-generated/>
                class CompiledView
                {
                    void Render(Microsoft.AspNetCore.Http.HttpResponse response) => response.Cookies.Append({|#0:"promo_seen"|}, "1");
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments("promo_seen", ""));
        await test.WithManifest(CodeManifests.Policy).RunAsync();
    }

    [Theory]
    [InlineData("""http.Response.Cookies.Append("sb-x", "1", new CookieOptions { IsEssential = true });""")]
    [InlineData("""http.Response.Cookies.Append("_ga", "1", new CookieOptions { IsEssential = false });""")]
    [InlineData("""http.Response.Cookies.Append("_ga", "1", options);""")]
    public Task IsEssential_on_an_essential_cookie_or_false_is_fine(string body) => Verify(body);

    [Fact]
    public async Task A_literal_that_repeats_a_generated_constant_is_CG0107()
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code("""
            using Microsoft.AspNetCore.Http;

            class Endpoint
            {
                void Handle(HttpResponse response)
                {
                    response.Cookies.Append({|#0:"_ga"|}, "1");
                    response.Cookies.Append(TestProject.ConsentCookies.Ga, "1");
                    response.Cookies.Append("_ga_G1", "1");
                }
            }
            """, CodeManifests.Policy);
        test.WithConstantRule().DisabledDiagnostics.AddRange(GuardRules);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.LiteralDuplicatesConstant).WithLocation(0).WithArguments("ConsentCookies.Ga", "_ga"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_generated_builder_resolves_to_its_pattern()
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code("""
            using Microsoft.AspNetCore.Http;

            class Endpoint
            {
                void Handle(HttpResponse response, string measurementId)
                {
                    response.Cookies.Append(TestProject.ConsentCookies.GaName(measurementId), "1");
                    response.Cookies.Append({|#0:"x" + TestProject.ConsentCookies.GaName(measurementId)|}, "1");
                }
            }
            """, CodeManifests.Policy);
        test.DisabledDiagnostics.AddRange(GuardRules);
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(0).WithArguments("x_ga_{…}",
                ": no declared pattern covers every value it can take"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_manifest_with_errors_disables_the_code_rules()
    {
        var test = new ConsentAnalyzerTest<CookieWriteAnalyzer>
        {
            TestCode = """
                class Endpoint
                {
                    void Handle(Microsoft.AspNetCore.Http.HttpResponse response) => response.Cookies.Append("promo_seen", "1");
                }
                """,
        };
        await test.WithManifest("""{ "version": 1, "categories": { } """).RunAsync();
    }

    [Fact]
    public async Task Without_a_manifest_the_code_rules_are_silent()
    {
        var test = new ConsentAnalyzerTest<CookieWriteAnalyzer>
        {
            TestCode = """
                class Endpoint
                {
                    void Handle(Microsoft.AspNetCore.Http.HttpResponse response) => response.Cookies.Append("promo_seen", "1");
                }
                """,
        };
        await test.RunAsync();
    }
}

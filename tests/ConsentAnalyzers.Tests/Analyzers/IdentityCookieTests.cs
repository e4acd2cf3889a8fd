using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>
/// ASP.NET Core Identity's cookies: AddIdentity, AddDefaultIdentity, AddIdentityApiEndpoints and AddIdentityCookies
/// register four cookie-authentication schemes (IdentityConstants), whose cookies are framework cookies under their
/// default names unless the project configures them.
/// </summary>
public class IdentityCookieTests
{
    private const string Users = """
        class AppUser { }
        class AppRole { }
        """;

    /// <summary>Identity UI's AddDefaultIdentity (a package outside the shared framework), as declared there.</summary>
    private const string IdentityUiStub = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class IdentityServiceCollectionUIExtensions
            {
                public static Microsoft.AspNetCore.Identity.IdentityBuilder AddDefaultIdentity<TUser>(this IServiceCollection services) where TUser : class =>
                    services.AddIdentityCore<TUser>();
            }
        }
        """;

    internal static readonly (string Name, string Feature, string Renaming)[] Cookies =
    [
        (".AspNetCore.Identity.Application", "Identity application", "ConfigureApplicationCookie(options => options.Cookie.Name = …)"),
        ("Identity.External", "Identity external sign-in", "ConfigureExternalCookie(options => options.Cookie.Name = …)"),
        ("Identity.TwoFactorRememberMe", "Identity two-factor remember-me",
            "Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, options => options.Cookie.Name = …)"),
        ("Identity.TwoFactorUserId", "Identity two-factor sign-in",
            "Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options => options.Cookie.Name = …)"),
    ];

    internal static DiagnosticResult Undeclared(int location, (string Name, string Feature, string Renaming) cookie) =>
        new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(location).WithArguments(
            cookie.Name,
            $" (the default name of the {cookie.Feature} cookie, which this registration turns on; " +
            $"declare it, or name the cookie with {cookie.Renaming})");

    private static string Startup(string body) => $$"""
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
        {{body}}
            }
        }

        {{Users}}
        """;

    private static ConsentAnalyzerTest<CookieWriteAnalyzer> Test(string manifest, params string[] sources)
    {
        var test = ConsentAnalyzerTest<CookieWriteAnalyzer>.Code(sources[0], manifest);
        foreach (var source in sources.Skip(1))
        {
            test.TestState.Sources.Add(source);
        }

        test.DisabledDiagnostics.AddRange(CookieWriteAnalyzerTests.GuardRules);
        return test;
    }

    [Theory]
    [InlineData("{|#0:services.AddIdentity<AppUser, AppRole>()|};")]
    [InlineData("{|#0:services.AddIdentity<AppUser, AppRole>(options => options.Password.RequiredLength = 12)|};")]
    [InlineData("{|#0:services.AddIdentity<AppUser, AppRole>()|}.AddDefaultTokenProviders();")]
    [InlineData("{|#0:services.AddDefaultIdentity<AppUser>()|}.AddRoles<AppRole>();")]
    [InlineData("{|#0:services.AddIdentityApiEndpoints<AppUser>()|};")]
    [InlineData("services.AddAuthentication(IdentityConstants.ApplicationScheme).{|#0:AddIdentityCookies()|};")]
    [InlineData("{|#0:IdentityCookieAuthenticationBuilderExtensions.AddIdentityCookies(services.AddAuthentication())|};")]
    public async Task Identity_registrations_turn_on_its_four_cookies_under_their_default_names(string registration)
    {
        var test = Test(CodeManifests.Policy, Startup(registration), IdentityUiStub);
        test.ExpectedDiagnostics.AddRange(Cookies.Select(cookie => Undeclared(0, cookie)));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("AddApplicationCookie", 0)]
    [InlineData("AddExternalCookie", 1)]
    [InlineData("AddTwoFactorRememberMeCookie", 2)]
    [InlineData("AddTwoFactorUserIdCookie", 3)]
    public async Task Each_method_AddIdentityCookies_is_made_of_turns_on_its_own_cookie(string method, int cookie)
    {
        var test = Test(CodeManifests.Policy, Startup($"services.AddAuthentication().{{|#0:{method}()|}};"));
        test.ExpectedDiagnostics.Add(Undeclared(0, Cookies[cookie]));
        await test.RunAsync();
    }

    [Fact]
    public async Task An_app_method_named_like_an_Identity_cookie_method_turns_on_nothing()
    {
        await Test(CodeManifests.Policy, Startup("services.AddAuthentication().AddTwoFactorUserIdCookie();"), """
            static class AppAuthentication
            {
                public static Microsoft.AspNetCore.Authentication.AuthenticationBuilder AddTwoFactorUserIdCookie(this Microsoft.AspNetCore.Authentication.AuthenticationBuilder builder) => builder;
            }
            """).RunAsync();
    }

    [Theory]
    [InlineData("services.AddIdentityCore<AppUser>();")]
    [InlineData("services.AddIdentityCore<AppUser>().AddRoles<AppRole>().AddSignInManager();")]
    public async Task AddIdentityCore_and_AddSignInManager_register_no_cookie(string registration)
    {
        await Test(CodeManifests.Policy, Startup(registration)).RunAsync();
    }

    [Fact]
    public async Task Declared_default_names_report_nothing()
    {
        var manifest = CodeManifests.Policy.Replace(
            """{ "name": "theme", "category": "functional" },""",
            """
            { "name": "theme", "category": "functional" },
                { "name": ".AspNetCore.Identity.Application", "category": "necessary" },
                { "name": "Identity.*", "category": "necessary" },
            """);
        await Test(manifest, Startup("services.AddIdentity<AppUser, AppRole>();")).RunAsync();
    }

    [Fact]
    public async Task The_application_cookie_named_in_another_file_is_checked_there_and_the_others_at_the_registration()
    {
        var test = Test(CodeManifests.Policy, Startup("{|#0:services.AddIdentity<AppUser, AppRole>()|};"), """
            using Microsoft.Extensions.DependencyInjection;

            static class Security
            {
                public static void AddSecurity(this IServiceCollection services) =>
                    services.ConfigureApplicationCookie(options => options.Cookie.Name = {|#1:"auth"|});
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UndeclaredCookie).WithLocation(1).WithArguments("auth", ""));
        test.ExpectedDiagnostics.AddRange(Cookies.Skip(1).Select(cookie => Undeclared(0, cookie)));
        await test.RunAsync();
    }

    [Fact]
    public async Task ConfigureApplicationCookie_that_sets_only_other_options_keeps_the_default_name()
    {
        var test = Test(CodeManifests.Policy, Startup("""
                {|#0:services.AddIdentity<AppUser, AppRole>()|};
                services.ConfigureApplicationCookie(options => options.LoginPath = "/login");
                services.ConfigureExternalCookie(options => options.Cookie.Name = "sb-external");
            """));
        test.ExpectedDiagnostics.AddRange(Cookies.Where(cookie => cookie.Name != "Identity.External").Select(cookie => Undeclared(0, cookie)));
        await test.RunAsync();
    }

    [Fact]
    public async Task ConfigureApplicationCookie_without_Identity_turns_on_no_cookie()
    {
        // Plain cookie authentication under the "Cookies" scheme: the options of the Identity.Application scheme are never used.
        var manifest = CodeManifests.Policy.Replace(
            """{ "name": "theme", "category": "functional" },""",
            """
            { "name": "theme", "category": "functional" },
                { "name": ".AspNetCore.Cookies", "category": "necessary" },
            """);
        await Test(manifest, Startup("""
                services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
                services.ConfigureApplicationCookie(options => options.LoginPath = "/account/login");
                services.ConfigureExternalCookie(options => options.ExpireTimeSpan = System.TimeSpan.FromMinutes(5));
            """)).RunAsync();
    }

    [Fact]
    public async Task Any_configuration_of_cookie_authentication_options_may_name_an_Identity_cookie_no_default_is_reported()
    {
        var test = Test(CodeManifests.Policy, Startup("""
                services.AddIdentity<AppUser, AppRole>();
                services.ConfigureApplicationCookie(options => options.Cookie.Name = "sb-auth");
                services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options => options.Cookie.Name = "sb-2fa");
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_non_constant_name_in_ConfigureApplicationCookie_is_unresolved_not_a_default()
    {
        var test = Test(CodeManifests.Policy, Startup("""
                {|#0:services.AddIdentity<AppUser, AppRole>()|};
                services.ConfigureApplicationCookie(options => options.Cookie.Name = {|#1:System.Environment.GetEnvironmentVariable("COOKIE")|});
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(1).WithArguments("cookie name"));
        test.ExpectedDiagnostics.AddRange(Cookies.Skip(1).Select(cookie => Undeclared(0, cookie)));
        await test.RunAsync();
    }

    [Fact]
    public async Task Identity_is_reported_once_at_the_first_registration()
    {
        var test = Test(CodeManifests.Policy, Startup("""
                {|#0:services.AddIdentity<AppUser, AppRole>()|};
                services.AddIdentity<AppUser, AppRole>();
                services.AddAuthentication().AddIdentityCookies();
            """));
        test.ExpectedDiagnostics.AddRange(Cookies.Select(cookie => Undeclared(0, cookie)));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_referenced_library_that_uses_Identity_may_configure_its_cookies_nothing_is_reported()
    {
        var library = await CookieWriteAnalyzerTests.CompileLibraryAsync("Shared.Identity", """
            using Microsoft.Extensions.DependencyInjection;

            namespace Shared.Identity
            {
                public static class SharedIdentityExtensions
                {
                    public static IServiceCollection AddSharedCookies(this IServiceCollection services) =>
                        services.ConfigureApplicationCookie(options => options.Cookie.Name = "sb-auth");
                }
            }
            """);
        var test = Test(CodeManifests.Policy, Startup("services.AddIdentity<AppUser, AppRole>();"));
        test.TestState.AdditionalReferences.Add(library);
        await test.RunAsync();
    }

    [Fact]
    public async Task An_app_method_named_AddIdentity_is_not_a_registration()
    {
        await Test(CodeManifests.Policy, """
            namespace MyApp
            {
                static class Extensions
                {
                    public static void AddIdentity(this object services) { }

                    static void Configure(object services) => services.AddIdentity();
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task IsEssential_on_the_unnamed_application_cookie_is_checked_against_its_default_name()
    {
        var manifest = CodeManifests.Policy.Replace(
            """{ "name": "theme", "category": "functional" },""",
            """
            { "name": "theme", "category": "functional" },
                { "name": ".AspNetCore.Identity.Application", "category": "functional" },
            """);
        var test = Test(manifest, Startup("""
                services.ConfigureApplicationCookie(options => {|#0:options.Cookie.IsEssential = true|});
            """));
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(Rules.EssentialMisdeclared).WithLocation(0).WithArguments(".AspNetCore.Identity.Application", "functional"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Named_options_classes_for_cookie_authentication_may_name_every_Identity_cookie()
    {
        await Test(CodeManifests.Policy, Startup("services.AddIdentity<AppUser, AppRole>();"), """
            using Microsoft.AspNetCore.Authentication.Cookies;
            using Microsoft.Extensions.Options;

            sealed class ConfigureCookies : IConfigureNamedOptions<CookieAuthenticationOptions>
            {
                public void Configure(string? name, CookieAuthenticationOptions options) => options.Cookie.Name = "sb-" + name;
                public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);
            }
            """).RunAsync();
    }
}

using System;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Web;

// Program.cs of the web app, split into the usual extension methods.
public static class ServiceRegistration
{
    public static IServiceCollection AddCorpusWeb(this IServiceCollection services)
    {
        services.AddControllersWithViews().AddCookieTempDataProvider();
        services.AddRazorPages();
        services.AddServerSideBlazor();
        services.AddDistributedMemoryCache();
        services.AddSession(options =>
        {
            options.IdleTimeout = TimeSpan.FromMinutes(30);
            options.Cookie.HttpOnly = true;
            options.Cookie.IsEssential = true;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = ConsentCookies.AspNetCoreAntiforgeryName("corpus");
            options.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddCookiePolicy(options =>
        {
            options.CheckConsentNeeded = _ => true;
            options.ConsentCookieValue = "yes";
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
            options.Secure = CookieSecurePolicy.Always;
        });
        return services;
    }

    public static IServiceCollection AddCorpusAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.ConfigureApplicationCookie(options => options.LoginPath = "/account/login");
        services.AddAuthorization();
        return services;
    }

    public static IServiceCollection AddPartnerPortal(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddCookie("Partner", options =>
            {
                options.Cookie.Name = ConsentCookies.SbName("partner");
                options.Cookie.IsEssential = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
            })
            .AddCookie("Support", options =>
            {
                options.Cookie.Name = "support_auth"; // expect: CG0101
                options.Cookie.IsEssential = true;
            });
        return services;
    }

    public static IServiceCollection AddExternalLogin(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie("External"); // expect: CG0101
        return services;
    }

    public static IServiceCollection AddLegacySession(this IServiceCollection services)
    {
        services.AddSession(options =>
        {
            options.Cookie.Name = ".AspNetCore.Session"; // expect: CG0107
            options.Cookie.IsEssential = true;
        });
        services.AddAntiforgery(options => options.Cookie.Name = "XSRF-TOKEN"); // expect: CG0101
        return services;
    }

    public static WebApplication UseCorpusWeb(this WebApplication app)
    {
        app.UseCookiePolicy();
        app.UseSession();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}

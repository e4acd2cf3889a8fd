using System;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Web;

// A multi-tenant portal: the sign-in scheme comes from configuration, cookie builders are assigned whole, and
// TempData goes to the session only where the deployment asks for it.
public static class TenantPortalSetup
{
    public static IServiceCollection AddTenantPortal(this IServiceCollection services, IConfiguration configuration, bool keepTempDataInSession)
    {
        var scheme = configuration["Portal:Scheme"] ?? CookieAuthenticationDefaults.AuthenticationScheme;
        services.AddAuthentication(scheme)
            .AddCookie(scheme); // expect: CG0102

        var mvc = services.AddControllersWithViews();
        if (keepTempDataInSession)
        {
            mvc.AddSessionStateTempDataProvider();
        }

        services.AddAntiforgery(options => options.Cookie = new CookieBuilder
        {
            Name = ConsentCookies.AspNetCoreAntiforgeryName("portal"),
            HttpOnly = true,
        });
        return services;
    }

    public static IServiceCollection AddStaffSignIn(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddCookie("Staff", options => options.Cookie = new CookieBuilder
            {
                Name = ConsentCookies.SbName("staff"),
                IsEssential = true,
            })
            .AddCookie("Kiosk"); // expect: CG0101
        return services;
    }

    public static IServiceCollection AddPreviewSession(this IServiceCollection services) =>
        services.AddSession(options =>
        {
            options.Cookie = new CookieBuilder { Name = "preview_session" }; // expect: CG0101
            options.IdleTimeout = TimeSpan.FromMinutes(5);
        });
}

public class TenantController : Controller
{
    [TempData]
    public string? Notice { get; set; }

    [HttpPost]
    public IActionResult Rename(string name)
    {
        TempData["Renamed"] = name;
        TempData["PreviousName"] = name;
        Notice = "Saved";
        return RedirectToAction(nameof(Index));
    }

    public IActionResult Index() => View();
}

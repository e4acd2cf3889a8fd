using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Web;

// Idiomatic, compliant startup and endpoint code: nothing here may be reported but the literal that has a constant.
public static class Compliant
{
    public static void Configure(IServiceCollection services)
    {
        services.AddSession(options =>
        {
            options.Cookie.Name = ".AspNetCore.Session"; // expect: CG0107
            options.Cookie.IsEssential = true;
            options.Cookie.HttpOnly = true;
        });
        services.AddAntiforgery(options => options.Cookie.Name = ".AspNetCore.Antiforgery.corpus");
        services.Configure<CookiePolicyOptions>(options =>
        {
            options.CheckConsentNeeded = _ => true;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
    }

    public static void Map(WebApplication app)
    {
        app.MapPost("/consent", (HttpContext context) =>
        {
            context.Response.Cookies.Append(ConsentCookies.AppConsent, "analytics=1", new CookieOptions { IsEssential = true });
            return Results.NoContent();
        });
        app.MapPost("/logout", (HttpContext context) =>
        {
            foreach (var cookie in context.Request.Cookies.Keys)
            {
                context.Response.Cookies.Delete(cookie);
            }

            return Results.Redirect("/");
        });
    }

    public static Task WriteTheme(HttpContext context, IConsent consent) =>
        consent.IsGranted(ConsentCategory.Functional)
            ? Task.Run(() => { })
            : Task.CompletedTask;
}

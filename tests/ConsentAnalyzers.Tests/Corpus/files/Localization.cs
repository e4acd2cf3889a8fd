using System;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Web;

// Request localization: the culture cookie is functional, so the language switcher writes it only with consent.
public static class Localization
{
    private static readonly string[] Supported = ["en", "de", "fr"];

    public static void AddCorpusLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Supported[0]).AddSupportedCultures(Supported).AddSupportedUICultures(Supported);
            options.RequestCultureProviders.Insert(0, new CookieRequestCultureProvider());
        });
    }

    public static void MapLanguageSwitcher(this WebApplication app)
    {
        app.UseRequestLocalization();

        app.MapPost("/language/{culture}", (string culture, string? returnUrl, HttpContext context, IConsent consent) =>
        {
            if (Array.IndexOf(Supported, culture) < 0)
            {
                return Results.BadRequest();
            }

            if (consent.IsGranted(ConsentCategory.Functional))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1) });
            }

            return Results.LocalRedirect(returnUrl ?? "/");
        });

        app.MapGet("/language/auto", (HttpContext context) =>
        {
            var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture))); // expect: CG0105
            return Results.Ok(culture);
        });

        app.MapGet("/language/reset", (HttpContext context) =>
        {
            context.Response.Cookies.Delete(CookieRequestCultureProvider.DefaultCookieName);
            return Results.NoContent();
        });

        app.MapPost("/language/remember/{culture}", (string culture, HttpContext context) =>
        {
            if (context.Features.Get<ITrackingConsentFeature>() is not { CanTrack: true })
            {
                return Results.NoContent();
            }

            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)));
            return Results.NoContent();
        });
    }
}

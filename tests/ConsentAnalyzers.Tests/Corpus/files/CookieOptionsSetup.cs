using System;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Corpus.Web.Configuration;

// Options classes registered with services.ConfigureOptions<T>(): where a larger app names its framework cookies.
public sealed class ConfigureSession : IConfigureOptions<SessionOptions>
{
    public void Configure(SessionOptions options)
    {
        options.Cookie.Name = ConsentCookies.AspNetCoreSession;
        options.Cookie.IsEssential = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.IdleTimeout = TimeSpan.FromMinutes(20);
    }
}

public sealed class ConfigureAuthCookie : IConfigureNamedOptions<CookieAuthenticationOptions>
{
    public void Configure(string? name, CookieAuthenticationOptions options)
    {
        if (name == CookieAuthenticationDefaults.AuthenticationScheme)
        {
            options.Cookie.Name = ConsentCookies.AspNetCoreCookies;
            options.Cookie.IsEssential = true;
            options.SlidingExpiration = true;
        }
        else
        {
            options.Cookie.Name = "remember_me"; // expect: CG0101
        }
    }

    public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);
}

public sealed class ConfigureAntiforgery : IConfigureOptions<AntiforgeryOptions>
{
    public void Configure(AntiforgeryOptions options)
    {
        options.Cookie.Name = AntiforgeryOptions.DefaultCookiePrefix + "corpus";
        options.FormFieldName = "__csrf";
    }
}

public sealed class ConfigureTempData : IConfigureOptions<CookieTempDataProviderOptions>
{
    public void Configure(CookieTempDataProviderOptions options)
    {
        options.Cookie.Name = ConsentCookies.AspNetCoreMvcCookieTempDataProvider;
        options.Cookie.IsEssential = true;
    }
}

// The theme cookie's settings in one place; the controllers build their CookieOptions from it.
public static class PreferenceCookies
{
    public static readonly CookieBuilder Theme = new()
    {
        Name = ConsentCookies.Theme,
        MaxAge = TimeSpan.FromDays(365),
        SameSite = SameSiteMode.Lax,
        IsEssential = true, // expect: CG0106
    };

    public static readonly CookieBuilder Measurement = new()
    {
        Name = ConsentCookies.Ga,
        MaxAge = TimeSpan.FromDays(730), // expect: CG0111
        IsEssential = false,
    };

    public static readonly CookieBuilder Consent = new()
    {
        Name = "app_consent", // expect: CG0107
        IsEssential = true,
    };
}

public static class OptionsRegistration
{
    public static IServiceCollection AddCookieOptions(this IServiceCollection services) =>
        services.ConfigureOptions<ConfigureSession>()
            .ConfigureOptions<ConfigureAuthCookie>()
            .ConfigureOptions<ConfigureAntiforgery>()
            .ConfigureOptions<ConfigureTempData>();
}

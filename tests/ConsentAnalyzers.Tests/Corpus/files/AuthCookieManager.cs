using System;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Corpus.Web.Security;

// Cookie authentication keeps its ticket through this manager, which logs how large the ticket cookies get.
public sealed class AuditingCookieManager : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, key);

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options)
    {
        Console.WriteLine($"auth cookie {key}: {value?.Length ?? 0} characters");
        _inner.AppendResponseCookie(context, key, value, options); // expect: CG0102
    }

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) => _inner.DeleteCookie(context, key, options);
}

// Cookies written by hand from a cookie builder, the way the framework writes its own.
public static class DeviceCookies
{
    public static void RememberDevice(HttpContext context, string deviceId)
    {
        var builder = new CookieBuilder
        {
            Name = "sb-device",
            HttpOnly = true,
            SecurePolicy = CookieSecurePolicy.Always,
            Expiration = TimeSpan.FromDays(30),
        };
        context.Response.Cookies.Append(builder.Name, deviceId, builder.Build(context));
    }

    public static void RememberReferrer(HttpContext context, IConsent consent, string referrer)
    {
        var builder = new CookieBuilder { Name = ConsentCookies.GclName("ref"), IsEssential = true }; // expect: CG0106
        if (consent.IsGranted(ConsentCategory.Advertising))
        {
            context.Response.Cookies.Append(builder.Name, referrer, builder.Build(context));
        }
    }

    public static void RememberPromo(HttpContext context)
    {
        var promo = new CookieBuilder { Name = "promo_banner" }; // expect: CG0101
        context.Response.Cookies.Append(promo.Name, "dismissed", promo.Build(context));
    }

    public static void ExtendMeasurement(HttpContext context, ICookieManager cookies, string clientId)
    {
        cookies.AppendResponseCookie(context, ConsentCookies.Ga, clientId, new CookieOptions { MaxAge = TimeSpan.FromDays(730) }); // expect: CG0105, CG0111
    }
}

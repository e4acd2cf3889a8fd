using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Corpus.Web.Middleware;

// Code that writes Set-Cookie itself: a reverse-proxy shim and a legacy edge middleware ported from Node.
public sealed class EdgeCookieMiddleware(RequestDelegate next, IConsent consent)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.CacheControl = "no-store";
            headers.Append(HeaderNames.SetCookie, $"{ConsentCookies.CartId}=pending; Path=/; HttpOnly; Secure");
            return Task.CompletedTask;
        });

        if (consent.IsGranted(ConsentCategory.Functional))
        {
            context.Response.Headers.SetCookie = $"{ConsentCookies.Theme}=system; Path=/; Max-Age=31536000; SameSite=Lax";
        }

        if (context.Request.Query.ContainsKey("promo"))
        {
            context.Response.Headers.Append("Set-Cookie", "promo=spring24; Path=/; Max-Age=604800"); // expect: CG0101
        }

        context.Response.Headers["Set-Cookie"] = "_ga=GA1.1.12345.67890; Path=/; Max-Age=63072000"; // expect: CG0105
        context.Response.Headers.Append(HeaderNames.SetCookie, "ab_bucket=B; Path=/; Max-Age=2592000"); // expect: CG0101
        return next(context);
    }
}

public static class SetCookieHelpers
{
    public static void AppendAll(HttpResponse response, IEnumerable<SetCookieHeaderValue> cookies) =>
        response.Headers.AppendList(HeaderNames.SetCookie, cookies.Select(c => c.ToString()).ToList()); // expect: CG0102

    public static SetCookieHeaderValue ConsentCookie(string value) =>
        new(ConsentCookies.AppConsent, value) { Path = "/", MaxAge = TimeSpan.FromDays(180), HttpOnly = false, SameSite = Microsoft.Net.Http.Headers.SameSiteMode.Lax };

    public static SetCookieHeaderValue SessionCookie(string id) =>
        new(".AspNetCore.Session", id) { Path = "/", HttpOnly = true }; // expect: CG0107

    public static SetCookieHeaderValue Tracking(string id) =>
        new("_fbp", id) { Path = "/", MaxAge = TimeSpan.FromDays(90) }; // expect: CG0101

    public static SetCookieHeaderValue FromName(string name, string value) =>
        new(name, value); // expect: CG0102
}

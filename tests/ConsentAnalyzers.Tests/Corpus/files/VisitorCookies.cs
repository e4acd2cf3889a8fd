using System;
using System.Threading.Tasks;
using Blazored.LocalStorage;
using Microsoft.AspNetCore.Http;

namespace Corpus.Web.Visitors;

// Names that are not const but fixed in practice: a static readonly prefix and a helper that appends a site id, a
// class of get-only static properties, locals assigned once; and the variants that can change at run time.
public static class VisitorCookies
{
    private static readonly string Prefix = "_gcl_";

    private static readonly string Rotating = "theme";

    static VisitorCookies()
    {
        Rotating = Environment.GetEnvironmentVariable("THEME_COOKIE") ?? "theme";
    }

    public static string CookieName(int siteId) => Prefix + siteId;

    public static void TagVisitor(HttpResponse response, int siteId, string id)
    {
        // A ten-year advertising cookie marked essential, written without consent.
        response.Cookies.Append(CookieName(siteId), id, new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(10), IsEssential = true }); // expect: CG0105, CG0106, CG0111
    }

    public static void TagVisitorWithConsent(HttpResponse response, IConsent consent, int siteId, string id)
    {
        if (consent.IsGranted(ConsentCategory.Advertising))
        {
            response.Cookies.Append(CookieName(siteId), id);
            response.Cookies.Append(string.Format("{0}{1}", Prefix, siteId), id);
        }
    }

    public static void RememberTheme(HttpResponse response, IConsent consent, string theme)
    {
        if (consent.IsGranted(ConsentCategory.Functional))
        {
            response.Cookies.Append(Rotating, theme); // expect: CG0102
        }
    }
}

public static class SiteCookieNames
{
    private static string Prefix => "sb-";

    public static string Session => Prefix + "session";

    public static string Theme { get; } = "theme";

    public static string Visitor { get; set; } = "visitor";
}

public static class SiteCookies
{
    public static void Write(HttpResponse response, IConsent consent, string configuredPrefix, string theme)
    {
        response.Cookies.Append(SiteCookieNames.Session, "1");
        response.Cookies.Append(SiteCookieNames.Theme, theme); // expect: CG0105
        if (consent.IsGranted(ConsentCategory.Functional))
        {
            response.Cookies.Append(SiteCookieNames.Theme, theme);
        }

        response.Cookies.Append($"{configuredPrefix}session", "1"); // expect: CG0102
        response.Cookies.Append(SiteCookieNames.Visitor, "1"); // expect: CG0102

        var legacy = "visitor_id";
        response.Cookies.Append(legacy, "1"); // expect: CG0101

        var chosen = "theme";
        if (theme.Length == 0)
        {
            chosen = configuredPrefix;
        }

        response.Cookies.Append(chosen, theme); // expect: CG0102
    }
}

public class RecentItems
{
    private readonly ILocalStorageService localStorage;

    public RecentItems(ILocalStorageService localStorage) => this.localStorage = localStorage;

    public async Task Save(IConsent consent, string[] items)
    {
        string key = "recently_viewed";
        await localStorage.SetItemAsync(key, items); // expect: CG0105
        if (await consent.IsGrantedAsync(ConsentCategory.Functional))
        {
            await localStorage.SetItemAsync(key, items);
        }

        string other = "items";
        await localStorage.SetItemAsync(other, items); // expect: CG0103
    }
}

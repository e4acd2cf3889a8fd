using System;
using System.Diagnostics;
using Microsoft.ApplicationInsights;
using Microsoft.AspNetCore.Http;

namespace Corpus.Web.Legacy;

// Helpers ported from the old WebForms site. Some were rewritten for the policy; the rest are what the analyzers
// are for.
public static class LegacyCookieHelpers
{
    private const string VisitorCookie = "visitor";

    public static void RememberTheme(HttpResponse response, IConsent consent, string theme)
    {
        if (!consent.IsGranted(ConsentCategory.Functional))
        {
            return;
        }

        var options = new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365) };
        options.IsEssential = true; // expect: CG0106
        response.Cookies.Append(ConsentCookies.Theme, theme, options);
    }

    public static void RememberThemeAgain(HttpResponse response, IConsent consent, string theme)
    {
        if (!consent.IsGranted(ConsentCategory.Functional))
        {
            return;
        }

        var options = new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365) };
        options.Secure = true;
        response.Cookies.Append(ConsentCookies.Theme, theme, options);
    }

    public static void TagVisitor(HttpResponse response, string id)
    {
        response.Cookies.Append(nameof(VisitorCookie), id); // expect: CG0101
        response.Cookies.Append(VisitorCookie + "_v2", id); // expect: CG0101
    }

    public static void RememberMeasurement(HttpResponse response, IConsent consent, string value)
    {
        var name = ConsentCookies.Ga;
        if (consent.AnalyticsAllowed)
        {
            response.Cookies.Append(name, value);
            response.Cookies.Append(MeasurementCookie(), value);
            response.Cookies.Append(ConsentCookies.Ga, value);
        }
    }

    private static string MeasurementCookie() => ConsentCookies.Ga;

    public static void Report(TelemetryClient telemetry, IConsent consent, string name)
    {
        Debug.Assert(consent.AnalyticsAllowed, "callers check consent");
        telemetry.TrackEvent(name); // expect: CG0202
    }

    [RequiresConsent(ConsentCategory.Analytics)]
    public static void ReportChecked(TelemetryClient telemetry, string name) => telemetry.TrackEvent(name);

    public static void ReportTwice(TelemetryClient telemetry, IConsent consent, string name)
    {
        if (consent.IsGranted(ConsentCategory.Analytics) != false)
        {
            ReportChecked(telemetry, name);
        }

        if (!consent.AnalyticsAllowed)
        {
            telemetry.Flush();
        }

        ReportChecked(telemetry, name + "_again"); // expect: CG0202
    }

    public static void RawHeader(HttpResponse response, IConsent consent)
    {
        if (consent.IsGranted(ConsentCategory.Functional))
        {
            response.Headers.Add("set-cookie", $"{ConsentCookies.Theme}=dark; Path=/");
            response.Headers.Append("set-cookie", "font_size=large; Path=/"); // expect: CG0101
        }
    }
}

using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Corpus.Web.Endpoints;

public enum PreferenceKind { Theme, MeasurementId, AdClick, Cart }

public sealed record Preference(PreferenceKind Kind, string Value);

// POST /api/preferences/sync: a client that was offline sends every preference it changed at once.
public static class PreferenceSync
{
    public static RouteHandlerBuilder MapPreferenceSync(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/preferences/sync", (List<Preference> changes, HttpContext context, IConsent consent) =>
        {
            var response = context.Response;
            foreach (var change in changes)
            {
                switch (change.Kind)
                {
                    case PreferenceKind.Theme when consent.IsGranted(ConsentCategory.Functional):
                        response.Cookies.Append(ConsentCookies.Theme, change.Value);
                        break;
                    case PreferenceKind.MeasurementId when consent.AnalyticsAllowed:
                        response.Cookies.Append(ConsentCookies.GaName(change.Value), "GS1.1");
                        break;
                    case PreferenceKind.AdClick:
                        response.Cookies.Append(ConsentCookies.GclName("aw"), change.Value); // expect: CG0105
                        break;
                    case PreferenceKind.Cart:
                        response.Cookies.Append(ConsentCookies.CartId, change.Value);
                        break;
                }
            }

            return Results.NoContent();
        });

    public static void WriteMeasurementCookies(HttpResponse response, IConsent consent, Queue<string> ids)
    {
        while (consent.AnalyticsAllowed && ids.Count > 0)
        {
            response.Cookies.Append(ConsentCookies.GaName(ids.Dequeue()), "GS1.1");
        }

        var written = consent.AnalyticsAllowed switch
        {
            true => Write(response, ConsentCookies.Ga),
            false => false,
        };
    }

    [RequiresConsent(ConsentCategory.Analytics)]
    private static bool Write(HttpResponse response, string value)
    {
        response.Cookies.Append(ConsentCookies.Ga, value);
        return true;
    }

    public static Task SyncAdClicks(HttpResponse response, IConsent consent, IReadOnlyList<string> clickIds)
    {
        for (var i = 0; i < clickIds.Count; i++)
        {
            if (consent.AnalyticsAllowed)
            {
                response.Cookies.Append(ConsentCookies.GclName(i.ToString()), clickIds[i]); // expect: CG0203
            }
            else if (consent.IsGranted(ConsentCategory.Advertising))
            {
                response.Cookies.Append(ConsentCookies.GclName(i.ToString()), clickIds[i]);
            }
        }

        return Task.CompletedTask;
    }
}

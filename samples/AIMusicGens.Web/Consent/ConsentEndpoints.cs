using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace AIMusicGens.Web.Consent;

/// <summary>
/// <c>POST /consent</c> (the banner's form, or JSON), <c>GET /api/consent</c>, and the policy's storage disclosure for
/// consent management platforms, <c>GET /.well-known/device-storage.json</c>.
/// </summary>
internal static class ConsentEndpoints
{
    public static IEndpointRouteBuilder MapConsentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // One URL, two bodies: routing picks the handler by Content-Type and answers 415 to any other. The explicit
        // Accepts also tells the route analyzer (ASP0022) that the two handlers are not ambiguous.
        endpoints.MapPost("/consent", RecordForm).Accepts<IFormCollection>("application/x-www-form-urlencoded", "multipart/form-data");
        endpoints.MapPost("/consent", RecordJson).Accepts<Dictionary<string, bool>>("application/json");
        endpoints.MapGet("/api/consent", (ConsentService consent) => TypedResults.Ok(ConsentStatus.Of(consent)));
        endpoints.MapGet("/.well-known/device-storage.json", DeviceStorageDisclosure);
        return endpoints;
    }

    /// <summary>
    /// The cookies and storage keys as an IAB TCF v2.2 Device Storage Disclosure, generated from the manifest. The
    /// specification asks for JSON that a consent management platform can fetch from another origin without cookies
    /// (CORS, no credentials) and for cache directives; host-only cookies and web storage live on the host asked.
    /// </summary>
    private static ContentHttpResult DeviceStorageDisclosure(HttpContext context)
    {
        context.Response.Headers.AccessControlAllowOrigin = "*";
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.Text(ConsentStorageDisclosure.ToJson(context.Request.Host.Host), "application/json");
    }

    /// <summary>
    /// The banner's form: <c>decision</c> is <c>accept-all</c>, <c>reject-all</c> or <c>save</c> (then every optional
    /// category not listed in <c>granted</c> is refused). Binding a form makes the endpoint require an antiforgery
    /// token, so another site cannot record consent in the visitor's name.
    /// </summary>
    private static RedirectHttpResult RecordForm(IFormCollection form, ConsentService consent)
    {
        var answers = form["decision"].ToString() switch
        {
            "accept-all" => ConsentChoices.ForAll(true),
            "reject-all" => ConsentChoices.ForAll(false),
            _ => ConsentChoices.From(ConsentCategories.Optional.Select(category =>
                KeyValuePair.Create(category.Category, form["granted"].Contains(category.Id)))),
        };
        consent.Record(answers);

        // Back to the page the banner was on, never to another site.
        string? returnUrl = form["returnUrl"];
        return TypedResults.LocalRedirect(RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    /// <summary>
    /// JSON such as <c>{ "analytics": true, "advertising": false }</c>: records the categories given and keeps the
    /// others' earlier answers. Strictly necessary and unknown categories are rejected, not ignored, so a typo is seen.
    /// </summary>
    private static Results<Ok<ConsentStatus>, ValidationProblem> RecordJson([FromBody] Dictionary<string, bool> choices, ConsentService consent)
    {
        var answers = new Dictionary<ConsentCategory, bool>();
        var errors = new Dictionary<string, string[]>();
        foreach (var (id, granted) in choices)
        {
            if (!ConsentCategories.TryFind(id, out var category))
            {
                errors[id] = ["Unknown category. Optional categories: " + string.Join(", ", ConsentCategories.Optional.Select(c => c.Id)) + "."];
            }
            else if (category.IsEssential)
            {
                errors[id] = [category.Title + " is always on: it needs no consent and cannot be refused."];
            }
            else
            {
                answers[category.Category] = granted;
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        consent.Record(ConsentChoices.From(answers));
        return TypedResults.Ok(ConsentStatus.Of(consent));
    }
}

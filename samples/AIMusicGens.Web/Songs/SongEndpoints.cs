using System;
using System.Collections.Generic;
using AIMusicGens.Web.Consent;
using Microsoft.ApplicationInsights;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AIMusicGens.Web.Songs;

/// <summary><c>POST /api/songs</c>: queues a song for generation.</summary>
internal static class SongEndpoints
{
    public static IEndpointRouteBuilder MapSongEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/songs", Generate);
        return endpoints;
    }

    private static Results<Accepted<SongJob>, ValidationProblem> Generate(SongRequest request, ConsentService consent, TelemetryClient telemetry)
    {
        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["prompt"] = ["Describe the song you want."] });
        }

        // The generation itself runs in a background worker that is not part of this sample.
        var job = new SongJob(Guid.NewGuid(), request.Genre, "queued");

        // A product-usage event about this visitor is analytics: it is sent only with their consent. The request
        // telemetry the SDK collects by itself carries no visitor id here (the site has no Application Insights
        // JavaScript, so there are no ai_user/ai_session cookies to read one from).
        if (consent.IsGranted(ConsentCategory.Analytics))
        {
            telemetry.TrackEvent("song_generated", new Dictionary<string, string> { ["genre"] = request.Genre });
        }

        return TypedResults.Accepted($"/api/songs/{job.Id}", job);
    }
}

/// <summary>What the generation form sends.</summary>
/// <param name="Prompt">The mood or story, in the visitor's words.</param>
/// <param name="Genre">The genre picked, e.g. <c>pop</c>.</param>
internal sealed record SongRequest(string Prompt, string Genre);

/// <summary>A queued generation.</summary>
internal sealed record SongJob(Guid Id, string Genre, string Status);

using System;
using System.Threading.Tasks;
using Microsoft.ApplicationInsights;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Mixpanel;

namespace Corpus.Web.Hubs;

// The audio player reports playback over SignalR. The consent of the page that opened the connection is read from
// its HTTP request.
public sealed class PlayerHub(TelemetryClient telemetry, MixpanelClient mixpanel, IConsent consent) : Hub
{
    private bool Tracking => Context.GetHttpContext()?.Features.Get<ITrackingConsentFeature>()?.CanTrack == true;

    public override async Task OnConnectedAsync()
    {
        var feature = Context.GetHttpContext()?.Features.Get<ITrackingConsentFeature>();
        if (feature?.CanTrack == true)
        {
            telemetry.TrackEvent("player_connected");
        }

        await base.OnConnectedAsync();
    }

    public async Task Played(string songId, double seconds)
    {
        await Clients.Others.SendAsync("NowPlaying", songId);
        if (!consent.AnalyticsAllowed)
        {
            return;
        }

        telemetry.TrackMetric("play_seconds", seconds);
        await mixpanel.TrackAsync("song_played", Context.UserIdentifier ?? Context.ConnectionId, new { songId, seconds });
    }

    public async Task Skipped(string songId)
    {
        if (await consent.IsGrantedAsync(ConsentCategory.Analytics))
        {
            await mixpanel.TrackAsync("song_skipped", Context.ConnectionId, new { songId });
        }
    }

    public Task Liked(string songId)
    {
        if (Tracking)
        {
            telemetry.TrackEvent("song_liked"); // expect: CG0202
        }

        return Clients.Caller.SendAsync("Liked", songId);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (exception is not null && consent.AnalyticsAllowed)
        {
            telemetry.TrackException(exception);
        }

        telemetry.Flush();
        return base.OnDisconnectedAsync(exception);
    }
}

using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.ApplicationInsights;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mixpanel;

namespace Corpus.Web.Background;

// A request records the visitor's consent with the event; the background forwarder sends it later, outside any
// request, and checks the consent that travelled with the event.
public sealed class QueuedEvent
{
    public required string Name { get; init; }

    public required string DistinctId { get; init; }

    [ConsentGuard(ConsentCategory.Analytics)]
    public bool AnalyticsConsented { get; init; }
}

public sealed class EventQueue
{
    private readonly Channel<QueuedEvent> _channel = Channel.CreateBounded<QueuedEvent>(1000);

    public ChannelReader<QueuedEvent> Reader => _channel.Reader;

    public bool TryEnqueue(QueuedEvent item) => _channel.Writer.TryWrite(item);
}

public sealed class EventForwarder(EventQueue queue, MixpanelClient mixpanel, TelemetryClient telemetry, ILogger<EventForwarder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken))
        {
            if (!item.AnalyticsConsented)
            {
                logger.LogDebug("Dropping {Event}: no analytics consent", item.Name);
                continue;
            }

            try
            {
                await mixpanel.TrackAsync(item.Name, item.DistinctId, new { source = "server" });
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Mixpanel rejected {Event}", item.Name);
                telemetry.TrackException(ex);
            }
        }
    }

    public Task ForwardLaterAsync(QueuedEvent item)
    {
        if (!item.AnalyticsConsented)
        {
            return Task.CompletedTask;
        }

        // Runs on the thread pool after this method returned: the check above does not hold there.
        return Task.Run(() => mixpanel.TrackAsync(item.Name, item.DistinctId, new { delayed = true })); // expect: CG0202
    }

    public async Task IdentifyAsync(QueuedEvent item, string email)
    {
        await mixpanel.PeopleSetAsync(item.DistinctId, new { email }); // expect: CG0202
        if (item.AnalyticsConsented)
        {
            await mixpanel.PeopleSetAsync(item.DistinctId, new { last_seen = DateTimeOffset.UtcNow });
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        telemetry.Flush();
        await base.StopAsync(cancellationToken);
    }
}

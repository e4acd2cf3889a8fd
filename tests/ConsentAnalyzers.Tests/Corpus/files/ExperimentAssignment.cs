using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.ApplicationInsights;
using Microsoft.AspNetCore.Http;

namespace Corpus.Web.Experiments;

public sealed record Experiment(string Id, string[] Variants);

// A/B tests: assigns a variant, remembers it in a cookie and reports the exposure. Every shape below runs the write
// either synchronously under the check, or somewhere the check no longer holds.
public sealed class ExperimentAssignment(IConsent consent, TelemetryClient telemetry)
{
    private Action? _pendingExposure;

    public event EventHandler<string>? Assigned;

    public string Assign(HttpContext context, Experiment experiment)
    {
        var variant = experiment.Variants[Random.Shared.Next(experiment.Variants.Length)];

        void Remember() => context.Response.Cookies.Append(ConsentCookies.GaName("exp_" + experiment.Id), variant);

        if (consent.AnalyticsAllowed)
        {
            Remember();
            telemetry.TrackEvent("experiment_exposure");
        }

        context.Response.Cookies.Append($"exp_{experiment.Id}", variant); // expect: CG0101
        return variant;
    }

    public void AssignMany(HttpContext context, IEnumerable<Experiment> experiments)
    {
        if (!consent.AnalyticsAllowed)
        {
            return;
        }

        Parallel.ForEach(experiments, experiment => telemetry.TrackEvent("exposure:" + experiment.Id));
        var report = () => telemetry.TrackEvent("experiments_assigned");
        report();
    }

    public void DeferExposure(Experiment experiment)
    {
        if (consent.AnalyticsAllowed)
        {
            _pendingExposure = () => telemetry.TrackEvent("exposure:" + experiment.Id); // expect: CG0202
            Assigned += (_, variant) => telemetry.TrackEvent("assigned:" + variant); // expect: CG0202
        }
    }

    public Task ReportLater(Experiment experiment)
    {
        if (!consent.AnalyticsAllowed)
        {
            return Task.CompletedTask;
        }

        return Task.Delay(TimeSpan.FromSeconds(5)).ContinueWith(_ => telemetry.TrackEvent("late_exposure:" + experiment.Id)); // expect: CG0202
    }

    public Lazy<bool> LazyExposure(Experiment experiment)
    {
        if (consent.AnalyticsAllowed)
        {
            return new Lazy<bool>(() =>
            {
                telemetry.TrackEvent("lazy_exposure:" + experiment.Id); // expect: CG0202
                return true;
            });
        }

        return new Lazy<bool>(false);
    }

    public void FlushPending()
    {
        _pendingExposure?.Invoke();
        telemetry.Flush();
    }

    public void RememberEverywhere(HttpContext context, Experiment experiment, string variant)
    {
        void Write() => context.Response.Cookies.Append(ConsentCookies.GaName("exp_" + experiment.Id), variant); // expect: CG0105

        if (consent.AnalyticsAllowed)
        {
            Write();
        }

        ThreadPool.QueueUserWorkItem(_ => Write());
        Write();
    }
}

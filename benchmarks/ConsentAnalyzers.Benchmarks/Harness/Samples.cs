using System.Diagnostics;

namespace ConsentAnalyzers.Benchmarks.Harness;

/// <summary>Repeated measurements of one quantity (milliseconds or bytes), summarized as median and 95th percentile.</summary>
public sealed class Samples
{
    private readonly List<double> _values = new();

    public int Count => _values.Count;

    public void Add(double value) => _values.Add(value);

    public double Median => Percentile(50);

    public double P95 => Percentile(95);

    public double Min => _values.Count == 0 ? double.NaN : _values.Min();

    public double Max => _values.Count == 0 ? double.NaN : _values.Max();

    /// <summary>Nearest-rank percentile; the median of an even count is the mean of the middle two.</summary>
    public double Percentile(double percent)
    {
        if (_values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _values.Order().ToList();
        if (percent == 50)
        {
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>Wall time and bytes allocated (on every thread) by one run of an action, after a full collection.</summary>
public static class Measure
{
    /// <summary>The process's CPU time so far (user and system), in milliseconds.</summary>
    public static double CpuMs() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    public static (double Milliseconds, long Bytes, T Result) Run<T>(Func<T> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var result = action();
        watch.Stop();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
        return (watch.Elapsed.TotalMilliseconds, bytes, result);
    }

    /// <summary>Like <see cref="Run{T}"/>, without the full collection first: for runs of a few milliseconds or less, measured many times.</summary>
    public static (double Milliseconds, long Bytes, T Result) Quick<T>(Func<T> action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var result = action();
        watch.Stop();
        return (watch.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - before, result);
    }
}

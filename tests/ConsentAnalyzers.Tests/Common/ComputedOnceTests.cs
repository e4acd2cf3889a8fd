using ConsentAnalyzers.Common;

namespace ConsentAnalyzers.Tests.Common;

/// <summary>
/// A compilation-wide scan is made once however many analyzer threads ask for it at once (the others wait for its
/// result instead of scanning beside it), each key has its own value, and a cancelled scan leaves nothing behind.
/// </summary>
public sealed class ComputedOnceTests
{
    private sealed class Key;

    [Fact]
    public async Task Threads_asking_at_once_share_one_computation()
    {
        var values = new ComputedOnce<Key, object>();
        var key = new Key();
        var computations = 0;
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var first = OnItsOwnThread(() => values.Get(key, 0, (_, _) =>
        {
            Interlocked.Increment(ref computations);
            started.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return new object();
        }));
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));

        // Asked while the first computation runs: these wait for it rather than computing their own.
        var others = Enumerable.Range(0, 4)
            .Select(_ => OnItsOwnThread(() => values.Get(key, 0, (_, _) =>
            {
                Interlocked.Increment(ref computations);
                return new object();
            })))
            .ToArray();
        var waiting = Task.WhenAll(others);
        Assert.NotSame(waiting, await Task.WhenAny(waiting, Task.Delay(200)));
        release.Set();

        var value = await first;
        Assert.All(await waiting, other => Assert.Same(value, other));
        Assert.Equal(1, computations);
    }

    /// <summary>A thread of its own for each caller, which may block: the thread pool's few threads are not held up.</summary>
    private static Task<T> OnItsOwnThread<T>(Func<T> call) =>
        Task.Factory.StartNew(call, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    [Fact]
    public void Each_key_has_its_own_value_and_its_state_reaches_the_computation()
    {
        var values = new ComputedOnce<Key, string>();
        Key one = new(), two = new();
        Assert.Equal("one", values.Get(one, "one", static (_, state) => state));
        Assert.Equal("two", values.Get(two, "two", static (_, state) => state));
        Assert.Equal("one", values.Get(one, "again", static (_, state) => state));
    }

    [Fact]
    public void A_cancelled_computation_caches_nothing()
    {
        var values = new ComputedOnce<Key, string>();
        var key = new Key();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => values.Get(key, cancelled.Token, static (_, token) =>
        {
            token.ThrowIfCancellationRequested();
            return "never";
        }));

        Assert.Equal("computed", values.Get(key, CancellationToken.None, static (_, _) => "computed"));
    }
}

using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace ConsentAnalyzers.Common;

/// <summary>
/// A value computed at most once per key, however many analyzer threads ask for it at once: the first computes it and
/// the others wait for it, instead of each computing it beside the others (a compilation-wide scan made by two
/// threads at once costs twice the CPU on a build machine's few cores, and each thread's wall time grows with it).
/// A computation that throws (a cancelled analysis) caches nothing: the next caller computes the value again.
/// </summary>
internal sealed class ComputedOnce<TKey, TValue>
    where TKey : class
    where TValue : class
{
    private readonly ConditionalWeakTable<TKey, Slot> _slots = new();

    public TValue Get<TState>(TKey key, TState state, Func<TKey, TState, TValue> compute)
    {
        var slot = _slots.GetValue(key, _ => new Slot());
        if (Volatile.Read(ref slot.Value) is { } computed)
        {
            return computed;
        }

        lock (slot)
        {
            if (slot.Value is null)
            {
                Volatile.Write(ref slot.Value, compute(key, state));
            }

            return slot.Value!;
        }
    }

    private sealed class Slot
    {
        public TValue? Value;
    }
}

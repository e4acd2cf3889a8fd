using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Trackers;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Scripts;

/// <summary>What one script holds for one manifest: its sites, or why it could not be read.</summary>
internal sealed record ScriptFindings(IReadOnlyList<ScriptSite> Sites, ScriptParseFailure? Failure)
{
    public static ScriptFindings Nothing { get; } = new(Array.Empty<ScriptSite>(), null);
}

/// <summary>
/// Reads each script text once per manifest, however many compilations ask: the IDE hands out the same
/// <see cref="SourceText"/> for an unchanged file, so an edit to a C# file re-parses no script. Only the findings are
/// kept (a few records per file), not the syntax tree.
/// </summary>
internal static class ScriptAnalysis
{
    private sealed record Cached(ManifestModel Manifest, ScriptFindings Findings);

    /// <summary>The last findings of a text; a new manifest replaces them (two threads may both read, and agree).</summary>
    private sealed class Slot
    {
        public volatile Cached? Last;

        /// <summary>How many times the text was read (parsed and walked): for the tests of the cache.</summary>
        public int Reads;
    }

    private static readonly ConditionalWeakTable<SourceText, Slot> Results = new();

    public static ScriptFindings Analyze(SourceText text, bool isModule, ManifestModel manifest, CancellationToken cancellationToken)
    {
        var slot = Results.GetValue(text, _ => new Slot());
        if (slot.Last is { } cached && cached.Manifest.Equals(manifest))
        {
            return cached.Findings;
        }

        Interlocked.Increment(ref slot.Reads);
        var findings = Read(text.ToString(), isModule, manifest, cancellationToken);
        slot.Last = new Cached(manifest, findings);
        return findings;
    }

    /// <summary>How many times <paramref name="text"/> was read through <see cref="Analyze"/> (0 if never).</summary>
    internal static int ReadsOf(SourceText text) => Results.TryGetValue(text, out var slot) ? Volatile.Read(ref slot.Reads) : 0;

    /// <summary>The findings of a script text (also a Razor page's inline script).</summary>
    public static ScriptFindings Read(string script, bool isModule, ManifestModel manifest, CancellationToken cancellationToken)
    {
        var trackers = TrackerIndex.For(manifest);
        if (!ScriptScan.MayHaveSites(script))
        {
            return ScriptFindings.Nothing;
        }

        var program = ScriptSyntax.Parse(script, isModule, cancellationToken, out var failure);
        if (program is null)
        {
            return new ScriptFindings(Array.Empty<ScriptSite>(), failure);
        }

        try
        {
            return new ScriptFindings(ScriptWalker.Sites(program, script, ScriptGuards.For(manifest), trackers, cancellationToken), null);
        }
        catch (InsufficientExecutionStackException)
        {
            return new ScriptFindings(Array.Empty<ScriptSite>(), new ScriptParseFailure("the script is nested too deeply to be read", 0));
        }
    }
}

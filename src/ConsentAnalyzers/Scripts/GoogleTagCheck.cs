using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Trackers;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Scripts;

/// <summary>
/// Checks the Google tag steps of one document (a script file, or the markup and scripts of one Razor page body) against
/// Google Consent Mode: CG0206 when the manifest maps no category to it, CG0207 when the tag is loaded or configured
/// before the consent default of the same scope. Each is reported once per document (CG0207 once per scope).
/// </summary>
internal static class GoogleTagCheck
{
    public static readonly ImmutableArray<DiagnosticDescriptor> Rules = ImmutableArray.Create(
        Diagnostics.Rules.ConsentModeNotMapped,
        Diagnostics.Rules.ConsentDefaultAfterGoogleTag);

    /// <summary>A scope no step is compared in: the markup scanner cannot tell which function a step runs in.</summary>
    public const int UnknownScope = -2;

    /// <param name="report">Where diagnostics go.</param>
    /// <param name="consentModeMapped">
    /// Whether a category of the manifest maps to a Consent Mode type (<see cref="GoogleTag.MapsConsentMode"/>).
    /// </param>
    /// <param name="steps">The document's steps in document order (their <c>Start</c> is not compared), each with its location.</param>
    public static void Check(Action<Diagnostic> report, bool consentModeMapped, IReadOnlyList<(ScriptGoogleTagStep Step, Location Location)> steps)
    {
        if (steps.Count == 0)
        {
            return;
        }

        if (!consentModeMapped)
        {
            ReportUnmapped(report, steps);
        }

        ReportLateDefaults(report, steps);
    }

    /// <summary>
    /// CG0206 at the first step that sets up a declared Google tag. An undeclared one already gets CG0201, and has no
    /// category to add the mapping to.
    /// </summary>
    private static void ReportUnmapped(Action<Diagnostic> report, IReadOnlyList<(ScriptGoogleTagStep Step, Location Location)> steps)
    {
        foreach (var (step, location) in steps)
        {
            if (step.Step != GoogleTagStep.ConsentDefault && step.Tracker is { Category: { } category } tracker)
            {
                report(Unmapped(tracker, category, location));
                return;
            }
        }
    }

    /// <summary>CG0206 for a declared Google tag (of <paramref name="category"/>) set up at <paramref name="location"/>.</summary>
    public static Diagnostic Unmapped(TrackerMatch tracker, string category, Location location)
    {
        var types = GoogleTag.SuggestedTypes(tracker);
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Category, category)
            .Add(DiagnosticProperties.ConsentModeTypes, string.Join(",", types));
        return Diagnostic.Create(Diagnostics.Rules.ConsentModeNotMapped, location, properties, tracker.DisplayName, category,
            GoogleTag.AsJsonItems(types));
    }

    /// <summary>
    /// CG0207 at the first loader or config step of a scope that comes before the scope's first consent default. A scope
    /// with no default is not reported: the default may be in another file, which is not guessed at. Nor is a loader
    /// that script inserts before a default of the same stretch: the script runs after the default.
    /// </summary>
    private static void ReportLateDefaults(Action<Diagnostic> report, IReadOnlyList<(ScriptGoogleTagStep Step, Location Location)> steps)
    {
        Dictionary<int, (int Index, int Stretch, Location Location)>? defaults = null;
        for (var i = 0; i < steps.Count; i++)
        {
            var (step, location) = steps[i];
            if (step.Step == GoogleTagStep.ConsentDefault && step.Scope != UnknownScope)
            {
                defaults ??= new Dictionary<int, (int Index, int Stretch, Location Location)>();
                if (!defaults.ContainsKey(step.Scope))
                {
                    defaults.Add(step.Scope, (i, step.Stretch, location));
                }
            }
        }

        if (defaults is null)
        {
            return;
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var (step, location) = steps[i];
            if (step.Step != GoogleTagStep.ConsentDefault && defaults.TryGetValue(step.Scope, out var first) && i < first.Index
                && !(step.LoadsLater && step.Stretch == first.Stretch))
            {
                var line = first.Location.GetMappedLineSpan().StartLinePosition.Line + 1;
                report(Diagnostic.Create(Diagnostics.Rules.ConsentDefaultAfterGoogleTag, location, new[] { first.Location },
                    Capitalized(step.Tracker?.DisplayName ?? "the Google tag"), step.Step == GoogleTagStep.Loader ? "loaded" : "configured", line));
                defaults.Remove(step.Scope);
            }
        }
    }

    private static string Capitalized(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);
}

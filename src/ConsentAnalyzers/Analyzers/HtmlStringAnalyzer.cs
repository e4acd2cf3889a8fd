using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Guards;
using ConsentAnalyzers.Markup;
using ConsentAnalyzers.Scripts;
using ConsentAnalyzers.Trackers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Analyzers;

/// <summary>
/// Finds tracker scripts that C# code builds as strings and renders as HTML (<c>new HtmlString(…)</c>,
/// <c>Html.Raw</c>, <c>AppendHtml</c> of a tag helper's output or a TagBuilder, <c>Content(…, "text/html")</c>, the
/// app's script API; see <see cref="HtmlSinks"/>), reading the string with the same scanner and catalog as Razor
/// markup, and reports an undeclared tracker (CG0201) or one that no consent check for its category guards
/// (CG0202/CG0203) at the place that renders it. Only the strings such places render are read, never every literal.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HtmlStringAnalyzer : ConsentCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.UndeclaredTracker,
        Rules.UnguardedTracking,
        Rules.WrongCategoryGuard,
        Rules.ConsentModeNotMapped);

    private protected override void RegisterActions(CompilationStartAnalysisContext context, ConsentCompilation consent)
    {
        var trackers = TrackerIndex.For(consent.Manifest.Manifest);
        var consentModeMapped = GoogleTag.MapsConsentMode(consent.Manifest.Manifest);

        // Every sink is named in the file that renders through it (HtmlString, Html.Raw, AppendHtml, a TagBuilder and
        // its attributes, Content/ContentResult, Results.Text, WriteAsync, a member named for a script): the
        // operations of the other files are not read. Most files of a web app name one of these words, so the
        // callbacks are registered once, not per member.
        var files = new FilesNaming(SinkWords);
        files.RegisterOperationAction(context,
            Checker<IInvocationOperation>(consent, trackers, consentModeMapped, HtmlSinks.ForInvocation), OperationKind.Invocation);
        files.RegisterOperationAction(context,
            Checker<IObjectCreationOperation>(consent, trackers, consentModeMapped, HtmlSinks.ForCreation), OperationKind.ObjectCreation);
        files.RegisterOperationAction(context,
            Checker<ISimpleAssignmentOperation>(consent, trackers, consentModeMapped, HtmlSinks.ForAssignment), OperationKind.SimpleAssignment);
        files.RegisterOperationAction(context,
            c =>
            {
                List<HtmlSink>? sinks = null;
                HtmlSinks.ForReturn((IReturnOperation)c.Operation, c.ContainingSymbol, ref sinks);
                Analyze(c, consent, trackers, consentModeMapped, sinks);
            },
            OperationKind.Return);
    }

    // The words most files name first: a file's search stops at the first word it finds.
    private static readonly string[] SinkWords = { "Text", "Content", "Html", "Script", "TagBuilder", "WriteAsync" };

    private delegate void FindSinks<in TOperation>(TOperation operation, ref List<HtmlSink>? sinks);

    private static Action<OperationAnalysisContext> Checker<TOperation>(ConsentCompilation consent, TrackerIndex trackers, bool consentModeMapped,
        FindSinks<TOperation> find)
        where TOperation : IOperation =>
        [MethodImpl(HotPath.Optimized)] (context) =>
        {
            List<HtmlSink>? sinks = null;
            find((TOperation)context.Operation, ref sinks);
            Analyze(context, consent, trackers, consentModeMapped, sinks);
        };

    /// <summary>The strings <paramref name="sinks"/> render (null for the many operations that render none).</summary>
    [MethodImpl(HotPath.Optimized)]
    private static void Analyze(OperationAnalysisContext context, ConsentCompilation consent, TrackerIndex trackers, bool consentModeMapped,
        List<HtmlSink>? sinks)
    {
        if (sinks is null)
        {
            return;
        }

        foreach (var sink in sinks)
        {
            var text = HtmlStringText.Of(sink.Value, sink.Prefix, sink.Suffix);
            var html = text.Text;
            if (!MarkupScanner.MayContainFindings(html))
            {
                continue;
            }

            // One finding per tracker and string: the GA snippet's loader URL, gtag('js') and gtag('config') are one use.
            var seen = new HashSet<string>();
            foreach (var found in MarkupScanner.Trackers(html, trackers, sink.BareTextIsScript))
            {
                if (seen.Add(found.Tracker.DisplayName))
                {
                    Report(context, consent, found.Tracker, text.SiteAt(found.Start));
                }
            }

            if (!consentModeMapped)
            {
                ReportUnmappedGoogleTag(context, html, trackers, sink.BareTextIsScript);
            }
        }
    }

    /// <summary>
    /// CG0206 at the rendering, once per string that sets up a declared Google tag. The order of its steps (CG0207) is
    /// checked in Razor markup and script files only: a string is often one piece of a page put together elsewhere.
    /// </summary>
    private static void ReportUnmappedGoogleTag(OperationAnalysisContext context, string html, TrackerIndex trackers, bool bareTextIsScript)
    {
        foreach (var found in MarkupScanner.GoogleTagSteps(html, trackers, bareTextIsScript))
        {
            if (found.Step != GoogleTagStep.ConsentDefault && found.Tracker is { Category: { } category } tracker)
            {
                context.ReportDiagnostic(GoogleTagCheck.Unmapped(tracker, category, context.Operation.Syntax.GetLocation()));
                return;
            }
        }
    }

    /// <summary>
    /// Reports at the rendering. It is guarded when the rendering is, or when the part of the string that holds the
    /// tracker is written under a check in this member (<c>if (consented) sb.Append("&lt;script&gt;…")</c>).
    /// </summary>
    private static void Report(OperationAnalysisContext context, ConsentCompilation consent, TrackerMatch tracker, IOperation? site)
    {
        var rendering = context.Operation;
        if (tracker.Category is null)
        {
            context.ReportDiagnostic(
                Diagnostic.Create(Rules.UndeclaredTracker, rendering.Syntax.GetLocation(), tracker.UndeclaredProperties(), tracker.DisplayName,
                    tracker.CatalogId));
            return;
        }

        if (ConsentGuardCheck.IsGuarded(context, consent, rendering, tracker.Category, tracker.AlternativeCategory, out var granted))
        {
            return;
        }

        var writtenGranted = CategorySet.Empty;
        if (site is not null
            && InSameBody(site, rendering)
            && ConsentGuardCheck.IsGuarded(context, consent, site, tracker.Category, tracker.AlternativeCategory, out writtenGranted))
        {
            return;
        }

        ConsentGuardCheck.Report(context, rendering, tracker.Category, Rules.UnguardedTracking, $"Tracking call to {tracker.DisplayName}",
            location: null, tracker.AlternativeCategory, granted.IsEmpty ? writtenGranted : granted);
    }

    /// <summary>Whether the part was written in the body being analyzed (the flow facts of another member are not at hand).</summary>
    private static bool InSameBody(IOperation site, IOperation rendering) =>
        site.Syntax.SyntaxTree == rendering.Syntax.SyntaxTree && rendering.Root().Syntax.Span.Contains(site.Syntax.Span);
}

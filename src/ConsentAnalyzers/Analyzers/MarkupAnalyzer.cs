using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Frameworks;
using ConsentAnalyzers.Markup;
using ConsentAnalyzers.Scripts;
using ConsentAnalyzers.Trackers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Analyzers;

/// <summary>
/// Checks the HTML that Razor writes literally (<c>WriteLiteral</c> in .cshtml views and pages,
/// <c>AddMarkupContent</c> in .razor components): tracker scripts and pixels (<c>&lt;script src&gt;</c> of
/// Google Analytics, Meta, …), inline calls such as <c>gtag(…)</c> and <c>fbq(…)</c>, and inline
/// <c>localStorage.setItem('key', …)</c>. A surrounding <c>@if (consent…)</c> is a guard like any other, and each
/// diagnostic points at its line of the .cshtml/.razor file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MarkupAnalyzer : ConsentCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ScriptSiteCheck.SiteRules;

    private protected override bool AppliesTo(ConsentCompilation consent) =>
        consent.Symbols.RazorPageBase is not null || consent.Symbols.RenderTreeBuilder is not null;

    private protected override void RegisterActions(CompilationStartAnalysisContext context, ConsentCompilation consent)
    {
        var trackers = TrackerIndex.For(consent.Manifest.Manifest);
        var consentModeMapped = GoogleTag.MapsConsentMode(consent.Manifest.Manifest);

        // Markup is written only in Razor's generated files: the blocks and calls of the other files are not visited.
        new FilesNaming(MarkupMethods).RegisterPerMember(context, start =>
        {
            var page = new GoogleTagPage();
            start.RegisterOperationAction(c => AnalyzeBlock(c, consent, trackers, page), OperationKind.Block);
            start.RegisterOperationAction(c => AnalyzeCallOutsideBlock(c, consent, trackers, page), OperationKind.Invocation);
            start.RegisterOperationBlockEndAction(end => page.Check(end.ReportDiagnostic, consentModeMapped));
        });
    }

    private static readonly string[] MarkupMethods = { "WriteLiteral", "AddMarkupContent" };

    /// <summary>
    /// Razor splits long markup into consecutive calls of about 1,024 characters each, so a script, a URL or a call
    /// can straddle two of them: each run of consecutive markup statements is read as one text.
    /// </summary>
    private static void AnalyzeBlock(OperationAnalysisContext context, ConsentCompilation consent, TrackerIndex trackers, GoogleTagPage page)
    {
        List<MarkupPiece>? run = null;
        foreach (var statement in ((IBlockOperation)context.Operation).Operations)
        {
            if (statement is IExpressionStatementOperation { Operation: IInvocationOperation call }
                && MarkupPiece.For(call, consent.Symbols, run) is { } piece)
            {
                (run ??= new()).Add(piece);
            }
            else if (run is not null)
            {
                Analyze(context, consent, trackers, run, page);
                run = null;
            }
        }

        if (run is not null)
        {
            Analyze(context, consent, trackers, run, page);
        }
    }

    /// <summary>A markup call that is not a statement of a block (an expression-bodied lambda): a run of its own.</summary>
    private static void AnalyzeCallOutsideBlock(OperationAnalysisContext context, ConsentCompilation consent, TrackerIndex trackers,
        GoogleTagPage page)
    {
        var call = (IInvocationOperation)context.Operation;
        if (call.Parent is not IExpressionStatementOperation { Parent: IBlockOperation }
            && MarkupPiece.For(call, consent.Symbols, previous: null) is { } piece)
        {
            Analyze(context, consent, trackers, new List<MarkupPiece> { piece }, page);
        }
    }

    private static void Analyze(OperationAnalysisContext context, ConsentCompilation consent, TrackerIndex trackers, List<MarkupPiece> run,
        GoogleTagPage page)
    {
        var markup = run.Count == 1 ? run[0].Text : string.Concat(run.ConvertAll(piece => piece.Text));
        if (!MarkupScanner.MayContainFindings(markup))
        {
            return;
        }

        // Whole scripts (an element's body, a handler's value) are read by the JavaScript analysis, which also sees
        // the checks written in them; what does not parse (a script that a Razor expression interrupts) and what is
        // not script (a src attribute) is left to the markup scanner.
        var read = new List<MarkupScript>();
        var sites = new List<(int Start, ScriptSite Site)>();
        foreach (var script in MarkupScanner.WholeScripts(markup))
        {
            var findings = ScriptAnalysis.Read(markup.Substring(script.Start, script.Length), script.IsModule, consent.Manifest.Manifest,
                context.CancellationToken);
            if (findings.Failure is null)
            {
                read.Add(script);
                sites.AddRange(findings.Sites.Select(site => (script.Start + site.Start, site)));
            }
        }

        var trackerUses = MarkupScanner.Trackers(markup, trackers)
            .Where(found => !read.Any(script => script.Contains(found.Start)))
            .Select(found => (found.Start, Site: (ScriptSite)new ScriptTrackerUse(0, found.Length, GrantedSets.None, found.Tracker)))
            .Concat(sites.Where(site => site.Site is ScriptTrackerUse))
            .OrderBy(use => use.Start);

        // One finding per tracker and run of markup: the GA snippet's script URL, gtag('js') and gtag('config')
        // are one use of Google Analytics, not three.
        var seen = new HashSet<string>();
        foreach (var (start, site) in trackerUses)
        {
            if (seen.Add(((ScriptTrackerUse)site).Tracker.DisplayName))
            {
                CheckSite(context, consent, run, start, site);
            }
        }

        var writes = MarkupScanner.Writes(markup)
            .Where(write => !read.Any(script => script.Contains(write.Start)))
            .Select(write => (write.Start, Site: (ScriptSite)new ScriptWrite(0, write.Length, GrantedSets.None, write.Target, write.Name)))
            .Concat(sites.Where(site => site.Site is ScriptWrite))
            .OrderBy(write => write.Start);
        foreach (var (start, site) in writes)
        {
            CheckSite(context, consent, run, start, site);
        }

        foreach (var (start, site) in sites.Where(site => site.Site is ScriptCookieLifetime))
        {
            var lifetime = (ScriptCookieLifetime)site;
            var location = Locate(context, PieceAt(run, start), start, site.Length);
            LifetimeCheck.Check(context.ReportDiagnostic, consent, lifetime.Name, lifetime.Written, location, property: null);
        }

        AddGoogleTagSteps(context, trackers, run, markup, read, sites, page);
    }

    /// <summary>
    /// The run's Google tag steps, for the page's check at the member's end: those of its whole scripts (a function's
    /// scope made the run's), and the scanner's elsewhere (at the top level of their script, or in no known scope).
    /// </summary>
    private static void AddGoogleTagSteps(OperationAnalysisContext context, TrackerIndex trackers, List<MarkupPiece> run, string markup,
        List<MarkupScript> read, List<(int Start, ScriptSite Site)> sites, GoogleTagPage page)
    {
        if (!MarkupScanner.MayHaveGoogleTag(markup))
        {
            return;
        }

        foreach (var (start, site) in sites)
        {
            if (site is ScriptGoogleTagStep step)
            {
                var scope = step.Scope < 0 ? step.Scope : start - step.Start + step.Scope;
                var script = read.First(element => element.Contains(start)).Start;
                var location = Locate(context, PieceAt(run, start), start, step.Length);
                page.Add(run[0].Call, run, step with { Start = start, Scope = scope }, location, script);
            }
        }

        foreach (var found in MarkupScanner.GoogleTagSteps(markup, trackers))
        {
            if (!read.Any(script => script.Contains(found.Start)))
            {
                // A default counts wherever it is written: before the tag textually is before it (see CG0207's page).
                var scope = found.AtTopLevel || found.Step == GoogleTagStep.ConsentDefault
                    ? ScriptGoogleTagStep.TopLevel
                    : GoogleTagCheck.UnknownScope;
                var step = new ScriptGoogleTagStep(found.Start, found.Length, GrantedSets.None, found.Step, found.Tracker, scope);
                page.Add(run[0].Call, run, step, Locate(context, PieceAt(run, found.Start), found.Start, found.Length));
            }
        }
    }

    /// <summary>
    /// Checks a site of the markup at <paramref name="start"/>: against the manifest, and against the checks in its
    /// script and the C# checks around the markup (<c>@if (consent…) { &lt;script&gt;…&lt;/script&gt; }</c>).
    /// </summary>
    private static void CheckSite(OperationAnalysisContext context, ConsentCompilation consent, List<MarkupPiece> run, int start, ScriptSite site)
    {
        var piece = PieceAt(run, start);
        var location = Locate(context, piece, start, site.Length);
        switch (site)
        {
            case ScriptTrackerUse { Tracker: { Category: null } tracker }:
                context.ReportDiagnostic(
                    Diagnostic.Create(Rules.UndeclaredTracker, location, tracker.UndeclaredProperties(), tracker.DisplayName, tracker.CatalogId));
                break;
            case ScriptTrackerUse { Tracker: var tracker }:
                CheckGuard(context, consent, piece, site, location, tracker.Category!, tracker.AlternativeCategory, Rules.UnguardedTracking,
                    $"Tracking call to {tracker.DisplayName}");
                break;
            case ScriptWrite write
                when DeclaredNameCheck.Check(context.ReportDiagnostic, consent, write.Name, location, write.Target, note: null, constantsApply: false)
                    is { } category:
                CheckGuard(context, consent, piece, site, location, category, null, Rules.UnguardedWrite,
                    $"Writing {(write.Target == NameTarget.Cookie ? "cookie" : "storage key")} '{write.Name.Display}'");
                break;
        }
    }

    private static void CheckGuard(OperationAnalysisContext context, ConsentCompilation consent, MarkupPiece piece, ScriptSite site,
        Location location, string category, string? alternative, DiagnosticDescriptor rule, string what)
    {
        if (ScriptSiteCheck.NotGranting(consent, site, category, alternative) is { } inScript
            && !ConsentGuardCheck.IsGuarded(context, consent, piece.Call, category, alternative, out var granted))
        {
            ConsentGuardCheck.ReportAt(context.ReportDiagnostic, category, rule, what, location, alternative, granted.Union(inScript),
                inMarkup: true);
        }
    }

    /// <summary>The piece a finding starts in.</summary>
    private static MarkupPiece PieceAt(List<MarkupPiece> run, int start)
    {
        for (var i = 1; i < run.Count; i++)
        {
            if (run[i].Start > start)
            {
                return run[i - 1];
            }
        }

        return run[run.Count - 1];
    }

    /// <summary>The finding's location in the .cshtml/.razor file (its part in the piece it starts in).</summary>
    private static Location Locate(OperationAnalysisContext context, MarkupPiece piece, int start, int length)
    {
        var offset = start - piece.Start;
        var inPiece = Math.Min(length, piece.Text.Length - offset);
        return RazorSources.Locate(context.Options, piece.Literal, piece.Text, offset, inPiece, context.CancellationToken);
    }

    /// <summary>One call that writes literal markup, and where its text starts in its run.</summary>
    private sealed record MarkupPiece(IInvocationOperation Call, IOperation Literal, string Text, int Start)
    {
        /// <summary>
        /// The piece <paramref name="call"/> writes, following <paramref name="previous"/> pieces of its run; null for
        /// other calls.
        /// </summary>
        public static MarkupPiece? For(IInvocationOperation call, KnownSymbols symbols, List<MarkupPiece>? previous)
        {
            if (MarkupArgument(call, symbols) is not { ConstantValue: { HasValue: true, Value: string text } } literal)
            {
                return null;
            }

            var start = previous is null ? 0 : previous[previous.Count - 1].Start + previous[previous.Count - 1].Text.Length;
            return new MarkupPiece(call, literal, text, start);
        }
    }

    /// <summary>The markup argument of <c>RazorPageBase.WriteLiteral</c> or <c>RenderTreeBuilder.AddMarkupContent</c>.</summary>
    private static IOperation? MarkupArgument(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        return method.Name switch
        {
            "WriteLiteral" when SymbolFacts.IsOrInherits(type, symbols.RazorPageBase) => invocation.Arguments.Length == 1
                ? invocation.Arguments[0].Value.WithoutConversions()
                : null,
            "AddMarkupContent"
                when SymbolFacts.IsOrInherits(type, symbols.RenderTreeBuilder) =>
                invocation.Arguments.ArgumentFor("markupContent")?.WithoutConversions(),
            _ => null,
        };
    }
}

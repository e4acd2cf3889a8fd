using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Frameworks;
using ConsentAnalyzers.Markup;
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
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.UndeclaredTracker,
        Rules.UnguardedTracking,
        Rules.WrongCategoryGuard,
        Rules.UndeclaredCookie,
        Rules.UndeclaredStorageKey,
        Rules.NameInWrongPlace,
        Rules.UnresolvedName,
        Rules.UnguardedWrite);

    private protected override bool AppliesTo(ConsentCompilation consent) =>
        consent.Symbols.RazorPageBase is not null || consent.Symbols.RenderTreeBuilder is not null;

    private protected override void RegisterActions(CompilationStartAnalysisContext context, ConsentCompilation consent)
    {
        var trackers = TrackerIndex.For(consent.Manifest.Manifest);

        // Markup is written only in Razor's generated files: the blocks and calls of the other files are not visited.
        FilesNaming.RegisterOperationActions(context, MarkupMethods, start =>
        {
            start.RegisterOperationAction(c => AnalyzeBlock(c, consent, trackers), OperationKind.Block);
            start.RegisterOperationAction(c => AnalyzeCallOutsideBlock(c, consent, trackers), OperationKind.Invocation);
        });
    }

    private static readonly string[] MarkupMethods = { "WriteLiteral", "AddMarkupContent" };

    /// <summary>
    /// Razor splits long markup into consecutive calls of about 1,024 characters each, so a script, a URL or a call
    /// can straddle two of them: each run of consecutive markup statements is read as one text.
    /// </summary>
    private static void AnalyzeBlock(OperationAnalysisContext context, ConsentCompilation consent, TrackerIndex trackers)
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
                Analyze(context, consent, trackers, run);
                run = null;
            }
        }

        if (run is not null)
        {
            Analyze(context, consent, trackers, run);
        }
    }

    /// <summary>A markup call that is not a statement of a block (an expression-bodied lambda): a run of its own.</summary>
    private static void AnalyzeCallOutsideBlock(OperationAnalysisContext context, ConsentCompilation consent, TrackerIndex trackers)
    {
        var call = (IInvocationOperation)context.Operation;
        if (call.Parent is not IExpressionStatementOperation { Parent: IBlockOperation }
            && MarkupPiece.For(call, consent.Symbols, previous: null) is { } piece)
        {
            Analyze(context, consent, trackers, new List<MarkupPiece> { piece });
        }
    }

    private static void Analyze(OperationAnalysisContext context, ConsentCompilation consent, TrackerIndex trackers, List<MarkupPiece> run)
    {
        var markup = run.Count == 1 ? run[0].Text : string.Concat(run.ConvertAll(piece => piece.Text));
        if (!MarkupScanner.MayContainFindings(markup))
        {
            return;
        }

        // One finding per tracker and run of markup: the GA snippet's script URL, gtag('js') and gtag('config')
        // are one use of Google Analytics, not three.
        var seen = new HashSet<string>();
        foreach (var found in MarkupScanner.Trackers(markup, trackers))
        {
            if (!seen.Add(found.Tracker.DisplayName))
            {
                continue;
            }

            // The finding's place in the .cshtml/.razor file is looked up only for a report.
            var piece = PieceAt(run, found.Start);
            if (found.Tracker.Category is null)
            {
                context.ReportDiagnostic(
                    Diagnostic.Create(Rules.UndeclaredTracker, Locate(context, piece, found.Start, found.Length),
                        found.Tracker.UndeclaredProperties(), found.Tracker.DisplayName, found.Tracker.CatalogId));
            }
            else if (!ConsentGuardCheck.IsGuarded(context, consent, piece.Call, found.Tracker.Category, found.Tracker.AlternativeCategory,
                out var granted))
            {
                ConsentGuardCheck.Report(context, piece.Call, found.Tracker.Category, Rules.UnguardedTracking,
                    $"Tracking call to {found.Tracker.DisplayName}", Locate(context, piece, found.Start, found.Length),
                    found.Tracker.AlternativeCategory, granted);
            }
        }

        foreach (var write in MarkupScanner.Writes(markup))
        {
            var piece = PieceAt(run, write.Start);
            var location = Locate(context, piece, write.Start, write.Length);
            if (DeclaredNameCheck.Check(context, consent, write.Name, location, write.Target) is { } category)
            {
                var what = write.Target == NameTarget.Cookie ? "cookie" : "storage key";
                ConsentGuardCheck.Check(context, consent, piece.Call, category, Rules.UnguardedWrite,
                    $"Writing {what} '{write.Name.Display}'", location);
            }
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

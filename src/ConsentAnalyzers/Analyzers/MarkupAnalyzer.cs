using System.Collections.Generic;
using System.Collections.Immutable;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Guards;
using ConsentAnalyzers.Markup;
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
        Rules.UndeclaredStorageKey,
        Rules.NameInWrongPlace,
        Rules.UnresolvedName,
        Rules.UnguardedWrite);

    private protected override bool AppliesTo(ConsentCompilation consent) => consent.Symbols.RazorPageBase is not null || consent.Symbols.RenderTreeBuilder is not null;

    private protected override void RegisterActions(CompilationStartAnalysisContext context, ConsentCompilation consent)
    {
        var trackers = TrackerIndex.For(consent.Manifest.Manifest);
        context.RegisterOperationAction(c => Analyze(c, consent, trackers), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, ConsentCompilation consent, TrackerIndex trackers)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (MarkupArgument(invocation, consent.Symbols) is not { ConstantValue: { HasValue: true, Value: string markup } } literal
            || !MarkupScanner.MayContainFindings(markup))
        {
            return;
        }

        // One finding per tracker and piece of markup: the GA snippet's script URL, gtag('js') and gtag('config')
        // are one use of Google Analytics, not three.
        var seen = new HashSet<string>();
        foreach (var found in MarkupScanner.Trackers(markup, trackers))
        {
            if (!seen.Add(found.Tracker.DisplayName))
            {
                continue;
            }

            var location = RazorSources.Locate(context.Options, literal, markup, found.Start, found.Length, context.CancellationToken);
            if (found.Tracker.Category is null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.UndeclaredTracker, location, found.Tracker.UndeclaredProperties(), found.Tracker.DisplayName, found.Tracker.CatalogId));
            }
            else
            {
                ConsentGuardCheck.Check(context, consent, invocation, found.Tracker.Category, Rules.UnguardedTracking, $"Tracking call to {found.Tracker.DisplayName}", location, found.Tracker.AlternativeCategory);
            }
        }

        foreach (var write in MarkupScanner.StorageWrites(markup))
        {
            var location = RazorSources.Locate(context.Options, literal, markup, write.Start, write.Length, context.CancellationToken);
            if (DeclaredNameCheck.Check(context, consent, write.Key, location, write.Area) is { } category)
            {
                ConsentGuardCheck.Check(context, consent, invocation, category, Rules.UnguardedWrite, $"Writing storage key '{write.Key.Display}'", location);
            }
        }
    }

    /// <summary>The markup argument of <c>RazorPageBase.WriteLiteral</c> or <c>RenderTreeBuilder.AddMarkupContent</c>.</summary>
    private static IOperation? MarkupArgument(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        return method.Name switch
        {
            "WriteLiteral" when KnownSymbols.IsOrInherits(type, symbols.RazorPageBase) => invocation.Arguments.Length == 1 ? invocation.Arguments[0].Value.WithoutConversions() : null,
            "AddMarkupContent" when KnownSymbols.IsOrInherits(type, symbols.RenderTreeBuilder) => invocation.Arguments.ArgumentFor("markupContent")?.WithoutConversions(),
            _ => null,
        };
    }
}

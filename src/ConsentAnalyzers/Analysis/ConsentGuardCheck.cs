using System;
using System.Collections.Immutable;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Guards;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Analysis;

/// <summary>
/// Decides whether a place that needs consent (a non-essential write, a tracking call) is dominated by a consent check
/// for its category, and reports CG0105/CG0202 when nothing guards it or CG0203 when a check for another category
/// does. The control-flow graph is built only here, that is only where such a place exists.
/// </summary>
internal static class ConsentGuardCheck
{
    /// <summary>
    /// Checks that <paramref name="site"/> is guarded for <paramref name="category"/> (or for
    /// <paramref name="alternativeCategory"/>, when the site may serve either); reports at <paramref name="location"/>
    /// if given (a finding inside a markup literal), else at the site.
    /// </summary>
    public static void Check(OperationAnalysisContext context, ConsentCompilation consent, IOperation site, string category,
        DiagnosticDescriptor unguardedRule, string what, Location? location = null, string? alternativeCategory = null)
    {
        if (!IsGuarded(context, consent, site, category, alternativeCategory, out var granted))
        {
            Report(context, site, category, unguardedRule, what, location, alternativeCategory, granted);
        }
    }

    /// <summary>
    /// Whether <paramref name="site"/> needs no report: its category (or the alternative) is essential, or a check for
    /// it guards the site. When it is not, <paramref name="granted"/> is what guards it, for <see cref="Report"/>.
    /// Callers whose message or location costs something to build ask this first and build them only to report.
    /// </summary>
    public static bool IsGuarded(OperationAnalysisContext context, ConsentCompilation consent, IOperation site, string category,
        string? alternativeCategory, out CategorySet granted)
    {
        granted = CategorySet.Empty;
        if (consent.Manifest.Category(category).IsEssential
            || (alternativeCategory is not null && consent.Manifest.Category(alternativeCategory).IsEssential))
        {
            return true;
        }

        // The common shape, if (check) { site }, needs no control-flow graph; a method group runs where its
        // delegate is invoked, which only the graph can tell.
        var onEntry = RequiredOnEntry(context, consent);
        if (consent.GraphShortcuts
            && site is not IMethodReferenceOperation
            && EnclosingGuard.Grants(consent.Guards, site, category, alternativeCategory, onEntry))
        {
            return true;
        }

        granted = GrantedAt(context, consent, site, onEntry);
        return granted.Grants(category) || (alternativeCategory is not null && granted.Grants(alternativeCategory));
    }

    /// <summary>Reports a site that <see cref="IsGuarded"/> found unguarded (CG0105/CG0202), or guarded for another category (CG0203).</summary>
    public static void Report(OperationAnalysisContext context, IOperation site, string category, DiagnosticDescriptor unguardedRule, string what,
        Location? location, string? alternativeCategory, CategorySet granted) =>
        ReportAt(context.ReportDiagnostic, category, unguardedRule, what, location ?? site.Syntax.GetLocation(), alternativeCategory, granted,
            inMarkup: location is not null);

    /// <summary>
    /// Whether a site outside the C# flow (a script's, whose checks the script walk found) needs no report: its
    /// category or the alternative is essential, or granted.
    /// </summary>
    public static bool IsGranted(ConsentCompilation consent, string category, string? alternativeCategory, CategorySet granted) =>
        consent.Manifest.Category(category).IsEssential || granted.Grants(category)
        || (alternativeCategory is not null && (consent.Manifest.Category(alternativeCategory).IsEssential || granted.Grants(alternativeCategory)));

    /// <summary>
    /// Reports an unguarded site at <paramref name="location"/>; <paramref name="inMarkup"/> says it is not C# (markup
    /// or script), where the fixes that add a C# check do not apply.
    /// </summary>
    public static void ReportAt(Action<Diagnostic> report, string category, DiagnosticDescriptor unguardedRule, string what, Location location,
        string? alternativeCategory, CategorySet granted, bool inMarkup)
    {
        // Only the properties that apply are present: a fix tests for a key, not for a null value.
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.Category, category);
        if (alternativeCategory is not null)
        {
            properties.Add(DiagnosticProperties.AlternativeCategory, alternativeCategory);
        }

        if (!granted.IsEmpty)
        {
            properties.Add(DiagnosticProperties.GrantedCategories, string.Join(",", granted.SortedIds()));
        }

        if (inMarkup)
        {
            properties.Add(DiagnosticProperties.InMarkup, "true");
        }

        report(granted.IsEmpty
            ? Diagnostic.Create(unguardedRule, location, properties.ToImmutable(), what, category)
            : Diagnostic.Create(Rules.WrongCategoryGuard, location, properties.ToImmutable(), what, category, granted.Describe()));
    }

    /// <summary>
    /// What the graph grants at <paramref name="site"/>; <paramref name="onEntry"/> is what the member's
    /// <c>[RequiresConsent]</c> grants.
    /// </summary>
    private static CategorySet GrantedAt(OperationAnalysisContext context, ConsentCompilation consent, IOperation site, CategorySet onEntry)
    {
        if (consent.GraphShortcuts)
        {
            var places = consent.GrantingPlaces(site.Root());
            if (places.IsEmpty && NothingRequiredOnEntry(context, consent, site))
            {
                return CategorySet.Empty;
            }

            if (site is not IMethodReferenceOperation && GrantedWithoutGraph(consent, site, places, onEntry) is { } exact)
            {
                return exact;
            }
        }

        var (graph, initial, locals) = GraphContaining(site, context, consent, depth: 0);
        if (graph is null)
        {
            return initial;
        }

        // A method group (telemetry.TrackEvent as a delegate) runs where the delegate is invoked, like a lambda.
        var flow = consent.FlowFor(graph, initial, context.CancellationToken, locals);
        return site is IMethodReferenceOperation ? EntryOfDelegate(site, flow) : flow.GrantedAt(site.Syntax);
    }

    /// <summary>
    /// What the graph would grant at <paramref name="operation"/>, where the enclosing <c>if</c>s decide it
    /// (<see cref="EnclosingGuard.ExactlyGranted"/>) and what holds on entry to its function is known without a graph:
    /// <paramref name="memberEntry"/> (the member's <c>[RequiresConsent]</c>) for the member's own code, nothing for a
    /// lambda run later, for a lambda run in place what holds where it is created, and for a local function what holds
    /// at every call (<see cref="EntryOfLocalFunction"/>), each found the same way. Null otherwise: a lambda kept in a
    /// local, a Razor tag-helper content lambda (its captured locals carry facts).
    /// </summary>
    internal static CategorySet? GrantedWithoutGraph(ConsentCompilation consent, IOperation operation, GrantingPlaces places,
        CategorySet memberEntry, int depth = 0)
    {
        var function = operation.EnclosingFunction();
        CategorySet? entry = function switch
        {
            null => memberEntry,
            IAnonymousFunctionOperation lambda when depth < 16 && !IsTagHelperContent(lambda) => DelegateRuns.Kind(lambda, out _) switch
            {
                DelegateRun.Later => CategorySet.Empty,
                DelegateRun.InPlace => GrantedWithoutGraph(consent, lambda, places, memberEntry, depth + 1),
                _ => null,
            },
            ILocalFunctionOperation localFunction when depth < 16 => EntryOfLocalFunction(consent, localFunction, places, memberEntry, depth),
            _ => null,
        };
        return entry is { } known ? EnclosingGuard.ExactlyGranted(consent.Guards, operation, places, known, function) : null;
    }

    /// <summary>
    /// What holds on entry to <paramref name="localFunction"/>, as <see cref="GraphContaining"/> finds it, where every call
    /// of it is decided without a graph: nothing if it is used as a delegate, else what holds at every call (nothing
    /// without a call), in the code of the function that declares it and in the lambdas and local functions there
    /// (<see cref="LocalFunctionUses"/>), with what <c>[RequiresConsent]</c> on it grants.
    /// </summary>
    private static CategorySet? EntryOfLocalFunction(ConsentCompilation consent, ILocalFunctionOperation localFunction, GrantingPlaces places,
        CategorySet memberEntry, int depth)
    {
        var symbol = localFunction.Symbol;
        var required = consent.Requirements.RequiredBy(symbol, includeImplemented: false);
        CategorySet? atEveryCall = null;
        foreach (var operation in (localFunction.EnclosingFunction() ?? localFunction.Root()).OwnOperations())
        {
            if (operation is IMethodReferenceOperation reference && LocalFunctionUses.Is(reference.Method, symbol))
            {
                return WithRequired(CategorySet.Empty, required);
            }

            if (operation is IInvocationOperation invocation && LocalFunctionUses.Is(invocation.TargetMethod, symbol))
            {
                if (GrantedWithoutGraph(consent, invocation, places, memberEntry, depth + 1) is not { } here)
                {
                    return null;
                }

                atEveryCall = atEveryCall is { } granted ? granted.Intersect(here) : here;
            }
        }

        foreach (var (use, kind) in LocalFunctionUses.Of(localFunction))
        {
            if (kind == LocalFunctionUse.Opaque)
            {
                return WithRequired(CategorySet.Empty, required);
            }

            if (kind == LocalFunctionUse.Nested)
            {
                if (GrantedWithoutGraph(consent, use, places, memberEntry, depth + 1) is not { } here)
                {
                    return null;
                }

                atEveryCall = atEveryCall is { } granted ? granted.Intersect(here) : here;
            }
        }

        return WithRequired(atEveryCall ?? CategorySet.Empty, required);
    }

    /// <summary>What <c>[RequiresConsent]</c> on the member grants on entry to its own code.</summary>
    private static CategorySet RequiredOnEntry(OperationAnalysisContext context, ConsentCompilation consent) =>
        consent.Requirements.RequiredBy(context.ContainingSymbol, includeImplemented: false) is { } required
            ? CategorySet.Of(required)
            : CategorySet.Empty;

    /// <summary>
    /// Whether no function around <paramref name="site"/> (the member, an enclosing local function) is marked
    /// <c>[RequiresConsent]</c>.
    /// </summary>
    private static bool NothingRequiredOnEntry(OperationAnalysisContext context, ConsentCompilation consent, IOperation site)
    {
        for (var current = site.Parent; current is not null; current = current.Parent)
        {
            if (current is ILocalFunctionOperation localFunction
                && consent.Requirements.RequiredBy(localFunction.Symbol, includeImplemented: false) is not null)
            {
                return false;
            }
        }

        return consent.Requirements.RequiredBy(context.ContainingSymbol, includeImplemented: false) is null;
    }

    /// <summary>
    /// The graph that directly contains <paramref name="operation"/> (the member's, a lambda's, a local function's),
    /// what holds on its entry, and, for a Razor tag-helper content lambda, what the captured locals imply there.
    /// </summary>
    private static (ControlFlowGraph? Graph, CategorySet Entry, Func<ConsentFlow.LocalFacts>? Locals) GraphContaining(IOperation operation,
        OperationAnalysisContext context, ConsentCompilation consent, int depth)
    {
        var function = operation.EnclosingFunction();
        if (function is null || depth > 16)
        {
            return (context.GetControlFlowGraph(), RequiredOnEntry(context, consent), null);
        }

        var (outerGraph, outerEntry, outerLocals) = GraphContaining(function, context, consent, depth + 1);
        if (outerGraph is null)
        {
            return (null, CategorySet.Empty, null);
        }

        var outer = consent.FlowFor(outerGraph, outerEntry, context.CancellationToken, outerLocals);
        if (function is ILocalFunctionOperation localFunction)
        {
            var inner = outerGraph.GetLocalFunctionControlFlowGraphInScope(localFunction.Symbol);
            var entry = AtEveryCallOf(localFunction, outer, context, consent, depth);
            return (inner, WithRequired(entry, consent.Requirements.RequiredBy(localFunction.Symbol, includeImplemented: false)), null);
        }

        var lambda = (IAnonymousFunctionOperation)function;
        IFlowAnonymousFunctionOperation? flowLambda = null;
        foreach (var candidate in outer.OperationsIn(o => o is IFlowAnonymousFunctionOperation && o.Syntax == lambda.Syntax))
        {
            flowLambda = (IFlowAnonymousFunctionOperation)candidate;
            break;
        }

        if (flowLambda is null)
        {
            return (null, CategorySet.Empty, null);
        }

        var lambdaGraph = outerGraph.GetAnonymousFunctionControlFlowGraphInScope(flowLambda);
        var locals = IsTagHelperContent(lambda) ? () => CapturedFacts(lambda, outer) : (Func<ConsentFlow.LocalFacts>?)null;
        return (lambdaGraph, EntryOfDelegate(lambda, outer), locals);
    }

    /// <summary>
    /// The content of a Razor tag-helper element (<c>&lt;head&gt;</c>, <c>&lt;body&gt;</c>, <c>&lt;script src&gt;</c>,
    /// any <c>asp-*</c> element): Razor compiles it into <c>__tagHelperScopeManager.Begin(tag, mode, id, async() =&gt;
    /// { … })</c> and runs the tag helpers (which render the content through that lambda) right after, before
    /// <c>End()</c> and before any code that follows the element: the content runs in place and in order.
    /// </summary>
    internal static bool IsTagHelperContent(IAnonymousFunctionOperation lambda)
    {
        var creation = lambda.Parent is IDelegateCreationOperation delegateCreation ? delegateCreation : (IOperation)lambda;
        return creation.Parent is IArgumentOperation { Parent: IInvocationOperation invocation } argument
            && invocation.TargetMethod is { Name: "Begin", ContainingType: { Name: "TagHelperScopeManager" } type }
            && type.ContainingAssembly?.Name == "Microsoft.AspNetCore.Razor.Runtime"
            && type.ContainingNamespace.ToDisplayString() == "Microsoft.AspNetCore.Razor.Runtime.TagHelpers"
            && argument.Parameter is { } parameter
            && parameter.Ordinal == invocation.TargetMethod.Parameters.Length - 1;
    }

    /// <summary>
    /// What the boolean locals that a tag-helper content lambda captures imply where the lambda is created, for the
    /// locals whose every write (assignment, <c>out</c>/<c>ref</c>, compound, deconstruction) is in the function that
    /// declares them and ends before the statement that creates the lambda: none is written after, while the content
    /// runs, or from another lambda or local function.
    /// </summary>
    private static ConsentFlow.LocalFacts CapturedFacts(IAnonymousFunctionOperation lambda, ConsentFlow outer)
    {
        var facts = outer.LocalFactsBefore(lambda.Syntax);
        if (facts.Locals.IsEmpty)
        {
            return facts;
        }

        var root = (IOperation)lambda;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var creationStart = (lambda.Syntax.FirstAncestorOrSelf<StatementSyntax>() ?? lambda.Syntax).SpanStart;
        var locals = facts.Locals;
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation reference && locals.ContainsKey(reference.Local) && LocalWrites.IsWrite(reference)
                && (reference.Syntax.Span.End > creationStart || !SameFunction(reference.Syntax, reference.Local)))
            {
                locals = locals.Remove(reference.Local);
            }
        }

        return locals.Count == facts.Locals.Count ? facts : new ConsentFlow.LocalFacts(locals);
    }

    /// <summary>
    /// Whether <paramref name="node"/> stands in the function (member, lambda, local function) that declares
    /// <paramref name="local"/>.
    /// </summary>
    private static bool SameFunction(SyntaxNode node, ILocalSymbol local)
    {
        var references = local.DeclaringSyntaxReferences;
        return references.Length == 1 && LocalWrites.FunctionOf(node) == LocalWrites.FunctionOf(references[0].GetSyntax());
    }

    /// <summary>
    /// What holds when a lambda or method group runs: where it is created, if it runs there (a synchronous callback);
    /// where it is invoked, if it is kept in a local; nothing, if it escapes (a field, an event, Task.Run).
    /// </summary>
    private static CategorySet EntryOfDelegate(IOperation function, ConsentFlow outer) =>
        DelegateRuns.Kind(function, out var local) switch
        {
            DelegateRun.ThroughLocal when !EscapesThroughLocal(outer, local!) => AtEveryCall(outer, call => IsInvocationOf(call, local!)),
            DelegateRun.InPlace => outer.GrantedAt(function.Syntax),
            _ => CategorySet.Empty,
        };

    /// <summary>A delegate kept in a local escapes when the local is used other than to call it (passed on, stored).</summary>
    private static bool EscapesThroughLocal(ConsentFlow flow, ILocalSymbol local)
    {
        foreach (var use in flow.OperationsIn(
            o => o is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)))
        {
            var parent = use.Parent;
            var isCall = parent is IInvocationOperation invocation && ReferenceEquals(invocation.Instance, use);
            var isAssignedTo = parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Target, use);
            if (!isCall && !isAssignedTo && !use.IsImplicit)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What holds at every call of <paramref name="localFunction"/>: the calls in the code of the function that declares
    /// it, read from that function's graph (<paramref name="outer"/>), and those in the lambdas and local functions
    /// there, each read from the graph around it (<see cref="LocalFunctionUses"/>). Nothing if it is used as a
    /// delegate, or without a call.
    /// </summary>
    private static CategorySet AtEveryCallOf(ILocalFunctionOperation localFunction, ConsentFlow outer, OperationAnalysisContext context,
        ConsentCompilation consent, int depth)
    {
        var symbol = localFunction.Symbol;
        if (EscapesAsDelegate(outer, symbol) || depth > 16)
        {
            return CategorySet.Empty;
        }

        var granted = AtEveryCallIfAny(outer,
            call => call is IInvocationOperation invocation && LocalFunctionUses.Is(invocation.TargetMethod, symbol));

        foreach (var (use, kind) in LocalFunctionUses.Of(localFunction))
        {
            if (kind == LocalFunctionUse.Opaque)
            {
                return CategorySet.Empty;
            }

            if (kind == LocalFunctionUse.Nested)
            {
                var (graph, entry, locals) = GraphContaining(use, context, consent, depth + 1);
                if (graph is null)
                {
                    return CategorySet.Empty;
                }

                var here = consent.FlowFor(graph, entry, context.CancellationToken, locals).GrantedAt(use.Syntax);
                granted = granted is { } all ? all.Intersect(here) : here;
            }
        }

        return granted ?? CategorySet.Empty;
    }

    /// <summary>A local function escapes when it is used as a delegate (passed to Task.Run, stored) rather than called.</summary>
    private static bool EscapesAsDelegate(ConsentFlow flow, IMethodSymbol localFunction)
    {
        foreach (var _ in flow.OperationsIn(
            o => o is IMethodReferenceOperation reference && LocalFunctionUses.Is(reference.Method, localFunction)))
        {
            return true;
        }

        return false;
    }

    private static bool IsInvocationOf(IOperation operation, ILocalSymbol local) =>
        operation is IInvocationOperation { Instance: ILocalReferenceOperation target } && SymbolEqualityComparer.Default.Equals(target.Local, local);

    /// <summary>What holds at every place in <paramref name="flow"/> that matches; nothing when there is no such place.</summary>
    private static CategorySet AtEveryCall(ConsentFlow flow, Func<IOperation, bool> isCall) =>
        AtEveryCallIfAny(flow, isCall) ?? CategorySet.Empty;

    /// <summary>What holds at every place in <paramref name="flow"/> that matches; null when there is no such place.</summary>
    private static CategorySet? AtEveryCallIfAny(ConsentFlow flow, Func<IOperation, bool> isCall)
    {
        CategorySet? granted = null;
        foreach (var call in flow.OperationsIn(isCall))
        {
            var here = flow.GrantedAt(call.Syntax);
            granted = granted is null ? here : granted.Value.Intersect(here);
        }

        return granted;
    }

    private static CategorySet WithRequired(CategorySet granted, string? required) =>
        required is null ? granted : granted.Union(CategorySet.Of(required));
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Guards;

/// <summary>
/// A forward "must" data-flow analysis on a control-flow graph: for each basic block, the consent categories that are
/// granted on every path reaching it. Facts come from branch conditions (the compiler's graph already splits
/// <c>&amp;&amp;</c>, <c>||</c>, <c>?:</c>, <c>switch</c> and loops into branches), so an early <c>return</c>, a
/// <c>throw</c>, an <c>else</c> or <c>A || guard</c> all come out right. Booleans that hold a check (locals and the
/// compiler's flow captures) are remembered, so <c>var ok = consent.CanTrack; if (ok) …</c> counts as a guard.
/// </summary>
internal sealed class ConsentFlow
{
    private readonly ControlFlowGraph _graph;
    private readonly GuardRecognizer _guards;
    private readonly Dictionary<int, State> _entries = new();
    private Dictionary<SyntaxNode, BasicBlock>? _blockOfSyntax;

    private ConsentFlow(ControlFlowGraph graph, GuardRecognizer guards)
    {
        _graph = graph;
        _guards = guards;
    }

    /// <summary>What is known on entry to a block: granted categories, and what each boolean variable implies.</summary>
    private sealed record State(CategorySet Granted, ImmutableDictionary<object, (CategorySet WhenTrue, CategorySet WhenFalse)> Variables)
    {
        public static State Initial(CategorySet granted) => new(granted, ImmutableDictionary<object, (CategorySet, CategorySet)>.Empty);

        /// <summary>What holds on both paths: a variable implies, on each value, only what it implies on both.</summary>
        public State Join(State other)
        {
            if (ReferenceEquals(this, other))
            {
                return this;
            }

            var granted = Granted.Intersect(other.Granted);
            if (Variables.IsEmpty || other.Variables.IsEmpty)
            {
                // Most joins know no boolean variable on one side: nothing to intersect but the grants.
                return Variables.IsEmpty && granted.Equals(Granted)
                    ? this
                    : new State(granted, ImmutableDictionary<object, (CategorySet, CategorySet)>.Empty);
            }

            var variables = ImmutableDictionary<object, (CategorySet, CategorySet)>.Empty;
            foreach (var pair in Variables)
            {
                if (other.Variables.TryGetValue(pair.Key, out var theirs))
                {
                    var joined = (pair.Value.WhenTrue.Intersect(theirs.WhenTrue), pair.Value.WhenFalse.Intersect(theirs.WhenFalse));
                    if (!joined.Item1.IsEmpty || !joined.Item2.IsEmpty)
                    {
                        variables = variables.Add(pair.Key, joined);
                    }
                }
            }

            return new State(granted, variables);
        }

        public bool SameAs(State other)
        {
            if (!Granted.Equals(other.Granted) || Variables.Count != other.Variables.Count)
            {
                return false;
            }

            foreach (var pair in Variables)
            {
                if (!other.Variables.TryGetValue(pair.Key, out var theirs)
                    || !theirs.WhenTrue.Equals(pair.Value.WhenTrue)
                    || !theirs.WhenFalse.Equals(pair.Value.WhenFalse))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>What boolean locals imply at a point, when true and when false: the facts a graph can hand to another.</summary>
    public sealed class LocalFacts
    {
        public static readonly LocalFacts Empty = new(ImmutableDictionary<ILocalSymbol, (CategorySet WhenTrue, CategorySet WhenFalse)>.Empty);

        public LocalFacts(ImmutableDictionary<ILocalSymbol, (CategorySet WhenTrue, CategorySet WhenFalse)> locals) => Locals = locals;

        public ImmutableDictionary<ILocalSymbol, (CategorySet WhenTrue, CategorySet WhenFalse)> Locals { get; }
    }

    public static ConsentFlow Analyze(ControlFlowGraph graph, GuardRecognizer guards, CategorySet initiallyGranted,
        CancellationToken cancellationToken, LocalFacts? entryLocals = null)
    {
        var flow = new ConsentFlow(graph, guards);
        var initial = State.Initial(initiallyGranted);
        if (entryLocals is not null)
        {
            foreach (var pair in entryLocals.Locals)
            {
                initial = initial with { Variables = initial.Variables.SetItem(pair.Key, pair.Value) };
            }
        }

        flow.Run(initial, cancellationToken);
        return flow;
    }

    /// <summary>
    /// What boolean locals imply just before the operation of this graph that contains <paramref name="node"/> runs
    /// (the locals it writes other than by a plain assignment already forgotten); nothing where the analysis never
    /// reaches.
    /// </summary>
    public LocalFacts LocalFactsBefore(SyntaxNode node)
    {
        foreach (var block in _graph.Blocks)
        {
            if (!_entries.TryGetValue(block.Ordinal, out var state))
            {
                continue;
            }

            foreach (var operation in block.Operations)
            {
                if (Contains(operation, node))
                {
                    return LocalsOf(ForgetOtherWrites(operation, state));
                }

                state = TransferOne(operation, state);
            }

            if (block.BranchValue is not null && Contains(block.BranchValue, node))
            {
                return LocalsOf(ForgetOtherWrites(block.BranchValue, state));
            }
        }

        return LocalFacts.Empty;
    }

    private static bool Contains(IOperation root, SyntaxNode node)
    {
        if (!root.Syntax.Span.Contains(node.Span))
        {
            return false;
        }

        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation.Syntax == node)
            {
                return true;
            }
        }

        return false;
    }

    private static LocalFacts LocalsOf(State state)
    {
        var locals = ImmutableDictionary<ILocalSymbol,
            (CategorySet WhenTrue, CategorySet WhenFalse)>.Empty.WithComparers(SymbolEqualityComparer.Default);
        foreach (var pair in state.Variables)
        {
            if (pair.Key is ILocalSymbol local)
            {
                locals = locals.SetItem(local, pair.Value);
            }
        }

        return locals.IsEmpty ? LocalFacts.Empty : new LocalFacts(locals);
    }

    /// <summary>The categories granted where <paramref name="node"/> executes; empty if the analysis never reaches it.</summary>
    public CategorySet GrantedAt(SyntaxNode node)
    {
        _blockOfSyntax ??= MapSyntaxToBlocks();
        for (var current = node; current is not null; current = current.Parent)
        {
            if (_blockOfSyntax.TryGetValue(current, out var block))
            {
                return _entries.TryGetValue(block.Ordinal, out var state) ? state.Granted : CategorySet.Empty;
            }
        }

        return CategorySet.Empty;
    }

    /// <summary>The operations of this graph that satisfy <paramref name="predicate"/> (lambdas, calls of a local function).</summary>
    public IEnumerable<IOperation> OperationsIn(Func<IOperation, bool> predicate)
    {
        foreach (var block in _graph.Blocks)
        {
            foreach (var root in Roots(block))
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (predicate(operation))
                    {
                        yield return operation;
                    }
                }
            }
        }
    }

    private void Run(State initial, CancellationToken cancellationToken)
    {
        var blocks = _graph.Blocks;
        _entries[blocks[0].Ordinal] = initial;
        var changed = true;
        for (var pass = 0; changed && pass < blocks.Length + 10; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            changed = false;
            foreach (var block in blocks)
            {
                if (!_entries.TryGetValue(block.Ordinal, out var entry))
                {
                    if (HandlerSeed(block) is not { } seed)
                    {
                        continue;
                    }

                    _entries[block.Ordinal] = entry = seed;
                    changed = true;
                }

                var state = Transfer(block, entry);
                changed |= Flow(block.ConditionalSuccessor, Branch(block, state, block.ConditionKind == ControlFlowConditionKind.WhenTrue));
                changed |= Flow(block.FallThroughSuccessor,
                    block.ConditionKind == ControlFlowConditionKind.None
                        ? state
                        : Branch(block, state, block.ConditionKind != ControlFlowConditionKind.WhenTrue));
            }
        }
    }

    /// <summary>
    /// A catch or finally block has no ordinary predecessor: it can start from any point of its try block, so it
    /// knows what holds on entry to every block of that try.
    /// </summary>
    private State? HandlerSeed(BasicBlock block)
    {
        var region = block.EnclosingRegion;
        if (region.FirstBlockOrdinal != block.Ordinal
            || region.Kind
                is not (ControlFlowRegionKind.Catch or ControlFlowRegionKind.Finally or ControlFlowRegionKind.FilterAndHandler
                    or ControlFlowRegionKind.Filter))
        {
            return null;
        }

        var tryRegion = region.EnclosingRegion?.NestedRegions.Length > 0 ? region.EnclosingRegion.NestedRegions[0] : null;
        if (tryRegion is null || tryRegion.Kind != ControlFlowRegionKind.Try)
        {
            return null;
        }

        State? seed = null;
        for (var ordinal = tryRegion.FirstBlockOrdinal; ordinal <= tryRegion.LastBlockOrdinal; ordinal++)
        {
            if (_entries.TryGetValue(ordinal, out var entry))
            {
                seed = seed is null ? entry : seed.Join(entry);
            }
        }

        return seed;
    }

    private bool Flow(ControlFlowBranch? branch, State state)
    {
        if (branch?.Destination is not { } destination)
        {
            return false;
        }

        if (!_entries.TryGetValue(destination.Ordinal, out var existing))
        {
            _entries[destination.Ordinal] = state;
            return true;
        }

        var joined = existing.Join(state);
        if (joined.SameAs(existing))
        {
            return false;
        }

        _entries[destination.Ordinal] = joined;
        return true;
    }

    private State Branch(BasicBlock block, State state, bool conditionValue) =>
        block.BranchValue is null
            ? state
            : state with { Granted = state.Granted.Union(
                _guards.Implied(block.BranchValue, conditionValue, (variable, value) => Lookup(state, variable, value))) };

    /// <summary>Records what boolean variables (locals, flow captures) hold as the block assigns them.</summary>
    private State Transfer(BasicBlock block, State state)
    {
        foreach (var operation in block.Operations)
        {
            state = TransferOne(operation, state);
        }

        return state;
    }

    private State TransferOne(IOperation operation, State state)
    {
        state = ForgetOtherWrites(operation, state);
        var current = state;
        switch (operation)
        {
            case IFlowCaptureOperation capture:
                return Remember(state, capture.Id, capture.Value, current);
            case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment }:
                return Remember(state, local.Local, assignment.Value, current);
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                return Remember(state, local.Local, assignment.Value, current);
            default:
                return state;
        }
    }

    /// <summary>
    /// A local written any other way than by a plain assignment (<c>ok |= x</c>, <c>ok++</c>, <c>out ok</c>,
    /// <c>ref ok</c>, a deconstruction) no longer holds a known check.
    /// </summary>
    private static State ForgetOtherWrites(IOperation operation, State state)
    {
        if (state.Variables.IsEmpty)
        {
            return state;
        }

        foreach (var reference in operation.DescendantsAndSelf())
        {
            if (reference is ILocalReferenceOperation local && state.Variables.ContainsKey(local.Local) && IsOtherWrite(local))
            {
                state = state with { Variables = state.Variables.Remove(local.Local) };
            }
        }

        return state;
    }

    private static bool IsOtherWrite(ILocalReferenceOperation local) => local.Parent switch
    {
        ICompoundAssignmentOperation compound => ReferenceEquals(compound.Target, local),
        IIncrementOrDecrementOperation increment => ReferenceEquals(increment.Target, local),
        IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref,
        ITupleOperation { Parent: IDeconstructionAssignmentOperation } => true,
        IDeclarationExpressionOperation => true,
        _ => false,
    };

    private State Remember(State state, object variable, IOperation value, State current)
    {
        // Only a boolean (or an awaitable of one, awaited later) can hold a consent check; asking the guard recognizer
        // about every other local and flow capture of the graph (receivers, strings, lists) costs symbol lookups
        // for nothing.
        if (!CanHoldCheck(value.WithoutConversions().Type))
        {
            return state.Variables.ContainsKey(variable) ? state with { Variables = state.Variables.Remove(variable) } : state;
        }

        var whenTrue = _guards.Implied(value, true, (v, b) => Lookup(current, v, b));
        var whenFalse = _guards.Implied(value, false, (v, b) => Lookup(current, v, b));
        var variables = whenTrue.IsEmpty && whenFalse.IsEmpty
            ? state.Variables.Remove(variable)
            : state.Variables.SetItem(variable, (whenTrue, whenFalse));
        return state with { Variables = variables };
    }

    /// <summary>bool, bool?, Task&lt;bool&gt;, ValueTask&lt;bool&gt; and the like; an untyped value (the null literal) too.</summary>
    internal static bool CanHoldCheck(ITypeSymbol? type) =>
        type is null
        || type.SpecialType == SpecialType.System_Boolean
        || type is INamedTypeSymbol { IsGenericType: true, TypeArguments: { Length: 1 } arguments }
            && arguments[0].SpecialType == SpecialType.System_Boolean;

    private static CategorySet? Lookup(State state, IOperation variable, bool value)
    {
        object? key = variable switch
        {
            ILocalReferenceOperation local => local.Local,
            IFlowCaptureReferenceOperation capture => capture.Id,
            _ => null,
        };
        return key is not null && state.Variables.TryGetValue(key, out var implied) ? (value ? implied.WhenTrue : implied.WhenFalse) : null;
    }

    private Dictionary<SyntaxNode, BasicBlock> MapSyntaxToBlocks()
    {
        var map = new Dictionary<SyntaxNode, BasicBlock>();
        foreach (var block in _graph.Blocks)
        {
            foreach (var root in Roots(block))
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (!map.ContainsKey(operation.Syntax))
                    {
                        map.Add(operation.Syntax, block);
                    }
                }
            }
        }

        return map;
    }

    private static IEnumerable<IOperation> Roots(BasicBlock block)
    {
        foreach (var operation in block.Operations)
        {
            yield return operation;
        }

        if (block.BranchValue is not null)
        {
            yield return block.BranchValue;
        }
    }
}

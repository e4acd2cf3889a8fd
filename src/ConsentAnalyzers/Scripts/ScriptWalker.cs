using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Acornima;
using Acornima.Ast;
using ConsentAnalyzers.Guards;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Trackers;

namespace ConsentAnalyzers.Scripts;

/// <summary>
/// Walks a parsed script for the places the manifest has a say in (<see cref="ScriptSite"/>) and what is granted
/// at each, with the flow shapes the C# analysis follows:
/// <list type="bullet">
/// <item><c>if</c>/<c>else</c>, an early <c>return</c>/<c>throw</c>/<c>break</c>/<c>continue</c>, <c>&amp;&amp;</c>,
/// <c>||</c>, <c>!</c> and ternaries around a check (<see cref="ScriptGuards"/>);</item>
/// <item>a function declared once and used only by calls in the file runs with what every call grants (so a helper
/// called only under a check is checked); one that escapes (exported, passed as a handler, stored) with nothing;</item>
/// <item>a function passed to a call runs where it is passed (<c>forEach</c>, <c>.then</c>, an immediately invoked
/// function), except for the browser's deferring APIs (event listeners, timers, observers), which run it later: there
/// only a check inside it counts; a callback guard (<c>consent.whenGranted('analytics', …)</c>) grants its category
/// to the function it runs.</item>
/// </list>
/// </summary>
internal sealed partial class ScriptWalker
{
    /// <summary>
    /// Calls that run their function argument later, when a check around the call may no longer hold: the browser's
    /// listeners and timers, and jQuery's <c>on</c>/<c>one</c> and shorthand event methods (<c>.click(fn)</c>).
    /// </summary>
    private static readonly HashSet<string> DeferringMembers = new(StringComparer.Ordinal)
    {
        "addEventListener", "setTimeout", "setInterval", "requestAnimationFrame", "requestIdleCallback", "on", "one",
        "click", "dblclick", "submit", "change", "keydown", "keyup", "keypress", "focus", "blur", "focusin", "focusout",
        "mousedown", "mouseup", "mouseenter", "mouseleave", "mouseover", "mouseout", "hover", "scroll", "resize", "contextmenu",
    };

    /// <summary>Constructors whose function argument runs later, on events.</summary>
    private static readonly HashSet<string> DeferringConstructors = new(StringComparer.Ordinal)
    {
        "MutationObserver", "IntersectionObserver", "ResizeObserver", "PerformanceObserver", "Worker",
    };

    /// <summary>Constructors whose URL argument the browser requests (a fetch request, an event stream, a socket, a worker's script).</summary>
    private static readonly HashSet<string> RequestingConstructors = new(StringComparer.Ordinal)
    {
        "Request", "EventSource", "WebSocket", "Worker", "SharedWorker",
    };

    private const int MaxFixpointRounds = 6;

    private readonly ScriptBindings _bindings;
    private readonly ScriptGuards _guards;
    private readonly TrackerIndex _trackers;
    private readonly string _text;
    private readonly CancellationToken _cancellationToken;
    private readonly List<ScriptSite> _sites = new();

    /// <summary>What each function called in the file was walked with this round, and what its calls granted.</summary>
    private readonly Dictionary<IFunction, GrantedSets> _walkedWith = new(), _calledWith = new();

    /// <summary>What the calls granted in the round before; null in the first round, which assumes everything.</summary>
    private Dictionary<IFunction, GrantedSets>? _previousCalls;
    private bool _assumeNothing;
    private int _definingTracker;

    /// <summary>The function being walked (its start), or top level: where a Google tag step runs, for CG0207's order.</summary>
    private int _scope = ScriptGoogleTagStep.TopLevel;

    /// <summary>The awaits and yields walked so far in <see cref="_scope"/>: the step's <see cref="ScriptGoogleTagStep.Stretch"/>.</summary>
    private int _pauses;

    private ScriptWalker(Program program, string text, ScriptGuards guards, TrackerIndex trackers, CancellationToken cancellationToken)
    {
        _bindings = ScriptBindings.Of(program);
        _text = text;
        _guards = guards;
        _trackers = trackers;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The sites of <paramref name="program"/>. The entry of each function called in the file starts optimistic (all
    /// granted) and is narrowed to what its calls grant until nothing changes: the greatest fixed point, as for any
    /// "must hold on every path" analysis; a walk that does not settle in a few rounds takes nothing as granted.
    /// </summary>
    public static List<ScriptSite> Sites(Program program, string text, ScriptGuards guards, TrackerIndex trackers,
        CancellationToken cancellationToken)
    {
        var walker = new ScriptWalker(program, text, guards, trackers, cancellationToken);
        for (var round = 0; ; round++)
        {
            walker.WalkOnce(program);
            if (walker.Settled())
            {
                return walker.MergedSites();
            }

            if (round == MaxFixpointRounds)
            {
                walker._assumeNothing = true;
                walker.WalkOnce(program);
                return walker.MergedSites();
            }

            walker._previousCalls = new Dictionary<IFunction, GrantedSets>(walker._calledWith);
        }
    }

    private void WalkOnce(Program program)
    {
        _sites.Clear();
        _pauses = 0;
        _walkedWith.Clear();
        _calledWith.Clear();
        WalkStatements(program.Body, CategorySet.Empty);
    }

    /// <summary>A site of a function walked once per way into it, once, with what each way grants.</summary>
    private List<ScriptSite> MergedSites()
    {
        var merged = new List<ScriptSite>();
        var index = new Dictionary<ScriptSite, int>();
        foreach (var site in _sites)
        {
            var key = site with { Granted = GrantedSets.None };
            if (index.TryGetValue(key, out var at))
            {
                merged[at] = merged[at] with { Granted = merged[at].Granted.Union(site.Granted) };
            }
            else
            {
                index.Add(key, merged.Count);
                merged.Add(site);
            }
        }

        return merged;
    }

    /// <summary>Whether every function was walked with what its calls grant.</summary>
    private bool Settled()
    {
        foreach (var pair in _walkedWith)
        {
            if (!pair.Value.Equals(_calledWith.TryGetValue(pair.Key, out var called) ? called : GrantedSets.None))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What a function bound to <paramref name="name"/> is walked with this round.</summary>
    private GrantedSets EntryOf(IFunction function, string name)
    {
        if (_assumeNothing || _bindings.Escapes(name))
        {
            return GrantedSets.None;
        }

        if (_previousCalls is null)
        {
            return GrantedSets.Of(CategorySet.All);
        }

        return _previousCalls.TryGetValue(function, out var called) ? called : GrantedSets.None;
    }

    private CategorySet WalkStatements(in NodeList<Statement> statements, CategorySet granted)
    {
        foreach (var statement in statements)
        {
            granted = WalkStatement(statement, granted);
        }

        return granted;
    }

    /// <summary>Walks a statement; returns what is granted after it (more than before after <c>if (!check) return;</c>).</summary>
    private CategorySet WalkStatement(Statement statement, CategorySet granted)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        _cancellationToken.ThrowIfCancellationRequested();
        switch (statement)
        {
            case IfStatement branch:
                return WalkIf(branch, granted);
            case BlockStatement block:
                return WalkStatements(block.Body, granted);
            case ExpressionStatement expression:
                WalkExpression(expression.Expression, granted);
                return AwaitedGuard(expression.Expression) is { } category ? granted.Union(CategorySet.Of(category)) : granted;
            case ImportDeclaration import:
                AddUrl(import.Source, granted, loadsLater: false); // import … from 'https://…' runs before the module
                return granted;
            case ForOfStatement { Await: true }:
                _pauses++; // for await (…): each round may pause, the first included
                WalkChildren(statement, granted);
                return granted;
            case FunctionDeclaration { Id: { } name } function:
                WalkNamedFunction(function, name.Name);
                return granted;
            case VariableDeclaration declaration:
                WalkDeclaration(declaration, granted);
                return granted;
            default:
                WalkChildren(statement, granted);
                return granted;
        }
    }

    private CategorySet WalkIf(IfStatement branch, CategorySet granted)
    {
        WalkExpression(branch.Test, granted);
        var whenTrue = granted.Union(_guards.Implied(branch.Test, true, _bindings));
        var whenFalse = granted.Union(_guards.Implied(branch.Test, false, _bindings));
        WalkStatement(branch.Consequent, whenTrue);
        if (branch.Alternate is { } alternate)
        {
            WalkStatement(alternate, whenFalse);
        }

        var consequentExits = Exits(branch.Consequent);
        var alternateExits = branch.Alternate is not null && Exits(branch.Alternate);
        return consequentExits == alternateExits ? granted : consequentExits ? whenFalse : whenTrue;
    }

    /// <summary>Whether control never reaches the statement after this one.</summary>
    private static bool Exits(Statement statement) => statement switch
    {
        ReturnStatement or ThrowStatement or BreakStatement or ContinueStatement => true,
        BlockStatement block => block.Body.Count > 0 && Exits(block.Body[block.Body.Count - 1]),
        IfStatement { Alternate: { } alternate } branch => Exits(branch.Consequent) && Exits(alternate),
        _ => false,
    };

    private void WalkExpression(Node? expression, CategorySet granted)
    {
        if (expression is null)
        {
            return;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (expression)
        {
            case LogicalExpression { Operator: Operator.LogicalAnd } and:
                WalkExpression(and.Left, granted);
                WalkExpression(and.Right, granted.Union(_guards.Implied(and.Left, true, _bindings)));
                break;
            case LogicalExpression { Operator: Operator.LogicalOr } or:
                WalkExpression(or.Left, granted);
                WalkExpression(or.Right, granted.Union(_guards.Implied(or.Left, false, _bindings)));
                break;
            case ConditionalExpression conditional:
                WalkExpression(conditional.Test, granted);
                WalkExpression(conditional.Consequent, granted.Union(_guards.Implied(conditional.Test, true, _bindings)));
                WalkExpression(conditional.Alternate, granted.Union(_guards.Implied(conditional.Test, false, _bindings)));
                break;
            case CallExpression call:
                WalkCall(call, granted);
                break;
            case NewExpression creation:
                WalkExpression(creation.Callee, granted);
                var type = ScriptPaths.Of(creation.Callee);
                if (type is not null && RequestingConstructors.Contains(type) && creation.Arguments.Count > 0)
                {
                    AddUrl(creation.Arguments[0], granted);
                }

                var deferred = type is not null && DeferringConstructors.Contains(type);
                WalkArguments(creation.Arguments, deferred ? CategorySet.Empty : granted, callbackCategory: null);
                break;
            case AssignmentExpression assignment:
                WalkAssignment(assignment, granted);
                break;
            case IFunction function:
                // A function that is neither called here nor named once in the file (an object's method, a value
                // returned or stored): its callers are not known, nothing is granted on entry.
                WalkFunction(function, CategorySet.Empty);
                break;
            case ImportExpression import:
                AddUrl(import.Source, granted);
                WalkExpression(import.Source, granted);
                break;
            case AwaitExpression or YieldExpression:
                WalkChildren(expression, granted);
                _pauses++;
                break;
            default:
                WalkChildren(expression, granted);
                break;
        }
    }

    private void WalkChildren(Node node, CategorySet granted)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is Statement statement)
            {
                WalkStatement(statement, granted);
            }
            else
            {
                WalkExpression(child, granted);
            }
        }
    }

    private void WalkDeclaration(VariableDeclaration declaration, CategorySet granted)
    {
        foreach (var declarator in declaration.Declarations)
        {
            if (declarator.Init is IFunction function && declarator.Id is Identifier name && _bindings.FunctionOf(name) == function)
            {
                WalkNamedFunction(function, name.Name);
            }
            else
            {
                WalkExpression(declarator.Init, granted);
            }
        }
    }

    /// <summary>
    /// A function bound to a name once: it runs with what its calls grant (nothing if it escapes or is never called).
    /// The body of a function named like a tracker's API (gtag's <c>function gtag(){dataLayer.push(arguments);}</c>)
    /// defines the tracker: calls in it are not uses; the calls of the function are.
    /// </summary>
    private void WalkNamedFunction(IFunction function, string name)
    {
        var entry = EntryOf(function, name);
        if (!_bindings.Escapes(name))
        {
            _walkedWith[function] = entry;
        }

        var definesTracker = IsTrackerApi(name);
        _definingTracker += definesTracker ? 1 : 0;
        foreach (var granted in entry.Sets)
        {
            WalkFunction(function, granted);
        }

        _definingTracker -= definesTracker ? 1 : 0;
    }

    private void WalkFunction(IFunction function, CategorySet entry)
    {
        var (outer, outerPauses) = (_scope, _pauses);
        (_scope, _pauses) = (((Node)function).Start, 0);
        WalkFunctionBody(function, entry);
        (_scope, _pauses) = (outer, outerPauses);
    }

    private void WalkFunctionBody(IFunction function, CategorySet entry)
    {
        foreach (var parameter in function.Params)
        {
            WalkExpression(parameter, entry);
        }

        if (function.Body is BlockStatement body)
        {
            WalkStatements(body.Body, entry);
        }
        else
        {
            WalkExpression(function.Body, entry);
        }
    }

    private void WalkCall(CallExpression call, CategorySet granted)
    {
        if (ScriptPaths.Of(call.Callee) is { } path)
        {
            FindInCall(call, path, granted);
        }

        if (call.Callee is Identifier callee && _bindings.FunctionOf(callee) is { } function)
        {
            _calledWith[function] = _calledWith.TryGetValue(function, out var before) ? before.With(granted) : GrantedSets.Of(granted);
        }

        if (call.Callee is IFunction { Async: false, Generator: false } immediatelyInvoked)
        {
            // (function () { … })(): it runs where it is called, to its end, so its steps keep the caller's place in the
            // order (CG0207); one that may pause (async, a generator) is a scope of its own, like any function.
            WalkFunctionBody(immediatelyInvoked, granted);
        }
        else if (call.Callee is IFunction pausingFunction)
        {
            WalkFunction(pausingFunction, granted);
        }
        else
        {
            WalkExpression(call.Callee, granted);
        }

        var member = call.Callee switch
        {
            MemberExpression memberCallee => ScriptPaths.MemberName(memberCallee),
            Identifier functionCallee => functionCallee.Name,
            _ => null,
        };
        var deferred = member is not null && DeferringMembers.Contains(member);
        WalkArguments(call.Arguments, deferred ? CategorySet.Empty : granted, _guards.CallbackCategory(call, _bindings) ?? GuardedPromise(call));
    }

    /// <summary>
    /// <c>await consent.whenGranted('analytics');</c>: a callback guard called without a function returns a promise that
    /// settles once consent is given, so the statements after the await run with the category.
    /// </summary>
    private string? AwaitedGuard(Expression statement) =>
        statement is AwaitExpression { Argument: CallExpression call } && !HasFunctionArgument(call)
            ? _guards.CallbackCategory(call, _bindings)
            : null;

    private static bool HasFunctionArgument(CallExpression call)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument is IFunction)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>consent.whenGranted('analytics').then(() =&gt; …)</c>: the promise of a callback guard called without a
    /// function settles once consent is given, so its <c>.then</c> callback runs with the category.
    /// </summary>
    private string? GuardedPromise(CallExpression call) =>
        call.Callee is MemberExpression { Object: CallExpression promise } then && ScriptPaths.MemberName(then) == "then"
            && !HasFunctionArgument(promise)
                ? _guards.CallbackCategory(promise, _bindings)
                : null;

    private void WalkArguments(in NodeList<Expression> arguments, CategorySet granted, string? callbackCategory)
    {
        foreach (var argument in arguments)
        {
            if (argument is IFunction callback)
            {
                WalkFunction(callback, callbackCategory is null ? granted : granted.Union(CategorySet.Of(callbackCategory)));
            }
            else
            {
                WalkExpression(argument, granted);
            }
        }
    }

    private void WalkAssignment(AssignmentExpression assignment, CategorySet granted)
    {
        if (assignment.Left is MemberExpression target)
        {
            var path = ScriptPaths.Of(target);
            if (path == "document.cookie")
            {
                var cookie = ScriptValues.Evaluate(assignment.Right, _bindings);
                var name = CookieName(cookie);
                AddCookieWrite(assignment.Right, name, granted);
                AddMaxAge(assignment.Right, cookie, name, granted);
            }
            else if (StorageArea(target.Object) is { } area)
            {
                var key = target.Computed ? ScriptValues.Evaluate(target.Property, _bindings) : ResolvedName.Exact(ScriptPaths.MemberName(target)!);
                AddWrite(target.Property, area, key, granted);
            }
            else if (ScriptPaths.MemberName(target) == "src")
            {
                AddUrl(assignment.Right, granted);
            }

            if (assignment.Right is IFunction definition)
            {
                // A function stored in a property (a handler, a global API): called from elsewhere, later.
                var definesTracker = path is not null && IsTrackerApi(path);
                _definingTracker += definesTracker ? 1 : 0;
                WalkExpression(assignment.Left, granted);
                WalkFunction(definition, CategorySet.Empty);
                _definingTracker -= definesTracker ? 1 : 0;
                return;
            }
        }

        WalkExpression(assignment.Left, granted);
        WalkExpression(assignment.Right, granted);
    }
}

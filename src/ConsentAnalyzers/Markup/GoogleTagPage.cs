using System;
using System.Collections.Generic;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Scripts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Markup;

/// <summary>
/// The Google tag steps of one member's markup, collected run by run (Razor splits a page's markup at every C#
/// expression) and checked once the member is analyzed: each body (the page's, or a section's or a template's lambda,
/// which runs elsewhere) is one document for CG0206 and CG0207, its steps in the order the .cshtml/.razor file writes them.
/// </summary>
internal sealed class GoogleTagPage
{
    private readonly object _gate = new();
    private readonly Dictionary<IOperation, List<(ScriptGoogleTagStep Step, Location Location)>> _bodies = new();
    private readonly Dictionary<(object Run, int Start), int> _scopes = new();
    private readonly Dictionary<(object Run, int Script, int Scope, int Stretch), int> _stretches = new();

    /// <summary>
    /// Adds a step of the markup run <paramref name="run"/> written by <paramref name="writer"/>; a function's scope
    /// (<see cref="ScriptGoogleTagStep.Scope"/> at or above 0) is the offset of its start in the run's text.
    /// <paramref name="script"/>: the start of the script element whose code the step is in, if it was read as code.
    /// </summary>
    public void Add(IOperation writer, object run, ScriptGoogleTagStep step, Location location, int? script = null)
    {
        var body = BodyOf(writer);
        lock (_gate)
        {
            // A stretch is one script element's (the page's next element may run before a script the previous one
            // inserted); steps the scanner finds outside read code keep stretch 0, which no read code has.
            if (script is { } element)
            {
                var key = (run, element, step.Scope, step.Stretch);
                if (!_stretches.TryGetValue(key, out var stretch))
                {
                    stretch = _stretches.Count + 1;
                    _stretches.Add(key, stretch);
                }

                step = step with { Stretch = stretch };
            }

            if (step.Scope >= 0)
            {
                var key = (run, step.Scope);
                if (!_scopes.TryGetValue(key, out var scope))
                {
                    scope = _scopes.Count;
                    _scopes.Add(key, scope);
                }

                step = step with { Scope = scope };
            }

            if (!_bodies.TryGetValue(body, out var steps))
            {
                _bodies.Add(body, steps = new());
            }

            steps.Add((step, location));
        }
    }

    public void Check(Action<Diagnostic> report, bool consentModeMapped)
    {
        lock (_gate)
        {
            foreach (var steps in _bodies.Values)
            {
                steps.Sort((left, right) => Compare(left.Location, right.Location));
                GoogleTagCheck.Check(report, consentModeMapped, steps);
            }
        }
    }

    /// <summary>The order of two places in the .cshtml/.razor file.</summary>
    private static int Compare(Location left, Location right)
    {
        var (a, b) = (left.GetMappedLineSpan().StartLinePosition, right.GetMappedLineSpan().StartLinePosition);
        return a.CompareTo(b);
    }

    /// <summary>
    /// The lambda or local function the markup is written in, or the member's own body. A tag helper's content (the
    /// <c>&lt;head&gt;</c> and <c>&lt;body&gt;</c> of every MVC layout are tag helpers) is a lambda too, but it is rendered in
    /// place, in document order: it belongs to the body around it.
    /// </summary>
    private static IOperation BodyOf(IOperation writer)
    {
        var operation = writer;
        while (operation.Parent is { } parent)
        {
            if (parent is ILocalFunctionOperation || (parent is IAnonymousFunctionOperation lambda && !ConsentGuardCheck.IsTagHelperContent(lambda)))
            {
                return parent;
            }

            operation = parent;
        }

        return operation;
    }
}

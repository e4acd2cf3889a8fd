using System.Collections.Generic;
using Acornima.Ast;

namespace ConsentAnalyzers.Scripts;

/// <summary>
/// What a name in one script stands for, where that is certain without running it: a variable declared once in the
/// file (any scope), with an initializer and never assigned again, stands for its initializer; a function declared
/// once (<c>function f(){}</c>, <c>const f = () =&gt; …</c>) is that function, and it escapes when the file uses it
/// other than by calling it (as a handler, a property, an export), so that its callers cannot all be seen. A name
/// declared twice, assigned or destructured stands for nothing. Scopes are not told apart: a second declaration of
/// the name anywhere (a parameter too) makes it unknown, which can only leave a name unresolved, never resolve it wrongly.
/// </summary>
internal sealed class ScriptBindings
{
    private readonly Dictionary<string, int> _declarations = new();
    private readonly Dictionary<string, Node?> _initializers = new();
    private readonly HashSet<string> _assigned = new();
    private readonly HashSet<string> _escaping = new();
    private readonly HashSet<string> _mutated = new();
    private readonly HashSet<Node> _notReferences = new();

    private ScriptBindings()
    {
    }

    public static ScriptBindings Of(Program program)
    {
        var bindings = new ScriptBindings();
        bindings.Collect(program);
        return bindings;
    }

    /// <summary>The expression a name stands for, or null.</summary>
    public Node? ValueOf(string name) =>
        _declarations.TryGetValue(name, out var count) && count == 1 && !_assigned.Contains(name) && _initializers.TryGetValue(name, out var value)
            ? value
            : null;

    /// <summary>The object literal a name stands for, when no property of it is ever assigned; or null.</summary>
    public ObjectExpression? ObjectOf(string name) => _mutated.Contains(name) ? null : ValueOf(name) as ObjectExpression;

    /// <summary>The function a name stands for, or null.</summary>
    public IFunction? FunctionOf(string name) => ValueOf(name) as IFunction;

    /// <summary>Whether a function's callers may not all be calls in this file.</summary>
    public bool Escapes(string name) => _escaping.Contains(name);

    private void Collect(Program program)
    {
        var pending = new Stack<Node>();
        pending.Push(program);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            Visit(node);
            foreach (var child in node.ChildNodes)
            {
                pending.Push(child);
            }
        }
    }

    private void Visit(Node node)
    {
        switch (node)
        {
            case VariableDeclarator { Id: Identifier id } declarator:
                Declare(id, declarator.Init);
                break;
            case VariableDeclarator declarator:
                DeclarePattern(declarator.Id);
                break;
            case IFunction function:
                if (function is FunctionDeclaration { Id: { } declared })
                {
                    Declare(declared, (Node)function);
                }
                else if (function.Id is { } ownName)
                {
                    _notReferences.Add(ownName); // a function expression's own name is local to it
                }

                foreach (var parameter in function.Params)
                {
                    DeclarePattern(parameter);
                }

                break;
            case ClassDeclaration { Id: { } id }:
                Declare(id, null);
                break;
            case CatchClause { Param: { } parameter }:
                DeclarePattern(parameter);
                break;
            case AssignmentExpression { Left: Identifier target }:
                _assigned.Add(target.Name);
                _notReferences.Add(target);
                break;
            case AssignmentExpression { Left: MemberExpression { Object: Identifier owner } }:
                _mutated.Add(owner.Name);
                break;
            case AssignmentExpression { Left: not MemberExpression } assignment:
                AssignPattern(assignment.Left);
                break;
            case UpdateExpression { Argument: Identifier target }:
                _assigned.Add(target.Name);
                break;
            case ForInStatement { Left: Identifier target }:
                _assigned.Add(target.Name);
                break;
            case ForOfStatement { Left: Identifier target }:
                _assigned.Add(target.Name);
                break;
            case CallExpression { Callee: Identifier callee }:
                _notReferences.Add(callee);
                break;
            case MemberExpression { Computed: false } member:
                _notReferences.Add(member.Property);
                break;
            case Property { Computed: false, Shorthand: false } property:
                _notReferences.Add(property.Key);
                break;
            case MethodDefinition { Computed: false } method:
                _notReferences.Add(method.Key);
                break;
            case ExportNamedDeclaration { Declaration: FunctionDeclaration { Id: { } id } }:
                _escaping.Add(id.Name);
                break;
            case ExportNamedDeclaration { Declaration: VariableDeclaration exported }:
                foreach (var declarator in exported.Declarations)
                {
                    if (declarator.Id is Identifier exportedName)
                    {
                        _escaping.Add(exportedName.Name);
                    }
                }

                break;
            case ExportDefaultDeclaration { Declaration: FunctionDeclaration { Id: { } id } }:
                _escaping.Add(id.Name);
                break;
            case Identifier identifier when !_notReferences.Contains(identifier):
                // Any other use of a function's name (a handler, a property value, an export specifier) passes the
                // function on: it may be called from anywhere. Parents are visited first, so _notReferences is complete.
                _escaping.Add(identifier.Name);
                break;
        }
    }

    private void Declare(Identifier id, Node? initializer)
    {
        _notReferences.Add(id);
        _declarations[id.Name] = _declarations.TryGetValue(id.Name, out var count) ? count + 1 : 1;
        _initializers[id.Name] = initializer;
    }

    /// <summary>A parameter or destructuring target: a name whose value is not known.</summary>
    private void DeclarePattern(Node pattern)
    {
        foreach (var name in NamesIn(pattern))
        {
            Declare(name, null);
            _declarations[name.Name] = 2;
        }
    }

    private void AssignPattern(Node pattern)
    {
        foreach (var name in NamesIn(pattern))
        {
            _notReferences.Add(name);
            _assigned.Add(name.Name);
        }
    }

    private static IEnumerable<Identifier> NamesIn(Node pattern)
    {
        var pending = new Stack<Node>();
        pending.Push(pattern);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            switch (node)
            {
                case Identifier identifier:
                    yield return identifier;
                    break;
                case AssignmentPattern assignment:
                    pending.Push(assignment.Left); // the default value is an expression, not a target
                    break;
                case Property property:
                    pending.Push(property.Value);
                    break;
                default:
                    foreach (var child in node.ChildNodes)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }
    }
}

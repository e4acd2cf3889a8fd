using System.Collections.Generic;
using Acornima.Ast;

namespace ConsentAnalyzers.Scripts;

/// <summary>
/// What a name in one script stands for, where that is certain without running it. A declaration holds in its scope
/// (the block of a <c>let</c>, <c>const</c>, class or function declaration, the function of a <c>var</c> or a
/// parameter), and a name read there stands for the innermost declaration around it: a variable with an initializer
/// stands for the initializer; a function (<c>function f(){}</c>, <c>const f = () =&gt; …</c>) is that function, and it
/// escapes when the file uses its name other than by calling it (as a handler, a property, an export), so that its
/// callers cannot all be seen. A name declared twice in the same scope, a parameter, a destructured name, and any name
/// the file assigns anywhere stand for nothing: that can only leave a name unresolved, never resolve it wrongly.
/// </summary>
internal sealed class ScriptBindings
{
    /// <summary>A declaration of a name: where it holds, and what it stands for when that is known.</summary>
    private sealed record Declaration(Node Scope, Node? Value, bool Known);

    private readonly Dictionary<string, List<Declaration>> _declarations = new();
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

    /// <summary>The expression the name read at <paramref name="reference"/> stands for, or null.</summary>
    public Node? ValueOf(Identifier reference)
    {
        if (_assigned.Contains(reference.Name) || !_declarations.TryGetValue(reference.Name, out var declarations))
        {
            return null;
        }

        // Scopes are syntax nodes, so two that hold the reference are nested: the innermost declaration wins, and two
        // declarations in that one scope leave the name unknown.
        Declaration? innermost = null;
        var twice = false;
        foreach (var declaration in declarations)
        {
            var scope = declaration.Scope;
            if (reference.Start < scope.Start || reference.End > scope.End)
            {
                continue;
            }

            if (innermost is null || (scope != innermost.Scope && scope.Start >= innermost.Scope.Start && scope.End <= innermost.Scope.End))
            {
                (innermost, twice) = (declaration, false);
            }
            else if (scope == innermost.Scope)
            {
                twice = true;
            }
        }

        return innermost is { Known: true } && !twice ? innermost.Value : null;
    }

    /// <summary>The object literal a name stands for, when no property of it is ever assigned; or null.</summary>
    public ObjectExpression? ObjectOf(Identifier reference) => _mutated.Contains(reference.Name) ? null : ValueOf(reference) as ObjectExpression;

    /// <summary>The function a name stands for, or null.</summary>
    public IFunction? FunctionOf(Identifier reference) => ValueOf(reference) as IFunction;

    /// <summary>Whether a function's callers may not all be calls in this file.</summary>
    public bool Escapes(string name) => _escaping.Contains(name);

    /// <summary>A node, with the innermost block (or function) and function around it: where its declarations hold.</summary>
    private readonly record struct Scoped(Node Node, Node Block, Node Function);

    private void Collect(Program program)
    {
        var pending = new Stack<Scoped>();
        pending.Push(new Scoped(program, program, program));
        while (pending.Count > 0)
        {
            var (node, block, function) = pending.Pop();
            Visit(node, block, function);
            var inner = node switch
            {
                IFunction => new Scoped(node, node, node),
                BlockStatement or ForStatement or ForInStatement or ForOfStatement or SwitchStatement or CatchClause =>
                    new Scoped(node, node, function),
                _ => new Scoped(node, block, function),
            };
            foreach (var child in node.ChildNodes)
            {
                pending.Push(inner with { Node = child });
            }
        }
    }

    private void Visit(Node node, Node block, Node function)
    {
        switch (node)
        {
            case VariableDeclaration declaration:
                var scope = declaration.Kind == VariableDeclarationKind.Var ? function : block;
                foreach (var declarator in declaration.Declarations)
                {
                    if (declarator.Id is Identifier id)
                    {
                        Declare(id, declarator.Init, scope);
                    }
                    else
                    {
                        DeclarePattern(declarator.Id, scope);
                    }
                }

                break;
            case IFunction declared:
                if (declared is FunctionDeclaration { Id: { } name })
                {
                    Declare(name, node, block);
                }
                else if (declared.Id is { } ownName)
                {
                    _notReferences.Add(ownName); // a function expression's own name is local to it
                }

                foreach (var parameter in declared.Params)
                {
                    DeclarePattern(parameter, node);
                }

                break;
            case ClassDeclaration { Id: { } id }:
                Declare(id, null, block);
                break;
            case CatchClause { Param: { } parameter }:
                DeclarePattern(parameter, node);
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

    private void Declare(Identifier id, Node? initializer, Node scope, bool known = true)
    {
        _notReferences.Add(id);
        if (!_declarations.TryGetValue(id.Name, out var declarations))
        {
            _declarations[id.Name] = declarations = new List<Declaration>();
        }

        declarations.Add(new Declaration(scope, initializer, known));
    }

    /// <summary>A parameter or destructuring target: a name whose value is not known.</summary>
    private void DeclarePattern(Node pattern, Node scope)
    {
        foreach (var name in NamesIn(pattern))
        {
            Declare(name, null, scope, known: false);
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

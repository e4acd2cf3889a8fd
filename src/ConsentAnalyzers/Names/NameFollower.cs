using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using ConsentAnalyzers.Frameworks;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Names;

/// <summary>
/// Follows a name that is not <c>const</c> but fixed in practice, within the same compilation, to the expression
/// that gives its value:
/// <list type="bullet">
/// <item>a <c>static readonly</c> field declared in source with an initializer, never assigned in a static
/// constructor of its type;</item>
/// <item>a static property declared in source with no setter: an expression body or a getter that only returns an
/// expression, or an auto-property with an initializer never assigned in a static constructor;</item>
/// <item>a local that is not <c>ref</c>, declared with an initializer and never written anywhere else in its
/// member (no assignment, no <c>ref</c>/<c>out</c>, also from a lambda or local function);</item>
/// <item>a call of a source method (static, or non-virtual) whose body is one expression or one <c>return</c>: its
/// parameters are holes, so <c>Name(int id) =&gt; Prefix + id</c> is "prefix" followed by a hole.</item>
/// </list>
/// The value is resolved with the same rules as a name written at the call, so a followed value that is not
/// constant becomes a hole, never a guess. Each symbol is summarized once per compilation; a cycle or a chain
/// deeper than <see cref="MaxDepth"/> is cut (the symbol is then a hole, unresolved on its own).
/// </summary>
internal static class NameFollower
{
    /// <summary>How many symbols deep a name is followed.</summary>
    public const int MaxDepth = 8;

    private static readonly ConditionalWeakTable<Compilation, Summaries> Cache = new();

    /// <summary>The symbols being followed, outermost first, and whether anything was cut (then nothing on the way is cached).</summary>
    internal sealed class Trail
    {
        public List<ISymbol> Symbols { get; } = new();

        public int Cuts { get; set; }

        /// <summary>
        /// The static initializers being followed: while one runs, a static field of its type declared after it (or
        /// in another file) still holds null, so it is not followed (a hole).
        /// </summary>
        public List<(INamedTypeSymbol Type, SyntaxTree Tree, int Position)> Initializing { get; } = new();
    }

    private sealed class Summaries
    {
        public Dictionary<ISymbol, ResolvedName> Values { get; } = new(SymbolEqualityComparer.Default);
    }

    public static ResolvedName Follow(IOperation operation, GeneratedConstants? generated, Trail trail)
    {
        // A followed value is never "a literal at the call", whatever its declaration holds (CG0107 is about literals).
        var followed = FollowValue(operation, generated, trail);
        return followed is { Kind: ResolvedNameKind.Exact, IsLiteral: true } ? ResolvedName.Exact(followed.Text) : followed;
    }

    private static ResolvedName FollowValue(IOperation operation, GeneratedConstants? generated, Trail trail)
    {
        var compilation = operation.SemanticModel?.Compilation;
        if (compilation is null)
        {
            return ResolvedName.Unresolved;
        }

        switch (operation)
        {
            case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true, IsConst: false } field }
                when IsString(field.Type) && !NotYetInitialized(field.OriginalDefinition, trail):
                return Summarize(field.OriginalDefinition, compilation, generated, trail,
                    () => FieldValue(field.OriginalDefinition, compilation, generated, trail));
            case IPropertyReferenceOperation { Property: { IsStatic: true, IsIndexer: false } property }
                when IsString(property.Type) && !NotYetInitialized(property.OriginalDefinition, trail):
                return Summarize(property.OriginalDefinition, compilation, generated, trail,
                    () => PropertyValue(property.OriginalDefinition, compilation, generated, trail));
            case ILocalReferenceOperation { Local: { IsConst: false, RefKind: RefKind.None } local } when IsString(local.Type):
                // Not cached: a local is resolved where it is read, once or twice per member.
                return Within(local, trail, () => LocalValue(local, operation, compilation, generated, trail));
            case IPropertyReferenceOperation { Property.Name: "Name", Instance: ILocalReferenceOperation } builderName
                when CookieBuilders.NameOf(builderName, KnownSymbols.For(compilation)) is { } named:
                // builder.Name of a CookieBuilder local named in its initializer and only read since.
                return NameResolver.Resolve(named, generated, trail);
            case IInvocationOperation invocation when IsString(invocation.TargetMethod.ReturnType):
                return Summarize(invocation.TargetMethod.OriginalDefinition, compilation, generated, trail,
                    () => MethodValue(invocation.TargetMethod.OriginalDefinition, compilation, generated, trail));
            default:
                return ResolvedName.Unresolved;
        }
    }

    private static ResolvedName Summarize(ISymbol symbol, Compilation compilation, GeneratedConstants? generated, Trail trail,
        Func<ResolvedName> compute)
    {
        if (!IsInSource(symbol, compilation))
        {
            return ResolvedName.Unresolved;
        }

        var summaries = Cache.GetValue(compilation, _ => new Summaries());
        lock (summaries)
        {
            if (summaries.Values.TryGetValue(symbol, out var known))
            {
                return known;
            }
        }

        var cutsBefore = trail.Cuts;
        var value = Within(symbol, trail, compute);
        if (trail.Cuts == cutsBefore)
        {
            // Only a value that does not depend on where the following started is kept (deterministic results).
            lock (summaries)
            {
                summaries.Values[symbol] = value;
            }
        }

        return value;
    }

    private static ResolvedName Within(ISymbol symbol, Trail trail, Func<ResolvedName> compute)
    {
        if (trail.Symbols.Count >= MaxDepth || trail.Symbols.Contains(symbol, SymbolEqualityComparer.Default))
        {
            trail.Cuts++;
            return ResolvedName.Unresolved;
        }

        trail.Symbols.Add(symbol);
        try
        {
            return compute();
        }
        finally
        {
            trail.Symbols.RemoveAt(trail.Symbols.Count - 1);
        }
    }

    private static ResolvedName FieldValue(IFieldSymbol field, Compilation compilation, GeneratedConstants? generated, Trail trail)
    {
        if (field.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer: { } initializer }
            || MayBeReassigned(field))
        {
            return ResolvedName.Unresolved;
        }

        return Initializer(field, initializer, compilation, generated, trail);
    }

    private static ResolvedName PropertyValue(IPropertySymbol property, Compilation compilation, GeneratedConstants? generated, Trail trail)
    {
        if (property.SetMethod is not null || property.IsAbstract || property.IsVirtual || property.IsOverride || property.IsExtern
            || property.DeclaringSyntaxReferences.Length != 1
            || property.DeclaringSyntaxReferences[0].GetSyntax() is not PropertyDeclarationSyntax declaration)
        {
            return ResolvedName.Unresolved;
        }

        if (declaration.ExpressionBody is { } arrow)
        {
            return ResolveIn(arrow.Expression, compilation, generated, trail);
        }

        if (declaration.AccessorList?.Accessors is not { Count: 1 } accessors || !accessors[0].IsKind(SyntaxKind.GetAccessorDeclaration))
        {
            return ResolvedName.Unresolved;
        }

        var getter = accessors[0];
        if (getter.Body is null && getter.ExpressionBody is null)
        {
            // A get-only auto-property: its initializer, unless a static constructor assigns it.
            return declaration.Initializer is { } initializer && !MayBeReassigned(property)
                ? Initializer(property, initializer, compilation, generated, trail)
                : ResolvedName.Unresolved;
        }

        return BodyExpression(getter.ExpressionBody, getter.Body) is { } body
            ? ResolveIn(body, compilation, generated, trail)
            : ResolvedName.Unresolved;
    }

    private static ResolvedName MethodValue(IMethodSymbol method, Compilation compilation, GeneratedConstants? generated, Trail trail)
    {
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction)
            || method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern || method.IsPartialDefinition
            || method.ReturnsByRef || method.ReturnsByRefReadonly || method.IsAsync
            || method.DeclaringSyntaxReferences.Length != 1)
        {
            return ResolvedName.Unresolved;
        }

        var body = method.DeclaringSyntaxReferences[0].GetSyntax() switch
        {
            MethodDeclarationSyntax declaration => BodyExpression(declaration.ExpressionBody, declaration.Body),
            LocalFunctionStatementSyntax local => BodyExpression(local.ExpressionBody, local.Body),
            _ => null,
        };

        // Its parameters are not followed into (they resolve as holes): the summary holds for every call.
        return body is null ? ResolvedName.Unresolved : ResolveIn(body, compilation, generated, trail);
    }

    private static ResolvedName LocalValue(ILocalSymbol local, IOperation reference, Compilation compilation, GeneratedConstants? generated,
        Trail trail)
    {
        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer: { } initializer } declarator
            || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax)
        {
            return ResolvedName.Unresolved;
        }

        // The local's whole member, lambdas and local functions included (top-level statements: the whole file).
        SyntaxNode scope = (SyntaxNode?)declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is not GlobalStatementSyntax)
            ?? declarator.SyntaxTree.GetRoot();
        var model = ModelFor(declarator.SyntaxTree, reference.SemanticModel, compilation);
        foreach (var name in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText == local.Name && IsWrite(name)
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, local))
            {
                return ResolvedName.Unresolved;
            }
        }

        return ResolveIn(initializer.Value, compilation, generated, trail, model);
    }

    /// <summary>Whether a name is written (or may be, through a reference) where it stands.</summary>
    private static bool IsWrite(ExpressionSyntax name)
    {
        SyntaxNode node = name;
        while (node.Parent is ParenthesizedExpressionSyntax or ArgumentSyntax { Parent: TupleExpressionSyntax } or TupleExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == node,
            PrefixUnaryExpressionSyntax unary => unary.IsKind(SyntaxKind.PreIncrementExpression)
                || unary.IsKind(SyntaxKind.PreDecrementExpression)
                || unary.IsKind(SyntaxKind.AddressOfExpression),
            PostfixUnaryExpressionSyntax unary => !unary.IsKind(SyntaxKind.SuppressNullableWarningExpression),
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
            RefExpressionSyntax => true,
            _ => false,
        };
    }

    /// <summary>
    /// Whether the member may be given another value than its initializer: written anywhere in its type (a field
    /// initializer, a constructor, a <c>ref</c>), or mentioned at all in a static constructor. Matched by name, so
    /// a same-named other symbol only makes this more cautious.
    /// </summary>
    private static bool MayBeReassigned(ISymbol member)
    {
        foreach (var type in member.ContainingType.DeclaringSyntaxReferences)
        {
            if (type.GetSyntax().DescendantNodes().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText == member.Name && IsWrite(n)))
            {
                return true;
            }
        }

        foreach (var constructor in member.ContainingType.StaticConstructors)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax().DescendantNodes().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText == member.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A static initializer, resolved as it runs: with the later static fields of its type still unset.</summary>
    private static ResolvedName Initializer(ISymbol member, EqualsValueClauseSyntax initializer, Compilation compilation,
        GeneratedConstants? generated, Trail trail)
    {
        trail.Initializing.Add((member.ContainingType.OriginalDefinition, initializer.SyntaxTree, initializer.SpanStart));
        try
        {
            return ResolveIn(initializer.Value, compilation, generated, trail);
        }
        finally
        {
            trail.Initializing.RemoveAt(trail.Initializing.Count - 1);
        }
    }

    /// <summary>
    /// Whether a static field or auto-property read while a static initializer of its type is being followed may
    /// not be set yet: declared after that initializer, or in another file of a partial type (whose order is not
    /// fixed). Such a read is cut (a hole), before any cached value is used.
    /// </summary>
    private static bool NotYetInitialized(ISymbol member, Trail trail)
    {
        foreach (var (type, tree, position) in trail.Initializing)
        {
            if (SymbolEqualityComparer.Default.Equals(type, member.ContainingType.OriginalDefinition)
                && !member.DeclaringSyntaxReferences.All(r => r.SyntaxTree == tree && r.Span.End < position))
            {
                trail.Cuts++;
                return true;
            }
        }

        return false;
    }

    private static ExpressionSyntax? BodyExpression(ArrowExpressionClauseSyntax? arrow, BlockSyntax? block) =>
        arrow?.Expression
            ?? (block?.Statements is { Count: 1 } statements && statements[0] is ReturnStatementSyntax { Expression: { } returned }
                ? returned
                : null);

    private static ResolvedName ResolveIn(ExpressionSyntax expression, Compilation compilation, GeneratedConstants? generated, Trail trail,
        SemanticModel? model = null)
    {
        model ??= ModelFor(expression.SyntaxTree, null, compilation);
        var operation = model.GetOperation(expression);
        return operation is null ? ResolvedName.Unresolved : NameResolver.Resolve(operation, generated, trail);
    }

    private static SemanticModel ModelFor(SyntaxTree tree, SemanticModel? current, Compilation compilation)
    {
#pragma warning disable RS1030 // Binding one declaration in another file, on demand from a name at a write: an operation action sees one member only.
        return current is not null && current.SyntaxTree == tree ? current : compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
    }

    private static bool IsInSource(ISymbol symbol, Compilation compilation) =>
        symbol.Locations.Length > 0 && symbol.Locations.All(l => l.IsInSource && compilation.ContainsSyntaxTree(l.SourceTree!));

    private static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Frameworks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Cookies;

/// <summary>
/// Finds where a <c>CookieOptions</c> passed to a cookie write gets <c>IsEssential = true</c>: in its object
/// initializer; for a local variable, in its declaration or an assignment in the same member body
/// (<see cref="OptionsAssignments"/>); for a field
/// (shared options such as <c>static readonly CookieOptions Essential = new() { IsEssential = true }</c>), in the
/// field's initializer; for <c>builder.Build(context)</c>, on the builder (<see cref="CookieBuilders"/>).
/// </summary>
internal static class EssentialAssignments
{
    public static IEnumerable<SyntaxNode> Find(IOperation options, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        options = options.WithoutConversions();
        return options switch
        {
            IObjectCreationOperation or ILocalReferenceOperation =>
                OptionsAssignments.Find(options, assignment => IsEssentialTrue(assignment, symbols)).Select(assignment => assignment.Syntax),
            IFieldReferenceOperation field => InFieldInitializer(field.Field, cancellationToken),
            IInvocationOperation build => CookieBuilders.EssentialOfBuild(build, symbols)
                // a name beside it: reported there
                .Where(assignment => FindBuilderName(assignment, (IPropertyReferenceOperation)assignment.Target, symbols) is null)
                .Select(assignment => assignment.Syntax),
            _ => Enumerable.Empty<SyntaxNode>(),
        };
    }

    /// <summary>
    /// <c>IsEssential = true</c> in a field's initializer, found in syntax: the initializer may be in another file,
    /// whose operations an operation action cannot ask for. The options type is known from the field's type.
    /// </summary>
    private static IEnumerable<SyntaxNode> InFieldInitializer(IFieldSymbol field, CancellationToken cancellationToken)
    {
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken)
                is VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax { Initializer: { } initializer } })
            {
                foreach (var expression in initializer.Expressions)
                {
                    if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "IsEssential" },
                        Right: LiteralExpressionSyntax right }
                        && right.IsKind(SyntaxKind.TrueLiteralExpression))
                    {
                        yield return expression;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The assignment of <c>Name</c> on the same cookie builder as an <c>IsEssential</c> assignment: in the same object
    /// initializer, or on the same receiver expression (<c>options.Cookie</c>) in the same member body, also in the
    /// initializer of a builder assigned to it whole (<c>options.Cookie = new CookieBuilder { Name = … }</c>).
    /// </summary>
    public static ISimpleAssignmentOperation? FindBuilderName(ISimpleAssignmentOperation essential, IPropertyReferenceOperation target,
        KnownSymbols symbols)
    {
        var inInitializer = target.Instance is IInstanceReferenceOperation && essential.Parent is IObjectOrCollectionInitializerOperation;
        var scope = inInitializer ? ((IObjectOrCollectionInitializerOperation)essential.Parent!).Initializers : essential.Root().Descendants();
        foreach (var operation in scope)
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Name" } name } assignment
                && SymbolFacts.IsOrInherits(name.Property.ContainingType, symbols.CookieBuilder)
                && (inInitializer ? name.Instance is IInstanceReferenceOperation : SameReceiver(name.Instance, target.Instance)))
            {
                return assignment;
            }

            // options.Cookie = new CookieBuilder { Name = … } replaces the builder whose IsEssential is set later.
            if (!inInitializer && operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation whole } replaced
                && SameReceiver(whole, target.Instance)
                && replaced.Value.WithoutConversions() is IObjectCreationOperation { Initializer: { } initializer })
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member
                        is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Name",
                            Instance: IInstanceReferenceOperation } } named)
                    {
                        return named;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Whether two receiver expressions denote the same object: the same chain of members on the same variable.</summary>
    private static bool SameReceiver(IOperation? first, IOperation? second) => (first, second) switch
    {
        (null, null) => true,
        (IPropertyReferenceOperation a, IPropertyReferenceOperation b) =>
            SymbolEqualityComparer.Default.Equals(a.Property, b.Property) && SameReceiver(a.Instance, b.Instance),
        (IFieldReferenceOperation a, IFieldReferenceOperation b) =>
            SymbolEqualityComparer.Default.Equals(a.Field, b.Field) && SameReceiver(a.Instance, b.Instance),
        (IParameterReferenceOperation a, IParameterReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Parameter, b.Parameter),
        (ILocalReferenceOperation a, ILocalReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Local, b.Local),
        (IInstanceReferenceOperation, IInstanceReferenceOperation) => true,
        _ => false,
    };

    private static bool IsEssentialTrue(ISimpleAssignmentOperation assignment, KnownSymbols symbols) =>
        assignment.Target is IPropertyReferenceOperation { Property.Name: "IsEssential" } target
        && SymbolFacts.IsOrInherits(target.Property.ContainingType, symbols.CookieOptions)
        && assignment.Value.IsConstantTrue();
}

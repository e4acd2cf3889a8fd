using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.ConsentApi;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.CodeFixes.Guards;

/// <summary>
/// Finds consent checks for a category that compile where a guard will stand, best first: a check the code already
/// uses in the member or its type; then, through a variable, parameter or member in scope, a
/// <c>[ConsentGuard]</c> member, a manifest guard, an <c>ITrackingConsentFeature</c>; then
/// <c>HttpContext.Features.Get&lt;ITrackingConsentFeature&gt;()?.CanTrack == true</c> from an <c>HttpContext</c>,
/// request or response in scope. Every candidate is bound speculatively at the guard's position and kept only if it
/// binds without error and the analyzers' own <see cref="ConsentAnalyzers.Guards.GuardRecognizer"/> takes it as a
/// check for the category.
/// </summary>
internal sealed class GuardCandidates
{
    private const int Nearby = 0;
    private const int AttributeGuard = 1;
    private const int ManifestGuard = 2;
    private const int TrackingFeature = 3;
    private const int FromHttpContext = 4;
    private const int FromRequestOrResponse = 5;

    private readonly ConsentFixContext _context;
    private readonly string _category;
    private readonly int _position;
    private readonly bool _isAsync;
    private readonly INamedTypeSymbol? _guardAttribute;
    private readonly INamedTypeSymbol? _trackingConsentFeature;
    private readonly CancellationToken _cancellationToken;

    private GuardCandidates(ConsentFixContext context, string category, int position, CancellationToken cancellationToken)
    {
        _context = context;
        _category = category;
        _position = position;
        _isAsync = context.Model.GetEnclosingSymbol(position, cancellationToken) is IMethodSymbol { IsAsync: true };
        _guardAttribute = context.GeneratedType(GeneratedNames.ConsentGuardAttribute);
        _trackingConsentFeature = WellKnownTypes.Find(context.Model.Compilation, "Microsoft.AspNetCore.Http.Features.ITrackingConsentFeature");
        _cancellationToken = cancellationToken;
    }

    private SemanticModel Model => _context.Model;

    /// <summary>The checks for <paramref name="category"/> that compile at <paramref name="placement"/>, best first.</summary>
    public static IEnumerable<ExpressionSyntax> For(ConsentFixContext context, SyntaxNode site, GuardPlacement placement, string category,
        CancellationToken cancellationToken)
    {
        var finder = new GuardCandidates(context, category, placement.Position, cancellationToken);
        var candidates = finder.UsedNearby(site).Concat(finder.ThroughScope()).OrderBy(candidate => candidate.Rank);
        var seen = new HashSet<string>();
        foreach (var (expression, _) in candidates)
        {
            if (seen.Add(expression.NormalizeWhitespace().ToFullString()) && finder.Checks(expression))
            {
                yield return expression;
            }
        }
    }

    /// <summary>
    /// Whether any check for <paramref name="category"/> compiles at <paramref name="placement"/>: the test of code-fix
    /// registration, which needs no ranking. The checks reachable in scope are tried first; the bodies of the type's
    /// members (where <see cref="For"/> looks for the checks the code already uses, binding all of them to rank them)
    /// are read only when none of those compiles.
    /// </summary>
    public static bool Exist(ConsentFixContext context, SyntaxNode site, GuardPlacement placement, string category,
        CancellationToken cancellationToken)
    {
        var finder = new GuardCandidates(context, category, placement.Position, cancellationToken);
        return finder.ThroughScope().Concat(finder.UsedNearby(site)).Any(candidate => finder.Checks(candidate.Expression));
    }

    /// <summary>Whether <paramref name="expression"/> binds without error at the position and checks the category.</summary>
    private bool Checks(ExpressionSyntax expression)
    {
        var statement = SyntaxFactory.IfStatement(expression, SyntaxFactory.Block());
        if (!Model.TryGetSpeculativeSemanticModel(_position, statement, out var speculative)
            || speculative.GetOperation(statement, _cancellationToken)
                is not IConditionalOperation { Condition: { Type.SpecialType: SpecialType.System_Boolean } condition })
        {
            return false;
        }

        var checksCategory = false;
        foreach (var operation in condition.DescendantsAndSelf())
        {
            if (operation is IInvalidOperation || operation.Type is IErrorTypeSymbol || DereferencesMaybeNull(operation, speculative))
            {
                return false;
            }

            checksCategory |= operation is IPropertyReferenceOperation or IFieldReferenceOperation or IInvocationOperation
                && _context.Consent.Guards.Implied(operation, true).Grants(_category);
        }

        return checksCategory;
    }

    /// <summary>
    /// Whether the operation reads a member of a receiver that may be null here (a nullable warning, an error under
    /// warnings-as-errors).
    /// </summary>
    private bool DereferencesMaybeNull(IOperation operation, SemanticModel speculative)
    {
        var receiver = operation switch
        {
            IMemberReferenceOperation member => member.Instance,
            IInvocationOperation invocation => invocation.Instance,
            _ => null,
        };
        return receiver is { IsImplicit: false } and not IConditionalAccessInstanceOperation
            && speculative.GetTypeInfo(receiver.Syntax, _cancellationToken).Nullability.FlowState == NullableFlowState.MaybeNull;
    }

    /// <summary>Checks for the category the code already makes in the containing member, then elsewhere in its type.</summary>
    private IEnumerable<(ExpressionSyntax Expression, int Rank)> UsedNearby(SyntaxNode site)
    {
        if (FixVerifier.ContainingMember(site) is not { } member)
        {
            yield break;
        }

        var scopes = member.Parent is TypeDeclarationSyntax type ? type.Members.Where(m => m != member).Prepend(member) : new[] { member };
        foreach (var scope in scopes)
        {
            foreach (var node in scope.DescendantNodes())
            {
                if (node is InvocationExpressionSyntax or MemberAccessExpressionSyntax or MemberBindingExpressionSyntax or IdentifierNameSyntax
                    && Model.GetOperation(node, _cancellationToken)
                        is { Kind: OperationKind.PropertyReference or OperationKind.FieldReference or OperationKind.Invocation } operation
                    && _context.Consent.Guards.Implied(operation, true).Grants(_category)
                    && Reusable((ExpressionSyntax)node, operation.Type) is { } expression)
                {
                    yield return (expression, Nearby);
                }
            }
        }
    }

    /// <summary>
    /// A guard written elsewhere, as a condition: <c>x?.CanTrack</c> becomes <c>x?.CanTrack == true</c> and an async
    /// check is awaited (only where <c>await</c> is allowed).
    /// </summary>
    private ExpressionSyntax? Reusable(ExpressionSyntax syntax, ITypeSymbol? type)
    {
        if (!syntax.GetFirstToken().IsKind(SyntaxKind.DotToken))
        {
            return Awaited(syntax.WithoutTrivia(), type);
        }

        return syntax.Parent is ConditionalAccessExpressionSyntax access
            && access.WhenNotNull == syntax
            && type?.SpecialType == SpecialType.System_Boolean
            ? SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, access.WithoutTrivia(),
                SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression))
            : null;
    }

    private ExpressionSyntax? Awaited(ExpressionSyntax expression, ITypeSymbol? type)
    {
        if (type?.SpecialType == SpecialType.System_Boolean)
        {
            return expression;
        }

        var isAsyncBool = type is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } awaitable
            && awaitable.TypeArguments[0].SpecialType == SpecialType.System_Boolean;
        return isAsyncBool && _isAsync ? SyntaxFactory.AwaitExpression(expression) : null;
    }

    /// <summary>Checks reachable through the locals, parameters and members in scope.</summary>
    private IEnumerable<(ExpressionSyntax Expression, int Rank)> ThroughScope()
    {
        var httpContext = WellKnownTypes.Find(Model.Compilation, "Microsoft.AspNetCore.Http.HttpContext");
        var request = WellKnownTypes.Find(Model.Compilation, "Microsoft.AspNetCore.Http.HttpRequest");
        var response = WellKnownTypes.Find(Model.Compilation, "Microsoft.AspNetCore.Http.HttpResponse");
        var inScope = Model.LookupSymbols(_position)
            .Where(symbol => symbol.Kind is SymbolKind.Local or SymbolKind.Parameter or SymbolKind.Field or SymbolKind.Property or SymbolKind.Method)
            .OrderBy(symbol => symbol.Kind switch { SymbolKind.Local => 0, SymbolKind.Parameter => 1, _ => 2 });
        foreach (var symbol in inScope)
        {
            if (GuardRank(symbol) is { } directRank && Access(null, symbol) is { } direct)
            {
                yield return (direct, directRank);
            }

            var type = symbol switch
            {
                ILocalSymbol local => local.Type,
                IParameterSymbol parameter => parameter.Type,
                IFieldSymbol field => field.Type,
                IPropertySymbol { IsIndexer: false } property => property.Type,
                _ => null,
            };
            if (type is not INamedTypeSymbol { SpecialType: SpecialType.None,
                TypeKind: TypeKind.Class or TypeKind.Interface or TypeKind.Struct } named)
            {
                continue;
            }

            var receiver = (ExpressionSyntax)_context.Generator.IdentifierName(symbol.Name);
            foreach (var member in MembersOf(named))
            {
                if (!member.IsStatic && GuardRank(member) is { } rank && Access(receiver, member) is { } access)
                {
                    yield return (access, rank);
                }
            }

            if (SymbolFacts.IsOrInherits(named, httpContext))
            {
                yield return (CanTrack(receiver), FromHttpContext);
            }
            else if (SymbolFacts.IsOrInherits(named, request) || SymbolFacts.IsOrInherits(named, response))
            {
                yield return (CanTrack(MemberAccess(receiver, "HttpContext")), FromRequestOrResponse);
            }
        }
    }

    /// <summary><c>context.Features.Get&lt;ITrackingConsentFeature&gt;()?.CanTrack == true</c>.</summary>
    private ExpressionSyntax CanTrack(ExpressionSyntax context)
    {
        var feature = (TypeSyntax)_context.Generator.TypeExpression(_trackingConsentFeature!, addImport: true);
        var get = SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            MemberAccess(context, "Features"),
            SyntaxFactory.GenericName(SyntaxFactory.Identifier("Get"),
                SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(feature)))));
        var canTrack = SyntaxFactory.ConditionalAccessExpression(get,
            SyntaxFactory.MemberBindingExpression(SyntaxFactory.IdentifierName("CanTrack")));
        return SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, canTrack,
            SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression));
    }

    private static ExpressionSyntax MemberAccess(ExpressionSyntax receiver, string name) =>
        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(name));

    /// <summary>Every member a value of <paramref name="type"/> exposes: its own, its base types', its interfaces'.</summary>
    private static IEnumerable<ISymbol> MembersOf(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                yield return member;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            foreach (var member in implemented.GetMembers())
            {
                yield return member;
            }
        }
    }

    /// <summary>
    /// How good a check <paramref name="member"/> could be, or null if it cannot be one: marked
    /// <c>[ConsentGuard]</c>, listed in the manifest's <c>guards</c>, or <c>ITrackingConsentFeature.CanTrack</c>. The
    /// category is checked later, on the bound call.
    /// </summary>
    private int? GuardRank(ISymbol member)
    {
        var type = member switch
        {
            IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
            IFieldSymbol field => field.Type,
            IMethodSymbol { MethodKind: MethodKind.Ordinary, IsGenericMethod: false } method => method.ReturnType,
            _ => null,
        };
        if (type is null)
        {
            return null;
        }

        if (member.Name is "CanTrack" && SymbolFacts.IsOrInherits(member.ContainingType, _trackingConsentFeature))
        {
            return TrackingFeature;
        }

        if (member.GetAttributes().Any(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _guardAttribute)))
        {
            return AttributeGuard;
        }

        var name = member.ContainingType.ToDisplayString(
            SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None)) + "." + member.Name;
        return _context.Consent.Manifest.Manifest.Guards.Any(guard => NamePattern.Matches(guard.Api, name)) ? ManifestGuard : null;
    }

    /// <summary><c>receiver.Member</c> or <c>receiver.Method(arguments)</c> as a condition, or null when the arguments cannot be supplied.</summary>
    private ExpressionSyntax? Access(ExpressionSyntax? receiver, ISymbol member)
    {
        ExpressionSyntax access = receiver is null ? SyntaxFactory.IdentifierName(member.Name) : MemberAccess(receiver, member.Name);
        if (member is not IMethodSymbol method)
        {
            return Awaited(access, member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type);
        }

        var arguments = new List<ArgumentSyntax>();
        foreach (var parameter in method.Parameters)
        {
            if (Argument(parameter.Type) is { } argument)
            {
                arguments.Add(SyntaxFactory.Argument(argument));
            }
            else if (parameter.IsOptional || parameter.IsParams)
            {
                break;
            }
            else
            {
                return null;
            }
        }

        return Awaited(SyntaxFactory.InvocationExpression(access, SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments))),
            method.ReturnType);
    }

    /// <summary>
    /// The argument that names the category for a parameter of <paramref name="type"/>: the <c>ConsentCategory</c>
    /// member, or a value the manifest's guard <c>arguments</c> map to the category (an enum member or a string).
    /// </summary>
    private ExpressionSyntax? Argument(ITypeSymbol type)
    {
        if (SymbolEqualityComparer.Default.Equals(type, _context.CategoryEnum))
        {
            return _context.CategoryExpression(_category);
        }

        foreach (var guard in _context.Consent.Manifest.Manifest.Guards)
        {
            foreach (var mapping in guard.Arguments)
            {
                if (mapping.Category != _category)
                {
                    continue;
                }

                if (type.SpecialType == SpecialType.System_String)
                {
                    return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(mapping.Value));
                }

                var prefix = type.ToDisplayString() + ".";
                if (type.TypeKind == TypeKind.Enum && mapping.Value.StartsWith(prefix, StringComparison.Ordinal)
                    && type.GetMembers(mapping.Value.Substring(prefix.Length)).FirstOrDefault() is IFieldSymbol field)
                {
                    return _context.EnumMember(field);
                }
            }
        }

        return null;
    }
}

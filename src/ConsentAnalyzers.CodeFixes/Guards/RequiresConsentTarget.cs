using System;
using System.Linq;
using System.Threading;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.CodeFixes.Guards;

/// <summary>
/// Which declaration <c>[RequiresConsent]</c> goes on for a site: the method, constructor, property (also for a site
/// in one of its accessors), indexer or local function that contains it; for a site in a lambda, the member around
/// the lambda. None where the requirement would reach no caller in the user's code, so that nothing would check it:
/// <list type="bullet">
/// <item>the entry point and top-level statements; operators, conversions, finalizers, event accessors, static constructors;
/// a property initializer (it runs when the object is built, not when the property is read);</item>
/// <item>a member the framework calls: an override of, or an implementation of, a member declared outside the project
/// (Blazor lifecycle methods, <c>BackgroundService.ExecuteAsync</c>, <c>IMiddleware.InvokeAsync</c>); a controller
/// action; a Razor Pages handler (<c>On…</c>); a middleware's <c>Invoke</c>/<c>InvokeAsync(HttpContext)</c>; the
/// constructor of a controller, page model, component or middleware, which dependency injection calls;</item>
/// <item>a method used as a delegate in its own type (a Blazor event handler bound in markup, a callback), or a local
/// function used as one in its member: whoever invokes the delegate is not checked;</item>
/// <item>a site in a lambda passed to ASP.NET Core or <c>Microsoft.Extensions</c> (a minimal-API handler, middleware
/// registered with <c>app.Use</c>, an options callback): the framework calls it later;</item>
/// <item>a member that already requires a category (the attribute is not repeatable), or where the generated
/// attribute's <c>AttributeUsage</c> or the language version does not allow it.</item>
/// </list>
/// </summary>
internal static class RequiresConsentTarget
{
    /// <summary>The declaration to mark and its symbol, or null.</summary>
    public static (SyntaxNode Declaration, ISymbol Symbol)? Find(ConsentFixContext context, SyntaxNode site, INamedTypeSymbol attribute,
        CancellationToken cancellationToken)
    {
        for (var node = site; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case AnonymousFunctionExpressionSyntax lambda when IsFrameworkCallback(lambda, context.Model, cancellationToken):
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax }: // runs in the constructor, not when the property is read
                    return null;
                case LocalFunctionStatementSyntax or MethodDeclarationSyntax or ConstructorDeclarationSyntax or PropertyDeclarationSyntax
                    or IndexerDeclarationSyntax:
                    return context.Model.GetDeclaredSymbol(node, cancellationToken) is { } symbol
                        && Accepts(context, node, symbol, attribute, cancellationToken)
                        ? (node, symbol)
                        : null;
                case AccessorDeclarationSyntax accessor
                    when accessor.IsKind(SyntaxKind.AddAccessorDeclaration) || accessor.IsKind(SyntaxKind.RemoveAccessorDeclaration):
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static bool Accepts(ConsentFixContext context, SyntaxNode declaration, ISymbol symbol, INamedTypeSymbol attribute,
        CancellationToken cancellationToken)
    {
        var target = symbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.Constructor } => AttributeTargets.Constructor,
            IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction } => AttributeTargets.Method,
            IPropertySymbol => AttributeTargets.Property,
            _ => (AttributeTargets)0,
        };
        return target != 0
            && ValidOn(attribute).HasFlag(target)
            && (declaration is not LocalFunctionStatementSyntax || context.LanguageVersion >= LanguageVersion.CSharp9)
            && !symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute))
            && !IsCalledByFramework(context, declaration, symbol, cancellationToken);
    }

    private static AttributeTargets ValidOn(INamedTypeSymbol attribute)
    {
        foreach (var usage in attribute.GetAttributes())
        {
            if (usage.AttributeClass?.ToDisplayString() == "System.AttributeUsageAttribute"
                && usage.ConstructorArguments.Length > 0
                && usage.ConstructorArguments[0].Value is int validOn)
            {
                return (AttributeTargets)validOn;
            }
        }

        return AttributeTargets.All;
    }

    private static bool IsCalledByFramework(ConsentFixContext context, SyntaxNode declaration, ISymbol symbol, CancellationToken cancellationToken)
    {
        var compilation = context.Model.Compilation;
        var type = symbol.ContainingType;
        if (SymbolEqualityComparer.Default.Equals(compilation.GetEntryPoint(cancellationToken), symbol)
            || symbol is IMethodSymbol { IsStatic: true, Name: "Main" }
            || SymbolFacts.OverriddenAndImplemented(symbol).Any(
                reached => !SymbolEqualityComparer.Default.Equals(reached.ContainingAssembly, compilation.Assembly)))
        {
            return true;
        }

        var isController = Inherits(type, compilation, "Microsoft.AspNetCore.Mvc.ControllerBase");
        var isPage = Inherits(type, compilation, "Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor })
        {
            return isController
                || isPage
                || Inherits(type, compilation, "Microsoft.AspNetCore.Components.IComponent")
                || IsMiddleware(type, compilation);
        }

        if (symbol is not IMethodSymbol method)
        {
            return false;
        }

        var isPublic = method.DeclaredAccessibility == Accessibility.Public && method.MethodKind == MethodKind.Ordinary;
        return isController && isPublic && !method.IsStatic && !method.GetAttributes().Any(a => a.AttributeClass?.Name == "NonActionAttribute")
            || isPage && isPublic && method.Name.StartsWith("On", StringComparison.Ordinal)
            || IsMiddlewareInvoke(method, compilation)
            || IsUsedAsDelegate(context, declaration, method, cancellationToken);
    }

    private static bool IsMiddleware(INamedTypeSymbol? type, Compilation compilation) =>
        type is not null && type.GetMembers().OfType<IMethodSymbol>().Any(method => IsMiddlewareInvoke(method, compilation));

    private static bool IsMiddlewareInvoke(IMethodSymbol method, Compilation compilation) =>
        method.Name is "Invoke" or "InvokeAsync"
        && method.Parameters.Length > 0
        && SymbolFacts.IsOrInherits(method.Parameters[0].Type, WellKnownTypes.Find(compilation, "Microsoft.AspNetCore.Http.HttpContext"));

    private static bool Inherits(INamedTypeSymbol? type, Compilation compilation, string metadataName) =>
        WellKnownTypes.Find(compilation, metadataName) is { } baseType && SymbolFacts.IsOrInherits(type, baseType);

    /// <summary>
    /// Whether the method is referenced as a method group (converted to a delegate) in its type's declarations,
    /// Razor-generated parts included, or a local function in its member.
    /// </summary>
    private static bool IsUsedAsDelegate(ConsentFixContext context, SyntaxNode declaration, IMethodSymbol method, CancellationToken cancellationToken)
    {
        var scopes = method.MethodKind == MethodKind.LocalFunction
            ? new[] { FixVerifier.ContainingMember(declaration) ?? declaration }
            : method.ContainingType.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax(cancellationToken));
        foreach (var scope in scopes)
        {
            var model = scope.SyntaxTree == context.Model.SyntaxTree ? context.Model : context.Model.Compilation.GetSemanticModel(scope.SyntaxTree);
            foreach (var name in scope.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (name.Identifier.ValueText == method.Name
                    && model.GetOperation(name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name,
                        cancellationToken) is IMethodReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Method.OriginalDefinition, method.OriginalDefinition))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A lambda handed to ASP.NET Core or Microsoft.Extensions (an endpoint handler, middleware, an options callback):
    /// the framework calls it.
    /// </summary>
    private static bool IsFrameworkCallback(AnonymousFunctionExpressionSyntax lambda, SemanticModel model, CancellationToken cancellationToken)
    {
        var argument = lambda.Parent as ArgumentSyntax;
        if (argument?.Parent?.Parent is not InvocationExpressionSyntax invocation
            || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol target)
        {
            return false;
        }

        var assembly = target.ContainingAssembly?.Name ?? string.Empty;
        return assembly.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || assembly.StartsWith("Microsoft.Extensions", StringComparison.Ordinal);
    }
}

using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConsentAnalyzers.Guards;

/// <summary>
/// The simple names of the members that the source marks <c>[RequiresConsent]</c>, read from syntax: a call whose
/// member has none of these names cannot need consent by the mark (it, what it overrides or implements and its
/// property all share its name), so RequiresConsentCallAnalyzer asks the symbols only about those calls. A type
/// marked whole, or a mark the syntax cannot place, makes every name possible.
/// </summary>
internal sealed class RequirementNames
{
    private const string AttributeName = "RequiresConsent";

    // Per tree, so that an IDE edit rescans only the edited document.
    private static readonly ConditionalWeakTable<SyntaxTree, RequirementNames> PerTree = new();

    private readonly HashSet<string> _methods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _properties = new(StringComparer.Ordinal);

    /// <summary>
    /// Any member may need consent: a type is marked, the mark may come from a referenced assembly, or a file may spell it
    /// with a \u escape.
    /// </summary>
    public bool Any { get; private set; }

    public bool HasMethods => Any || _methods.Count > 0;

    public bool HasProperties => Any || _properties.Count > 0;

    public bool HasConstructors => Any || _methods.Contains(".ctor");

    public bool IsEmpty => !Any && _methods.Count == 0 && _properties.Count == 0;

    /// <summary>Whether a member of this name (a method, an accessor, a constructor) may carry or inherit the mark.</summary>
    [MethodImpl(HotPath.Optimized)]
    public bool MayRequire(ISymbol member) => Any || member switch
    {
        IMethodSymbol { AssociatedSymbol: IPropertySymbol property } => _properties.Contains(property.Name),
        IMethodSymbol method => _methods.Contains(method.Name),
        IPropertySymbol property => _properties.Contains(property.Name),
        _ => true,
    };

    /// <summary>
    /// The names for a compilation; <paramref name="onlyInSource"/>: only its own members can carry the mark (the
    /// generated attribute is its own type).
    /// </summary>
    public static RequirementNames For(Compilation compilation, bool onlyInSource, CancellationToken cancellationToken)
    {
        var names = new RequirementNames { Any = !onlyInSource };
        if (names.Any)
        {
            return names;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            var inTree = PerTree.GetValue(tree, t => Scan(t, cancellationToken));
            names.Any |= inTree.Any;
            names._methods.UnionWith(inTree._methods);
            names._properties.UnionWith(inTree._properties);
        }

        return names;
    }

    private static RequirementNames Scan(SyntaxTree tree, CancellationToken cancellationToken)
    {
        // Only where the text names the attribute: most files never do, and no file is walked whole.
        var names = new RequirementNames();
        if (SourceTexts.MayEscapeNames(tree))
        {
            names.Any = true; // [Requires\u0043onsent] is a mark the search of the text cannot see
            return names;
        }

        var text = tree.GetText(cancellationToken).ToString();
        var index = text.IndexOf(AttributeName, StringComparison.Ordinal);
        var root = index < 0 ? null : tree.GetRoot(cancellationToken);
        for (; index >= 0; index = text.IndexOf(AttributeName, index + AttributeName.Length, StringComparison.Ordinal))
        {
            var token = root!.FindToken(index);
            if (!token.Span.Contains(index) || !token.IsKind(SyntaxKind.IdentifierToken))
            {
                continue; // in a comment, a string, a longer word's trivia
            }

            if (token.Parent?.FirstAncestorOrSelf<UsingDirectiveSyntax>() is { Alias: not null })
            {
                names.Any = true; // using Requires = MyApp.RequiresConsentAttribute: the alias's uses are not followed
            }
            else if (token.Parent?.FirstAncestorOrSelf<AttributeSyntax>() is { } attribute && attribute.Name.Span.Contains(index))
            {
                names.Add(attribute.Parent as AttributeListSyntax);
            }
        }

        return names;
    }

    private void Add(AttributeListSyntax? list)
    {
        switch (list?.Parent)
        {
            case MethodDeclarationSyntax method:
                _methods.Add(method.ExplicitInterfaceSpecifier is null ? method.Identifier.ValueText : Unfiltered());
                break;
            case LocalFunctionStatementSyntax local:
                _methods.Add(local.Identifier.ValueText);
                break;
            case ConstructorDeclarationSyntax:
                _methods.Add(".ctor");
                break;
            case PropertyDeclarationSyntax property:
                _properties.Add(property.ExplicitInterfaceSpecifier is null ? property.Identifier.ValueText : Unfiltered());
                break;
            case IndexerDeclarationSyntax:
                _properties.Add("this[]");
                break;
            case ParameterSyntax parameter when list!.Target?.Identifier.ValueText == "property":
                _properties.Add(parameter.Identifier.ValueText); // record R([property: RequiresConsent(…)] string X)
                break;
            case AccessorDeclarationSyntax or ParameterSyntax or TypeParameterSyntax:
                break; // not read from there: accessors are checked with their property
            default:
                Any = true; // a type, or a target not read by name
                break;
        }
    }

    /// <summary>An explicit implementation is named "IFoo.M" and reached through the interface member: not filtered by name.</summary>
    private string Unfiltered()
    {
        Any = true;
        return string.Empty;
    }
}

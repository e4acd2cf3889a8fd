using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Common;

/// <summary>Questions about symbols that every part of the analysis asks: type relations and names as the manifest spells them.</summary>
internal static class SymbolFacts
{
    /// <summary>Whether <paramref name="type"/> is <paramref name="target"/>, derives from it or implements it.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static bool IsOrInherits(ITypeSymbol? type, INamedTypeSymbol? target)
    {
        if (type is null || target is null)
        {
            return false;
        }

        // Asked on hot paths (every Append, Add, Name assignment…): a class is found only among the base types, an
        // interface only as the type itself or among its interfaces, so each walks just the list it can be in.
        if (target.TypeKind == TypeKind.Interface)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, target))
            {
                return true;
            }
        }
        else
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
                {
                    return true;
                }
            }

            return false;
        }

        // The original definition's interfaces are the same definitions, computed once per type: a constructed type's
        // (Dictionary<string, object>) would be substituted, and allocated, on each call.
        foreach (var implemented in type.OriginalDefinition.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, target))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="type"/> displays as <paramref name="fullName"/> ("Namespace.Type": a top-level,
    /// non-generic type of that namespace), compared part by part without building the display string.
    /// </summary>
    public static bool HasFullName(INamedTypeSymbol type, string fullName)
    {
        var dot = fullName.LastIndexOf('.');
        var name = type.Name;
        return type.ContainingType is null
            && type.Arity == 0
            && name.Length == fullName.Length - dot - 1
            && string.CompareOrdinal(name, 0, fullName, dot + 1, name.Length) == 0
            && dot > 0
            && IsNamespace(type.ContainingNamespace, fullName, dot);
    }

    /// <summary>
    /// Whether <paramref name="ns"/> displays as the first <paramref name="length"/> characters of
    /// <paramref name="text"/> ("A.B.C").
    /// </summary>
    public static bool IsNamespace(INamespaceSymbol? ns, string text, int length)
    {
        var end = length;
        for (var current = ns; current is not null && !current.IsGlobalNamespace; current = current.ContainingNamespace)
        {
            var name = current.Name;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(name, 0, text, start, name.Length) != 0)
            {
                return false;
            }

            if (start == 0)
            {
                return current.ContainingNamespace is null || current.ContainingNamespace.IsGlobalNamespace;
            }

            if (text[start - 1] != '.')
            {
                return false;
            }

            end = start - 1;
        }

        return false;
    }

    /// <summary>
    /// A member's name as the manifest's API patterns (trackers and guards) spell it: Namespace.Type.Member, without
    /// type arguments; an extension method by its declaring class.
    /// </summary>
    public static string MemberName(ISymbol member)
    {
        var definition = member is IMethodSymbol { ReducedFrom: { } reduced } ? reduced : member;
        return TypeName(definition.ContainingType) + "." + definition.Name;
    }

    public static string TypeName(ITypeSymbol type) =>
        type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None));

    /// <summary><paramref name="member"/> itself, then <see cref="OverriddenAndImplemented"/>.</summary>
    public static IEnumerable<ISymbol> WithOverriddenAndImplemented(ISymbol member)
    {
        yield return member;
        foreach (var reached in OverriddenAndImplemented(member))
        {
            yield return reached;
        }
    }

    /// <summary>
    /// The members a call can reach <paramref name="member"/> through: every member it overrides, up the chain, and every
    /// interface member it implements, implicitly or explicitly. A mark on any of them (a consent check, a consent
    /// requirement, a writer) speaks for it.
    /// </summary>
    public static IEnumerable<ISymbol> OverriddenAndImplemented(ISymbol member)
    {
        for (var overridden = Overridden(member); overridden is not null; overridden = Overridden(overridden))
        {
            yield return overridden;
        }

        var explicitly = member switch
        {
            IMethodSymbol method => method.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
            IPropertySymbol property => property.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
            IEventSymbol @event => @event.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
            _ => ImmutableArray<ISymbol>.Empty,
        };
        if (!explicitly.IsEmpty)
        {
            foreach (var implemented in explicitly)
            {
                yield return implemented;
            }

            yield break; // an explicit implementation implements nothing else
        }

        var type = member.ContainingType;
        if (type is null || type.TypeKind == TypeKind.Interface)
        {
            yield break;
        }

        foreach (var implementedInterface in type.AllInterfaces)
        {
            foreach (var candidate in implementedInterface.GetMembers(member.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), member))
                {
                    yield return candidate;
                }
            }
        }
    }

    private static ISymbol? Overridden(ISymbol member) => member switch
    {
        IMethodSymbol method => method.OverriddenMethod,
        IPropertySymbol property => property.OverriddenProperty,
        IEventSymbol @event => @event.OverriddenEvent,
        _ => null,
    };
}

using System.Collections.Generic;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Trackers;

/// <summary>
/// Which kinds of member the tracker API patterns (Namespace.Type.Member) can match in one compilation: the types they
/// name are looked up once, in the source and the references, and their members matched. TrackingCallAnalyzer listens
/// to property reads, method groups and dynamic calls only when such members exist: those callbacks would otherwise
/// run on every property read of the project, for trackers most projects do not reference.
/// </summary>
internal sealed class TrackerApiKinds
{
    private TrackerApiKinds(bool methods, bool properties, bool types)
    {
        Methods = methods;
        Properties = properties;
        Types = types;
    }

    /// <summary>A method of a named tracker type matches a pattern (or a type is written with '*', and any may).</summary>
    public bool Methods { get; }

    /// <summary>A property of a named tracker type matches a pattern (or a type is written with '*', and any may).</summary>
    public bool Properties { get; }

    /// <summary>A type a pattern names exists (a dynamic call on it is matched by name, whatever members it declares).</summary>
    public bool Types { get; }

    public static TrackerApiKinds Find(Compilation compilation, TrackerIndex trackers)
    {
        bool methods = false, properties = false, types = false;
        foreach (var reference in compilation.References)
        {
            if (!reference.Properties.Aliases.IsEmpty)
            {
                // an extern alias keeps its types out of the global namespace
                return new TrackerApiKinds(methods: true, properties: true, types: true);
            }
        }

        foreach (var (pattern, _) in trackers.Apis)
        {
            var dot = pattern.LastIndexOf('.');
            var typeName = dot < 0 ? string.Empty : pattern.Substring(0, dot);
            if (typeName.Length == 0 || NamePattern.IsPattern(typeName))
            {
                return new TrackerApiKinds(methods: true, properties: true, types: true); // the type is not named: any member may match
            }

            foreach (var type in TypesNamed(compilation.GlobalNamespace, typeName.Split('.'), 0))
            {
                types = true;
                foreach (var member in type.GetMembers())
                {
                    // The name test is the pattern's own (Namespace.Type.Member, as TrackerIndex.MemberName spells it).
                    if (member is IMethodSymbol or IPropertySymbol && NamePattern.Matches(pattern, SymbolFacts.MemberName(member)))
                    {
                        methods |= member is IMethodSymbol;
                        properties |= member is IPropertySymbol;
                    }
                }
            }
        }

        return new TrackerApiKinds(methods, properties, types);
    }

    /// <summary>The types a dotted name can denote (namespaces, then types, nested types, any arity).</summary>
    private static IEnumerable<INamedTypeSymbol> TypesNamed(INamespaceOrTypeSymbol container, string[] parts, int index)
    {
        foreach (var member in container.GetMembers(parts[index]))
        {
            if (index == parts.Length - 1)
            {
                if (member is INamedTypeSymbol type)
                {
                    yield return type;
                }
            }
            else if (member is INamespaceOrTypeSymbol inner)
            {
                foreach (var type in TypesNamed(inner, parts, index + 1))
                {
                    yield return type;
                }
            }
        }
    }
}

using System;
using System.Collections.Generic;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Trackers;

/// <summary>
/// Members of a vendor's own interfaces that a tracker's type implements (<c>IPixelClient.FireEvent</c>, implemented by
/// the declared <c>PixelClient.FireEvent</c>): a call through the interface is a call to the tracker. Only interfaces
/// of the tracker type's own assembly count, so <c>IDisposable.Dispose</c> never becomes a tracking call. Found once
/// per compilation, on the first call through an interface whose member name an API pattern can match.
/// </summary>
internal sealed class TrackerInterfaces
{
    private readonly Dictionary<ISymbol, TrackerMatch> _members;

    private TrackerInterfaces(Dictionary<ISymbol, TrackerMatch> members) => _members = members;

    public TrackerMatch? For(IMethodSymbol interfaceMember) =>
        _members.Count > 0 && _members.TryGetValue(interfaceMember.OriginalDefinition, out var match) ? match : null;

    public static TrackerInterfaces Find(Compilation compilation, TrackerIndex trackers)
    {
        var members = new Dictionary<ISymbol, TrackerMatch>(SymbolEqualityComparer.Default);
        foreach (var (pattern, match) in trackers.Apis)
        {
            var typeName = pattern.Substring(0, Math.Max(0, pattern.LastIndexOf('.')));
            if (typeName.Length == 0
                || NamePattern.IsPattern(typeName)
                || WellKnownTypes.Find(compilation, typeName) is not { TypeKind: not TypeKind.Interface } type)
            {
                continue; // a type written with '*' is not looked up: the type must be named
            }

            foreach (var vendorInterface in type.AllInterfaces)
            {
                if (!SymbolEqualityComparer.Default.Equals(vendorInterface.ContainingAssembly, type.ContainingAssembly))
                {
                    continue;
                }

                foreach (var member in vendorInterface.GetMembers())
                {
                    if (member is IMethodSymbol && type.FindImplementationForInterfaceMember(member) is { } implementation
                        && NamePattern.Matches(pattern, SymbolFacts.MemberName(implementation)) && !members.ContainsKey(member.OriginalDefinition))
                    {
                        members.Add(member.OriginalDefinition, match);
                    }
                }
            }
        }

        return new TrackerInterfaces(members);
    }
}

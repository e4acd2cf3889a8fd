using System;
using System.Collections.Concurrent;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.ConsentApi;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Guards;

/// <summary>
/// Reads <c>[RequiresConsent(category)]</c>: the consent a member needs from its callers, and so holds on entry to its
/// body, like <c>[RequiresUnreferencedCode]</c> for trimming.
/// </summary>
internal sealed class ConsentRequirements
{
    private readonly INamedTypeSymbol? _requiresAttribute;
    private readonly IAssemblySymbol? _onlyAssemblyWithRequirements;
    private readonly ManifestModel _manifest;

    // RequiredBy is asked for every call and property read; the interface walk is done once per member.
    private readonly ConcurrentDictionary<ISymbol, string?> _requiredByCallers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, string?> _requiredInBody = new(SymbolEqualityComparer.Default);

    // Made once: a lambda capturing the flag would be allocated on every call of RequiredBy.
    private readonly Func<ISymbol, string?> _findWithImplemented;
    private readonly Func<ISymbol, string?> _findInBody;

    public ConsentRequirements(Compilation compilation, GeneratorOptions options, ManifestModel manifest)
    {
        _findWithImplemented = member => FindRequirement(member, includeImplemented: true);
        _findInBody = member => FindRequirement(member, includeImplemented: false);
        _requiresAttribute = GeneratedNames.Find(compilation, options.Namespace, GeneratedNames.RequiresConsentAttribute);
        _manifest = manifest;

        // The generated [RequiresConsent] is normally this compilation's own type (internal by default): then only
        // members of this assembly can carry it, nor can anything a member of another assembly overrides or implements.
        _onlyAssemblyWithRequirements = _requiresAttribute is not null
            && SymbolEqualityComparer.Default.Equals(_requiresAttribute.ContainingAssembly, compilation.Assembly)
            ? compilation.Assembly
            : null;
    }

    /// <summary>Whether the compilation has the generated <c>[RequiresConsent]</c> attribute at all.</summary>
    public bool CanRequireConsent => _requiresAttribute is not null;

    /// <summary>Whether only this compilation's members can carry <c>[RequiresConsent]</c> (the attribute is its own type).</summary>
    public bool OnlyInSource => _onlyAssemblyWithRequirements is not null;

    /// <summary>
    /// The category a member marked <c>[RequiresConsent]</c> needs, or null. The mark may stand on the member, on the
    /// property an accessor belongs to, on a member it overrides or implements, or on its type.
    /// </summary>
    /// <param name="member">The member called, or the member whose body is analyzed.</param>
    /// <param name="includeImplemented">
    /// True for a call: a requirement on the interface member or base member it goes through binds the caller. False
    /// for a body: like <c>[RequiresUnreferencedCode]</c>, an implementation states its own requirement.
    /// </param>
    public string? RequiredBy(ISymbol? member, bool includeImplemented)
    {
        if (member is null || _requiresAttribute is null)
        {
            return null;
        }

        // Asked for every call, object creation and property read, most of them framework members: those are
        // answered without the cache lookup (which hashes the symbol).
        if (_onlyAssemblyWithRequirements is not null
            && !SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, _onlyAssemblyWithRequirements))
        {
            return null;
        }

        return includeImplemented
            ? _requiredByCallers.GetOrAdd(member, _findWithImplemented)
            : _requiredInBody.GetOrAdd(member, _findInBody);
    }

    private string? FindRequirement(ISymbol member, bool includeImplemented)
    {
        var owner = member is IMethodSymbol { AssociatedSymbol: { } property } ? property : member;
        foreach (var candidate in includeImplemented ? SymbolFacts.WithOverriddenAndImplemented(owner) : new[] { owner })
        {
            for (var symbol = candidate; symbol is not null; symbol = symbol.ContainingType)
            {
                foreach (var attribute in symbol.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _requiresAttribute)
                        && attribute.ConstructorArguments.Length == 1
                        && GeneratedNames.CategoryId(_manifest, attribute.ConstructorArguments[0].Value) is { } category)
                    {
                        return category;
                    }
                }
            }
        }

        return null;
    }
}

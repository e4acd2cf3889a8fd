using System;
using System.Collections.Generic;
using System.Threading;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConsentAnalyzers.Cookies;

/// <summary>
/// Whether the cookie policy's consent cookie may have another name than <c>.AspNet.Consent</c>: the project refers
/// to <c>CookiePolicyOptions.ConsentCookie</c> (or to something of that name it cannot bind) anywhere, implements its
/// own <c>ITrackingConsentFeature</c>, or a referenced assembly outside ASP.NET Core uses the cookie-policy assembly.
/// </summary>
/// <remarks>
/// A scan of the text (<see cref="ConfigurationText"/>), made when a write of the consent cookie is analyzed.
/// </remarks>
internal sealed class ConsentCookieNaming
{
    private static readonly string[] Words = { "ConsentCookie", "ITrackingConsentFeature" };

    private static readonly ConsentCookieNaming MayRename = new(true);
    private static readonly ConsentCookieNaming KeepsDefault = new(false);

    private ConsentCookieNaming(bool mayNameConsentCookie) => MayNameConsentCookie = mayNameConsentCookie;

    public bool MayNameConsentCookie { get; }

    public static ConsentCookieNaming Scan(Compilation compilation, CancellationToken cancellationToken)
    {
        if (WellKnownTypes.Find(compilation, CookiePolicyConfiguration.OptionsType)?.ContainingAssembly is { } policyAssembly
            && ConfigurationText.AssembliesUsedByReferences(compilation).Contains(policyAssembly.Identity.Name))
        {
            return MayRename;
        }

        var mentions = new List<IdentifierNameSyntax>();
        foreach (var node in ConfigurationText.NodesAroundMentions(compilation, Mentions, cancellationToken))
        {
            switch (node)
            {
                case BaseTypeSyntax { Type: var baseType } when baseType.ToString().EndsWith("ITrackingConsentFeature", StringComparison.Ordinal):
                    return MayRename;
                case IdentifierNameSyntax { Identifier.ValueText: "ConsentCookie" } name:
                    mentions.Add(name);
                    break;
            }
        }

        return RefersToConsentCookie(compilation, mentions, cancellationToken) ? MayRename : KeepsDefault;
    }

    /// <summary>
    /// Whether one of the identifiers named <c>ConsentCookie</c> is <c>CookiePolicyOptions.ConsentCookie</c>, or may be
    /// (not bound: <c>dynamic</c>, code that does not compile).
    /// </summary>
    private static bool RefersToConsentCookie(Compilation compilation, List<IdentifierNameSyntax> mentions, CancellationToken cancellationToken)
    {
        SemanticModel? model = null;
        foreach (var mention in mentions)
        {
            model = ConfigurationText.ModelFor(compilation, mention.SyntaxTree, model);
            var info = model.GetSymbolInfo(mention, cancellationToken);
            var symbol = info.Symbol ?? (info.CandidateSymbols.IsDefaultOrEmpty ? null : info.CandidateSymbols[0]);
            if (symbol is null
                || (symbol is IPropertySymbol property && SymbolFacts.HasFullName(property.ContainingType, CookiePolicyConfiguration.OptionsType)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the text mentions the words, in order; not inside a longer name (the generated <c>ConsentCookies</c>
    /// class, which most files that write cookies name): a word followed by a letter, digit or underscore is neither
    /// the identifier <c>ConsentCookie</c> nor the end of a base type.
    /// </summary>
    private static List<int> Mentions(string text)
    {
        var mentions = ConfigurationText.Mentions(text, Words);
        mentions.RemoveAll(at => ContinuesName(text, at + (text[at] == 'C' ? "ConsentCookie" : "ITrackingConsentFeature").Length));
        return mentions;
    }

    private static bool ContinuesName(string text, int end) =>
        end < text.Length && text[end] is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
}

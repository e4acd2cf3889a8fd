using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConsentAnalyzers.Cookies;

/// <summary>
/// Whether <c>ITrackingConsentFeature.CanTrack</c> is, visibly, always true in the project (CG0204). In ASP.NET Core,
/// <c>CanTrack</c> is <c>!IsConsentNeeded || HasConsent</c>, and <c>IsConsentNeeded</c> is
/// <c>CookiePolicyOptions.CheckConsentNeeded(context)</c>, false while <c>CheckConsentNeeded</c> is null (its default).
/// The feature exists only where <c>CookiePolicyMiddleware</c> runs (<c>UseCookiePolicy</c>); without it
/// <c>Features.Get&lt;ITrackingConsentFeature&gt;()</c> is null and the recognized guard shapes (<c>?.CanTrack == true</c>,
/// <c>?.CanTrack ?? false</c>, <c>is { CanTrack: true }</c>) are false, which writes nothing without consent.
/// So <c>CanTrack</c> is reported as always true only when all of these hold:
/// <list type="bullet">
/// <item>the project calls <c>UseCookiePolicy</c> itself (the middleware runs; reported at the first such call);</item>
/// <item>it reads <c>ITrackingConsentFeature.CanTrack</c> (the guards that let everything through);</item>
/// <item>nothing in the compilation refers to <c>CookiePolicyOptions.CheckConsentNeeded</c> (an assignment in
/// <c>AddCookiePolicy</c>, <c>Configure&lt;CookiePolicyOptions&gt;</c>, an object initializer, an
/// <c>IConfigureOptions</c>, …), nor names it in a string (reflection), nor refers to a member of that name that cannot be
/// bound (<c>dynamic</c>);</item>
/// <item>no referenced assembly outside the framework uses the assembly of <c>CookiePolicyOptions</c> (it may set
/// <c>CheckConsentNeeded</c> where the analysis cannot see), and the project implements no
/// <c>ITrackingConsentFeature</c> of its own.</item>
/// </list>
/// <c>HasConsent</c> is not affected: it reads the consent cookie whether or not consent is needed.
/// </summary>
/// <remarks>
/// A scan of the text (<see cref="ConfigurationText"/>), once per compilation and only when a <c>UseCookiePolicy</c>
/// call is analyzed, that walks only the nodes around a mention of the names and binds only those.
/// </remarks>
internal sealed class CookiePolicyConfiguration
{
    public const string OptionsType = "Microsoft.AspNetCore.Builder.CookiePolicyOptions";
    public const string ExtensionsType = "Microsoft.AspNetCore.Builder.CookiePolicyAppBuilderExtensions";
    private const string FeatureType = "Microsoft.AspNetCore.Http.Features.ITrackingConsentFeature";

    private static readonly string[] Words = { "CanTrack", "CheckConsentNeeded", "UseCookiePolicy", "ITrackingConsentFeature" };

    private static readonly CookiePolicyConfiguration None = new(null, ImmutableArray<Location>.Empty);

    private readonly SyntaxNode? _reportedAt;

    private CookiePolicyConfiguration(SyntaxNode? reportedAt, ImmutableArray<Location> alwaysTrueGuards)
    {
        _reportedAt = reportedAt;
        AlwaysTrueGuards = alwaysTrueGuards;
    }

    /// <summary>The reads of <c>CanTrack</c>, in the order of the compilation's files, when it is always true; else empty.</summary>
    public ImmutableArray<Location> AlwaysTrueGuards { get; }

    /// <summary>Whether <paramref name="call"/> is the first <c>UseCookiePolicy</c> call of a project whose <c>CanTrack</c> is always true.</summary>
    public bool IsReportedAt(SyntaxNode call) => ConfigurationText.IsAt(_reportedAt, call);

    public static CookiePolicyConfiguration Scan(Compilation compilation, CancellationToken cancellationToken)
    {
        var options = WellKnownTypes.Find(compilation, OptionsType);
        var extensions = WellKnownTypes.Find(compilation, ExtensionsType);
        var feature = WellKnownTypes.Find(compilation, FeatureType);
        if (options is null || extensions is null || feature is null
            || options.ContainingAssembly is not { } assembly
            || ConfigurationText.AssembliesUsedByReferences(compilation).Contains(assembly.Identity.Name))
        {
            return None;
        }

        var guards = new List<IdentifierNameSyntax>();
        var settings = new List<IdentifierNameSyntax>();
        var calls = new List<InvocationExpressionSyntax>();
        foreach (var node in ConfigurationText.NodesAroundMentions(compilation, Mentions, cancellationToken))
        {
            switch (node)
            {
                case IdentifierNameSyntax { Identifier.ValueText: "CanTrack" } name:
                    guards.Add(name);
                    break;
                case IdentifierNameSyntax { Identifier.ValueText: "CheckConsentNeeded" } name:
                    settings.Add(name);
                    break;
                case InvocationExpressionSyntax invocation when CalledName(invocation) == "UseCookiePolicy":
                    calls.Add(invocation);
                    break;
                case LiteralExpressionSyntax literal
                    when literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText.Contains("CheckConsentNeeded"):
                    return None; // set by reflection, perhaps
                case InterpolatedStringTextSyntax interpolated when interpolated.TextToken.ValueText.Contains("CheckConsentNeeded"):
                    return None;
                case BaseTypeSyntax { Type: var type } when RightmostName(type) == "ITrackingConsentFeature":
                    return None; // the project's own consent feature: its CanTrack means what it implements
            }
        }

        if (guards.Count == 0 || calls.Count == 0)
        {
            return None;
        }

        SemanticModel? model = null;
        foreach (var setting in settings)
        {
            model = ConfigurationText.ModelFor(compilation, setting.SyntaxTree, model);
            var info = model.GetSymbolInfo(setting, cancellationToken);
            var symbol = info.Symbol ?? (info.CandidateSymbols.IsDefaultOrEmpty ? null : info.CandidateSymbols[0]);
            if (symbol is null || symbol is IPropertySymbol && SymbolFacts.IsOrInherits(symbol.ContainingType, options))
            {
                return None; // set, or perhaps set (late bound): consent may well be required
            }
        }

        SyntaxNode? first = null;
        foreach (var call in calls)
        {
            model = ConfigurationText.ModelFor(compilation, call.SyntaxTree, model);
            if (model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method
                && SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).ContainingType, extensions))
            {
                first = call;
                break;
            }
        }

        if (first is null)
        {
            return None;
        }

        var reads = ImmutableArray.CreateBuilder<Location>();
        foreach (var guard in guards)
        {
            model = ConfigurationText.ModelFor(compilation, guard.SyntaxTree, model);
            if (model.GetSymbolInfo(guard, cancellationToken).Symbol is IPropertySymbol property
                && SymbolEqualityComparer.Default.Equals(property.ContainingType, feature))
            {
                reads.Add(guard.GetLocation());
            }
        }

        return reads.Count == 0 ? None : new CookiePolicyConfiguration(first, reads.ToImmutable());
    }

    private static List<int> Mentions(string text) => ConfigurationText.Mentions(text, Words);

    private static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}

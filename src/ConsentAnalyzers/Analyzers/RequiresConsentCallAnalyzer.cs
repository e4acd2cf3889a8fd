using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Guards;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Analyzers;

/// <summary>
/// A member marked <c>[RequiresConsent(category)]</c> passes its requirement to its callers, like
/// <c>[RequiresUnreferencedCode]</c>: every call must be guarded by a check for that category (CG0202), or stand in a
/// member that requires the same consent; and the mark must be on the interface or base member callers go through
/// (CG0205).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RequiresConsentCallAnalyzer : ConsentCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.UnguardedTracking,
        Rules.WrongCategoryGuard, Rules.RequirementNotOnBaseMember);

    private protected override bool AppliesTo(ConsentCompilation consent) => consent.Requirements.CanRequireConsent;

    private protected override void RegisterActions(CompilationStartAnalysisContext context, ConsentCompilation consent)
    {
        // Every call, creation and property read would otherwise be asked about: only the kinds of member the source
        // marks are listened to, and only members of a marked name are looked up (nothing at all in most projects).
        var names = RequirementNames.For(context.Compilation, consent.Requirements.OnlyInSource, context.CancellationToken);
        if (names.IsEmpty)
        {
            return;
        }

        if (names.HasMethods)
        {
            context.RegisterOperationAction(c => Analyze(c, consent, names, ((IInvocationOperation)c.Operation).TargetMethod),
                OperationKind.Invocation);

            // A method group (Action convert = Ads.TrackConversion) needs consent where the delegate runs.
            context.RegisterOperationAction(c => Analyze(c, consent, names, ((IMethodReferenceOperation)c.Operation).Method),
                OperationKind.MethodReference);
        }

        if (names.HasConstructors)
        {
            context.RegisterOperationAction(c => Analyze(c, consent, names, ((IObjectCreationOperation)c.Operation).Constructor),
                OperationKind.ObjectCreation);
        }

        if (names.HasProperties)
        {
            context.RegisterOperationAction(c => Analyze(c, consent, names, ((IPropertyReferenceOperation)c.Operation).Property),
                OperationKind.PropertyReference);
        }

        context.RegisterSymbolAction(c => AnalyzeImplementation(c, consent, names), SymbolKind.Method, SymbolKind.Property);
    }

    /// <summary>
    /// A member marked [RequiresConsent] that implements an interface member or overrides a base member without the
    /// mark: callers through the interface or base are not checked, so the member itself is reported (CG0205), as
    /// the trimmer does for [RequiresUnreferencedCode] (IL2046). The fix: mark the interface or base member too.
    /// </summary>
    private static void AnalyzeImplementation(SymbolAnalysisContext context, ConsentCompilation consent, RequirementNames names)
    {
        // A member of a name the source never marks carries no mark: its attributes are not bound to find that out.
        var member = context.Symbol;
        if (!names.MayRequire(member)
            || member is IMethodSymbol { MethodKind: not (MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation) }
            || !HasAttributes(member)
            || consent.Requirements.RequiredBy(member, includeImplemented: false) is not { } category)
        {
            return; // accessors are checked with their property
        }

        foreach (var unmarked in SymbolFacts.OverriddenAndImplemented(member))
        {
            if (consent.Requirements.RequiredBy(unmarked, includeImplemented: true) != category && !member.Locations.IsEmpty)
            {
                var format = SymbolDisplayFormat.CSharpShortErrorMessageFormat;
                var what =
                    $"Calling '{member.ToDisplayString(format)}' through '{unmarked.ToDisplayString(format)}', " +
                    $"which is not marked [RequiresConsent],";
                context.ReportDiagnostic(Diagnostic.Create(
                    Rules.RequirementNotOnBaseMember,
                    member.Locations[0],
                    ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Category, category),
                    what,
                    category));
                return;
            }
        }
    }

    /// <summary>Whether the member or a type containing it has any attribute: most have none, and are answered without a lookup.</summary>
    private static bool HasAttributes(ISymbol member)
    {
        for (var symbol = member; symbol is not null; symbol = symbol.ContainingType)
        {
            if (!symbol.GetAttributes().IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(HotPath.Optimized)]
    private static void Analyze(OperationAnalysisContext context, ConsentCompilation consent, RequirementNames names, ISymbol? member)
    {
        // The member's display name is built only for a report: most calls of such a member are guarded.
        if (member is not null && names.MayRequire(member)
            && consent.Requirements.RequiredBy(member, includeImplemented: true) is { } category
            && !ConsentGuardCheck.IsGuarded(context, consent, context.Operation, category, alternativeCategory: null, out var granted))
        {
            ConsentGuardCheck.Report(context, context.Operation, category, Rules.UnguardedTracking,
                $"Calling '{member!.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}'", location: null,
                alternativeCategory: null, granted);
        }
    }
}

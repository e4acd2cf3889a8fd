using System.Collections.Immutable;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Guards;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Analyzers;

/// <summary>
/// A member marked <c>[RequiresConsent(category)]</c> passes its requirement to its callers, like
/// <c>[RequiresUnreferencedCode]</c>: every call must be guarded by a check for that category (CG0202), or stand in a
/// member that requires the same consent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RequiresConsentCallAnalyzer : ConsentCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.UnguardedTracking, Rules.WrongCategoryGuard);

    private protected override bool AppliesTo(ConsentCompilation consent) => consent.Guards.CanRequireConsent;

    private protected override void RegisterActions(CompilationStartAnalysisContext context, ConsentCompilation consent)
    {
        context.RegisterOperationAction(c => Analyze(c, consent, ((IInvocationOperation)c.Operation).TargetMethod), OperationKind.Invocation);
        context.RegisterOperationAction(c => Analyze(c, consent, ((IObjectCreationOperation)c.Operation).Constructor), OperationKind.ObjectCreation);
        context.RegisterOperationAction(c => Analyze(c, consent, ((IPropertyReferenceOperation)c.Operation).Property), OperationKind.PropertyReference);
    }

    private static void Analyze(OperationAnalysisContext context, ConsentCompilation consent, ISymbol? member)
    {
        // The member's display name is built only for a report: most calls of such a member are guarded.
        if (consent.Guards.RequiredBy(member, includeImplemented: true) is { } category
            && !ConsentGuardCheck.IsGuarded(context, consent, context.Operation, category, alternativeCategory: null, out var granted))
        {
            ConsentGuardCheck.Report(context, context.Operation, category, Rules.UnguardedTracking, $"Calling '{member!.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}'", location: null, alternativeCategory: null, granted);
        }
    }
}

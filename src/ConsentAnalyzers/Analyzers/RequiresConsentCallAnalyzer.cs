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
public sealed class RequiresConsentCallAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.UnguardedTracking, Rules.WrongCategoryGuard);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var consent = ConsentCompilation.Create(start.Compilation, start.Options, start.CancellationToken);
            if (consent is null || !consent.Guards.CanRequireConsent)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, consent, ((IInvocationOperation)c.Operation).TargetMethod), OperationKind.Invocation);
            start.RegisterOperationAction(c => Analyze(c, consent, ((IObjectCreationOperation)c.Operation).Constructor), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => Analyze(c, consent, ((IPropertyReferenceOperation)c.Operation).Property), OperationKind.PropertyReference);
        });
    }

    private static void Analyze(OperationAnalysisContext context, ConsentCompilation consent, ISymbol? member)
    {
        if (consent.Guards.RequiredBy(member) is { } category)
        {
            ConsentGuardCheck.Check(context, consent, context.Operation, category, Rules.UnguardedTracking, $"Calling '{member!.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}'");
        }
    }
}

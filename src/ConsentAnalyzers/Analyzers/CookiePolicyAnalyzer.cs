using System.Collections.Immutable;
using System.IO;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Cookies;
using ConsentAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Analyzers;

/// <summary>
/// CG0204: the project runs ASP.NET Core's cookie policy without ever requiring consent, so every
/// <c>ITrackingConsentFeature.CanTrack</c> check in it is always true. Reported once per project, at its first
/// <c>UseCookiePolicy</c> call (where the policy is turned on, and next to where it is configured), with the reads of
/// <c>CanTrack</c> as additional locations. The writes and calls those checks guard are not reported again as
/// unguarded (CG0105, CG0202): one cause, one finding.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CookiePolicyAnalyzer : ConsentCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.AlwaysTrueGuard);

    private protected override void RegisterActions(CompilationStartAnalysisContext context, ConsentCompilation consent)
    {
        if (WellKnownTypes.Find(context.Compilation, CookiePolicyConfiguration.ExtensionsType) is not { } extensions)
        {
            return;
        }

        // Only the files that call UseCookiePolicy are listened to: not every invocation of the project.
        new FilesNaming(UseCookiePolicy).RegisterPerMember(context,
            start => start.RegisterOperationAction(c => AnalyzeInvocation(c, consent, extensions), OperationKind.Invocation));
    }

    private static readonly string[] UseCookiePolicy = { "UseCookiePolicy" };

    private static void AnalyzeInvocation(OperationAnalysisContext context, ConsentCompilation consent, INamedTypeSymbol extensions)
    {
        var method = ((IInvocationOperation)context.Operation).TargetMethod;
        if (method.Name != "UseCookiePolicy" || !SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).ContainingType, extensions))
        {
            return;
        }

        var policy = consent.CookiePolicy(context.Compilation, context.CancellationToken);
        if (!policy.IsReportedAt(context.Operation.Syntax))
        {
            return;
        }

        var guards = policy.AlwaysTrueGuards;
        var first = guards[0].GetMappedLineSpan();
        var where = $"{Path.GetFileName(first.Path)}({first.StartLinePosition.Line + 1})";
        context.ReportDiagnostic(Diagnostic.Create(Rules.AlwaysTrueGuard, context.Operation.Syntax.GetLocation(), guards, guards.Length, where));
    }
}

using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Cookies;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Names;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Analyzers;

/// <summary>
/// Checks the lifetime a cookie is written with against the manifest: a constant <c>MaxAge</c> or <c>Expires</c> on the
/// <c>CookieOptions</c> of a write, or <c>MaxAge</c> on a named <c>CookieBuilder</c>, longer than the cookie's
/// <c>maxAge</c> (CG0110) or, for a cookie that needs consent, than the lifetime cap (CG0111). Each is reported at the
/// assigned value, once per cookie written with it; a value the analysis cannot fix is not checked.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CookieLifetimeAnalyzer : ConsentCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.LifetimeLongerThanDeclared,
        Rules.LifetimeOverCap);

    private protected override bool AppliesTo(ConsentCompilation consent) =>
        consent.Symbols.CookieOptions is not null || consent.Symbols.CookieBuilder is not null;

    private protected override void RegisterActions(CompilationStartAnalysisContext context, ConsentCompilation consent)
    {
        context.RegisterOperationAction(c => AnalyzeAssignment(c, consent), OperationKind.SimpleAssignment);
    }

    [MethodImpl(HotPath.Optimized)]
    private static void AnalyzeAssignment(OperationAnalysisContext context, ConsentCompilation consent)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "MaxAge" or "Expires" } property } target)
        {
            return;
        }

        if (SymbolEqualityComparer.Default.Equals(property.ContainingType, consent.Symbols.CookieOptions))
        {
            if ((property.Name == "MaxAge" ? LifetimeValues.OfMaxAge(assignment.Value) : LifetimeValues.OfExpires(assignment.Value)) is { } written)
            {
                foreach (var key in OptionsWrites.NamesWrittenWith(assignment, consent.Symbols))
                {
                    LifetimeCheck.Check(context.ReportDiagnostic, consent, NameResolver.Resolve(key, consent.Constants), written,
                        assignment.Value.Syntax.GetLocation(), property.Name);
                }
            }
        }
        else if (property.Name == "MaxAge" && SymbolFacts.IsOrInherits(property.ContainingType, consent.Symbols.CookieBuilder)
            && LifetimeValues.OfMaxAge(assignment.Value) is { } written
            && BuilderCookies.NameOfCookie(assignment, target, consent) is { } name)
        {
            LifetimeCheck.Check(context.ReportDiagnostic, consent, name, written, assignment.Value.Syntax.GetLocation(), property.Name);
        }
    }
}

using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Names;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Analysis;

/// <summary>
/// Checks a call of an app-declared writer (<see cref="AppWriters"/>) as the write it makes: its <c>[ConsentName]</c>
/// argument against the manifest (CG0101, CG0102, CG0103, CG0104, CG0107) and the call against a consent check for
/// the name's category (CG0105, CG0203). A writer used as a delegate is written under names nobody can see: CG0102.
/// </summary>
internal static class AppWriterCalls
{
    public static void Check(OperationAnalysisContext context, ConsentCompilation consent, IInvocationOperation invocation, AppWriter writer)
    {
        IArgumentOperation? argument = null;
        foreach (var candidate in invocation.Arguments)
        {
            if (candidate.Parameter?.Ordinal == writer.NameParameter.Ordinal)
            {
                argument = candidate;
            }
        }

        if (argument is null || consent.Writers.IsCheckedAtCallers(argument.Value, writer.Target))
        {
            return; // a writer that passes its own name parameter on: its callers are checked
        }

        var name = NameResolver.Resolve(argument.Value, consent.Constants);
        var location = argument.ArgumentKind == ArgumentKind.DefaultValue ? invocation.Syntax.GetLocation() : argument.Value.Syntax.GetLocation();
        if (DeclaredNameCheck.Check(context, consent, name, location, writer.Target) is { } category)
        {
            var what = writer.Target == NameTarget.Cookie ? "cookie" : "storage key";
            ConsentGuardCheck.Check(context, consent, invocation, category, Rules.UnguardedWrite,
                $"Writing {what} '{name.Display}' through '{invocation.TargetMethod.Name}'");
        }
    }

    /// <summary>
    /// A writer as a method group (<c>Action&lt;string, string&gt; set = Prefs.Set</c>): the name is whatever the
    /// delegate is called with.
    /// </summary>
    public static void CheckReference(OperationAnalysisContext context, ConsentCompilation consent, IMethodReferenceOperation reference, bool cookies)
    {
        if (consent.Writers.Of(reference.Method) is { } writer && (writer.Target == NameTarget.Cookie) == cookies)
        {
            DeclaredNameCheck.Check(context, consent, ResolvedName.Unresolved, reference.Syntax.GetLocation(), writer.Target);
        }
    }

    /// <summary>
    /// A writer reached by reflection under a constant name (<c>typeof(Prefs).GetMethod("Set")</c>) or through a
    /// dynamic call on a value of a known type: the name it writes is not visible, CG0102 at the call.
    /// </summary>
    public static void CheckLateBound(OperationAnalysisContext context, ConsentCompilation consent, (ITypeSymbol Type, string Name)? call,
        bool cookies)
    {
        if (call is not { } known || !consent.Writers.CanDeclare)
        {
            return;
        }

        foreach (var member in known.Type.GetMembers(known.Name))
        {
            if (member is IMethodSymbol method && consent.Writers.Of(method) is { } writer && (writer.Target == NameTarget.Cookie) == cookies)
            {
                DeclaredNameCheck.Check(context, consent, ResolvedName.Unresolved, context.Operation.Syntax.GetLocation(), writer.Target);
                return;
            }
        }
    }
}

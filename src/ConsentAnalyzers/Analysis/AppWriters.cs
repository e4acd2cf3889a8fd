using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.CompilerServices;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.ConsentApi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Analysis;

/// <summary>A method the app declares as a cookie or storage writer: the parameter that names what it writes, and where.</summary>
internal sealed record AppWriter(IParameterSymbol NameParameter, NameTarget Target);

/// <summary>
/// The app's own cookie and storage writers: methods marked <c>[CookieWriter]</c> or <c>[StorageWriter(area)]</c> with
/// one <c>string</c> parameter marked <c>[ConsentName]</c>. Each call is checked as the write it makes, with the
/// argument as the name; inside the method, a write whose name is that parameter is left to the callers.
/// </summary>
internal sealed class AppWriters
{
    private readonly INamedTypeSymbol? _cookieWriter;
    private readonly INamedTypeSymbol? _storageWriter;
    private readonly INamedTypeSymbol? _consentName;
    private readonly IAssemblySymbol? _onlyAssembly;
    private readonly ConcurrentDictionary<IMethodSymbol, AppWriter?> _writers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _onlyCalledAsWriter = new(SymbolEqualityComparer.Default);

    public AppWriters(Compilation compilation, GeneratorOptions options)
    {
        _cookieWriter = GeneratedNames.Find(compilation, options.Namespace, GeneratedNames.CookieWriterAttribute);
        _storageWriter = GeneratedNames.Find(compilation, options.Namespace, GeneratedNames.StorageWriterAttribute);
        _consentName = GeneratedNames.Find(compilation, options.Namespace, GeneratedNames.ConsentNameAttribute);

        // The generated attributes are normally this compilation's own (internal): only its members can carry them.
        _onlyAssembly = _cookieWriter is not null && SymbolEqualityComparer.Default.Equals(_cookieWriter.ContainingAssembly, compilation.Assembly)
            ? compilation.Assembly
            : null;
    }

    /// <summary>Whether the compilation has the writer attributes at all.</summary>
    public bool CanDeclare => _consentName is not null && (_cookieWriter is not null || _storageWriter is not null);

    /// <summary>The writer <paramref name="method"/> is, or null: asked for every call, answered once per method.</summary>
    [MethodImpl(HotPath.Optimized)]
    public AppWriter? Of(IMethodSymbol method)
    {
        // Most calls are to the framework's methods, which have no source: that is cheaper to ask than their assembly.
        if (_consentName is null
            || (_onlyAssembly is not null
                && (method.DeclaringSyntaxReferences.IsEmpty || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _onlyAssembly))))
        {
            return null;
        }

        method = method.ReducedFrom ?? method;
        return _writers.GetOrAdd(method.OriginalDefinition, Find);
    }

    /// <summary>
    /// Whether a name written inside a writer is checked at its callers instead: it is the writer's <c>[ConsentName]</c>
    /// parameter itself, never assigned in the method, written where the writer's declaration says (a cookie in a
    /// cookie writer, the same storage area in a storage writer), and the writer is reached only as a writer (it
    /// overrides or implements no member that is not marked the same way).
    /// </summary>
    public bool IsCheckedAtCallers(IOperation name, NameTarget target)
    {
        if (_consentName is null || name.WithoutConversions() is not IParameterReferenceOperation { Parameter: var parameter }
            || parameter.ContainingSymbol is not IMethodSymbol method
            || Of(method) is not { } writer
            || writer.Target != target
            || !SymbolEqualityComparer.Default.Equals(writer.NameParameter, parameter.OriginalDefinition))
        {
            return false;
        }

        return _onlyCalledAsWriter.GetOrAdd(method.OriginalDefinition, m => ReachedOnlyAsWriter(m, writer)) && !IsWritten(parameter, name);
    }

    private AppWriter? Find(IMethodSymbol method)
    {
        var target = Target(method);
        if (target is null)
        {
            return null;
        }

        IParameterSymbol? nameParameter = null;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _consentName)))
            {
                if (nameParameter is not null || parameter.Type.SpecialType != SpecialType.System_String || parameter.RefKind != RefKind.None)
                {
                    return null; // two names, or not a string passed by value: not a writer the analysis can check
                }

                nameParameter = parameter;
            }
        }

        return nameParameter is null ? null : new AppWriter(nameParameter, target.Value);
    }

    /// <summary>Cookie for <c>[CookieWriter]</c>, the area of <c>[StorageWriter(area)]</c>; null when unmarked (or marked both ways).</summary>
    private NameTarget? Target(IMethodSymbol method)
    {
        NameTarget? target = null;
        foreach (var attribute in method.GetAttributes())
        {
            NameTarget? found = SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _cookieWriter) ? NameTarget.Cookie
                : SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _storageWriter) && attribute.ConstructorArguments.Length == 1
                    ? attribute.ConstructorArguments[0].Value switch { 0 => NameTarget.LocalStorage, 1 => NameTarget.SessionStorage, _ => null }
                    : null;
            if (found is not null)
            {
                if (target is not null)
                {
                    return null;
                }

                target = found;
            }
        }

        return target;
    }

    /// <summary>Every member the writer overrides or implements is a writer of the same kind with the name at the same position.</summary>
    private bool ReachedOnlyAsWriter(IMethodSymbol method, AppWriter writer)
    {
        foreach (var member in SymbolFacts.WithOverriddenAndImplemented(method))
        {
            if (member is not IMethodSymbol other || Of(other) is not { } declared
                || declared.Target != writer.Target || declared.NameParameter.Ordinal != writer.NameParameter.Ordinal)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the parameter is assigned, or passed by reference, anywhere in the body the read is in.</summary>
    private static bool IsWritten(IParameterSymbol parameter, IOperation read)
    {
        foreach (var operation in read.Root().Descendants())
        {
            if (operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter)
                && (reference.Parent is IAssignmentOperation assignment && assignment.Target == reference
                    || reference.Parent is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }
                    || reference.Parent is IDeconstructionAssignmentOperation or ITupleOperation { Parent: IDeconstructionAssignmentOperation }))
            {
                return true;
            }
        }

        return false;
    }
}

using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Frameworks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Analyzers;

/// <summary>
/// Checks every browser-storage key the code writes against the manifest, for the area it is written to:
/// <c>ProtectedLocalStorage</c>/<c>ProtectedSessionStorage.SetAsync</c>, JS interop calls to
/// <c>localStorage.setItem</c>/<c>sessionStorage.setItem</c>, and Blazored's local and session storage services.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StorageWriteAnalyzer : ConsentCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.UndeclaredStorageKey,
        Rules.UnresolvedName,
        Rules.NameInWrongPlace,
        Rules.LiteralDuplicatesConstant,
        Rules.UnguardedWrite,
        Rules.WrongCategoryGuard);

    private protected override bool AppliesTo(ConsentCompilation consent) => consent.Symbols.CanWriteStorage || consent.Writers.CanDeclare;

    private protected override void RegisterActions(CompilationStartAnalysisContext context, ConsentCompilation consent)
    {
        context.RegisterOperationAction(c => AnalyzeInvocation(c, consent), OperationKind.Invocation);
        if (consent.Writers.CanDeclare)
        {
            context.RegisterOperationAction(c => AppWriterCalls.CheckReference(c, consent, (IMethodReferenceOperation)c.Operation, cookies: false),
                OperationKind.MethodReference);
            context.RegisterOperationAction(
                c => AppWriterCalls.CheckLateBound(c, consent, LateBoundCalls.DynamicCall((IDynamicInvocationOperation)c.Operation), cookies: false),
                OperationKind.DynamicInvocation);
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private static void AnalyzeInvocation(OperationAnalysisContext context, ConsentCompilation consent)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (consent.Writers.Of(invocation.TargetMethod) is { Target: not NameTarget.Cookie } writer)
        {
            AppWriterCalls.Check(context, consent, invocation, writer);
            return;
        }

        if (consent.Writers.CanDeclare && LateBoundCalls.ReflectedMethod(invocation, consent.Symbols) is { } reflected)
        {
            AppWriterCalls.CheckLateBound(context, consent, reflected, cookies: false);
            return;
        }

        var (key, target) = FindStorageWrite(invocation, consent.Symbols);
        if (key is not null && consent.Writers.IsCheckedAtCallers(key, target))
        {
            return; // inside a [StorageWriter] for this area, under its [ConsentName] parameter: checked at every call
        }

        // The key is resolved again for the message only when there is something to report.
        if (key is not null && DeclaredNameCheck.Check(context, consent, key, target) is { } category
            && !ConsentGuardCheck.IsGuarded(context, consent, invocation, category, alternativeCategory: null, out var granted))
        {
            ConsentGuardCheck.Report(context, invocation, category, Rules.UnguardedWrite,
                $"Writing storage key '{Names.NameResolver.Resolve(key, consent.Constants).Display}'", location: null,
                alternativeCategory: null, granted);
        }
    }

    /// <summary>The key operand and the area of a storage write, or (null, _) when the call writes no storage.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static (IOperation? Key, NameTarget Target) FindStorageWrite(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        switch (method.Name)
        {
            case "SetAsync" when SymbolFacts.IsOrInherits(type, symbols.ProtectedBrowserStorage):
                return (invocation.Arguments.ArgumentFor("key"), ProtectedStorageArea(invocation.Instance?.Type, symbols));
            case "SetItemAsync" or "SetItemAsStringAsync" or "SetItem" or "SetItemAsString":
                return BlazoredWrite(invocation, type, symbols);
            case "InvokeVoidAsync" or "InvokeAsync" or "InvokeVoid" or "Invoke" when symbols.IsJSInterop(method):
                return JSInteropWrite(invocation);
            default:
                return (null, default);
        }
    }

    private static NameTarget ProtectedStorageArea(ITypeSymbol? receiver, KnownSymbols symbols) =>
        SymbolFacts.IsOrInherits(receiver, symbols.ProtectedLocalStorage) ? NameTarget.LocalStorage
        : SymbolFacts.IsOrInherits(receiver, symbols.ProtectedSessionStorage) ? NameTarget.SessionStorage
        : NameTarget.AnyStorage;

    private static (IOperation? Key, NameTarget Target) BlazoredWrite(IInvocationOperation invocation, INamedTypeSymbol type, KnownSymbols symbols)
    {
        var target = SymbolFacts.IsOrInherits(type, symbols.BlazoredLocalStorage) || SymbolFacts.IsOrInherits(type, symbols.BlazoredSyncLocalStorage)
            ? NameTarget.LocalStorage
            : SymbolFacts.IsOrInherits(type, symbols.BlazoredSessionStorage) || SymbolFacts.IsOrInherits(type, symbols.BlazoredSyncSessionStorage)
                ? NameTarget.SessionStorage
            : (NameTarget?)null;
        return target is null ? (null, default) : (invocation.Arguments.ArgumentFor("key"), target.Value);
    }

    /// <summary><c>js.InvokeVoidAsync("localStorage.setItem", key, value)</c>: the key is the first of the JS arguments.</summary>
    private static (IOperation? Key, NameTarget Target) JSInteropWrite(IInvocationOperation invocation)
    {
        if (invocation.Arguments.ArgumentFor("identifier")?.ConstantValue is not { HasValue: true, Value: string identifier })
        {
            return (null, default);
        }

        var target = StorageFunction(identifier);
        if (target is null)
        {
            return (null, default);
        }

        var args = invocation.Arguments.ArgumentFor("args")?.WithoutConversions();
        if (args is IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements })
        {
            return (elements[0], target.Value);
        }

        // The arguments come from somewhere the analyzer cannot see into: the key is unresolved, never assumed fine.
        return (args ?? invocation, target.Value);
    }

    /// <summary>Which storage a JS function identifier writes: "localStorage.setItem", "window.sessionStorage.setItem", ….</summary>
    private static NameTarget? StorageFunction(string identifier)
    {
        const string WindowPrefix = "window.";
        var name = identifier.StartsWith(WindowPrefix, StringComparison.Ordinal) ? identifier.Substring(WindowPrefix.Length) : identifier;
        return name switch
        {
            "localStorage.setItem" => NameTarget.LocalStorage,
            "sessionStorage.setItem" => NameTarget.SessionStorage,
            _ => null,
        };
    }
}

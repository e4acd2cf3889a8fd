using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Frameworks;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Names;
using ConsentAnalyzers.Scripts;
using ConsentAnalyzers.Trackers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Analyzers;

/// <summary>
/// Finds tracking calls — a tracker's API (Application Insights' <c>TelemetryClient.Track*</c>, the manifest's
/// <c>api</c> trackers), a JS-interop call to a tracking function (<c>gtag</c>, <c>fbq</c>, <c>dataLayer.push</c>,
/// <c>appInsights.track*</c>), an <c>HttpClient</c> request to a tracking endpoint — and reports an undeclared
/// tracker (CG0201) or a declared one that no consent check for its category guards (CG0202/CG0203).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrackingCallAnalyzer : ConsentCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.UndeclaredTracker,
        Rules.UnguardedTracking,
        Rules.WrongCategoryGuard,
        Rules.ConsentModeNotMapped);

    private protected override void RegisterActions(CompilationStartAnalysisContext context, ConsentCompilation consent)
    {
        var trackers = TrackerIndex.For(consent.Manifest.Manifest);
        var vendorInterfaces = new Lazy<TrackerInterfaces>(() => TrackerInterfaces.Find(context.Compilation, trackers));
        var apis = new Apis(trackers, vendorInterfaces);
        var consentModeMapped = GoogleTag.MapsConsentMode(consent.Manifest.Manifest);
        context.RegisterOperationAction(
            [MethodImpl(HotPath.Optimized)] (c) =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                var tracker = FindInInvocation(invocation, consent.Symbols, trackers, apis);
                Report(c, consent, tracker);
                if (!consentModeMapped && tracker is { Category: { } category } && IsGoogleTagConfig(invocation, consent.Symbols))
                {
                    c.ReportDiagnostic(GoogleTagCheck.Unmapped(tracker, category, invocation.Syntax.GetLocation()));
                }
            },
            OperationKind.Invocation);
        if (consent.Symbols.HttpRequestMessage is not null)
        {
            context.RegisterOperationAction(
                c => Report(c, consent, FindInRequestMessage((IObjectCreationOperation)c.Operation, consent.Symbols, trackers)),
                OperationKind.ObjectCreation);
        }

        // The other kinds are listened to only when a tracker's API has such members here: each runs on every
        // property read, method group or dynamic call of the project, and most projects reference no tracker's types.
        var kinds = TrackerApiKinds.Find(context.Compilation, trackers);
        if (kinds.Properties)
        {
            // Tracking script snippets exposed as properties (Application Insights' JavaScriptSnippet.FullScript).
            context.RegisterOperationAction(c => Report(c, consent, FindInProperty((IPropertyReferenceOperation)c.Operation, apis)),
                OperationKind.PropertyReference);
        }

        if (kinds.Methods)
        {
            // A tracking method as a delegate (Action<string> track = telemetry.TrackEvent): it runs where the delegate does.
            context.RegisterOperationAction(c => Report(c, consent, apis.For(((IMethodReferenceOperation)c.Operation).Method)),
                OperationKind.MethodReference);
        }

        if (kinds.Types)
        {
            // ((dynamic)telemetry).TrackEvent(…): the member the call binds to at run time.
            context.RegisterOperationAction(
                c => Report(c, consent,
                    LateBoundCalls.DynamicCall((IDynamicInvocationOperation)c.Operation) is { } call ? apis.ForMember(call.Type, call.Name) : null),
                OperationKind.DynamicInvocation);
        }
    }

    /// <summary>
    /// The tracker an API member belongs to, for one compilation: by its Namespace.Type.Member name, or as a vendor
    /// interface's member that a tracker's type implements. A tracker's methods are called again and again, so the
    /// name (a display string) and the match over every API pattern are worked out once per member.
    /// </summary>
    private sealed class Apis
    {
        private readonly ConcurrentDictionary<ISymbol, TrackerMatch?> _matches = new(SymbolEqualityComparer.Default);
        private readonly Func<ISymbol, TrackerMatch?> _find;
        private readonly TrackerIndex _trackers;

        public Apis(TrackerIndex trackers, Lazy<TrackerInterfaces> vendorInterfaces)
        {
            _trackers = trackers;
            _find = definition => trackers.ForApi(SymbolFacts.MemberName(definition))
                ?? (definition is IMethodSymbol { ContainingType.TypeKind: TypeKind.Interface } method ? vendorInterfaces.Value.For(method) : null);
        }

        [MethodImpl(HotPath.Optimized)]
        public TrackerMatch? For(ISymbol member)
        {
            if (!_trackers.MayBeApi(member.Name))
            {
                return null;
            }

            var definition = member is IMethodSymbol { ReducedFrom: { } reduced } ? reduced : member;
            return _matches.GetOrAdd(definition.OriginalDefinition, _find);
        }

        /// <summary>A member known only by the type it is looked up on and its name (a dynamic call, reflection).</summary>
        public TrackerMatch? ForMember(ITypeSymbol type, string name) =>
            _trackers.MayBeApi(name) ? _trackers.ForApi(SymbolFacts.TypeName(type) + "." + name) : null;
    }

    [MethodImpl(HotPath.Optimized)]
    private static void Report(OperationAnalysisContext context, ConsentCompilation consent, TrackerMatch? tracker)
    {
        if (tracker is null)
        {
            return;
        }

        if (tracker.Category is null)
        {
            context.ReportDiagnostic(
                Diagnostic.Create(Rules.UndeclaredTracker, context.Operation.Syntax.GetLocation(), tracker.UndeclaredProperties(),
                    tracker.DisplayName, tracker.CatalogId));
            return;
        }

        ConsentGuardCheck.Check(context, consent, context.Operation, tracker.Category, Rules.UnguardedTracking,
            $"Tracking call to {tracker.DisplayName}", alternativeCategory: tracker.AlternativeCategory);
    }

    [MethodImpl(HotPath.Optimized)]
    private static TrackerMatch? FindInInvocation(IInvocationOperation invocation, KnownSymbols symbols, TrackerIndex trackers, Apis apis)
    {
        var method = invocation.TargetMethod;
        if (symbols.IsJSInterop(method))
        {
            if (invocation.Arguments.ArgumentFor("identifier")?.ConstantValue is not { HasValue: true, Value: string identifier })
            {
                return null;
            }

            return identifier is TrackerCatalog.GoogleTagFunction or "window." + TrackerCatalog.GoogleTagFunction
                ? trackers.ForGoogleTagCall(JsArgumentsText(invocation))
                : trackers.ForJsFunction(identifier);
        }

        var declaring = (method.ReducedFrom ?? method).ContainingType;
        if (IsRequestMethodName(method.Name)
            && (SymbolFacts.IsOrInherits(declaring, symbols.HttpClient)
                || SymbolEqualityComparer.Default.Equals(declaring, symbols.HttpClientJsonExtensions)))
        {
            return invocation.Arguments.ArgumentFor("requestUri") is { } uri ? ForUrl(uri, symbols, trackers) : null;
        }

        // typeof(TelemetryClient).GetMethod("TrackEvent"): the tracking call is made wherever the MethodInfo is invoked.
        return apis.For(method)
            ?? (LateBoundCalls.ReflectedMethod(invocation, symbols) is { } reflected ? apis.ForMember(reflected.Type, reflected.Name) : null);
    }

    /// <summary>A JS-interop <c>gtag('config', …)</c>: the Google tag set up from C# (CG0206).</summary>
    private static bool IsGoogleTagConfig(IInvocationOperation invocation, KnownSymbols symbols) =>
        symbols.IsJSInterop(invocation.TargetMethod)
        && invocation.Arguments.ArgumentFor("identifier")?.ConstantValue
            is { HasValue: true, Value: TrackerCatalog.GoogleTagFunction or "window." + TrackerCatalog.GoogleTagFunction }
        && GoogleTag.StepOfGtagCall(JsArgumentsText(invocation)) == GoogleTagStep.Config;

    /// <summary>The JS arguments as a script would write them ('config', 'G-1'), unknown ones as '?'.</summary>
    private static string JsArgumentsText(IInvocationOperation invocation)
    {
        var args = invocation.Arguments.ArgumentFor("args")?.WithoutConversions();
        if (args is not IArrayCreationOperation { Initializer: { } initializer })
        {
            return "?";
        }

        var parts = new List<string>();
        foreach (var element in initializer.ElementValues)
        {
            parts.Add(JsValueText(element.WithoutConversions()));
        }

        return string.Join(", ", parts);
    }

    /// <summary>
    /// A JS argument as text: a string (also a constant concatenation), or an object's known string fields ({ send_to:
    /// 'AW-…' }).
    /// </summary>
    private static string JsValueText(IOperation value)
    {
        if (value is IAnonymousObjectCreationOperation anonymous)
        {
            var fields = new List<string>();
            foreach (var initializer in anonymous.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation assignment)
                {
                    fields.Add(JsValueText(assignment.Value.WithoutConversions()));
                }
            }

            return "{ " + string.Join(", ", fields) + " }";
        }

        var resolved = NameResolver.Resolve(value);
        return resolved.Kind == ResolvedNameKind.Unresolved ? "?" : "'" + resolved.Text + "'";
    }

    /// <summary>HttpClient's request methods, by name: a cheap test before the type check, since this runs on every call.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static bool IsRequestMethodName(string name) => name is "GetAsync" or "PostAsync" or "PutAsync" or "PatchAsync" or "DeleteAsync"
        or "GetStringAsync" or "GetByteArrayAsync" or "GetStreamAsync" or "GetFromJsonAsync" or "GetFromJsonAsAsyncEnumerable"
        or "PostAsJsonAsync" or "PutAsJsonAsync" or "PatchAsJsonAsync" or "DeleteFromJsonAsync";

    private static TrackerMatch? FindInProperty(IPropertyReferenceOperation reference, Apis apis) => apis.For(reference.Property);

    [MethodImpl(HotPath.Optimized)]
    private static TrackerMatch? FindInRequestMessage(IObjectCreationOperation creation, KnownSymbols symbols, TrackerIndex trackers) =>
        SymbolEqualityComparer.Default.Equals(creation.Type, symbols.HttpRequestMessage) && creation.Arguments.ArgumentFor("requestUri") is { } uri
            ? ForUrl(uri, symbols, trackers)
            : null;

    /// <summary>A request URI written as a string or as <c>new Uri("…")</c>; holes in it match a pattern's '*'.</summary>
    private static TrackerMatch? ForUrl(IOperation uri, KnownSymbols symbols, TrackerIndex trackers)
    {
        uri = uri.WithoutConversions();
        if (uri is IObjectCreationOperation creation
            && SymbolEqualityComparer.Default.Equals(creation.Type, symbols.Uri)
            && creation.Arguments.Length > 0)
        {
            uri = creation.Arguments[0].Value;
        }

        var resolved = NameResolver.Resolve(uri);
        return resolved.Kind == ResolvedNameKind.Unresolved ? null : trackers.ForUrl(resolved.Text);
    }
}

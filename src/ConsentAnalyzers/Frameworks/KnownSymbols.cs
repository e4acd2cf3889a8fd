using System.Runtime.CompilerServices;
using System.Threading;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Frameworks;

/// <summary>
/// The framework and library types whose members write cookies or browser storage, resolved at most once per
/// compilation (on first use) by metadata name (so third-party types such as Blazored need no reference from the analyzer). A type the
/// compilation does not reference is null, and the analyzers skip what needs it.
/// </summary>
internal sealed class KnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> Cache = new();

    private static readonly object Missing = new();

    private readonly Compilation _compilation;

    // Each type is resolved on first use: a metadata-name lookup searches every reference, and an analyzer run needs
    // only the types of the calls the code really makes (most projects never ask for Blazored's or the in-process JS
    // types). Null: not looked up yet; Missing: the compilation does not reference it.
    private object? _responseCookies;
    private object? _cookieOptions;
    private object? _cookieBuilder;
    private object? _cookieManager;
    private object? _headerDictionary;
    private object? _setCookieHeaderValue;
    private object? _classicHttpCookie;
    private object? _tempDataDictionary;
    private object? _tempDataAttribute;
    private object? _protectedLocalStorage;
    private object? _protectedSessionStorage;
    private object? _protectedBrowserStorage;
    private object? _jSRuntime;
    private object? _jSObjectReference;
    private object? _jSRuntimeExtensions;
    private object? _jSObjectReferenceExtensions;
    private object? _jSInProcessRuntimeExtensions;
    private object? _jSInProcessObjectReferenceExtensions;
    private object? _razorPageBase;
    private object? _renderTreeBuilder;
    private object? _httpClient;
    private object? _httpClientJsonExtensions;
    private object? _httpRequestMessage;
    private object? _uri;
    private object? _blazoredLocalStorage;
    private object? _blazoredSyncLocalStorage;
    private object? _blazoredSessionStorage;
    private object? _blazoredSyncSessionStorage;
    private object? _reflectionType;
    private object? _stringValues;
    private object? _keyValuePair;
    private object? _keyValuePairFactory;

    private KnownSymbols(Compilation compilation) => _compilation = compilation;

    /// <summary>The type named <paramref name="metadataName"/>, looked up once (a race looks it up twice, to the same result).</summary>
    private INamedTypeSymbol? Type(ref object? slot, string metadataName)
    {
        var type = Volatile.Read(ref slot);
        if (type is null)
        {
            type = (object?)WellKnownTypes.Find(_compilation, metadataName) ?? Missing;
            Volatile.Write(ref slot, type);
        }

        return type as INamedTypeSymbol;
    }

    public INamedTypeSymbol? ResponseCookies => Type(ref _responseCookies, "Microsoft.AspNetCore.Http.IResponseCookies");

    public INamedTypeSymbol? CookieOptions => Type(ref _cookieOptions, "Microsoft.AspNetCore.Http.CookieOptions");

    public INamedTypeSymbol? CookieBuilder => Type(ref _cookieBuilder, "Microsoft.AspNetCore.Http.CookieBuilder");

    /// <summary>The authentication cookie handler's cookie manager, whose AppendResponseCookie writes a cookie.</summary>
    public INamedTypeSymbol? CookieManager => Type(ref _cookieManager, "Microsoft.AspNetCore.Authentication.Cookies.ICookieManager");

    public INamedTypeSymbol? HeaderDictionary => Type(ref _headerDictionary, "Microsoft.AspNetCore.Http.IHeaderDictionary");

    public INamedTypeSymbol? SetCookieHeaderValue => Type(ref _setCookieHeaderValue, "Microsoft.Net.Http.Headers.SetCookieHeaderValue");

    public INamedTypeSymbol? ClassicHttpCookie => Type(ref _classicHttpCookie, "System.Web.HttpCookie");

    public INamedTypeSymbol? TempDataDictionary => Type(ref _tempDataDictionary, "Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionary");

    public INamedTypeSymbol? TempDataAttribute => Type(ref _tempDataAttribute, "Microsoft.AspNetCore.Mvc.TempDataAttribute");

    public INamedTypeSymbol? ProtectedLocalStorage =>
        Type(ref _protectedLocalStorage, "Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage.ProtectedLocalStorage");

    public INamedTypeSymbol? ProtectedSessionStorage =>
        Type(ref _protectedSessionStorage, "Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage.ProtectedSessionStorage");

    public INamedTypeSymbol? ProtectedBrowserStorage =>
        Type(ref _protectedBrowserStorage, "Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage.ProtectedBrowserStorage");

    public INamedTypeSymbol? JSRuntime => Type(ref _jSRuntime, "Microsoft.JSInterop.IJSRuntime");

    public INamedTypeSymbol? JSObjectReference => Type(ref _jSObjectReference, "Microsoft.JSInterop.IJSObjectReference");

    public INamedTypeSymbol? JSRuntimeExtensions => Type(ref _jSRuntimeExtensions, "Microsoft.JSInterop.JSRuntimeExtensions");

    public INamedTypeSymbol? JSObjectReferenceExtensions => Type(ref _jSObjectReferenceExtensions, "Microsoft.JSInterop.JSObjectReferenceExtensions");

    public INamedTypeSymbol? JSInProcessRuntimeExtensions =>
        Type(ref _jSInProcessRuntimeExtensions, "Microsoft.JSInterop.JSInProcessRuntimeExtensions");

    public INamedTypeSymbol? JSInProcessObjectReferenceExtensions =>
        Type(ref _jSInProcessObjectReferenceExtensions, "Microsoft.JSInterop.JSInProcessObjectReferenceExtensions");

    public INamedTypeSymbol? RazorPageBase => Type(ref _razorPageBase, "Microsoft.AspNetCore.Mvc.Razor.RazorPageBase");

    public INamedTypeSymbol? RenderTreeBuilder => Type(ref _renderTreeBuilder, "Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder");

    public INamedTypeSymbol? HttpClient => Type(ref _httpClient, "System.Net.Http.HttpClient");

    public INamedTypeSymbol? HttpClientJsonExtensions => Type(ref _httpClientJsonExtensions, "System.Net.Http.Json.HttpClientJsonExtensions");

    public INamedTypeSymbol? HttpRequestMessage => Type(ref _httpRequestMessage, "System.Net.Http.HttpRequestMessage");

    public INamedTypeSymbol? Uri => Type(ref _uri, "System.Uri");

    public INamedTypeSymbol? BlazoredLocalStorage => Type(ref _blazoredLocalStorage, "Blazored.LocalStorage.ILocalStorageService");

    public INamedTypeSymbol? BlazoredSyncLocalStorage => Type(ref _blazoredSyncLocalStorage, "Blazored.LocalStorage.ISyncLocalStorageService");

    public INamedTypeSymbol? BlazoredSessionStorage => Type(ref _blazoredSessionStorage, "Blazored.SessionStorage.ISessionStorageService");

    public INamedTypeSymbol? BlazoredSyncSessionStorage =>
        Type(ref _blazoredSyncSessionStorage, "Blazored.SessionStorage.ISyncSessionStorageService");

    /// <summary>System.Type, whose GetMethod finds a member by name (reflection).</summary>
    public INamedTypeSymbol? ReflectionType => Type(ref _reflectionType, "System.Type");

    /// <summary>The value type of header collections: a dictionary of it is headers, whatever interface it is seen through.</summary>
    public INamedTypeSymbol? StringValues => Type(ref _stringValues, "Microsoft.Extensions.Primitives.StringValues");

    public INamedTypeSymbol? KeyValuePair => Type(ref _keyValuePair, "System.Collections.Generic.KeyValuePair`2");

    /// <summary>The static KeyValuePair class (KeyValuePair.Create).</summary>
    public INamedTypeSymbol? KeyValuePairFactory => Type(ref _keyValuePairFactory, "System.Collections.Generic.KeyValuePair");

    /// <summary>Whether anything that writes a cookie can be called at all.</summary>
    public bool CanWriteCookies =>
        ResponseCookies is not null
            || CookieBuilder is not null
            || HeaderDictionary is not null
            || SetCookieHeaderValue is not null
            || ClassicHttpCookie is not null;

    /// <summary>Whether anything that writes browser storage can be called at all.</summary>
    public bool CanWriteStorage =>
        ProtectedBrowserStorage is not null || JSRuntime is not null || JSObjectReference is not null
        || BlazoredLocalStorage is not null
            || BlazoredSyncLocalStorage is not null
            || BlazoredSessionStorage is not null
            || BlazoredSyncSessionStorage is not null;

    /// <summary>
    /// A JS-interop call: a member of IJSRuntime or IJSObjectReference (or their in-process kinds), or one of their
    /// extension methods.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public bool IsJSInterop(IMethodSymbol method)
    {
        if (method.Name is not ("InvokeVoidAsync" or "InvokeAsync" or "InvokeVoid" or "Invoke"))
        {
            return false;
        }

        var type = (method.ReducedFrom ?? method).ContainingType;
        return SymbolFacts.IsOrInherits(type, JSRuntime)
            || SymbolFacts.IsOrInherits(type, JSObjectReference)
            || SymbolEqualityComparer.Default.Equals(type, JSRuntimeExtensions)
            || SymbolEqualityComparer.Default.Equals(type, JSObjectReferenceExtensions)
            || SymbolEqualityComparer.Default.Equals(type, JSInProcessRuntimeExtensions)
            || SymbolEqualityComparer.Default.Equals(type, JSInProcessObjectReferenceExtensions);
    }

    public static KnownSymbols For(Compilation compilation) => Cache.GetValue(compilation, c => new KnownSymbols(c));
}

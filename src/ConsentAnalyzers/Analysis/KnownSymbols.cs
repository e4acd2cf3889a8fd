using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Analysis;

/// <summary>
/// The framework and library types whose members write cookies or browser storage, resolved once per compilation by
/// metadata name (so third-party types such as Blazored need no reference from the analyzer). A type the
/// compilation does not reference is null, and the analyzers skip what needs it.
/// </summary>
internal sealed class KnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> Cache = new();

    private KnownSymbols(Compilation compilation)
    {
        INamedTypeSymbol? Type(string metadataName) => compilation.GetTypeByMetadataName(metadataName);

        ResponseCookies = Type("Microsoft.AspNetCore.Http.IResponseCookies");
        CookieOptions = Type("Microsoft.AspNetCore.Http.CookieOptions");
        CookieBuilder = Type("Microsoft.AspNetCore.Http.CookieBuilder");
        HeaderDictionary = Type("Microsoft.AspNetCore.Http.IHeaderDictionary");
        SetCookieHeaderValue = Type("Microsoft.Net.Http.Headers.SetCookieHeaderValue");
        ClassicHttpCookie = Type("System.Web.HttpCookie");
        TempDataDictionary = Type("Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionary");
        TempDataAttribute = Type("Microsoft.AspNetCore.Mvc.TempDataAttribute");
        ProtectedLocalStorage = Type("Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage.ProtectedLocalStorage");
        ProtectedSessionStorage = Type("Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage.ProtectedSessionStorage");
        ProtectedBrowserStorage = Type("Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage.ProtectedBrowserStorage");
        JSRuntime = Type("Microsoft.JSInterop.IJSRuntime");
        JSObjectReference = Type("Microsoft.JSInterop.IJSObjectReference");
        JSInProcessRuntime = Type("Microsoft.JSInterop.IJSInProcessRuntime");
        JSInProcessObjectReference = Type("Microsoft.JSInterop.IJSInProcessObjectReference");
        JSRuntimeExtensions = Type("Microsoft.JSInterop.JSRuntimeExtensions");
        JSObjectReferenceExtensions = Type("Microsoft.JSInterop.JSObjectReferenceExtensions");
        JSInProcessRuntimeExtensions = Type("Microsoft.JSInterop.JSInProcessRuntimeExtensions");
        JSInProcessObjectReferenceExtensions = Type("Microsoft.JSInterop.JSInProcessObjectReferenceExtensions");
        RazorPageBase = Type("Microsoft.AspNetCore.Mvc.Razor.RazorPageBase");
        RenderTreeBuilder = Type("Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder");
        HttpClient = Type("System.Net.Http.HttpClient");
        HttpClientJsonExtensions = Type("System.Net.Http.Json.HttpClientJsonExtensions");
        HttpRequestMessage = Type("System.Net.Http.HttpRequestMessage");
        Uri = Type("System.Uri");
        BlazoredLocalStorage = Type("Blazored.LocalStorage.ILocalStorageService");
        BlazoredSyncLocalStorage = Type("Blazored.LocalStorage.ISyncLocalStorageService");
        BlazoredSessionStorage = Type("Blazored.SessionStorage.ISessionStorageService");
        BlazoredSyncSessionStorage = Type("Blazored.SessionStorage.ISyncSessionStorageService");
    }

    public INamedTypeSymbol? ResponseCookies { get; }

    public INamedTypeSymbol? CookieOptions { get; }

    public INamedTypeSymbol? CookieBuilder { get; }

    public INamedTypeSymbol? HeaderDictionary { get; }

    public INamedTypeSymbol? SetCookieHeaderValue { get; }

    public INamedTypeSymbol? ClassicHttpCookie { get; }

    public INamedTypeSymbol? TempDataDictionary { get; }

    public INamedTypeSymbol? TempDataAttribute { get; }

    public INamedTypeSymbol? ProtectedLocalStorage { get; }

    public INamedTypeSymbol? ProtectedSessionStorage { get; }

    public INamedTypeSymbol? ProtectedBrowserStorage { get; }

    public INamedTypeSymbol? JSRuntime { get; }

    public INamedTypeSymbol? JSObjectReference { get; }

    public INamedTypeSymbol? JSInProcessRuntime { get; }

    public INamedTypeSymbol? JSInProcessObjectReference { get; }

    public INamedTypeSymbol? JSRuntimeExtensions { get; }

    public INamedTypeSymbol? JSObjectReferenceExtensions { get; }

    public INamedTypeSymbol? JSInProcessRuntimeExtensions { get; }

    public INamedTypeSymbol? JSInProcessObjectReferenceExtensions { get; }

    public INamedTypeSymbol? RazorPageBase { get; }

    public INamedTypeSymbol? RenderTreeBuilder { get; }

    public INamedTypeSymbol? HttpClient { get; }

    public INamedTypeSymbol? HttpClientJsonExtensions { get; }

    public INamedTypeSymbol? HttpRequestMessage { get; }

    public INamedTypeSymbol? Uri { get; }

    public INamedTypeSymbol? BlazoredLocalStorage { get; }

    public INamedTypeSymbol? BlazoredSyncLocalStorage { get; }

    public INamedTypeSymbol? BlazoredSessionStorage { get; }

    public INamedTypeSymbol? BlazoredSyncSessionStorage { get; }

    /// <summary>Whether anything that writes a cookie can be called at all.</summary>
    public bool CanWriteCookies =>
        ResponseCookies is not null || CookieBuilder is not null || HeaderDictionary is not null || SetCookieHeaderValue is not null || ClassicHttpCookie is not null;

    /// <summary>Whether anything that writes browser storage can be called at all.</summary>
    public bool CanWriteStorage =>
        ProtectedBrowserStorage is not null || JSRuntime is not null || JSObjectReference is not null
        || BlazoredLocalStorage is not null || BlazoredSyncLocalStorage is not null || BlazoredSessionStorage is not null || BlazoredSyncSessionStorage is not null;

    /// <summary>A JS-interop call: a member of IJSRuntime or IJSObjectReference (or their in-process kinds), or one of their extension methods.</summary>
    public bool IsJSInterop(IMethodSymbol method)
    {
        if (method.Name is not ("InvokeVoidAsync" or "InvokeAsync" or "InvokeVoid" or "Invoke"))
        {
            return false;
        }

        var type = (method.ReducedFrom ?? method).ContainingType;
        return IsOrInherits(type, JSRuntime)
            || IsOrInherits(type, JSObjectReference)
            || SymbolEqualityComparer.Default.Equals(type, JSRuntimeExtensions)
            || SymbolEqualityComparer.Default.Equals(type, JSObjectReferenceExtensions)
            || SymbolEqualityComparer.Default.Equals(type, JSInProcessRuntimeExtensions)
            || SymbolEqualityComparer.Default.Equals(type, JSInProcessObjectReferenceExtensions);
    }

    /// <summary>
    /// Whether <paramref name="type"/> displays as <paramref name="fullName"/> ("Namespace.Type": a top-level,
    /// non-generic type of that namespace), compared part by part without building the display string.
    /// </summary>
    public static bool HasFullName(INamedTypeSymbol type, string fullName)
    {
        var dot = fullName.LastIndexOf('.');
        var name = type.Name;
        return type.ContainingType is null
            && type.Arity == 0
            && name.Length == fullName.Length - dot - 1
            && string.CompareOrdinal(name, 0, fullName, dot + 1, name.Length) == 0
            && dot > 0
            && IsNamespace(type.ContainingNamespace, fullName, dot);
    }

    /// <summary>Whether <paramref name="ns"/> displays as the first <paramref name="length"/> characters of <paramref name="text"/> ("A.B.C").</summary>
    public static bool IsNamespace(INamespaceSymbol? ns, string text, int length)
    {
        var end = length;
        for (var current = ns; current is not null && !current.IsGlobalNamespace; current = current.ContainingNamespace)
        {
            var name = current.Name;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(name, 0, text, start, name.Length) != 0)
            {
                return false;
            }

            if (start == 0)
            {
                return current.ContainingNamespace is null || current.ContainingNamespace.IsGlobalNamespace;
            }

            if (text[start - 1] != '.')
            {
                return false;
            }

            end = start - 1;
        }

        return false;
    }

    public static KnownSymbols For(Compilation compilation) => Cache.GetValue(compilation, c => new KnownSymbols(c));

    /// <summary>Whether <paramref name="type"/> is <paramref name="target"/>, derives from it or implements it.</summary>
    public static bool IsOrInherits(ITypeSymbol? type, INamedTypeSymbol? target)
    {
        if (type is null || target is null)
        {
            return false;
        }

        // Asked on hot paths (every Append, Add, Name assignment…): a class is found only among the base types, an
        // interface only as the type itself or among its interfaces, so each walks just the list it can be in.
        if (target.TypeKind == TypeKind.Interface)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, target))
            {
                return true;
            }
        }
        else
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, target))
            {
                return true;
            }
        }

        return false;
    }
}

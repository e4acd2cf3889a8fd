using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Analysis;

/// <summary>
/// The framework and library types whose members write cookies or browser storage, resolved at most once per
/// compilation (on first use) by metadata name (so third-party types such as Blazored need no reference from the analyzer). A type the
/// compilation does not reference is null, and the analyzers skip what needs it.
/// </summary>
internal sealed class KnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> Cache = new();

    // Resolved on first use: a metadata-name lookup searches every reference, and an analyzer run needs only the
    // types of the calls the code really makes (most projects never ask for Blazored's or the in-process JS types).
    private static readonly string[] MetadataNames =
    {
        "Microsoft.AspNetCore.Http.IResponseCookies",
        "Microsoft.AspNetCore.Http.CookieOptions",
        "Microsoft.AspNetCore.Http.CookieBuilder",
        "Microsoft.AspNetCore.Http.IHeaderDictionary",
        "Microsoft.Net.Http.Headers.SetCookieHeaderValue",
        "System.Web.HttpCookie",
        "Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionary",
        "Microsoft.AspNetCore.Mvc.TempDataAttribute",
        "Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage.ProtectedLocalStorage",
        "Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage.ProtectedSessionStorage",
        "Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage.ProtectedBrowserStorage",
        "Microsoft.JSInterop.IJSRuntime",
        "Microsoft.JSInterop.IJSObjectReference",
        "Microsoft.JSInterop.IJSInProcessRuntime",
        "Microsoft.JSInterop.IJSInProcessObjectReference",
        "Microsoft.JSInterop.JSRuntimeExtensions",
        "Microsoft.JSInterop.JSObjectReferenceExtensions",
        "Microsoft.JSInterop.JSInProcessRuntimeExtensions",
        "Microsoft.JSInterop.JSInProcessObjectReferenceExtensions",
        "Microsoft.AspNetCore.Mvc.Razor.RazorPageBase",
        "Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder",
        "System.Net.Http.HttpClient",
        "System.Net.Http.Json.HttpClientJsonExtensions",
        "System.Net.Http.HttpRequestMessage",
        "System.Uri",
        "Blazored.LocalStorage.ILocalStorageService",
        "Blazored.LocalStorage.ISyncLocalStorageService",
        "Blazored.SessionStorage.ISessionStorageService",
        "Blazored.SessionStorage.ISyncSessionStorageService",
        "System.Type",
        "Microsoft.Extensions.Primitives.StringValues",
        "System.Collections.Generic.KeyValuePair`2",
        "System.Collections.Generic.KeyValuePair",
    };

    private static readonly object Missing = new();

    private readonly Compilation _compilation;
    private readonly object?[] _types = new object?[MetadataNames.Length];

    private KnownSymbols(Compilation compilation) => _compilation = compilation;

    /// <summary>The type of that index in <see cref="MetadataNames"/>, looked up once (a race looks it up twice, to the same result).</summary>
    private INamedTypeSymbol? Type(int index)
    {
        var type = Volatile.Read(ref _types[index]);
        if (type is null)
        {
            type = (object?)_compilation.GetTypeByMetadataName(MetadataNames[index]) ?? Missing;
            Volatile.Write(ref _types[index], type);
        }

        return type as INamedTypeSymbol;
    }

    public INamedTypeSymbol? ResponseCookies => Type(0);

    public INamedTypeSymbol? CookieOptions => Type(1);

    public INamedTypeSymbol? CookieBuilder => Type(2);

    public INamedTypeSymbol? HeaderDictionary => Type(3);

    public INamedTypeSymbol? SetCookieHeaderValue => Type(4);

    public INamedTypeSymbol? ClassicHttpCookie => Type(5);

    public INamedTypeSymbol? TempDataDictionary => Type(6);

    public INamedTypeSymbol? TempDataAttribute => Type(7);

    public INamedTypeSymbol? ProtectedLocalStorage => Type(8);

    public INamedTypeSymbol? ProtectedSessionStorage => Type(9);

    public INamedTypeSymbol? ProtectedBrowserStorage => Type(10);

    public INamedTypeSymbol? JSRuntime => Type(11);

    public INamedTypeSymbol? JSObjectReference => Type(12);

    public INamedTypeSymbol? JSInProcessRuntime => Type(13);

    public INamedTypeSymbol? JSInProcessObjectReference => Type(14);

    public INamedTypeSymbol? JSRuntimeExtensions => Type(15);

    public INamedTypeSymbol? JSObjectReferenceExtensions => Type(16);

    public INamedTypeSymbol? JSInProcessRuntimeExtensions => Type(17);

    public INamedTypeSymbol? JSInProcessObjectReferenceExtensions => Type(18);

    public INamedTypeSymbol? RazorPageBase => Type(19);

    public INamedTypeSymbol? RenderTreeBuilder => Type(20);

    public INamedTypeSymbol? HttpClient => Type(21);

    public INamedTypeSymbol? HttpClientJsonExtensions => Type(22);

    public INamedTypeSymbol? HttpRequestMessage => Type(23);

    public INamedTypeSymbol? Uri => Type(24);

    public INamedTypeSymbol? BlazoredLocalStorage => Type(25);

    public INamedTypeSymbol? BlazoredSyncLocalStorage => Type(26);

    public INamedTypeSymbol? BlazoredSessionStorage => Type(27);

    public INamedTypeSymbol? BlazoredSyncSessionStorage => Type(28);

    /// <summary>System.Type, whose GetMethod finds a member by name (reflection).</summary>
    public INamedTypeSymbol? ReflectionType => Type(29);

    /// <summary>The value type of header collections: a dictionary of it is headers, whatever interface it is seen through.</summary>
    public INamedTypeSymbol? StringValues => Type(30);

    public INamedTypeSymbol? KeyValuePair => Type(31);

    /// <summary>The static KeyValuePair class (KeyValuePair.Create).</summary>
    public INamedTypeSymbol? KeyValuePairFactory => Type(32);

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

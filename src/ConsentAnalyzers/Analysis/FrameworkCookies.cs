using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Names;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Analysis;

/// <summary>A cookie that an ASP.NET Core feature writes under its default name unless the app names it.</summary>
/// <param name="Feature">For messages: "session", "antiforgery", ….</param>
/// <param name="DefaultName">The framework's default name; a trailing '*' stands for a part the framework computes.</param>
/// <param name="OptionsType">The options type whose <c>Cookie.Name</c> renames the cookie.</param>
internal sealed record FrameworkCookie(string Feature, string DefaultName, string OptionsType);

/// <summary>A registration that turns on a framework cookie.</summary>
/// <param name="Cookie">The cookie turned on.</param>
/// <param name="Name">The name the cookie gets from this registration.</param>
/// <param name="AsSideEffect">
/// The registration is of another feature (MVC views, Razor Pages, components turn on antiforgery): the app's own
/// configuration of the cookie, wherever it is, takes precedence.
/// </param>
internal sealed record FrameworkCookieRegistration(FrameworkCookie Cookie, string Name, bool AsSideEffect = false);

/// <summary>
/// The cookies framework features write implicitly: registering the feature is where the app decides to write the
/// cookie, so an undeclared default name is reported there (CG0101). A feature whose cookie the app renames in the
/// same member (<c>options.Cookie.Name = …</c>, in the registration or in <c>Configure&lt;TOptions&gt;</c>) is left
/// to the name check of that assignment. TempData, which MVC keeps in a cookie by default, is checked where it is
/// written (<see cref="TempDataWrites"/>): an app that never uses TempData never writes the cookie.
/// </summary>
internal static class FrameworkCookies
{
    private static readonly FrameworkCookie Session = new("session", ".AspNetCore.Session", "Microsoft.AspNetCore.Builder.SessionOptions");
    public static readonly FrameworkCookie Antiforgery = new("antiforgery", ".AspNetCore.Antiforgery.*", "Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions");
    public static readonly FrameworkCookie TempData = new("TempData", ".AspNetCore.Mvc.CookieTempDataProvider", "Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions");
    private static readonly FrameworkCookie Authentication = new("cookie authentication", ".AspNetCore.*", "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions");

    private static readonly FrameworkCookie[] Configurable = { Session, Antiforgery, TempData, Authentication };

    /// <summary>The TempData cookie under its default name: MVC's default TempData provider keeps TempData in it.</summary>
    public static FrameworkCookieRegistration DefaultTempData { get; } = new(TempData, TempData.DefaultName, AsSideEffect: true);

    /// <summary>The implicit cookie a registration call turns on, with the name it gets; null for other calls.</summary>
    public static FrameworkCookieRegistration? WrittenBy(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name is not ("AddSession" or "AddCookieTempDataProvider" or "AddCookie" or "AddAntiforgery"
                or "AddControllersWithViews" or "AddRazorPages" or "AddMvc" or "AddRazorComponents")
            || !IsServiceRegistration(method))
        {
            return null; // the name test first: this runs on every invocation
        }

        switch (method.Name)
        {
            case "AddSession":
                return new(Session, Session.DefaultName);
            case "AddCookieTempDataProvider":
                return new(TempData, TempData.DefaultName);
            case "AddCookie":
                // The cookie is ".AspNetCore." + the scheme, "Cookies" unless the call names another.
                var scheme = invocation.Arguments.ArgumentFor("authenticationScheme")?.ConstantValue.Value as string ?? "Cookies";
                return new(Authentication, ".AspNetCore." + scheme);
            case "AddAntiforgery":
                return new(Antiforgery, Antiforgery.DefaultName);
            default:
                // Forms rendered by MVC views, Razor Pages and components carry antiforgery tokens.
                return new(Antiforgery, Antiforgery.DefaultName, AsSideEffect: true);
        }
    }

    /// <summary>
    /// The name of the framework cookie whose builder <paramref name="builder"/> is (<c>options.Cookie</c> of session,
    /// antiforgery, TempData or cookie-authentication options) when the app does not name it: the name the enclosing
    /// registration gives it (<c>AddCookie("Admin", options => …)</c>), else the feature's default. Null for other builders.
    /// </summary>
    public static ResolvedName? UnnamedCookie(IPropertyReferenceOperation builder)
    {
        if (builder is not { Property.Name: "Cookie" } || ForOptionsType(builder.Property.ContainingType) is not { } cookie)
        {
            return null;
        }

        var name = cookie.DefaultName;
        for (var operation = builder.Parent; operation is not null; operation = operation.Parent)
        {
            if (operation is IInvocationOperation invocation && WrittenBy(invocation) is { } registration && registration.Cookie == cookie)
            {
                name = registration.Name;
                break;
            }
        }

        return NamePattern.IsPattern(name) ? ResolvedName.Template(name.Replace(NamePattern.Wildcard, NamePattern.Hole)) : ResolvedName.Exact(name);
    }

    private static FrameworkCookie? ForOptionsType(INamedTypeSymbol? optionsType)
    {
        foreach (var cookie in Configurable)
        {
            if (InheritsFrom(optionsType, cookie.OptionsType))
            {
                return cookie;
            }
        }

        return null;
    }

    /// <summary>Whether the member that registers the feature also names its cookie.</summary>
    public static bool IsRenamedNearby(IInvocationOperation registration, FrameworkCookie cookie)
    {
        foreach (var operation in registration.Root().Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Name", Instance: IPropertyReferenceOperation { Property.Name: "Cookie" } cookieProperty } }
                && InheritsFrom(cookieProperty.Property.ContainingType, cookie.OptionsType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An extension method of the framework's service or authentication builders (not an app method of the same name).</summary>
    private static bool IsServiceRegistration(IMethodSymbol method)
    {
        const string Namespace = "Microsoft.Extensions.DependencyInjection";
        return method.IsExtensionMethod && KnownSymbols.IsNamespace((method.ReducedFrom ?? method).ContainingNamespace, Namespace, Namespace.Length);
    }

    private static bool InheritsFrom(INamedTypeSymbol? type, string metadataName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (KnownSymbols.HasFullName(current, metadataName))
            {
                return true;
            }
        }

        return false;
    }
}

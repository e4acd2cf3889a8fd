using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Names;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Cookies;

/// <summary>A cookie that an ASP.NET Core feature writes under its default name unless the app names it.</summary>
/// <param name="Feature">For messages: "session", "antiforgery", ….</param>
/// <param name="DefaultName">The framework's default name; a trailing '*' stands for a part the framework computes.</param>
/// <param name="OptionsType">The options type whose <c>Cookie.Name</c> renames the cookie.</param>
/// <param name="Renaming">For messages: how the app names the cookie.</param>
internal sealed record FrameworkCookie(string Feature, string DefaultName, string OptionsType, string Renaming = "options.Cookie.Name");

/// <summary>A registration that turns on a framework cookie.</summary>
/// <param name="Cookie">The cookie turned on.</param>
/// <param name="Name">The name the cookie gets from this registration (unresolved for a scheme not known at compile time).</param>
/// <param name="AsSideEffect">
/// The registration is of another feature (MVC views, Razor Pages, components turn on antiforgery and TempData): the
/// app's own configuration of the cookie, wherever it is, takes precedence, and only the first such registration of
/// the project reports it.
/// </param>
internal sealed record FrameworkCookieRegistration(FrameworkCookie Cookie, ResolvedName Name, bool AsSideEffect = false);

/// <summary>
/// The cookies framework features write implicitly: registering the feature is where the app decides to write the
/// cookie, so an undeclared default name is reported there (CG0101), once. A feature whose cookie the app renames in
/// the same member (<c>options.Cookie.Name = …</c> or <c>options.Cookie = new CookieBuilder { … }</c>, in the
/// registration or in <c>Configure&lt;TOptions&gt;</c>) is left to the name check of that assignment; one the project
/// may configure where the analysis cannot see (<see cref="UnseenConfiguration"/>) is not reported. A TempData write is
/// not a registration: MVC's TempData cookie is reported at the registration of views, when the project writes TempData.
/// </summary>
internal static class FrameworkCookies
{
    public static readonly FrameworkCookie Session = new("session", ".AspNetCore.Session", "Microsoft.AspNetCore.Builder.SessionOptions");
    public static readonly FrameworkCookie Antiforgery = new("antiforgery", ".AspNetCore.Antiforgery.*",
        "Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions");
    public static readonly FrameworkCookie TempData = new("TempData", ".AspNetCore.Mvc.CookieTempDataProvider",
        "Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions");
    public static readonly FrameworkCookie Authentication = new("cookie authentication", ".AspNetCore.*",
        "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions");

    public static readonly FrameworkCookie[] Configurable = { Session, Antiforgery, TempData, Authentication };

    private const string CookieAuthenticationOptions = "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions";

    /// <summary>The type whose assembly (<c>Microsoft.AspNetCore.Identity</c>) registers and configures the Identity cookies.</summary>
    public const string IdentityFeatureType = "Microsoft.AspNetCore.Identity.IdentityConstants";

    // ASP.NET Core Identity's four cookie-authentication schemes (IdentityConstants): the application cookie gets the
    // cookie handler's default name, ".AspNetCore." + the scheme; Identity names the other three after their schemes.
    public static readonly FrameworkCookie IdentityApplication = new("Identity application", ".AspNetCore.Identity.Application",
        CookieAuthenticationOptions,
        "ConfigureApplicationCookie(options => options.Cookie.Name = …)");
    public static readonly FrameworkCookie IdentityExternal = new("Identity external sign-in", "Identity.External", CookieAuthenticationOptions,
        "ConfigureExternalCookie(options => options.Cookie.Name = …)");
    public static readonly FrameworkCookie IdentityTwoFactorRememberMe = new("Identity two-factor remember-me", "Identity.TwoFactorRememberMe",
        CookieAuthenticationOptions,
        "Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, options => options.Cookie.Name = …)");
    public static readonly FrameworkCookie IdentityTwoFactorUserId = new("Identity two-factor sign-in", "Identity.TwoFactorUserId",
        CookieAuthenticationOptions,
        "Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options => options.Cookie.Name = …)");

    public static readonly FrameworkCookie[] Identity = { IdentityApplication, IdentityExternal, IdentityTwoFactorRememberMe,
        IdentityTwoFactorUserId };

    public static bool IsIdentity(FrameworkCookie cookie) => Array.IndexOf(Identity, cookie) >= 0;

    /// <summary>
    /// The registrations that add Identity's four cookie schemes: <c>AddIdentity</c>, <c>AddDefaultIdentity</c> (Identity
    /// UI) and <c>AddIdentityApiEndpoints</c> call <c>AddIdentityCookies</c> or register the same schemes; <c>AddIdentityCore</c>
    /// and <c>AddSignInManager</c> register no cookie.
    /// </summary>
    public static bool TurnsOnIdentityCookies(string methodName) =>
        methodName is "AddIdentity" or "AddDefaultIdentity" or "AddIdentityApiEndpoints" or "AddIdentityCookies";

    /// <summary>
    /// The Identity cookie that one of the builder methods <c>AddIdentityCookies</c> is made of adds on its own
    /// (an app that needs only some of the schemes calls these, e.g. <c>AddCookie(…).AddTwoFactorUserIdCookie()</c>).
    /// </summary>
    private static FrameworkCookie? SingleIdentityCookie(string methodName) => methodName switch
    {
        "AddApplicationCookie" => IdentityApplication,
        "AddExternalCookie" => IdentityExternal,
        "AddTwoFactorRememberMeCookie" => IdentityTwoFactorRememberMe,
        "AddTwoFactorUserIdCookie" => IdentityTwoFactorUserId,
        _ => null,
    };

    /// <summary>The registrations of other features that turn on the antiforgery cookie (their forms carry tokens).</summary>
    public static bool TurnsOnAntiforgery(string methodName) =>
        methodName is "AddControllersWithViews" or "AddRazorPages" or "AddMvc" or "AddRazorComponents";

    /// <summary>The registrations that turn on MVC's default TempData provider, which keeps TempData in a cookie.</summary>
    public static bool TurnsOnTempData(string methodName) => methodName is "AddControllersWithViews" or "AddRazorPages" or "AddMvc";

    /// <summary>The implicit cookies a registration call turns on, with the names they get; empty for other calls.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static IReadOnlyList<FrameworkCookieRegistration> WrittenBy(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name is not ("AddSession" or "AddCookieTempDataProvider" or "AddCookie" or "AddAntiforgery"
                or "AddControllersWithViews" or "AddRazorPages" or "AddMvc" or "AddRazorComponents"
                or "AddIdentity" or "AddDefaultIdentity" or "AddIdentityApiEndpoints" or "AddIdentityCookies"
                or "AddApplicationCookie" or "AddExternalCookie" or "AddTwoFactorRememberMeCookie" or "AddTwoFactorUserIdCookie")
            || !IsServiceRegistration(method))
        {
            return Array.Empty<FrameworkCookieRegistration>(); // the name test first: this runs on every invocation
        }

        if (SingleIdentityCookie(method.Name) is { } single)
        {
            return new[] { new FrameworkCookieRegistration(single, DefaultName(single)) };
        }

        switch (method.Name)
        {
            case "AddSession":
                return new[] { new FrameworkCookieRegistration(Session, DefaultName(Session)) };
            case "AddCookieTempDataProvider":
                return new[] { new FrameworkCookieRegistration(TempData, DefaultName(TempData)) };
            case "AddCookie":
                return new[] { new FrameworkCookieRegistration(Authentication, AuthenticationCookieName(invocation)) };
            case "AddAntiforgery":
                return new[] { new FrameworkCookieRegistration(Antiforgery, DefaultName(Antiforgery)) };
            case "AddIdentity" or "AddDefaultIdentity" or "AddIdentityApiEndpoints" or "AddIdentityCookies":
                return Identity.Select(cookie => new FrameworkCookieRegistration(cookie, DefaultName(cookie), AsSideEffect: true)).ToArray();
            default:
                var antiforgery = new FrameworkCookieRegistration(Antiforgery, DefaultName(Antiforgery), AsSideEffect: true);
                return TurnsOnTempData(method.Name)
                    ? new[] { antiforgery, new FrameworkCookieRegistration(TempData, DefaultName(TempData), AsSideEffect: true) }
                    : new[] { antiforgery };
        }
    }

    /// <summary>
    /// The Identity cookie that <c>ConfigureApplicationCookie</c> or <c>ConfigureExternalCookie</c> configures: not a
    /// registration (without Identity's schemes the options configure no cookie), but whose builder is that cookie's.
    /// </summary>
    public static FrameworkCookie? ConfiguredIdentityCookie(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name switch
        {
            "ConfigureApplicationCookie" when IsServiceRegistration(invocation.TargetMethod) => IdentityApplication,
            "ConfigureExternalCookie" when IsServiceRegistration(invocation.TargetMethod) => IdentityExternal,
            _ => null,
        };

    /// <summary>
    /// ".AspNetCore." + the scheme, "Cookies" unless the call names another. A scheme not known at compile time (a
    /// parameter, a configuration value) gives an unresolved name: the cookie's name is whatever the scheme is.
    /// </summary>
    private static ResolvedName AuthenticationCookieName(IInvocationOperation invocation)
    {
        if (invocation.Arguments.ArgumentFor("authenticationScheme") is not { } schemeArgument)
        {
            return ResolvedName.Exact(".AspNetCore.Cookies");
        }

        var scheme = NameResolver.Resolve(schemeArgument);
        return scheme.Kind == ResolvedNameKind.Unresolved || scheme.Text.Trim(NamePattern.Hole).Length == 0
            ? ResolvedName.Unresolved
            : ResolvedName.Concat(ResolvedName.Exact(".AspNetCore."), scheme);
    }

    private static ResolvedName DefaultName(FrameworkCookie cookie) =>
        NamePattern.IsPattern(cookie.DefaultName)
            ? ResolvedName.Template(cookie.DefaultName.Replace(NamePattern.Wildcard, NamePattern.Hole))
            : ResolvedName.Exact(cookie.DefaultName);

    /// <summary>
    /// Where a registration is reported: the call; in a chain of calls (<c>services.AddAuthentication().AddCookie()</c>),
    /// from the registration's own name.
    /// </summary>
    public static Location LocationOf(IInvocationOperation registration)
    {
        var syntax = registration.Syntax;
        if (syntax
            is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax } access } invocation)
        {
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, invocation.Span.End));
        }

        return syntax.GetLocation();
    }

    /// <summary>
    /// The name of the framework cookie whose builder <paramref name="builder"/> is (<c>options.Cookie</c> of session,
    /// antiforgery, TempData or cookie-authentication options) when the app does not name it: the name the enclosing
    /// registration gives it (<c>AddCookie("Admin", options => …)</c>), else the feature's default. Null for other
    /// builders, and when the name depends on a scheme not known at compile time.
    /// </summary>
    public static ResolvedName? UnnamedCookie(IPropertyReferenceOperation builder)
    {
        if (builder is not { Property.Name: "Cookie" } || ForOptionsType(builder.Property.ContainingType) is not { } cookie)
        {
            return null;
        }

        var name = DefaultName(cookie);
        for (var operation = builder.Parent; operation is not null; operation = operation.Parent)
        {
            if (operation is IInvocationOperation invocation && ConfiguredIdentityCookie(invocation) is { } identityCookie)
            {
                name = DefaultName(identityCookie);
                break;
            }

            if (operation is IInvocationOperation registrationCall
                && WrittenBy(registrationCall).FirstOrDefault(r => r.Cookie.OptionsType == cookie.OptionsType) is { } registration)
            {
                name = registration.Name;
                break;
            }
        }

        return name.Kind == ResolvedNameKind.Unresolved ? null : name;
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

    /// <summary>
    /// Whether the member that registers the feature also names its cookie (or replaces its builder): in this
    /// registration, or outside any other registration of the same feature (<c>Configure&lt;TOptions&gt;</c>).
    /// </summary>
    public static bool IsRenamedNearby(IInvocationOperation registration, FrameworkCookie cookie)
    {
        foreach (var operation in registration.Root().Descendants())
        {
            // options.Cookie.Name = …, or options.Cookie = new CookieBuilder { Name = … } (the whole builder replaced).
            var cookieProperty = operation switch
            {
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Name",
                    Instance: IPropertyReferenceOperation { Property.Name: "Cookie" } property } } => property,
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Cookie" } property } => property,
                _ => null,
            };
            if (cookieProperty is not null && InheritsFrom(cookieProperty.Property.ContainingType, cookie.OptionsType)
                && OwningRegistration(operation, cookie) is var owner && (owner is null || owner == registration))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The registration of <paramref name="cookie"/> whose arguments hold <paramref name="operation"/>: a name given in
    /// <c>AddCookie("Staff", options => …)</c> is that scheme's, not the name of another scheme registered beside it.
    /// </summary>
    private static IInvocationOperation? OwningRegistration(IOperation operation, FrameworkCookie cookie)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            // Any registration of a cookie with the same options (AddCookie, ConfigureApplicationCookie): its name is its own.
            if (current is IInvocationOperation invocation
                && (WrittenBy(invocation).Any(r => r.Cookie.OptionsType == cookie.OptionsType)
                    || (ConfiguredIdentityCookie(invocation) is { } configured && configured.OptionsType == cookie.OptionsType)))
            {
                return invocation;
            }
        }

        return null;
    }

    /// <summary>An extension method of the framework's service or authentication builders (not an app method of the same name).</summary>
    public static bool IsServiceRegistration(IMethodSymbol method)
    {
        const string Namespace = "Microsoft.Extensions.DependencyInjection";
        const string IdentityNamespace = "Microsoft.AspNetCore.Identity"; // AddIdentityCookies and the methods it is made of
        var containing = (method.ReducedFrom ?? method).ContainingNamespace;
        return method.IsExtensionMethod && (SymbolFacts.IsNamespace(containing, Namespace, Namespace.Length)
            || ((method.Name == "AddIdentityCookies" || SingleIdentityCookie(method.Name) is not null)
                && SymbolFacts.IsNamespace(containing, IdentityNamespace, IdentityNamespace.Length)));
    }

    private static bool InheritsFrom(INamedTypeSymbol? type, string metadataName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolFacts.HasFullName(current, metadataName))
            {
                return true;
            }
        }

        return false;
    }
}

using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.ConsentApi;
using ConsentAnalyzers.Cookies;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Frameworks;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Names;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Analyzers;

/// <summary>
/// Checks every cookie the code writes against the manifest: <c>Response.Cookies.Append</c>, <c>Set-Cookie</c> header
/// writes, <c>SetCookieHeaderValue</c>, <c>CookieBuilder.Name</c> (authentication, session, antiforgery, TempData
/// cookies) and classic ASP.NET <c>HttpCookie</c>; and <c>IsEssential = true</c> on a cookie that needs consent.
/// Deleting a cookie is always allowed.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CookieWriteAnalyzer : ConsentCodeAnalyzer
{
    private const string SetCookieHeader = "Set-Cookie";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.UndeclaredCookie,
        Rules.UnresolvedName,
        Rules.NameInWrongPlace,
        Rules.EssentialMisdeclared,
        Rules.LiteralDuplicatesConstant,
        Rules.UnguardedWrite,
        Rules.WrongCategoryGuard);

    private protected override bool AppliesTo(ConsentCompilation consent) => consent.Symbols.CanWriteCookies || consent.Writers.CanDeclare;

    private protected override void RegisterActions(CompilationStartAnalysisContext context, ConsentCompilation consent)
    {
        context.RegisterOperationAction(c => AnalyzeInvocation(c, consent), OperationKind.Invocation);
        context.RegisterOperationAction(c => AnalyzeObjectCreation(c, consent), OperationKind.ObjectCreation);
        context.RegisterOperationAction(c => AnalyzeAssignment(c, consent), OperationKind.SimpleAssignment);
        context.RegisterOperationAction(c => AnalyzeMethodReference(c, consent), OperationKind.MethodReference);
        context.RegisterOperationAction(c => AnalyzeDynamicInvocation(c, consent), OperationKind.DynamicInvocation);
    }

    [MethodImpl(HotPath.Optimized)]
    private static void AnalyzeInvocation(OperationAnalysisContext context, ConsentCompilation consent)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name == "Append" && SymbolFacts.IsOrInherits(method.ContainingType, consent.Symbols.ResponseCookies))
        {
            AnalyzeAppend(context, consent, invocation);
        }
        else if (method.Name == "AppendResponseCookie" && SymbolFacts.IsOrInherits(method.ContainingType, consent.Symbols.CookieManager)
            && invocation.Arguments.ArgumentFor("key") is { } key)
        {
            // ICookieManager (ChunkingCookieManager, the authentication handler's): a write like Append.
            CheckAppend(context, consent, invocation, key, invocation.Arguments.ArgumentFor("options"));
        }
        else if (method.Name == "CreateCookieHeader" && SymbolEqualityComparer.Default.Equals(method.ContainingType, consent.Symbols.CookieOptions)
            && invocation.Arguments.ArgumentFor("name") is { } headerName)
        {
            // CookieOptions.CreateCookieHeader(name, value): a cookie's Set-Cookie header, made to be written (to the
            // response's headers, or handed to a script as document.cookie); its text is then left alone at the header.
            CheckAppend(context, consent, invocation, headerName, invocation.Instance);
        }
        else if (FrameworkCookies.WrittenBy(invocation) is { Count: > 0 } registrations)
        {
            foreach (var registration in registrations)
            {
                CheckRegistration(context, consent, invocation, registration);
            }
        }
        else if (TempDataWrites.IsWrittenBy(invocation, consent.Symbols))
        {
            CheckTempDataWrite(context, consent);
        }
        else if (method.Name is "GrantConsent" or "CreateConsentCookie" && SymbolFacts.HasFullName(method.ContainingType, ConsentFeatureType))
        {
            CheckConsentCookieWrite(context, consent, invocation);
        }
        else if (method.Name is "Append" or "Add" or "TryAdd" or "AppendList" && IsHeaderDictionaryCall(invocation, consent.Symbols)
            && HeaderArguments(invocation, consent.Symbols) is { } header && IsSetCookie(header.Key))
        {
            CheckSetCookieHeaderValue(context, consent, header.Value, invocation);
        }
        else if (ClassicCookieWrites.CookieWritten(invocation, consent.Symbols) is { } classicCookie)
        {
            CheckClassicCookieWrite(context, consent, classicCookie);
        }
        else if (consent.Writers.Of(method) is { Target: NameTarget.Cookie } writer)
        {
            AppWriterCalls.Check(context, consent, invocation, writer);
        }
        else if (LateBoundCalls.ReflectedMethod(invocation, consent.Symbols) is { } reflected)
        {
            if (reflected.Name == "Append" && SymbolFacts.IsOrInherits(reflected.Type, consent.Symbols.ResponseCookies))
            {
                // typeof(IResponseCookies).GetMethod("Append"): the name is whatever the MethodInfo is invoked with.
                DeclaredNameCheck.Check(context, consent, ResolvedName.Unresolved, invocation.Syntax.GetLocation(), NameTarget.Cookie);
            }
            else
            {
                AppWriterCalls.CheckLateBound(context, consent, reflected, cookies: true);
            }
        }
    }

    /// <summary>
    /// <c>Response.Cookies.Append</c> as a delegate (<c>Action&lt;string, string&gt; set = Response.Cookies.Append</c>): the
    /// name is whatever the delegate is called with. Deleting is allowed, so <c>names.ForEach(Response.Cookies.Delete)</c> is not.
    /// </summary>
    private static void AnalyzeMethodReference(OperationAnalysisContext context, ConsentCompilation consent)
    {
        var reference = (IMethodReferenceOperation)context.Operation;
        var method = reference.Method;
        if (method.Name == "Append" && SymbolFacts.IsOrInherits(method.ContainingType, consent.Symbols.ResponseCookies))
        {
            DeclaredNameCheck.Check(context, consent, ResolvedName.Unresolved, context.Operation.Syntax.GetLocation(), NameTarget.Cookie);
        }
        else
        {
            AppWriterCalls.CheckReference(context, consent, reference, cookies: true);
        }
    }

    /// <summary><c>((dynamic)Response.Cookies).Append(name, value, options)</c>: checked as the call it binds to at run time.</summary>
    private static void AnalyzeDynamicInvocation(OperationAnalysisContext context, ConsentCompilation consent)
    {
        var invocation = (IDynamicInvocationOperation)context.Operation;
        var call = LateBoundCalls.DynamicCall(invocation);
        if (call is { Name: "Append" } append && SymbolFacts.IsOrInherits(append.Type, consent.Symbols.ResponseCookies)
            && LateBoundCalls.Argument(invocation, 0) is { } key)
        {
            CheckAppend(context, consent, invocation, key, LateBoundCalls.Argument(invocation, 2));
        }
        else
        {
            AppWriterCalls.CheckLateBound(context, consent, call, cookies: true);
        }
    }

    /// <summary>The header name and value of a header write: named arguments, or the key and value of a KeyValuePair added whole.</summary>
    private static (IOperation Key, IOperation Value)? HeaderArguments(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var arguments = invocation.Arguments;
        if (arguments.ArgumentFor("item")?.WithoutConversions() is { } item)
        {
            // Headers.Add(new KeyValuePair<string, StringValues>("Set-Cookie", …)) or Add(KeyValuePair.Create(…)).
            arguments = item switch
            {
                IObjectCreationOperation creation
                    when SymbolEqualityComparer.Default.Equals(creation.Type?.OriginalDefinition, symbols.KeyValuePair) => creation.Arguments,
                IInvocationOperation { TargetMethod.Name: "Create" } create
                    when SymbolEqualityComparer.Default.Equals(create.TargetMethod.ContainingType, symbols.KeyValuePairFactory) => create.Arguments,
                _ => arguments,
            };
        }

        var key = arguments.ArgumentFor("key") ?? arguments.ArgumentFor("name");
        var value = arguments.ArgumentFor("value") ?? arguments.ArgumentFor("values");
        return key is null || value is null ? null : (key, value);
    }

    /// <summary>
    /// Checks the name a registration gives the framework cookie it turns on, at the registration; unless the project
    /// may give it another name: in the same member (<c>options.Cookie.Name</c>, <c>options.Cookie = new CookieBuilder { … }</c>),
    /// or, for a cookie turned on as a side effect of views, anywhere, even conditionally; or in code the analysis
    /// cannot see. A cookie turned on as a side effect is reported once, at the project's first registration that turns it on.
    /// An Identity cookie added on its own (<c>AddTwoFactorUserIdCookie()</c>) is checked at that call unless the project
    /// configures it anywhere, as Identity's options may be configured far from the registration.
    /// </summary>
    private static void CheckRegistration(OperationAnalysisContext context, ConsentCompilation consent, IInvocationOperation invocation,
        FrameworkCookieRegistration registration)
    {
        var cookie = registration.Cookie;
        if (!registration.AsSideEffect && FrameworkCookies.IsRenamedNearby(invocation, cookie))
        {
            return; // before the scan: most registrations name their cookie
        }

        if (IsNotReportedHere(context, consent, invocation, registration))
        {
            return;
        }

        var note = cookie == FrameworkCookies.TempData && registration.AsSideEffect
            ? " (the default name of the TempData cookie, which this registration turns on and the project's TempData writes use; " +
                "declare it, name it with AddCookieTempDataProvider(options => options.Cookie.Name = " +
                "…), or keep TempData in the session with AddSessionStateTempDataProvider)"
            : $" (the default name of the {cookie.Feature} cookie, which this registration turns on; " +
                $"declare it, or name the cookie with {cookie.Renaming})";
        DeclaredNameCheck.Check(context, consent, registration.Name, FrameworkCookies.LocationOf(invocation), NameTarget.Cookie, note);
    }

    /// <summary>
    /// Whether the cookie that <paramref name="registration"/> turns on is not reported at it: the project (seen or
    /// unseen) may configure it elsewhere, a cookie turned on as a side effect is reported at an earlier registration,
    /// or the project never writes TempData. Only the scan the cookie needs is made.
    /// </summary>
    private static bool IsNotReportedHere(OperationAnalysisContext context, ConsentCompilation consent, IInvocationOperation invocation,
        FrameworkCookieRegistration registration)
    {
        var cookie = registration.Cookie;
        if (FrameworkCookies.IsIdentity(cookie))
        {
            var identity = consent.IdentityConfiguration(context.Compilation, context.CancellationToken);
            return identity.Configures(cookie) || (registration.AsSideEffect && !identity.IsFirstRegistration(invocation.Syntax));
        }

        if (!registration.AsSideEffect)
        {
            return consent.UnseenConfiguration(context.Compilation).MayConfigure(cookie);
        }

        var views = consent.ViewsConfiguration(context.Compilation, context.CancellationToken);
        return views.Configures(cookie)
            || !views.IsFirstRegistration(cookie, invocation.Syntax)
            || (cookie == FrameworkCookies.TempData && !views.WritesTempData);
    }

    private const string ConsentFeatureType = "Microsoft.AspNetCore.Http.Features.ITrackingConsentFeature";

    /// <summary>The cookie policy's consent cookie, <c>CookiePolicyOptions.ConsentCookie.Name</c> by default.</summary>
    internal const string ConsentCookieDefaultName = ".AspNet.Consent";

    /// <summary>
    /// <c>ITrackingConsentFeature.GrantConsent()</c> appends the consent cookie; <c>CreateConsentCookie()</c> returns its
    /// Set-Cookie string, which a script writes (<c>document.cookie = "@cookieString"</c>): both write the consent
    /// cookie, checked under its default name unless the project may name it (then the name is checked where it is
    /// assigned). The consent record itself needs no consent: no guard is required.
    /// </summary>
    private static void CheckConsentCookieWrite(OperationAnalysisContext context, ConsentCompilation consent, IInvocationOperation invocation)
    {
        if (consent.MayNameConsentCookie(context.Compilation, context.CancellationToken))
        {
            return;
        }

        var note = invocation.TargetMethod.Name == "GrantConsent"
            ? " (the default name of the consent cookie, which GrantConsent writes; " +
                "declare it, or name the cookie with CookiePolicyOptions.ConsentCookie.Name)"
            : " (the default name of the consent cookie, whose Set-Cookie string CreateConsentCookie returns for a script to write; " +
                "declare it, or name the cookie with CookiePolicyOptions.ConsentCookie.Name)";
        DeclaredNameCheck.Check(context, consent, ResolvedName.Exact(ConsentCookieDefaultName), FrameworkCookies.LocationOf(invocation),
            NameTarget.Cookie, note);
    }

    /// <summary>
    /// A TempData write is not a registration: the TempData cookie is reported (if undeclared) where views are
    /// registered. Where the project visibly keeps TempData in that cookie under its default name, a declared cookie
    /// that needs consent needs a guard where TempData is written.
    /// </summary>
    private static void CheckTempDataWrite(OperationAnalysisContext context, ConsentCompilation consent)
    {
        if (!consent.ViewsConfiguration(context.Compilation, context.CancellationToken).TempDataCookieIsDefault
            || consent.Manifest.Cookies.Find(ResolvedName.Exact(FrameworkCookies.TempData.DefaultName))?.Category is not { } category)
        {
            return;
        }

        ConsentGuardCheck.Check(context, consent, context.Operation, category, Rules.UnguardedWrite,
            $"Writing TempData (cookie '{FrameworkCookies.TempData.DefaultName}')");
    }

    private static void AnalyzeAppend(OperationAnalysisContext context, ConsentCompilation consent, IInvocationOperation invocation)
    {
        var key = invocation.Arguments.ArgumentFor("key");
        if (key is null)
        {
            // Append(ReadOnlySpan<KeyValuePair<string, string>> keyValuePairs, CookieOptions options): names are data.
            if (invocation.Arguments.ArgumentFor("keyValuePairs") is { } pairs)
            {
                DeclaredNameCheck.Check(context, consent, ResolvedName.Unresolved, pairs.Syntax.GetLocation(), NameTarget.Cookie);
            }

            return;
        }

        CheckAppend(context, consent, invocation, key, invocation.Arguments.ArgumentFor("options"));
    }

    /// <summary>A cookie written by name: declared, not marked essential if it needs consent, and guarded.</summary>
    private static void CheckAppend(OperationAnalysisContext context, ConsentCompilation consent, IOperation write, IOperation key,
        IOperation? options)
    {
        if (consent.Writers.IsCheckedAtCallers(key, NameTarget.Cookie))
        {
            return; // inside a [CookieWriter], under its [ConsentName] parameter: checked at every call
        }

        var name = NameResolver.Resolve(key, consent.Constants);
        var category = CookieBuilders.NameOf(key.WithoutConversions(), consent.Symbols) is not null
            ? consent.Manifest.Cookies.Find(name)?.Category // builder.Name: checked (and reported) where the builder is named
            : DeclaredNameCheck.Check(context, consent, name, key.Syntax.GetLocation(), NameTarget.Cookie);
        if (category is null || consent.Manifest.Category(category).IsEssential)
        {
            return;
        }

        if (options is not null)
        {
            foreach (var essential in EssentialAssignments.Find(options, consent.Symbols, context.CancellationToken))
            {
                // Options shared through a field are reported at each write that uses them (the field's initializer,
                // perhaps in another file, is the additional location): one field can serve cookies of any category.
                var diagnostic = options.WithoutConversions() is IFieldReferenceOperation
                    ? Diagnostic.Create(Rules.EssentialMisdeclared, options.Syntax.GetLocation(), new[] { essential.GetLocation() },
                        name.Display, category)
                    : Diagnostic.Create(Rules.EssentialMisdeclared, essential.GetLocation(), name.Display, category);
                context.ReportDiagnostic(diagnostic);
            }
        }

        ConsentGuardCheck.Check(context, consent, write, category, Rules.UnguardedWrite, $"Writing cookie '{name.Display}'");
    }

    [MethodImpl(HotPath.Optimized)]
    private static void AnalyzeObjectCreation(OperationAnalysisContext context, ConsentCompilation consent)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var type = creation.Type;
        var nameArgument = SymbolEqualityComparer.Default.Equals(type, consent.Symbols.SetCookieHeaderValue) ? creation.Arguments.ArgumentFor("name")
            : SymbolEqualityComparer.Default.Equals(type, consent.Symbols.ClassicHttpCookie) ? ClassicCookieWrites.NameGivenAtCreation(creation)
            : null;
        if (nameArgument is not null)
        {
            CheckCookieObject(context, consent, nameArgument, creation);
        }
    }

    /// <summary>The name a cookie object gets where it is created or named, and a consent check at each place the object is written.</summary>
    private static void CheckCookieObject(OperationAnalysisContext context, ConsentCompilation consent, IOperation nameArgument,
        IObjectCreationOperation creation)
    {
        if (!consent.Writers.IsCheckedAtCallers(nameArgument, NameTarget.Cookie)
            && DeclaredNameCheck.Check(context, consent, nameArgument, NameTarget.Cookie) is { } category)
        {
            var name = NameResolver.Resolve(nameArgument, consent.Constants);
            foreach (var site in CookieObjectUses.WriteSites(creation))
            {
                ConsentGuardCheck.Check(context, consent, site, category, Rules.UnguardedWrite, $"Writing cookie '{name.Display}'");
            }
        }
    }

    /// <summary>
    /// A classic cookie object written (<c>Response.Cookies.Add(cookie)</c>): its name is checked where the object is
    /// named, if the analysis can see that; otherwise the name is unknown here.
    /// </summary>
    private static void CheckClassicCookieWrite(OperationAnalysisContext context, ConsentCompilation consent, IOperation cookie)
    {
        if (!ClassicCookieWrites.IsNamedWhereCreated(cookie))
        {
            DeclaredNameCheck.Check(context, consent, ResolvedName.Unresolved, cookie.Syntax.GetLocation(), NameTarget.Cookie);
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private static void AnalyzeAssignment(OperationAnalysisContext context, ConsentCompilation consent)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target)
        {
            return;
        }

        var property = target.Property;
        if (property.Name == "Name" && SymbolFacts.IsOrInherits(property.ContainingType, consent.Symbols.CookieBuilder))
        {
            DeclaredNameCheck.Check(context, consent, assignment.Value, NameTarget.Cookie);
        }
        else if (property.Name == "Name" && SymbolEqualityComparer.Default.Equals(property.ContainingType, consent.Symbols.ClassicHttpCookie))
        {
            // cookie.Name = … on a local created just before: the name it is written under (an initializer's is the creation's).
            if (target.Instance is ILocalReferenceOperation local
                && ClassicCookieWrites.IsTracked(local.Local, assignment.Root(), out var creation, out var named)
                && named == assignment)
            {
                CheckCookieObject(context, consent, assignment.Value, creation!);
            }
        }
        else if (property.Name == "IsEssential"
            && assignment.Value.IsConstantTrue()
            && SymbolFacts.IsOrInherits(property.ContainingType, consent.Symbols.CookieBuilder)
            && BuilderCookies.NameOfCookie(assignment, target, consent) is { } name)
        {
            // options.Cookie.IsEssential = true for an authentication, session or antiforgery cookie: its name is
            // checked where it is assigned (or registered); here only whether its category may bypass consent.
            if (consent.Manifest.Cookies.Find(name)?.Category is { } category && !consent.Manifest.Category(category).IsEssential)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.EssentialMisdeclared, assignment.Syntax.GetLocation(), name.Display, category));
            }
        }
        else if (TempDataWrites.IsWrittenBy(target, consent.Symbols))
        {
            CheckTempDataWrite(context, consent);
        }
        else if (ClassicCookieWrites.NameOfResponseCookie(target, consent.Symbols) is { } responseCookie)
        {
            // Response.Cookies["name"].Value = …: the collection creates the cookie, and the assignment writes it.
            if (DeclaredNameCheck.Check(context, consent, responseCookie, NameTarget.Cookie) is { } category)
            {
                ConsentGuardCheck.Check(context, consent, assignment, category, Rules.UnguardedWrite,
                    $"Writing cookie '{NameResolver.Resolve(responseCookie, consent.Constants).Display}'");
            }
        }
        else if ((property.Name == "SetCookie" || (property.IsIndexer && target.Arguments.Length == 1))
            && IsHeaderDictionaryMember(property, consent.Symbols)
            && (property.Name == "SetCookie" || IsSetCookie(target.Arguments[0].Value)))
        {
            CheckSetCookieHeaderValue(context, consent, assignment.Value, assignment);
        }
    }

    /// <summary>A raw <c>Set-Cookie</c> header: the cookie name is the text before the first '='.</summary>
    private static void CheckSetCookieHeaderValue(OperationAnalysisContext context, ConsentCompilation consent, IOperation value, IOperation write)
    {
        if (GeneratedNames.IsEnforcementMiddleware(context.ContainingSymbol.ContainingType))
        {
            return; // the enforcement middleware writes back the header's values less those it strips: each was checked where written
        }

        if (IsCookieObjectText(value, consent.Symbols))
        {
            return; // cookie.ToString() of a SetCookieHeaderValue: its name is checked where it is created, its write at its uses
        }

        var header = NameResolver.Resolve(value, consent.Constants);
        var equals = header.Text.IndexOf('=');
        var name = header.Kind == ResolvedNameKind.Unresolved || equals < 0
            ? ResolvedName.Unresolved
            : NameBefore(header.Text.Substring(0, equals).Trim());
        if (DeclaredNameCheck.Check(context, consent, name, value.Syntax.GetLocation(), NameTarget.Cookie) is { } category)
        {
            ConsentGuardCheck.Check(context, consent, write, category, Rules.UnguardedWrite, $"Writing cookie '{name.Display}'");
        }
    }

    /// <summary>
    /// The header value is the text of a <c>SetCookieHeaderValue</c> (<c>cookie.ToString()</c>, also through a
    /// conversion to <c>StringValues</c>), whose cookie name the creation gives.
    /// </summary>
    private static bool IsCookieObjectText(IOperation value, KnownSymbols symbols) =>
        symbols.SetCookieHeaderValue is { } type
        && value.WithoutConversions() is IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: { } instance }
        && SymbolEqualityComparer.Default.Equals(instance.WithoutConversions().Type, type);

    private static ResolvedName NameBefore(string text) =>
        text.IndexOf(NamePattern.Hole) < 0
            ? ResolvedName.Exact(text)
            : text.Trim(NamePattern.Hole).Length == 0 ? ResolvedName.Unresolved : ResolvedName.Template(text);

    /// <summary>The header name is Set-Cookie: a literal, a constant, or <c>HeaderNames.SetCookie</c> (static readonly).</summary>
    private static bool IsSetCookie(IOperation key) =>
        NameResolver.Resolve(key) is { Kind: ResolvedNameKind.Exact } header
            && string.Equals(header.Text, SetCookieHeader, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A member of IHeaderDictionary, of a type implementing it, or of a collection of header values it is seen as
    /// (IDictionary&lt;string, StringValues&gt;).
    /// </summary>
    private static bool IsHeaderDictionaryMember(ISymbol member, KnownSymbols symbols) => IsHeaders(member.ContainingType, symbols);

    private static bool IsHeaders(ITypeSymbol? type, KnownSymbols symbols) =>
        SymbolFacts.IsOrInherits(type, symbols.HeaderDictionary) || IsCollectionOfHeaderValues(type, symbols);

    /// <summary>
    /// A generic collection of StringValues or of KeyValuePair&lt;string, StringValues&gt;: response headers seen
    /// through a BCL interface.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private static bool IsCollectionOfHeaderValues(ITypeSymbol? type, KnownSymbols symbols)
    {
        if (symbols.StringValues is null || type is not INamedTypeSymbol { IsGenericType: true } named)
        {
            return false;
        }

        foreach (var argument in named.TypeArguments)
        {
            if (SymbolEqualityComparer.Default.Equals(argument, symbols.StringValues)
                || argument is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 2 } pair
                    && SymbolEqualityComparer.Default.Equals(pair.OriginalDefinition, symbols.KeyValuePair)
                   && SymbolEqualityComparer.Default.Equals(pair.TypeArguments[1], symbols.StringValues))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A call on response headers: an IHeaderDictionary member, or a dictionary method or extension (Add, TryAdd)
    /// whose receiver is in fact an IHeaderDictionary.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private static bool IsHeaderDictionaryCall(IInvocationOperation invocation, KnownSymbols symbols)
    {
        if (symbols.HeaderDictionary is null)
        {
            return false;
        }

        var receiver = invocation.Instance
            ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        return IsHeaders(receiver?.WithoutConversions().Type, symbols) || IsHeaderDictionaryMember(invocation.TargetMethod, symbols);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Frameworks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Cookies;

/// <summary>
/// What the analysis can see of how the project configures the framework cookies, across the compilation. A default
/// name is reported only where the project visibly leaves it alone:
/// <list type="bullet">
/// <item>MVC views, Razor Pages and components turn on the antiforgery and TempData cookies by themselves; an app that
/// names those cookies (or keeps TempData in the session) usually does so in another member or file than the one that
/// registers MVC. Any such configuration, even in one branch of an <c>if</c>, is the project's choice: its own call or
/// <c>Cookie.Name</c> assignment is checked, and the implicit default is not reported.</item>
/// <item>The project registers views (<c>AddControllersWithViews</c>, <c>AddRazorPages</c>, <c>AddMvc</c>,
/// <c>AddRazorComponents</c>) itself: the first such registration is where the implicit cookies are reported, once;
/// the TempData cookie only when the project writes TempData.</item>
/// <item>A referenced assembly (not part of ASP.NET Core) that uses the assembly of a cookie's feature may configure
/// that cookie where the analysis cannot see: no default of that cookie is reported.</item>
/// </list>
/// </summary>
/// <remarks>
/// A syntax scan, done at most once per compilation and only when a framework registration or a TempData write is
/// found, which binds only the few calls it needs to confirm: operation actions see one member at a time, and a
/// compilation-end action would cost the rule its live IDE reporting.
/// </remarks>
internal sealed class AppConfiguration
{
    private static readonly string[] Words = { "Antiforgery", "TempData", "AddControllersWithViews", "AddMvc", "AddRazorPages", "AddRazorComponents",
        "Identity", "ConfigureApplicationCookie", "ConfigureExternalCookie", "CookieAuthenticationOptions", "ConsentCookie",
        "ITrackingConsentFeature" };

    private readonly HashSet<FrameworkCookie> _configuredByReferences;
    private readonly SyntaxNode? _firstAntiforgeryRegistration;
    private readonly SyntaxNode? _firstTempDataRegistration;
    private readonly SyntaxNode? _firstIdentityRegistration;
    private readonly HashSet<FrameworkCookie> _configuredIdentityCookies;

    private AppConfiguration(bool configuresAntiforgery, bool configuresTempDataProvider, HashSet<FrameworkCookie> configuredByReferences,
        SyntaxNode? firstAntiforgeryRegistration, SyntaxNode? firstTempDataRegistration, bool writesTempData,
        SyntaxNode? firstIdentityRegistration, HashSet<FrameworkCookie> configuredIdentityCookies, bool mayNameConsentCookie)
    {
        MayNameConsentCookie = mayNameConsentCookie;
        _firstIdentityRegistration = firstIdentityRegistration;
        _configuredIdentityCookies = configuredIdentityCookies;
        ConfiguresAntiforgery = configuresAntiforgery;
        ConfiguresTempDataProvider = configuresTempDataProvider;
        _configuredByReferences = configuredByReferences;
        _firstAntiforgeryRegistration = firstAntiforgeryRegistration;
        _firstTempDataRegistration = firstTempDataRegistration;
        WritesTempData = writesTempData;
    }

    /// <summary>An <c>AddAntiforgery</c> call, or <c>Configure&lt;AntiforgeryOptions&gt;</c>.</summary>
    public bool ConfiguresAntiforgery { get; }

    /// <summary>
    /// <c>AddCookieTempDataProvider</c>, <c>AddSessionStateTempDataProvider</c>, or
    /// <c>Configure&lt;CookieTempDataProviderOptions&gt;</c>.
    /// </summary>
    public bool ConfiguresTempDataProvider { get; }

    /// <summary>
    /// The consent cookie may have another name than <c>.AspNet.Consent</c>: the project refers to
    /// <c>CookiePolicyOptions.ConsentCookie</c> (or anything of that name) anywhere, implements its own
    /// <c>ITrackingConsentFeature</c>, or a referenced assembly outside ASP.NET Core uses the cookie-policy assembly.
    /// </summary>
    public bool MayNameConsentCookie { get; }

    /// <summary>The project writes TempData (an entry, <c>TempData.Add</c>, a <c>[TempData]</c> property).</summary>
    public bool WritesTempData { get; }

    /// <summary>Code the analysis cannot see (a referenced assembly) may configure <paramref name="cookie"/>.</summary>
    public bool MayBeConfiguredUnseen(FrameworkCookie cookie) => _configuredByReferences.Contains(cookie);

    /// <summary>
    /// Whether configuration of <paramref name="cookie"/>, seen or unseen, takes the place of the default a
    /// registration of another feature turns on.
    /// </summary>
    /// <remarks>
    /// An Identity cookie is configured by <c>ConfigureApplicationCookie</c> (the application cookie),
    /// <c>ConfigureExternalCookie</c> (the external cookie), or any <c>Configure&lt;CookieAuthenticationOptions&gt;</c>
    /// (which may name any scheme's cookie).
    /// </remarks>
    public bool Configures(FrameworkCookie cookie) =>
        MayBeConfiguredUnseen(cookie)
        || _configuredIdentityCookies.Contains(cookie)
        || (cookie == FrameworkCookies.Antiforgery ? ConfiguresAntiforgery : cookie == FrameworkCookies.TempData && ConfiguresTempDataProvider);

    /// <summary>
    /// Whether <paramref name="registration"/> is the project's first registration (of views, of Identity) that turns
    /// on <paramref name="cookie"/>.
    /// </summary>
    public bool IsFirstRegistration(FrameworkCookie cookie, SyntaxNode registration) =>
        (cookie == FrameworkCookies.Antiforgery ? _firstAntiforgeryRegistration
            : cookie == FrameworkCookies.TempData ? _firstTempDataRegistration
            : FrameworkCookies.IsIdentity(cookie) ? _firstIdentityRegistration : null) is { } first
        && first.SyntaxTree == registration.SyntaxTree && first.Span == registration.Span;

    /// <summary>
    /// TempData is kept in MVC's TempData cookie under its default name, visibly: the project registers views itself
    /// and chooses no TempData provider anywhere, and nothing unseen may choose one.
    /// </summary>
    public bool TempDataCookieIsDefault => _firstTempDataRegistration is not null && !Configures(FrameworkCookies.TempData);

    public static AppConfiguration Scan(Compilation compilation, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        bool antiforgery = false, tempData = false, tempDataAttribute = false;
        var identityConfigured = new HashSet<FrameworkCookie>();
        var consentCookie = false;
        var consentCookieMentions = new List<IdentifierNameSyntax>();
        var registrations = new List<InvocationExpressionSyntax>();
        var tempDataWrites = new List<SyntaxNode>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var node in NodesAroundMentions(tree, Mentions, cancellationToken))
            {
                var name = ConfigurationName(node);
                antiforgery |= name is "AddAntiforgery" or "AntiforgeryOptions";
                tempData |= name is "AddCookieTempDataProvider" or "AddSessionStateTempDataProvider" or "CookieTempDataProviderOptions";
                switch (name)
                {
                    case "ConfigureApplicationCookie" when node is InvocationExpressionSyntax call && MayNameTheCookie(call):
                        identityConfigured.Add(FrameworkCookies.IdentityApplication);
                        break;
                    case "ConfigureExternalCookie" when node is InvocationExpressionSyntax call && MayNameTheCookie(call):
                        identityConfigured.Add(FrameworkCookies.IdentityExternal);
                        break;
                    case "CookieAuthenticationOptions":
                        identityConfigured.UnionWith(FrameworkCookies.Identity);
                        break;
                }

                if (node is IdentifierNameSyntax { Identifier.ValueText: "ConsentCookie" } consentCookieName)
                {
                    consentCookieMentions.Add(consentCookieName);
                }

                // IConfigureOptions<CookieAuthenticationOptions>, IConfigureNamedOptions<…>, IPostConfigureOptions<…>,
                // Configure<…>(scheme, …): options code that may name any scheme's cookie, Identity's included.
                if (node is IdentifierNameSyntax { Identifier.ValueText: "CookieAuthenticationOptions" } optionsName
                    && optionsName.Ancestors().Any(ancestor => ancestor is TypeArgumentListSyntax))
                {
                    identityConfigured.UnionWith(FrameworkCookies.Identity);
                }

                consentCookie |= node is BaseTypeSyntax { Type: var baseType }
                    && baseType.ToString().EndsWith("ITrackingConsentFeature", StringComparison.Ordinal);
                switch (node)
                {
                    case InvocationExpressionSyntax invocation
                        when name is not null && (FrameworkCookies.TurnsOnAntiforgery(name) || FrameworkCookies.TurnsOnIdentityCookies(name)):
                        registrations.Add(invocation);
                        break;
                    case InvocationExpressionSyntax invocation when name == "Add":
                        tempDataWrites.Add(invocation);
                        break;
                    case AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax } assignment
                        when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                        tempDataWrites.Add(assignment);
                        break;
                    case AttributeSyntax attribute when AttributeName(attribute.Name) is "TempData" or "TempDataAttribute":
                        tempDataAttribute = true;
                        break;
                }
            }
        }

        var configuredByReferences = ConfiguredByReferences(compilation);
        var (firstAntiforgery, firstTempData, firstIdentity) = FirstRegistrations(compilation, registrations, cancellationToken);
        var writesTempData = tempDataAttribute
            || (firstTempData is not null
                && !tempData
                && !configuredByReferences.Contains(FrameworkCookies.TempData)
                && AnyTempDataWrite(compilation, tempDataWrites, symbols, cancellationToken));
        consentCookie |= WellKnownTypes.Find(compilation, CookiePolicyConfiguration.OptionsType)?.ContainingAssembly is { } policyAssembly
            && AssembliesUsedByReferences(compilation).Contains(policyAssembly.Identity.Name);
        consentCookie = consentCookie || RefersToConsentCookie(compilation, consentCookieMentions, cancellationToken);
        return new AppConfiguration(antiforgery, tempData, configuredByReferences, firstAntiforgery, firstTempData, writesTempData, firstIdentity,
            identityConfigured, consentCookie);
    }

    /// <summary>
    /// The nodes of <paramref name="tree"/> that may configure something, found by text first: most files mention
    /// none of the words (<paramref name="mentions"/> finds where they are), and are not walked at all. A
    /// configuration names itself, so the nodes read are those whose text holds a mention (unless a \u escape may
    /// spell one, when the whole file is read), each once, in document order: the chain of nodes from the root down to
    /// each mention's token, which costs a lookup per mention instead of a walk through the nodes beside them. Also the
    /// access after a <c>?.</c> that holds a mention before it (<c>TempData?.Add(…)</c> names its receiver only there).
    /// </summary>
    internal static IEnumerable<SyntaxNode> NodesAroundMentions(SyntaxTree tree, Func<string, List<int>> mentions,
        CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        if (text.IndexOf("\\u", StringComparison.Ordinal) >= 0)
        {
            return tree.GetRoot(cancellationToken).DescendantNodes();
        }

        var found = mentions(text);
        return found.Count == 0 ? Array.Empty<SyntaxNode>() : NodesHolding(tree.GetRoot(cancellationToken), found);
    }

    /// <summary>
    /// The nodes whose full span holds one of the <paramref name="positions"/> (sorted), and the access after each
    /// <c>?.</c> among them; in document order, parents before children.
    /// </summary>
    /// <remarks>
    /// A node that holds the previous position was added with that position's chain, and so were its ancestors: the
    /// walk up from each position stops at the first node that starts at or before the previous one. The chains then
    /// come in document order as they are, with no set of the nodes seen and no sort.
    /// </remarks>
    private static IEnumerable<SyntaxNode> NodesHolding(SyntaxNode root, List<int> positions)
    {
        var nodes = new List<SyntaxNode>();
        var chain = new List<SyntaxNode>();
        List<SyntaxNode>? accesses = null;
        var previous = -1;
        foreach (var position in positions)
        {
            chain.Clear();
            for (var node = root.FindToken(position).Parent; node is not null && node.FullSpan.Start > previous; node = node.Parent)
            {
                chain.Add(node);
                if (node is ConditionalAccessExpressionSyntax { WhenNotNull: var access } && !Contains(access.FullSpan, positions))
                {
                    (accesses ??= new List<SyntaxNode>()).Add(access);
                }
            }

            previous = position;
            chain.Reverse();
            nodes.AddRange(chain);
        }

        if (accesses is null)
        {
            return nodes;
        }

        // Stable: a node and its only child share a span, and the parent was added first.
        return nodes.Concat(accesses).OrderBy(node => node.FullSpan.Start).ThenByDescending(node => node.FullSpan.Length);
    }

    /// <summary>
    /// The first registration of views in the project that turns on the antiforgery cookie, and the first that turns on
    /// the TempData cookie, in the order of the compilation's files: the calls found by name, bound to confirm they are
    /// the framework's (not an app method of the same name).
    /// </summary>
    private static (SyntaxNode? Antiforgery, SyntaxNode? TempData, SyntaxNode? Identity) FirstRegistrations(Compilation compilation,
        List<InvocationExpressionSyntax> candidates, CancellationToken cancellationToken)
    {
        SyntaxNode? antiforgery = null, tempData = null, identity = null;
        SemanticModel? model = null;
        foreach (var candidate in candidates)
        {
            if (antiforgery is not null && tempData is not null && identity is not null)
            {
                break;
            }

            model = ModelFor(compilation, candidate.SyntaxTree, model);
            if (model.GetSymbolInfo(candidate, cancellationToken).Symbol is IMethodSymbol method && FrameworkCookies.IsServiceRegistration(method))
            {
                if (antiforgery is null && FrameworkCookies.TurnsOnAntiforgery(method.Name))
                {
                    antiforgery = candidate;
                }

                if (tempData is null && FrameworkCookies.TurnsOnTempData(method.Name))
                {
                    tempData = candidate;
                }

                if (identity is null && FrameworkCookies.TurnsOnIdentityCookies(method.Name))
                {
                    identity = candidate;
                }
            }
        }

        return (antiforgery, tempData, identity);
    }

    /// <summary>Whether one of the candidate assignments and <c>Add</c> calls (near a mention of TempData) writes TempData.</summary>
    private static bool AnyTempDataWrite(Compilation compilation, List<SyntaxNode> candidates, KnownSymbols symbols,
        CancellationToken cancellationToken)
    {
        SemanticModel? model = null;
        foreach (var candidate in candidates)
        {
            model = ModelFor(compilation, candidate.SyntaxTree, model);
            var written = model.GetOperation(candidate, cancellationToken) switch
            {
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } => TempDataWrites.IsWrittenBy(target, symbols),
                IInvocationOperation invocation => TempDataWrites.IsWrittenBy(invocation, symbols),
                _ => false,
            };
            if (written)
            {
                return true;
            }
        }

        return false;
    }

#pragma warning disable RS1030 // Binding a handful of calls in other files, once per compilation: an operation action sees one member only.
    internal static SemanticModel ModelFor(Compilation compilation, SyntaxTree tree, SemanticModel? previous) =>
        previous is not null && previous.SyntaxTree == tree ? previous : compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

    /// <summary>
    /// The framework cookies that referenced assemblies may configure: an assembly outside ASP.NET Core that references
    /// the assembly of a cookie's options type (where <c>AddAntiforgery</c>, <c>AddSessionStateTempDataProvider</c> and
    /// the options themselves are) can name that cookie or choose its provider, and the analysis cannot see its code.
    /// </summary>
    private static HashSet<FrameworkCookie> ConfiguredByReferences(Compilation compilation)
    {
        var configured = new HashSet<FrameworkCookie>();
        var byAssembly = new Dictionary<string, List<FrameworkCookie>>(StringComparer.Ordinal);
        foreach (var cookie in FrameworkCookies.Configurable.Concat(FrameworkCookies.Identity))
        {
            // An Identity cookie's feature is Identity's assembly (AddIdentity, ConfigureApplicationCookie), not cookie authentication's.
            var featureType = FrameworkCookies.IsIdentity(cookie) ? FrameworkCookies.IdentityFeatureType : cookie.OptionsType;
            if (WellKnownTypes.Find(compilation, featureType)?.ContainingAssembly?.Identity.Name is { } assembly)
            {
                if (!byAssembly.TryGetValue(assembly, out var cookies))
                {
                    byAssembly[assembly] = cookies = new List<FrameworkCookie>();
                }

                cookies.Add(cookie);
            }
        }

        if (byAssembly.Count == 0)
        {
            return configured;
        }

        foreach (var used in AssembliesUsedByReferences(compilation))
        {
            if (byAssembly.TryGetValue(used, out var cookies))
            {
                configured.UnionWith(cookies);
            }
        }

        return configured;
    }

    /// <summary>
    /// The names of the assemblies that the compilation's referenced assemblies outside the framework (ASP.NET Core,
    /// System, Microsoft.Extensions) use: a feature whose assembly is among them may be configured in code the
    /// analysis cannot see.
    /// </summary>
    internal static HashSet<string> AssembliesUsedByReferences(Compilation compilation)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            var name = reference.Identity.Name;
            if (name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name.StartsWith("System", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || name is "netstandard" or "mscorlib")
            {
                continue; // the framework itself: what it configures is what the defaults are
            }

            foreach (var module in reference.Modules)
            {
                foreach (var assembly in module.ReferencedAssemblies)
                {
                    used.Add(assembly.Name);
                }
            }
        }

        return used;
    }

    /// <summary>
    /// Whether one of the identifiers named <c>ConsentCookie</c> is <c>CookiePolicyOptions.ConsentCookie</c>, or may be
    /// (not bound: <c>dynamic</c>, code that does not compile): the project may name the consent cookie there.
    /// </summary>
    private static bool RefersToConsentCookie(Compilation compilation, List<IdentifierNameSyntax> mentions, CancellationToken cancellationToken)
    {
        SemanticModel? model = null;
        foreach (var mention in mentions)
        {
            model = ModelFor(compilation, mention.SyntaxTree, model);
            var info = model.GetSymbolInfo(mention, cancellationToken);
            var symbol = info.Symbol ?? (info.CandidateSymbols.IsDefaultOrEmpty ? null : info.CandidateSymbols[0]);
            if (symbol is null
                || (symbol is IPropertySymbol property && SymbolFacts.HasFullName(property.ContainingType, CookiePolicyConfiguration.OptionsType)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a <c>ConfigureApplicationCookie(…)</c>/<c>ConfigureExternalCookie(…)</c> call may name its cookie: a lambda
    /// that touches <c>Cookie</c> (its name is then checked where assigned), or a configuration the analysis does not
    /// read (a method group, a variable). A lambda that sets only other options (<c>LoginPath</c>) keeps the default name.
    /// </summary>
    private static bool MayNameTheCookie(InvocationExpressionSyntax invocation)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.Expression is not LambdaExpressionSyntax lambda
                || lambda.DescendantNodes().OfType<IdentifierNameSyntax>().Any(name => name.Identifier.ValueText == "Cookie"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the text mentions what may configure the cookies or register views, in order; TempData in any case (a
    /// <c>tempData</c> parameter).
    /// </summary>
    private static List<int> Mentions(string text)
    {
        var mentions = new List<int>();
        foreach (var word in Words)
        {
            var comparison = word == "TempData" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            for (var at = text.IndexOf(word, comparison); at >= 0; at = text.IndexOf(word, at + 1, comparison))
            {
                mentions.Add(at);
            }
        }

        mentions.Sort();
        return mentions;
    }

    internal static bool Contains(TextSpan span, List<int> mentions)
    {
        var index = mentions.BinarySearch(span.Start);
        index = index >= 0 ? index : ~index;
        return index < mentions.Count && mentions[index] < span.End;
    }

    private static string? AttributeName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// The name of a called method (<c>services.AddAntiforgery(…)</c>) or of a configured options type
    /// (<c>Configure&lt;AntiforgeryOptions&gt;</c>).
    /// </summary>
    private static string? ConfigurationName(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.Identifier.ValueText,
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
        InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } => binding.Name.Identifier.ValueText,
        GenericNameSyntax { Identifier.ValueText: "Configure" or "PostConfigure" or "ConfigureAll" or "PostConfigureAll" or "AddOptions" } generic
            when generic.TypeArgumentList.Arguments.Count == 1
            => generic.TypeArgumentList.Arguments[0] switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            },
        _ => null,
    };
}

using System.Collections.Generic;
using System.Threading;
using ConsentAnalyzers.Frameworks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Cookies;

/// <summary>
/// What the analysis can see of how the project configures the cookies that views turn on by themselves (antiforgery,
/// TempData), across the compilation. A default name is reported only where the project visibly leaves it alone:
/// <list type="bullet">
/// <item>MVC views, Razor Pages and components turn on the antiforgery and TempData cookies by themselves; an app that
/// names those cookies (or keeps TempData in the session) usually does so in another member or file than the one that
/// registers MVC. Any such configuration, even in one branch of an <c>if</c>, is the project's choice: its own call or
/// <c>Cookie.Name</c> assignment is checked, and the implicit default is not reported.</item>
/// <item>The project registers views (<c>AddControllersWithViews</c>, <c>AddRazorPages</c>, <c>AddMvc</c>,
/// <c>AddRazorComponents</c>) itself: the first such registration is where the implicit cookies are reported, once;
/// the TempData cookie only when the project writes TempData.</item>
/// <item>Code the analysis cannot see may configure them (<see cref="UnseenConfiguration"/>): no default is reported.</item>
/// </list>
/// </summary>
/// <remarks>
/// A scan of the text (<see cref="ConfigurationText"/>), made when a registration of views or a TempData write is
/// analyzed.
/// </remarks>
internal sealed class ViewsConfiguration
{
    // "AddRazor" finds AddRazorPages and AddRazorComponents in one search (the nodes around it are then read by name).
    private static readonly string[] Words = { "Antiforgery", "TempData", "AddControllersWithViews", "AddMvc", "AddRazor" };

    private readonly bool _configuresAntiforgery;
    private readonly bool _configuresTempDataProvider;
    private readonly UnseenConfiguration _unseen;
    private readonly SyntaxNode? _firstAntiforgeryRegistration;
    private readonly SyntaxNode? _firstTempDataRegistration;

    private ViewsConfiguration(bool configuresAntiforgery, bool configuresTempDataProvider, UnseenConfiguration unseen,
        SyntaxNode? firstAntiforgeryRegistration, SyntaxNode? firstTempDataRegistration, bool writesTempData)
    {
        _configuresAntiforgery = configuresAntiforgery;
        _configuresTempDataProvider = configuresTempDataProvider;
        _unseen = unseen;
        _firstAntiforgeryRegistration = firstAntiforgeryRegistration;
        _firstTempDataRegistration = firstTempDataRegistration;
        WritesTempData = writesTempData;
    }

    /// <summary>The project writes TempData (an entry, <c>TempData.Add</c>, a <c>[TempData]</c> property).</summary>
    public bool WritesTempData { get; }

    /// <summary>
    /// Whether configuration of <paramref name="cookie"/>, seen or unseen, takes the place of the default a
    /// registration of views turns on: <c>AddAntiforgery</c> or <c>Configure&lt;AntiforgeryOptions&gt;</c> for the
    /// antiforgery cookie; <c>AddCookieTempDataProvider</c>, <c>AddSessionStateTempDataProvider</c> or
    /// <c>Configure&lt;CookieTempDataProviderOptions&gt;</c> for the TempData cookie.
    /// </summary>
    public bool Configures(FrameworkCookie cookie) =>
        _unseen.MayConfigure(cookie)
        || (cookie == FrameworkCookies.Antiforgery ? _configuresAntiforgery : cookie == FrameworkCookies.TempData && _configuresTempDataProvider);

    /// <summary>
    /// Whether <paramref name="registration"/> is the project's first registration of views that turns on
    /// <paramref name="cookie"/>.
    /// </summary>
    public bool IsFirstRegistration(FrameworkCookie cookie, SyntaxNode registration) => ConfigurationText.IsAt(
        cookie == FrameworkCookies.Antiforgery ? _firstAntiforgeryRegistration
            : cookie == FrameworkCookies.TempData ? _firstTempDataRegistration : null,
        registration);

    /// <summary>
    /// TempData is kept in MVC's TempData cookie under its default name, visibly: the project registers views itself
    /// and chooses no TempData provider anywhere, and nothing unseen may choose one.
    /// </summary>
    public bool TempDataCookieIsDefault => _firstTempDataRegistration is not null && !Configures(FrameworkCookies.TempData);

    public static ViewsConfiguration Scan(Compilation compilation, KnownSymbols symbols, UnseenConfiguration unseen,
        CancellationToken cancellationToken)
    {
        bool antiforgery = false, tempData = false, tempDataAttribute = false;
        var registrations = new List<InvocationExpressionSyntax>();
        var tempDataWrites = new List<SyntaxNode>();
        foreach (var node in ConfigurationText.NodesAroundMentions(compilation, Mentions, cancellationToken))
        {
            var name = ConfigurationText.ConfiguredName(node);
            antiforgery |= name is "AddAntiforgery" or "AntiforgeryOptions";
            tempData |= name is "AddCookieTempDataProvider" or "AddSessionStateTempDataProvider" or "CookieTempDataProviderOptions";
            switch (node)
            {
                case InvocationExpressionSyntax invocation when name is not null && FrameworkCookies.TurnsOnAntiforgery(name):
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

        SyntaxNode? firstAntiforgery = null, firstTempData = null;
        foreach (var (call, method) in ConfigurationText.Registrations(compilation, registrations, cancellationToken))
        {
            firstAntiforgery ??= FrameworkCookies.TurnsOnAntiforgery(method.Name) ? call : null;
            firstTempData ??= FrameworkCookies.TurnsOnTempData(method.Name) ? call : null;
            if (firstAntiforgery is not null && firstTempData is not null)
            {
                break;
            }
        }

        var writesTempData = tempDataAttribute
            || (firstTempData is not null
                && !tempData
                && !unseen.MayConfigure(FrameworkCookies.TempData)
                && AnyTempDataWrite(compilation, tempDataWrites, symbols, cancellationToken));
        return new ViewsConfiguration(antiforgery, tempData, unseen, firstAntiforgery, firstTempData, writesTempData);
    }

    /// <summary>Whether one of the candidate assignments and <c>Add</c> calls (near a mention of TempData) writes TempData.</summary>
    private static bool AnyTempDataWrite(Compilation compilation, List<SyntaxNode> candidates, KnownSymbols symbols,
        CancellationToken cancellationToken)
    {
        SemanticModel? model = null;
        foreach (var candidate in candidates)
        {
            model = ConfigurationText.ModelFor(compilation, candidate.SyntaxTree, model);
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

    /// <summary>
    /// Where the text mentions what may configure these cookies or register views, in order; TempData in any case (a
    /// <c>tempData</c> parameter).
    /// </summary>
    private static List<int> Mentions(string text) => ConfigurationText.Mentions(text, Words, anyCaseWord: "TempData");

    private static string? AttributeName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}

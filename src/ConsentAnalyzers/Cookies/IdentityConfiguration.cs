using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConsentAnalyzers.Cookies;

/// <summary>
/// What the analysis can see of how the project configures ASP.NET Core Identity's cookies, across the compilation:
/// the first registration that turns them on (<c>AddIdentity</c>, <c>AddDefaultIdentity</c>, …), where they are
/// reported once, and the cookies configured anywhere, which are not reported at all. An Identity cookie is configured
/// by <c>ConfigureApplicationCookie</c> (the application cookie), <c>ConfigureExternalCookie</c> (the external
/// cookie), or any <c>Configure&lt;CookieAuthenticationOptions&gt;</c> or options class of those options (which may
/// name any scheme's cookie); or by code the analysis cannot see (<see cref="UnseenConfiguration"/>).
/// </summary>
/// <remarks>
/// A scan of the text (<see cref="ConfigurationText"/>), made when a registration of Identity's cookies is analyzed.
/// </remarks>
internal sealed class IdentityConfiguration
{
    private static readonly string[] Words = { "Identity", "ConfigureApplicationCookie", "ConfigureExternalCookie", "CookieAuthenticationOptions" };

    private readonly HashSet<FrameworkCookie> _configured;
    private readonly UnseenConfiguration _unseen;
    private readonly SyntaxNode? _firstRegistration;

    private IdentityConfiguration(HashSet<FrameworkCookie> configured, UnseenConfiguration unseen, SyntaxNode? firstRegistration)
    {
        _configured = configured;
        _unseen = unseen;
        _firstRegistration = firstRegistration;
    }

    /// <summary>Whether configuration of the Identity cookie <paramref name="cookie"/>, seen or unseen, takes the place of its default.</summary>
    public bool Configures(FrameworkCookie cookie) => _unseen.MayConfigure(cookie) || _configured.Contains(cookie);

    /// <summary>Whether <paramref name="registration"/> is the project's first registration that turns on Identity's cookies.</summary>
    public bool IsFirstRegistration(SyntaxNode registration) => ConfigurationText.IsAt(_firstRegistration, registration);

    public static IdentityConfiguration Scan(Compilation compilation, UnseenConfiguration unseen, CancellationToken cancellationToken)
    {
        var configured = new HashSet<FrameworkCookie>();
        var registrations = new List<InvocationExpressionSyntax>();
        foreach (var node in ConfigurationText.NodesAroundMentions(compilation, Mentions, cancellationToken))
        {
            var name = ConfigurationText.ConfiguredName(node);
            switch (name)
            {
                case "ConfigureApplicationCookie" when node is InvocationExpressionSyntax call && MayNameTheCookie(call):
                    configured.Add(FrameworkCookies.IdentityApplication);
                    break;
                case "ConfigureExternalCookie" when node is InvocationExpressionSyntax call && MayNameTheCookie(call):
                    configured.Add(FrameworkCookies.IdentityExternal);
                    break;
                case "CookieAuthenticationOptions":
                    configured.UnionWith(FrameworkCookies.Identity);
                    break;
                case not null when node is InvocationExpressionSyntax invocation && FrameworkCookies.TurnsOnIdentityCookies(name):
                    registrations.Add(invocation);
                    break;
            }

            // IConfigureOptions<CookieAuthenticationOptions>, IConfigureNamedOptions<…>, IPostConfigureOptions<…>,
            // Configure<…>(scheme, …): options code that may name any scheme's cookie, Identity's included.
            if (node is IdentifierNameSyntax { Identifier.ValueText: "CookieAuthenticationOptions" } optionsName
                && optionsName.Ancestors().Any(ancestor => ancestor is TypeArgumentListSyntax))
            {
                configured.UnionWith(FrameworkCookies.Identity);
            }
        }

        var first = ConfigurationText.Registrations(compilation, registrations, cancellationToken)
            .FirstOrDefault(registration => FrameworkCookies.TurnsOnIdentityCookies(registration.Method.Name));
        return new IdentityConfiguration(configured, unseen, first.Call);
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

    private static List<int> Mentions(string text) => ConfigurationText.Mentions(text, Words);
}

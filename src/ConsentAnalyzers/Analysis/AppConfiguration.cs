using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Analysis;

/// <summary>
/// Whether the app configures the antiforgery cookie or the TempData provider anywhere in the compilation. MVC views,
/// Razor Pages and components turn both on by themselves; an app that names those cookies (or keeps TempData in the
/// session) usually does so in another member or file than the one that registers MVC. Where such a configuration
/// exists, its own call or <c>Cookie.Name</c> assignment is checked, so the implicit default is not reported again.
/// </summary>
/// <remarks>
/// A syntax scan, done at most once per compilation and only when MVC registration or a TempData write is found:
/// operation actions see one member at a time, and a compilation-end action would cost the rule its live IDE reporting.
/// </remarks>
internal sealed class AppConfiguration
{
    private AppConfiguration(bool configuresAntiforgery, bool configuresTempDataProvider)
    {
        ConfiguresAntiforgery = configuresAntiforgery;
        ConfiguresTempDataProvider = configuresTempDataProvider;
    }

    /// <summary>An <c>AddAntiforgery</c> call, or <c>Configure&lt;AntiforgeryOptions&gt;</c>.</summary>
    public bool ConfiguresAntiforgery { get; }

    /// <summary><c>AddCookieTempDataProvider</c>, <c>AddSessionStateTempDataProvider</c>, or <c>Configure&lt;CookieTempDataProviderOptions&gt;</c>.</summary>
    public bool ConfiguresTempDataProvider { get; }

    /// <summary>Whether the app's own configuration of <paramref name="cookie"/> takes the place of its implicit default.</summary>
    public bool Configures(FrameworkCookie cookie) =>
        cookie == FrameworkCookies.Antiforgery ? ConfiguresAntiforgery : cookie == FrameworkCookies.TempData && ConfiguresTempDataProvider;

    public static AppConfiguration Scan(Compilation compilation, CancellationToken cancellationToken)
    {
        bool antiforgery = false, tempData = false;
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A text search first: most files mention neither, and need not be walked.
            var text = tree.GetText(cancellationToken).ToString();
            var mayConfigureAntiforgery = !antiforgery && text.IndexOf("Antiforgery", StringComparison.Ordinal) >= 0;
            var mayConfigureTempData = !tempData && text.IndexOf("TempDataProvider", StringComparison.Ordinal) >= 0;
            if (!mayConfigureAntiforgery && !mayConfigureTempData)
            {
                continue;
            }

            // Only the nodes around a mention are walked: a configuration names itself, so its identifier's text holds
            // the word (unless written with a \u escape, when the whole file is walked as before).
            var mentions = text.IndexOf("\\u", StringComparison.Ordinal) >= 0 ? null : Mentions(text, mayConfigureAntiforgery, mayConfigureTempData);
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(node => mentions is null || Contains(node.FullSpan, mentions)))
            {
                var name = ConfigurationName(node);
                antiforgery |= name is "AddAntiforgery" or "AntiforgeryOptions";
                tempData |= name is "AddCookieTempDataProvider" or "AddSessionStateTempDataProvider" or "CookieTempDataProviderOptions";
            }

            if (antiforgery && tempData)
            {
                break;
            }
        }

        return new AppConfiguration(antiforgery, tempData);
    }

    /// <summary>Where the text mentions what may configure the cookies, in order.</summary>
    private static List<int> Mentions(string text, bool antiforgery, bool tempData)
    {
        var mentions = new List<int>();
        foreach (var word in new[] { antiforgery ? "Antiforgery" : null, tempData ? "TempDataProvider" : null })
        {
            for (var at = word is null ? -1 : text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word!, at + 1, StringComparison.Ordinal))
            {
                mentions.Add(at);
            }
        }

        mentions.Sort();
        return mentions;
    }

    private static bool Contains(TextSpan span, List<int> mentions)
    {
        var index = mentions.BinarySearch(span.Start);
        index = index >= 0 ? index : ~index;
        return index < mentions.Count && mentions[index] < span.End;
    }

    /// <summary>The name of a called method (<c>services.AddAntiforgery(…)</c>) or of a configured options type (<c>Configure&lt;AntiforgeryOptions&gt;</c>).</summary>
    private static string? ConfigurationName(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.Identifier.ValueText,
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
        GenericNameSyntax { Identifier.ValueText: "Configure" or "PostConfigure" or "AddOptions" } generic when generic.TypeArgumentList.Arguments.Count == 1
            => generic.TypeArgumentList.Arguments[0] switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            },
        _ => null,
    };
}

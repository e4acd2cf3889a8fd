using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Cookies;

/// <summary>
/// How the compilation-wide configuration scans (<see cref="ViewsConfiguration"/>, <see cref="IdentityConfiguration"/>,
/// <see cref="ConsentCookieNaming"/>, <see cref="CookiePolicyConfiguration"/>) read the project: by text first, then
/// only the syntax around what the text mentions, then binding only the few calls that syntax leaves.
/// </summary>
/// <remarks>
/// Each scan runs once per compilation, and only when an analyzed call asks its question: operation actions see one
/// member at a time, and a compilation-end action would cost the rules their live IDE reporting.
/// </remarks>
internal static class ConfigurationText
{
    /// <summary>
    /// The nodes around mentions (<see cref="NodesAroundMentions(SyntaxTree, Func{string, List{int}}, CancellationToken)"/>)
    /// in every file of the compilation, file by file.
    /// </summary>
    public static IEnumerable<SyntaxNode> NodesAroundMentions(Compilation compilation, Func<string, List<int>> mentions,
        CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var node in NodesAroundMentions(tree, mentions, cancellationToken))
            {
                yield return node;
            }
        }
    }

    /// <summary>
    /// The nodes of <paramref name="tree"/> that may configure something, found by text first: most files mention
    /// none of the words (<paramref name="mentions"/> finds where they are), and are not walked at all. A
    /// configuration names itself, so the nodes read are those whose text holds a mention (unless a \u escape may
    /// spell one, when the whole file is read), each once, in document order: the chain of nodes from the root down to
    /// each mention's token, which costs a lookup per mention instead of a walk through the nodes beside them. Also the
    /// access after a <c>?.</c> that holds a mention before it (<c>TempData?.Add(…)</c> names its receiver only there).
    /// </summary>
    public static IEnumerable<SyntaxNode> NodesAroundMentions(SyntaxTree tree, Func<string, List<int>> mentions,
        CancellationToken cancellationToken)
    {
        if (SourceTexts.MayEscapeNames(tree))
        {
            return tree.GetRoot(cancellationToken).DescendantNodes();
        }

        var found = mentions(tree.GetText(cancellationToken).ToString());
        return found.Count == 0 ? Array.Empty<SyntaxNode>() : NodesHolding(tree.GetRoot(cancellationToken), found);
    }

    /// <summary>
    /// Where <paramref name="text"/> mentions one of <paramref name="words"/> (in any case for
    /// <paramref name="anyCaseWord"/>), in order.
    /// </summary>
    public static List<int> Mentions(string text, string[] words, string? anyCaseWord = null)
    {
        var mentions = new List<int>();
        foreach (var word in words)
        {
            var comparison = word == anyCaseWord ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            for (var at = text.IndexOf(word, comparison); at >= 0; at = text.IndexOf(word, at + 1, comparison))
            {
                mentions.Add(at);
            }
        }

        mentions.Sort();
        return mentions;
    }

    /// <summary>
    /// The name of a called method (<c>services.AddAntiforgery(…)</c>) or of a configured options type
    /// (<c>Configure&lt;AntiforgeryOptions&gt;</c>).
    /// </summary>
    public static string? ConfiguredName(SyntaxNode node) => node switch
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

    /// <summary>
    /// The <paramref name="candidates"/> (calls found by name, in the order of the compilation's files) that bind to a
    /// framework registration (not an app method of the same name), with the method each calls.
    /// </summary>
    public static IEnumerable<(InvocationExpressionSyntax Call, IMethodSymbol Method)> Registrations(Compilation compilation,
        List<InvocationExpressionSyntax> candidates, CancellationToken cancellationToken)
    {
        SemanticModel? model = null;
        foreach (var candidate in candidates)
        {
            model = ModelFor(compilation, candidate.SyntaxTree, model);
            if (model.GetSymbolInfo(candidate, cancellationToken).Symbol is IMethodSymbol method && FrameworkCookies.IsServiceRegistration(method))
            {
                yield return (candidate, method);
            }
        }
    }

    /// <summary>Whether <paramref name="found"/> (a node of an earlier scan of this compilation) is <paramref name="node"/>.</summary>
    public static bool IsAt(SyntaxNode? found, SyntaxNode node) =>
        found is not null && found.SyntaxTree == node.SyntaxTree && found.Span == node.Span;

#pragma warning disable RS1030 // Binding a handful of calls in other files, once per compilation: an operation action sees one member only.
    public static SemanticModel ModelFor(Compilation compilation, SyntaxTree tree, SemanticModel? previous) =>
        previous is not null && previous.SyntaxTree == tree ? previous : compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

    /// <summary>
    /// The names of the assemblies that the compilation's referenced assemblies outside the framework (ASP.NET Core,
    /// System, Microsoft.Extensions) use: a feature whose assembly is among them may be configured in code the
    /// analysis cannot see.
    /// </summary>
    public static HashSet<string> AssembliesUsedByReferences(Compilation compilation)
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

    private static bool Contains(TextSpan span, List<int> mentions)
    {
        var index = mentions.BinarySearch(span.Start);
        index = index >= 0 ? index : ~index;
        return index < mentions.Count && mentions[index] < span.End;
    }
}

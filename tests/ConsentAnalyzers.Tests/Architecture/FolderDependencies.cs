using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConsentAnalyzers.Tests.Architecture;

/// <summary>
/// Which folder of a product assembly uses which, read from the semantic model of its sources: a folder is a namespace
/// (<c>ConsentAnalyzers.Guards</c> is <c>src/ConsentAnalyzers/Guards</c>), and every name in a file that binds to a
/// type or member of another folder's namespace is a dependency of the file's folder on that one.
/// </summary>
internal static class FolderDependencies
{
    public static IReadOnlyDictionary<string, SortedSet<string>> Of(string project, string rootNamespace)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "src", project);
        var trees = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.Latest), path))
            .ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(project, trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var edges = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var from = FolderOf(model.GetEnclosingSymbol(name.SpanStart)?.ContainingNamespace, rootNamespace);
                var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                var target = symbol is INamespaceSymbol
                    ? null
                    : FolderOf(
                        symbol is ITypeSymbol type
                            ? type.ContainingNamespace
                            : symbol?.ContainingType?.ContainingNamespace ?? symbol?.ContainingNamespace, rootNamespace);
                if (from is not null && from != "(root)" && target is not null && from != target)
                {
                    (edges.TryGetValue(from, out var set) ? set : edges[from] = new SortedSet<string>(StringComparer.Ordinal)).Add(target);
                }
            }
        }

        return edges;
    }

    /// <summary>The folder of a namespace of the assembly (its first part under the root namespace); null outside it.</summary>
    private static string? FolderOf(INamespaceSymbol? ns, string rootNamespace)
    {
        var name = ns?.ToDisplayString();
        if (name is null || !name.StartsWith(rootNamespace + ".", StringComparison.Ordinal))
        {
            return name == rootNamespace ? "(root)" : null;
        }

        var rest = name.Substring(rootNamespace.Length + 1);
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest.Substring(0, dot);
    }
}

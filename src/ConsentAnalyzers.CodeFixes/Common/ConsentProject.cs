using System.Threading;
using ConsentAnalyzers.ConsentApi;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.CodeFixes.Common;

/// <summary>What the fixes need to know about a project's consent setup, read the way the analyzers and the generator read it.</summary>
internal static class ConsentProject
{
    /// <summary>
    /// A type the generator emits into <paramref name="project"/> (<c>ConsentCookies</c>, <c>ConsentCategory</c>), in
    /// <c>$(ConsentNamespace)</c> or the root namespace; null when the compilation has no such type.
    /// </summary>
    public static INamedTypeSymbol? GeneratedType(Project project, Compilation compilation, string name)
    {
        return GeneratedNames.Find(compilation, Options(project, compilation).Namespace, name);
    }

    /// <summary>The generator's options for the project (namespace, visibility), as the analyzers read them.</summary>
    public static GeneratorOptions Options(Project project, Compilation compilation) =>
        GeneratorOptions.From(project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GlobalOptions, compilation.AssemblyName, parseOptions: null);

    /// <summary>The project's valid manifest, or null (none, or one with errors: the code rules are silent then).</summary>
    public static ManifestModel? Manifest(Project project, CancellationToken cancellationToken)
    {
        var text = ManifestFiles.FindPrimary(project.AnalyzerOptions)?.GetText(cancellationToken);
        return text is null ? null : ManifestCache.Read(text, cancellationToken).Model;
    }
}

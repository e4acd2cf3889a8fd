using System.Threading;
using ConsentAnalyzers.Generator;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Analysis;

/// <summary>
/// What the code analyzers need for one compilation: the valid manifest (indexed), the well-known symbols and the
/// generated constants. Null when there is nothing to check against: no manifest, or one with errors (those are
/// reported by the manifest rules; checking code against a half-read policy would only add noise).
/// </summary>
internal sealed class ConsentCompilation
{
    private ConsentCompilation(ManifestIndex manifest, KnownSymbols symbols, GeneratedConstants constants)
    {
        Manifest = manifest;
        Symbols = symbols;
        Constants = constants;
    }

    public ManifestIndex Manifest { get; }

    public KnownSymbols Symbols { get; }

    public GeneratedConstants Constants { get; }

    public static ConsentCompilation? Create(Compilation compilation, AnalyzerOptions analyzerOptions, CancellationToken cancellationToken)
    {
        var file = ManifestFiles.FindPrimary(analyzerOptions);
        var text = file?.GetText(cancellationToken);
        var model = text is null ? null : ManifestCache.Read(text).Model;
        if (model is null)
        {
            return null;
        }

        var index = ManifestIndex.For(model);
        var options = GeneratorOptions.From(analyzerOptions.AnalyzerConfigOptionsProvider.GlobalOptions, compilation.AssemblyName, parseOptions: null);
        return new ConsentCompilation(index, KnownSymbols.For(compilation), GeneratedConstants.Find(compilation, options, index));
    }
}

using System.Collections.Immutable;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Generator;

/// <summary>
/// Turns consent-manifest.json into typed constants, metadata and the consent attributes. The pipeline carries only
/// value-equatable models, so an edit to C# code, or a reformatting of the manifest, regenerates nothing. A manifest
/// with any error produces no output (the analyzer reports the errors), never half-generated code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ConsentGenerator : IIncrementalGenerator
{
    /// <summary>One candidate manifest file, read and validated.</summary>
    private sealed record ParsedManifest(string Path, bool IsMarked, ManifestModel? Model);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsedManifests = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => ManifestFiles.IsCandidate(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ManifestCandidates)
            .Select(static (pair, cancellationToken) =>
            {
                var text = pair.Left.GetText(cancellationToken);
                var model = text is null ? null : ManifestCache.Read(text, cancellationToken).Model;
                return new ParsedManifest(pair.Left.Path, ManifestFiles.IsMarked(pair.Right.GetOptions(pair.Left)), model);
            })
            .WithTrackingName(TrackingNames.ParsedManifests);

        var pathConfigured = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => ManifestFiles.ConfiguredPath(options.GlobalOptions) is not null);

        var manifest = parsedManifests
            .Collect()
            .Combine(pathConfigured)
            .Select(static (pair, _) => ManifestFiles.ChoosePrimary(pair.Left, candidate => candidate.IsMarked, pair.Right)?.Model)
            .WithTrackingName(TrackingNames.Manifest);

        var options = context.AnalyzerConfigOptionsProvider
            .Combine(context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName))
            .Combine(context.ParseOptionsProvider)
            .Select(static (pair, _) => GeneratorOptions.From(pair.Left.Left.GlobalOptions, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Options);

        var input = manifest
            .Combine(options)
            .Select(static (pair, _) => pair.Left is null ? null : new GenerationInput(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Input);

        context.RegisterSourceOutput(input, static (production, generationInput) =>
        {
            if (generationInput is not null)
            {
                Emit(production, generationInput);
            }
        });
    }

    private static void Emit(SourceProductionContext production, GenerationInput input)
    {
        var categories = new CategoryNames(input.Manifest);
        production.AddSource("ConsentCategory.g.cs", CategoryEmitter.Emit(input, categories));
        production.CancellationToken.ThrowIfCancellationRequested();
        production.AddSource("ConsentAttributes.g.cs", AttributesEmitter.Emit(input));
        production.AddSource("ConsentCookies.g.cs", NameConstantsEmitter.EmitCookies(input, categories));
        production.CancellationToken.ThrowIfCancellationRequested();
        production.AddSource("ConsentStorageKeys.g.cs", NameConstantsEmitter.EmitStorageKeys(input, categories));
        production.CancellationToken.ThrowIfCancellationRequested();
        production.AddSource("ConsentMetadata.g.cs", MetadataTypesEmitter.Emit(input));
        production.AddSource("ConsentManifest.g.cs", ManifestEmitter.Emit(input, categories));
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.ConsentApi;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Generator;

/// <summary>
/// Turns consent-manifest.json into typed constants, metadata and the consent attributes. The pipeline carries only
/// value-equatable models, so an edit to C# code, or a reformatting of the manifest, regenerates nothing.
/// <para>
/// A broken manifest still generates its sound part (<see cref="ManifestReadResult.SoundPart"/>): the attributes and
/// the category enum always, and every category and entry read without an issue, so a typo in one entry costs the
/// uses of that entry alone. In a command-line build the generator also reports the manifest rules, which then
/// survive the errors at those uses (<see cref="ManifestRuleReporting"/>).
/// </para>
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ConsentGenerator : IIncrementalGenerator
{
    /// <summary>One candidate manifest file, read: what it contributes to the generated code, and its issues.</summary>
    private sealed record ParsedManifest(string Path, bool IsMarked, ManifestModel SoundPart, EquatableArray<ManifestDiagnostic> Issues);

    /// <summary>The build settings that decide which file is the manifest, and whether this generator reports the manifest rules.</summary>
    private sealed record ManifestSettings(bool PathConfigured, string WhyNoManifest, bool ReportsRules);

    /// <summary>The manifest in use (null when the project has none) and the other candidates, which are not read.</summary>
    private sealed record ChosenManifest(ParsedManifest? Primary, EquatableArray<string> Ignored);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsedManifests = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => ManifestFiles.IsCandidate(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ManifestCandidates)
            .Select(static (pair, cancellationToken) => Parse(pair.Left, ManifestFiles.IsMarked(pair.Right.GetOptions(pair.Left)), cancellationToken))
            .WithTrackingName(TrackingNames.ParsedManifests);

        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => new ManifestSettings(
                ManifestFiles.ConfiguredPath(options.GlobalOptions) is not null,
                ManifestFiles.WhyNoManifest(options.GlobalOptions),
                ManifestRuleReporting.ByGenerator(options.GlobalOptions)))
            .WithTrackingName(TrackingNames.Settings);

        var chosen = parsedManifests
            .Collect()
            .Combine(settings)
            .Select(static (pair, _) => Choose(pair.Left, pair.Right.PathConfigured))
            .WithTrackingName(TrackingNames.ChosenManifest);

        var manifest = chosen
            .Select(static (chosen, _) => chosen.Primary?.SoundPart)
            .WithTrackingName(TrackingNames.Manifest);

        var options = context.AnalyzerConfigOptionsProvider
            .Combine(context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName))
            .Combine(context.ParseOptionsProvider)
            .Select(static (pair, _) => GeneratorOptions.From(pair.Left.Left.GlobalOptions, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Options);

        // Read from the compilation after every edit, but only a bool and a few names: the steps after it stay cached.
        var facts = context.CompilationProvider
            .Combine(options)
            .Select(static (pair, cancellationToken) => CompilationFacts.From(pair.Left, pair.Right.Namespace, cancellationToken))
            .WithTrackingName(TrackingNames.CompilationFacts);

        var input = manifest
            .Combine(options)
            .Combine(facts)
            .Select(static (pair, _) => new GenerationInput(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Input);

        context.RegisterSourceOutput(input, static (production, generationInput) => Emit(production, generationInput));

        var diagnostics = chosen
            .Combine(settings)
            .Select(static (pair, _) => pair.Right.ReportsRules ? Diagnose(pair.Left, pair.Right) : EquatableArray<ManifestDiagnostic>.Empty)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(diagnostics, static (production, manifestDiagnostics) =>
        {
            foreach (var diagnostic in manifestDiagnostics)
            {
                production.ReportDiagnostic(
                    Diagnostic.Create(Rules.ManifestRule(diagnostic.RuleId), diagnostic.Location?.ToLocation() ?? Location.None, diagnostic.Message));
            }
        });
    }

    private static ParsedManifest Parse(AdditionalText file, bool isMarked, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            return new ParsedManifest(file.Path, isMarked, ManifestModel.Empty, EquatableArray<ManifestDiagnostic>.Empty);
        }

        var result = ManifestCache.Read(text, cancellationToken);
        var issues = result.Issues
            .Select(issue => new ManifestDiagnostic(issue.RuleId, issue.Message,
                new FileLocation(file.Path, issue.Span, text.Lines.GetLinePositionSpan(issue.Span))))
            .ToEquatableArray();
        return new ParsedManifest(file.Path, isMarked, result.SoundPart, issues);
    }

    private static ChosenManifest Choose(IReadOnlyList<ParsedManifest> candidates, bool pathConfigured)
    {
        var primary = ManifestFiles.ChoosePrimary(candidates, candidate => candidate.IsMarked, pathConfigured);
        var ignored = primary is null
            ? EquatableArray<string>.Empty
            : candidates.Where(candidate => candidate.Path != primary.Path).Select(candidate => candidate.Path).ToEquatableArray();
        return new ChosenManifest(primary, ignored);
    }

    /// <summary>The manifest rules' diagnostics, as the manifest analyzer reports them where the generator does not.</summary>
    private static EquatableArray<ManifestDiagnostic> Diagnose(ChosenManifest chosen, ManifestSettings settings)
    {
        if (chosen.Primary is null)
        {
            return new[] { new ManifestDiagnostic(DiagnosticIds.ManifestNotFound, settings.WhyNoManifest, null) }.ToEquatableArray();
        }

        var fileStart = new TextSpan(0, 0);
        return chosen.Primary.Issues
            .Concat(chosen.Ignored.Select(
                path => new ManifestDiagnostic(DiagnosticIds.ManifestConflict, ManifestFiles.NotTheManifest(chosen.Primary.Path),
                    new FileLocation(path, fileStart, default))))
            .ToEquatableArray();
    }

    private static void Emit(SourceProductionContext production, GenerationInput input)
    {
        if (input.Facts.ProvidedBy is { } provided)
        {
            // A referenced assembly generated these types public into the same namespace: a second copy here would
            // conflict with it at every use (CS0436), and in any assembly that sees both (CS0433).
            production.ReportDiagnostic(DescribeProvided(input, provided));
            return;
        }

        if (!input.Options.IsPublic && !input.Facts.DeclaresEmbeddedAttribute)
        {
            production.AddSource(EmbeddedAttributeEmitter.HintName,
                EmbeddedAttributeEmitter.Emit(marksItself: !EmbeddedAttributeEmitter.HostMarksDefinitionEmbedded));
        }

        // The attributes and the enum they take are there even without a manifest, so code that marks its consent
        // checks keeps compiling while the manifest is missing or unreadable, and the manifest rules say why.
        var categories = new CategoryNames(input.Manifest);
        production.AddSource("ConsentCategory.g.cs", CategoryEmitter.Emit(input, categories));
        production.AddSource("ConsentAttributes.g.cs", AttributesEmitter.Emit(input));
        production.AddSource(WriterAttributesEmitter.HintName, WriterAttributesEmitter.Emit(input));
        if (!input.HasManifest)
        {
            return;
        }

        production.CancellationToken.ThrowIfCancellationRequested();
        production.AddSource("ConsentCookies.g.cs", NameConstantsEmitter.EmitCookies(input, categories));
        production.CancellationToken.ThrowIfCancellationRequested();
        production.AddSource("ConsentStorageKeys.g.cs", NameConstantsEmitter.EmitStorageKeys(input, categories));
        production.CancellationToken.ThrowIfCancellationRequested();
        production.AddSource("ConsentMetadata.g.cs", MetadataTypesEmitter.Emit(input));
        production.AddSource("ConsentManifest.g.cs", ManifestEmitter.Emit(input, categories));
        EmitRuntime(production, input, categories);
    }

    /// <summary>
    /// The runtime helpers, each only where what it uses is there: Consent Mode where a category maps to it, the request
    /// helpers where ASP.NET Core is referenced, the middleware where logging is too.
    /// </summary>
    private static void EmitRuntime(SourceProductionContext production, GenerationInput input, CategoryNames categories)
    {
        production.CancellationToken.ThrowIfCancellationRequested();
        production.AddSource(StorageDisclosureEmitter.HintName, StorageDisclosureEmitter.Emit(input));
        if (ConsentModeEmitter.Applies(input.Manifest))
        {
            production.AddSource(ConsentModeEmitter.HintName, ConsentModeEmitter.Emit(input, categories));
        }

        if (!input.Facts.ReferencesAspNetCore)
        {
            return;
        }

        production.AddSource(OptOutSignalsEmitter.HintName, OptOutSignalsEmitter.Emit(input));
        production.AddSource(WithdrawalEmitter.HintName, WithdrawalEmitter.Emit(input));
        if (input.Facts.ReferencesLogging)
        {
            production.AddSource(EnforcementEmitter.HintName, EnforcementEmitter.Emit(input));
        }
    }

    /// <summary>CG0005, or CG0006 when the referenced enum's members are not the ones this project's manifest would generate.</summary>
    private static Diagnostic DescribeProvided(GenerationInput input, ProvidedConsentTypes provided)
    {
        var ns = input.Options.Namespace.Length == 0 ? "(global)" : input.Options.Namespace;
        var categories = new CategoryNames(input.Manifest);
        var expected = input.Manifest.Categories.Select(category => categories.Member(category.Id)).ToList();
        if (!input.HasManifest || expected.SequenceEqual(provided.CategoryMembers))
        {
            return Diagnostic.Create(Rules.TypesFromReference, Location.None, ns, provided.AssemblyName);
        }

        static string List(IEnumerable<string> members) => members.Any() ? string.Join(", ", members) : "no members";
        return Diagnostic.Create(Rules.ReferencedTypesMismatch, Location.None, ns, provided.AssemblyName, List(provided.CategoryMembers),
            List(expected));
    }
}

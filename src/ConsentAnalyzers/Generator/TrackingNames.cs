namespace ConsentAnalyzers.Generator;

/// <summary>Names of the generator's pipeline steps, so tests can assert which steps were cached after an edit.</summary>
internal static class TrackingNames
{
    public const string ManifestCandidates = nameof(ManifestCandidates);
    public const string ParsedManifests = nameof(ParsedManifests);
    public const string Settings = nameof(Settings);
    public const string ChosenManifest = nameof(ChosenManifest);
    public const string Manifest = nameof(Manifest);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Options = nameof(Options);
    public const string CompilationFacts = nameof(CompilationFacts);
    public const string Input = nameof(Input);
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using ConsentAnalyzers.ConsentApi;
using ConsentAnalyzers.Frameworks;
using ConsentAnalyzers.Guards;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Names;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace ConsentAnalyzers.Analysis;

/// <summary>
/// What the code analyzers need for one compilation: the valid manifest (indexed), the well-known symbols and the
/// generated constants. Null when there is nothing to check against: no manifest, or one with errors (those are
/// reported by the manifest rules; checking code against a half-read policy would only add noise).
/// </summary>
internal sealed class ConsentCompilation
{
    private readonly ConditionalWeakTable<ControlFlowGraph, ConsentFlow> _flows = new();
    private readonly ConcurrentDictionary<Location, bool> _nameSites = new();
    private readonly ConditionalWeakTable<IOperation, GrantingPlaces> _grantingPlaces = new();

    private readonly Lazy<GeneratedConstants> _constants;

    private ConsentCompilation(ManifestIndex manifest, KnownSymbols symbols, Func<GeneratedConstants> constants, GuardRecognizer guards,
        ConsentRequirements requirements, AppWriters writers, Lifetime? lifetimeCap, bool graphShortcuts)
    {
        GraphShortcuts = graphShortcuts;
        LifetimeCap = lifetimeCap;
        Manifest = manifest;
        Symbols = symbols;
        _constants = new Lazy<GeneratedConstants>(constants);
        Guards = guards;
        Requirements = requirements;
        Writers = writers;
    }

    public GuardRecognizer Guards { get; }

    /// <summary>The longest a cookie that needs consent may be written to live (CG0111); null when the project switched the cap off.</summary>
    public Lifetime? LifetimeCap { get; }

    /// <summary>
    /// Whether the guard check may answer without a control-flow graph (<see cref="EnclosingGuard"/>,
    /// <see cref="CheckFreeBodies"/>): off only for the differential test that compares both ways.
    /// </summary>
    public bool GraphShortcuts { get; }

    /// <summary>What members marked <c>[RequiresConsent]</c> need from their callers.</summary>
    public ConsentRequirements Requirements { get; }

    /// <summary>The app's own cookie and storage writers (<c>[CookieWriter]</c>, <c>[StorageWriter]</c>).</summary>
    public AppWriters Writers { get; }

    /// <summary>
    /// The consent flow of a graph, computed once however many sites in it need consent. A graph always gets the
    /// same entry facts (they follow from where it stands), so the graph alone is the key. A cancelled analysis
    /// throws and caches nothing.
    /// </summary>
    /// <remarks>
    /// <paramref name="entryLocals"/>, when given, says what captured boolean locals imply on entry (a Razor
    /// tag-helper content lambda); it is asked only when the flow is computed.
    /// </remarks>
    public ConsentFlow FlowFor(ControlFlowGraph graph, CategorySet entry, CancellationToken cancellationToken,
        Func<ConsentFlow.LocalFacts>? entryLocals = null) =>
        _flows.GetValue(graph, g => ConsentFlow.Analyze(g, Guards, entry, cancellationToken, entryLocals?.Invoke()));

    public ManifestIndex Manifest { get; }

    /// <summary>
    /// Where in a member's body something may grant a category (<see cref="CheckFreeBodies.Places"/>; none in a
    /// check-free body), found once per body.
    /// </summary>
    public GrantingPlaces GrantingPlaces(IOperation root) => _grantingPlaces.GetValue(root, r => CheckFreeBodies.Places(r, Guards));

    /// <summary>
    /// Records a cookie or storage write whose name was checked against the manifest (<paramref name="resolved"/>) or
    /// could not be (CG0102), for the project's coverage summary (CG0108). Keyed by location, so a site analyzed twice
    /// (the IDE may run an analyzer again on the same compilation) is counted once.
    /// </summary>
    public void RecordNameSite(Location location, bool resolved) => _nameSites.TryAdd(location, resolved);

    /// <summary>
    /// How many name sites were recorded, and the unresolved ones in a fixed order (file, then position), whatever
    /// order the analysis ran in. Complete only at compilation end, after every analyzer has seen every operation.
    /// </summary>
    public (int Total, IReadOnlyList<Location> Unresolved) NameCoverage()
    {
        var sites = _nameSites.ToArray();
        var unresolved = sites.Where(site => !site.Value)
            .Select(site => (Location: site.Key, Mapped: site.Key.GetMappedLineSpan(), File: site.Key.SourceTree?.FilePath ?? string.Empty))
            .OrderBy(site => site.Mapped.Path, StringComparer.Ordinal)
            .ThenBy(site => site.Mapped.StartLinePosition)
            .ThenBy(site => site.File, StringComparer.Ordinal)
            .ThenBy(site => site.Location.SourceSpan.Start)
            .Select(site => site.Location)
            .ToList();
        return (sites.Length, unresolved);
    }

    public KnownSymbols Symbols { get; }

    /// <summary>
    /// The generated constants, read at the first site that resolves a name: by then the compiler has bound that
    /// site's body and built the generated types' members, which reading them at compilation start would do first
    /// (and bill to the analyzers).
    /// </summary>
    public GeneratedConstants Constants => _constants.Value;

    private static readonly ConditionalWeakTable<Compilation, SharedContext> Shared = new(), SharedWithoutShortcuts = new();

    /// <summary>
    /// The context for a compilation, built once and shared by the analyzers that run on it (so they also share
    /// the consent flow of each control-flow graph); analyzers with the graph shortcuts off get a context of their own.
    /// </summary>
    public static ConsentCompilation? For(Compilation compilation, AnalyzerOptions analyzerOptions, CancellationToken cancellationToken,
        bool graphShortcuts = true)
    {
        var shared = (graphShortcuts ? Shared : SharedWithoutShortcuts).GetValue(compilation, _ => new SharedContext());
        lock (shared)
        {
            if (!ReferenceEquals(shared.Options, analyzerOptions))
            {
                shared.Value = Create(compilation, analyzerOptions, graphShortcuts, cancellationToken);
                shared.Options = analyzerOptions;
            }

            return shared.Value;
        }
    }

    /// <summary>The context built for a compilation, and the options it was built from.</summary>
    private sealed class SharedContext
    {
        public AnalyzerOptions? Options { get; set; }

        public ConsentCompilation? Value { get; set; }
    }

    private static ConsentCompilation? Create(Compilation compilation, AnalyzerOptions analyzerOptions, bool graphShortcuts,
        CancellationToken cancellationToken)
    {
        var file = ManifestFiles.FindPrimary(analyzerOptions);
        var text = file?.GetText(cancellationToken);
        var model = text is null ? null : ManifestCache.Read(text, cancellationToken).Model;
        if (model is null)
        {
            return null;
        }

        var index = ManifestIndex.For(model);
        var cap = global::ConsentAnalyzers.Manifest.LifetimeCap.Read(analyzerOptions.AnalyzerConfigOptionsProvider.GlobalOptions).Limit;
        var options = GeneratorOptions.From(analyzerOptions.AnalyzerConfigOptionsProvider.GlobalOptions, compilation.AssemblyName,
            parseOptions: null);
        return new ConsentCompilation(index, KnownSymbols.For(compilation), () => GeneratedConstants.Find(compilation, options, model),
            new GuardRecognizer(compilation, options, model), new ConsentRequirements(compilation, options, model),
            new AppWriters(compilation, options), cap, graphShortcuts);
    }
}

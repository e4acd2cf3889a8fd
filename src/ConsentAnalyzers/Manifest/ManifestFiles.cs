using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Manifest;

/// <summary>
/// Which additional file is the manifest. The package's build props mark the file it adds
/// (<c>ConsentManifest="true"</c> item metadata, visible to the compiler); without the props, as in a hand-made
/// project or a test, a file named consent-manifest.json is taken.
/// </summary>
internal static class ManifestFiles
{
    public const string DefaultFileName = "consent-manifest.json";

    private const string MarkerMetadataKey = "build_metadata.AdditionalFiles.ConsentManifest";
    private const string ManifestPathProperty = "build_property.ConsentManifestPath";
    private const string ResolvedPathProperty = "build_property._ConsentManifestFullPath";

    public static bool IsMarked(AnalyzerConfigOptions fileOptions) =>
        fileOptions.TryGetValue(MarkerMetadataKey, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    public static bool HasDefaultName(string path) =>
        string.Equals(Path.GetFileName(path), DefaultFileName, StringComparison.OrdinalIgnoreCase);

    public static bool IsCandidate(AdditionalText file, AnalyzerConfigOptionsProvider options) =>
        HasDefaultName(file.Path) || IsMarked(options.GetOptions(file));

    /// <summary>The manifest file an analyzer should read for this compilation, or null when there is none.</summary>
    public static AdditionalText? FindPrimary(AnalyzerOptions options)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        var candidates = new List<AdditionalText>();
        foreach (var file in options.AdditionalFiles)
        {
            if (IsCandidate(file, provider))
            {
                candidates.Add(file);
            }
        }

        return ChoosePrimary(candidates, file => IsMarked(provider.GetOptions(file)), ConfiguredPath(provider.GlobalOptions) is not null);
    }

    /// <summary>The ConsentManifestPath the project sets, as written, or null.</summary>
    public static string? ConfiguredPath(AnalyzerConfigOptions globalOptions) =>
        globalOptions.TryGetValue(ManifestPathProperty, out var path) && !string.IsNullOrWhiteSpace(path) ? path.Trim() : null;

    /// <summary>Where the build looked for the manifest (set by the package's targets), or null.</summary>
    public static string? ResolvedPath(AnalyzerConfigOptions globalOptions) =>
        globalOptions.TryGetValue(ResolvedPathProperty, out var path) && !string.IsNullOrWhiteSpace(path) ? path.Trim() : null;

    /// <summary>The CG0001 message: why no manifest was found, and how to give the project one.</summary>
    public static string WhyNoManifest(AnalyzerConfigOptions globalOptions)
    {
        var configuredPath = ConfiguredPath(globalOptions);
        if (configuredPath is null)
        {
            return $"the project has no {DefaultFileName}: add one to the project folder, or set ConsentManifestPath to the manifest to use";
        }

        var resolvedPath = ResolvedPath(globalOptions);
        var lookedAt = resolvedPath is null ? string.Empty : $" (looked for '{resolvedPath}')";
        return $"ConsentManifestPath '{configuredPath}' names no file{lookedAt}: a relative path resolves against each project's folder";
    }

    /// <summary>The CG0004 message for a second candidate manifest, which is not read.</summary>
    public static string NotTheManifest(string primaryPath) =>
        $"Only one consent manifest is read per project, and it is '{primaryPath}'; " +
        $"remove this one from the project's additional files or point ConsentManifestPath at the one you mean.";

    /// <summary>
    /// The manifest in use: the first marked candidate, else the first candidate; null if there is none. When the
    /// project configures ConsentManifestPath, only the file the build marked counts: a stray consent-manifest.json
    /// must not stand in silently for the one the project asked for.
    /// </summary>
    public static T? ChoosePrimary<T>(IReadOnlyList<T> candidates, Func<T, bool> isMarked, bool pathConfigured)
        where T : class
    {
        foreach (var candidate in candidates)
        {
            if (isMarked(candidate))
            {
                return candidate;
            }
        }

        return candidates.Count > 0 && !pathConfigured ? candidates[0] : null;
    }
}

using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Manifest;

/// <summary>
/// Which component reports the manifest rules (CG0001–CG0004), so that each is reported exactly once.
/// <list type="bullet">
/// <item>In a command-line build, the generator. A declaration error anywhere (typically a use of a generated type that
/// a broken manifest left out) stops the compiler before it runs analyzers, but it always prints what generators
/// report: the manifest error that explains the other errors must never be the one that goes missing.</item>
/// <item>Everywhere else, the manifest analyzer, live as the manifest is edited: the IDE runs analyzers whatever else
/// fails, but shows a generator's diagnostics in an additional file only after a build, if at all. The same holds where
/// the package's build files are absent (a hand-made project, the test verifiers).</item>
/// </list>
/// The package's build files add a global analyzer config that sets the property in every build except the IDE's
/// design-time builds, whose compiler options are the ones the IDE analyzes with.
/// </summary>
internal static class ManifestRuleReporting
{
    private const string CommandLineBuildProperty = "build_property._ConsentCommandLineBuild";

    /// <summary>True when the generator reports the manifest rules; the analyzer then stays silent about them.</summary>
    public static bool ByGenerator(AnalyzerConfigOptions globalOptions) =>
        globalOptions.TryGetValue(CommandLineBuildProperty, out var value)
            && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}

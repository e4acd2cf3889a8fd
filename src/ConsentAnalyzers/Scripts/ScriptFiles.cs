using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Scripts;

/// <summary>
/// Which additional files are the site's JavaScript. The package's build props add the project's scripts
/// (<c>ConsentScript</c> items: <c>wwwroot/**/*.js</c> and <c>*.mjs</c> but minified files and <c>lib/</c> folders)
/// marked <c>ConsentScript="true"</c>, and say whether script analysis is on (<c>ConsentScriptAnalysis</c>); then only
/// the marked files are read. Without the props, as in a hand-made project or a test, every <c>.js</c>/<c>.mjs</c>
/// additional file is.
/// </summary>
internal static class ScriptFiles
{
    private const string MarkerMetadataKey = "build_metadata.AdditionalFiles.ConsentScript";
    private const string AnalysisProperty = "build_property.ConsentScriptAnalysis";

    public static bool IsScript(AdditionalText file, AnalyzerConfigOptionsProvider options)
    {
        if (options.GlobalOptions.TryGetValue(AnalysisProperty, out var analysis) && !string.IsNullOrWhiteSpace(analysis))
        {
            return IsTrue(analysis) && options.GetOptions(file).TryGetValue(MarkerMetadataKey, out var marker) && IsTrue(marker);
        }

        return IsModuleFile(file.Path) || string.Equals(Path.GetExtension(file.Path), ".js", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An <c>.mjs</c> file is an ES module whatever it contains.</summary>
    public static bool IsModuleFile(string path) => string.Equals(Path.GetExtension(path), ".mjs", StringComparison.OrdinalIgnoreCase);

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}

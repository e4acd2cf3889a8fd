using System.Collections.Immutable;
using System.IO;
using System.Linq;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Scripts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Analyzers;

/// <summary>
/// CG0108: once per project, at the manifest, how many cookie and storage writes were checked and how many could
/// not be, because their name is unresolved (CG0102); silent when every write was checked. The writes are found and
/// recorded by the analyzers that check them (<see cref="DeclaredNameCheck"/>, in <see cref="CookieWriteAnalyzer"/>,
/// <see cref="StorageWriteAnalyzer"/>, <see cref="MarkupAnalyzer"/> and <see cref="ScriptAnalyzer"/>) in the compilation's shared
/// <see cref="ConsentCompilation"/>; this analyzer reads the record at compilation end, which the analyzer driver
/// runs after every other event of every analyzer, so the count does not depend on the order analyzers run in.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NameCoverageAnalyzer : ConsentCodeAnalyzer
{
    /// <summary>How many unresolved writes the message names; all of them are additional locations.</summary>
    private const int NamedInMessage = 3;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.UncheckedNames);

#pragma warning disable RS1013 // only an end action: see below
    private protected override void RegisterActions(CompilationStartAnalysisContext context, ConsentCompilation consent)
    {
        if (!MayWrite(consent, context.Options) || ManifestFiles.FindPrimary(context.Options) is not { } manifest)
        {
            return;
        }

        // The start action is the frame every code analyzer shares (it finds the compilation's ConsentCompilation,
        // where the other analyzers record the writes); a compilation action would not see that instance.
        context.RegisterCompilationEndAction(end => Report(end, consent, manifest));
    }
#pragma warning restore RS1013

    /// <summary>Whether the project can write a cookie or storage key anywhere: in C#, in Razor markup or in a script.</summary>
    private static bool MayWrite(ConsentCompilation consent, AnalyzerOptions options) =>
        consent.Symbols.CanWriteCookies
            || consent.Symbols.CanWriteStorage
            || consent.Symbols.RazorPageBase is not null
            || consent.Symbols.RenderTreeBuilder is not null
            || options.AdditionalFiles.Any(file => ScriptFiles.IsScript(file, options.AnalyzerConfigOptionsProvider));

    private static void Report(CompilationAnalysisContext context, ConsentCompilation consent, AdditionalText manifest)
    {
        var (total, unresolved) = consent.NameCoverage();
        if (unresolved.Count == 0)
        {
            return;
        }

        var named = string.Join(", ", unresolved.Take(NamedInMessage).Select(Describe));
        if (unresolved.Count > NamedInMessage)
        {
            named += $" and {unresolved.Count - NamedInMessage} more";
        }

        var location = Location.Create(manifest.Path, new TextSpan(0, 0), new LinePositionSpan(LinePosition.Zero, LinePosition.Zero));
        context.ReportDiagnostic(
            Diagnostic.Create(Rules.UncheckedNames, location, unresolved, total - unresolved.Count, total, unresolved.Count, named));
    }

    private static string Describe(Location location)
    {
        var span = location.GetMappedLineSpan();
        return $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1})";
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Scripts;
using ConsentAnalyzers.Trackers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Analyzers;

/// <summary>
/// Checks the site's JavaScript files (<c>wwwroot/**/*.js</c>, <c>*.mjs</c>: the project's <c>ConsentScript</c>
/// items): storage writes, cookie writes and trackers' calls and URLs, against the manifest and against the script
/// guards it declares, with the same rules as C#. Each diagnostic points at its line and column in the script.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ScriptAnalyzer : ConsentCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ScriptSiteCheck.SiteRules.Add(Rules.ScriptNotAnalyzed);

    private protected override void RegisterActions(CompilationStartAnalysisContext context, ConsentCompilation consent)
    {
        var consentModeMapped = GoogleTag.MapsConsentMode(consent.Manifest.Manifest);
        context.RegisterAdditionalFileAction(file => Analyze(file, consent, consentModeMapped));
    }

    private static void Analyze(AdditionalFileAnalysisContext context, ConsentCompilation consent, bool consentModeMapped)
    {
        var file = context.AdditionalFile;
        if (!ScriptFiles.IsScript(file, context.Options.AnalyzerConfigOptionsProvider) || file.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        var findings = ScriptAnalysis.Analyze(text, ScriptFiles.IsModuleFile(file.Path), consent.Manifest.Manifest, context.CancellationToken);
        if (findings.Failure is { } failure)
        {
            var position = System.Math.Min(failure.Position, text.Length);
            context.ReportDiagnostic(Diagnostic.Create(Rules.ScriptNotAnalyzed, Locate(file, text, position, 0), failure.Message));
            return;
        }

        List<(ScriptGoogleTagStep, Location)>? googleTag = null;
        foreach (var site in findings.Sites)
        {
            var location = Locate(file, text, site.Start, site.Length);
            ScriptSiteCheck.Check(context.ReportDiagnostic, consent, site, location);
            if (site is ScriptGoogleTagStep step)
            {
                (googleTag ??= new()).Add((step, location));
            }
        }

        if (googleTag is not null)
        {
            googleTag.Sort((left, right) => left.Item1.Start.CompareTo(right.Item1.Start));
            GoogleTagCheck.Check(context.ReportDiagnostic, consentModeMapped, googleTag);
        }
    }

    private static Location Locate(AdditionalText file, SourceText text, int start, int length)
    {
        var span = new TextSpan(start, length);
        return Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
    }
}

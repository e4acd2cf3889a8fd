using System.Collections.Immutable;
using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Scripts;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Tests.Scripts;

/// <summary>
/// A script is parsed once per text and manifest: an edit to a C# file (a new compilation, the same script texts, as
/// the IDE hands them out) re-parses no script; an edit to the script or to the manifest does.
/// </summary>
public sealed class ScriptCacheTests
{
    private const string Script = "localStorage.setItem('wizard_state', '1');\nif (consent.has('analytics')) { gtag('event', 'a'); }\n";

    [Fact]
    public async Task An_edit_to_a_CSharp_file_reparses_no_script_and_an_edit_to_the_script_or_the_manifest_does()
    {
        var site = CSharpSyntaxTree.ParseText("class Site { }", path: "/0/Site.cs");
        var compilation = CSharpCompilation.Create("Site", [site], TestReferences.AspNetCore.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var manifest = new InMemoryAdditionalText("/0/consent-manifest.json", ScriptAnalyzerTests.Manifest);
        var script = new InMemoryAdditionalText("/0/wwwroot/js/site.js", Script);
        var text = script.GetText();

        var first = await Analyze(compilation, manifest, script);
        Assert.Equal(1, ScriptAnalysis.ReadsOf(text));
        Assert.Contains(first, d => d.Contains(": warning CG0103:", StringComparison.Ordinal));

        // A C# edit: a new compilation, the same script and manifest texts.
        var edited = compilation.ReplaceSyntaxTree(site, site.WithChangedText(SourceText.From("class Site { int _edited; }")));
        Assert.Equal(first, await Analyze(edited, manifest, script));
        Assert.Equal(1, ScriptAnalysis.ReadsOf(text));

        // The script edited: its new text is read; the old one is not read again.
        var newText = text.WithChanges(new TextChange(new TextSpan(0, 0), "// edited\n"));
        await Analyze(edited, manifest, new InMemoryAdditionalText(script.Path, newText));
        Assert.Equal(1, ScriptAnalysis.ReadsOf(newText));
        Assert.Equal(1, ScriptAnalysis.ReadsOf(text));

        // The manifest edited: the unchanged script is read again, against the new manifest.
        var withoutAds = ScriptAnalyzerTests.Manifest.Replace("{ \"use\": \"google-ads\", \"category\": \"advertising\" },", "",
            StringComparison.Ordinal);
        Assert.NotEqual(ScriptAnalyzerTests.Manifest, withoutAds);
        await Analyze(edited, new InMemoryAdditionalText(manifest.Path, withoutAds), script);
        Assert.Equal(2, ScriptAnalysis.ReadsOf(text));
    }

    private static async Task<List<string>> Analyze(Compilation compilation, AdditionalText manifest, AdditionalText script)
    {
        var options = new AnalyzerOptions([manifest, script], new TestOptionsProvider());
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ScriptAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal).ToList();
    }
}

using System.Collections.Immutable;
using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>CG0108: the project's coverage summary, counted across the analyzers that check names (cookies, storage, markup).</summary>
public class NameCoverageAnalyzerTests
{
    private const string ManifestPath = ConsentTestProject.ManifestPath;

    /// <summary>The summary together with every analyzer that records a write, as in a real build.</summary>
    private sealed class CoverageTest : CSharpAnalyzerTest<NameCoverageAnalyzer, DefaultVerifier>
    {
        public CoverageTest(string code)
        {
            this.Setup(CodeManifests.Policy);
            TestCode = code;
            DisabledDiagnostics.Add(DiagnosticIds.UnguardedWrite); // the guards are not what these tests are about

            // The suppression pass adds a '#pragma' line at the top of the code, which moves the lines the message names.
            TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            [new CookieWriteAnalyzer(), new StorageWriteAnalyzer(), new MarkupAnalyzer(), new NameCoverageAnalyzer()];
    }

    private const string Code = """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc.Razor;
        using Microsoft.JSInterop;

        class Writes
        {
            void Cookies(HttpResponse response, string name)
            {
                response.Cookies.Append({|#0:name|}, "1");
                response.Cookies.Append("app_consent", "1");
                response.Cookies.Append({|#1:name + name|}, "1");
            }

            async Task Storage(IJSRuntime js, string key)
            {
                await js.InvokeVoidAsync("localStorage.setItem", {|#2:key|}, "1");
                await js.InvokeVoidAsync("localStorage.setItem", "return_page", "1");
            }
        }

        public class Layout : RazorPage<object>
        {
            public override async Task ExecuteAsync()
            {
                await Task.Yield();
                WriteLiteral("<script>sessionStorage.setItem('landing_page', location.pathname);</script>");
                WriteLiteral("<script>localStorage.setItem({|#3:key|}, '1');</script>");
            }
        }
        """;

    [Fact]
    public async Task Counts_every_write_across_cookies_storage_and_markup_and_reports_once_at_the_manifest()
    {
        var test = new CoverageTest(Code);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(0).WithArguments("cookie name"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(1).WithArguments("cookie name"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(2).WithArguments("storage key"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(3).WithArguments("storage key"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UncheckedNames)
            .WithSpan(ManifestPath, 1, 1, 1, 1)
            .WithLocation(0).WithLocation(1).WithLocation(2).WithLocation(3)
            .WithArguments(3, 7, 4, "Test0.cs(10), Test0.cs(12), Test0.cs(17) and 1 more"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_name_with_holes_that_could_be_declared_or_not_counts_as_not_checked()
    {
        // "_g" + name is "_ga" for one value and undeclared for others: CG0102, so the summary counts it as unchecked.
        var test = new CoverageTest("""
            using Microsoft.AspNetCore.Http;

            class Writes
            {
                void Cookies(HttpResponse response, string name)
                {
                    response.Cookies.Append({|#0:"_g" + name|}, "1");
                    response.Cookies.Append("app_consent", "1");
                }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UnresolvedName).WithLocation(0).WithArguments("cookie name"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.UncheckedNames)
            .WithSpan(ManifestPath, 1, 1, 1, 1)
            .WithLocation(0)
            .WithArguments(1, 2, 1, "Test0.cs(7)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_project_whose_every_write_is_checked_gets_no_summary()
    {
        var code = Code
            .Replace("{|#0:name|}", "\"theme\"", StringComparison.Ordinal)
            .Replace("{|#1:name + name|}", "\"sb-\" + name", StringComparison.Ordinal)
            .Replace("{|#2:key|}", "\"draft:\" + key", StringComparison.Ordinal)
            .Replace("{|#3:key|}", "'draft:1'", StringComparison.Ordinal);
        await new CoverageTest(code).RunAsync();
    }

    [Fact]
    public async Task A_project_without_any_write_gets_no_summary() =>
        await new CoverageTest("class Program { }").RunAsync();

    [Fact]
    public void An_unresolved_name_is_a_suggestion_and_the_summary_a_warning_at_compilation_end()
    {
        Assert.Equal(DiagnosticSeverity.Info, Rules.UnresolvedName.DefaultSeverity);
        Assert.Equal(DiagnosticSeverity.Warning, Rules.UncheckedNames.DefaultSeverity);
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, Rules.UncheckedNames.CustomTags);
    }
}

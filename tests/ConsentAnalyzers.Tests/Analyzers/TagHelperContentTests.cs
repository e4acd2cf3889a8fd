using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>
/// Markup inside a tag-helper element (<c>&lt;head&gt;</c> and <c>&lt;body&gt;</c> of every MVC and Razor Pages layout,
/// <c>&lt;script src&gt;</c>, any <c>asp-*</c> element) is compiled into an async lambda passed to
/// <c>TagHelperScopeManager.Begin</c>. The class below keeps the shape the Razor source generator of the .NET 10 SDK
/// produced for a layout (obj/…/generated/…/Pages/Shared/_Layout_cshtml.g.cs with
/// <c>-p:EmitCompilerGeneratedFiles=true</c>; <c>#line</c> directives left out): the scope manager property, the
/// <c>Begin(tag, mode, id, async() =&gt; { … })</c> call, the runner awaited right after it. The same layout is built
/// for real by <c>RazorConsumerTests</c> in the integration tests.
/// </summary>
public class TagHelperContentTests
{
    private const string GtagScript = """<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script>""";

    private static Task Verify(string body, params DiagnosticResult[] expected)
    {
        var test = ConsentAnalyzerTest<MarkupAnalyzer>.Code($$"""
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http.Features;
            using Microsoft.AspNetCore.Mvc.Razor;
            using TestProject;

            internal sealed class Pages_Shared__Layout : RazorPage<dynamic>
            {
                private global::Microsoft.AspNetCore.Razor.Runtime.TagHelpers.TagHelperExecutionContext __tagHelperExecutionContext = null!;
                private global::Microsoft.AspNetCore.Razor.Runtime.TagHelpers.TagHelperRunner __tagHelperRunner = new global::Microsoft.AspNetCore.Razor.Runtime.TagHelpers.TagHelperRunner();
                private global::Microsoft.AspNetCore.Razor.Runtime.TagHelpers.TagHelperScopeManager __backed__tagHelperScopeManager = null!;
                private global::Microsoft.AspNetCore.Razor.Runtime.TagHelpers.TagHelperScopeManager __tagHelperScopeManager
                {
                    get
                    {
                        if (__backed__tagHelperScopeManager == null)
                        {
                            __backed__tagHelperScopeManager = new global::Microsoft.AspNetCore.Razor.Runtime.TagHelpers.TagHelperScopeManager(StartTagHelperWritingScope, EndTagHelperWritingScope);
                        }
                        return __backed__tagHelperScopeManager;
                    }
                }
                private global::Microsoft.AspNetCore.Mvc.Razor.TagHelpers.HeadTagHelper __Microsoft_AspNetCore_Mvc_Razor_TagHelpers_HeadTagHelper = null!;
                private global::Microsoft.AspNetCore.Mvc.Razor.TagHelpers.BodyTagHelper __Microsoft_AspNetCore_Mvc_Razor_TagHelpers_BodyTagHelper = null!;
                internal IConsent Consent { get; set; } = null!;

                private static void Later(Func<Task> content) { }

                #pragma warning disable 1998
                public async override global::System.Threading.Tasks.Task ExecuteAsync()
                {
            {{body}}
                }
            }
            """, TrackingCallAnalyzerTests.Manifest);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>The runner's part after <c>Begin</c>, as Razor writes it for the head and body tag helpers.</summary>
    private static string Run(string tagHelper) => $$"""
                    );
                    __Microsoft_AspNetCore_Mvc_Razor_TagHelpers_{{tagHelper}} = CreateTagHelper<global::Microsoft.AspNetCore.Mvc.Razor.TagHelpers.{{tagHelper}}>();
                    __tagHelperExecutionContext.Add(__Microsoft_AspNetCore_Mvc_Razor_TagHelpers_{{tagHelper}});
                    await __tagHelperRunner.RunAsync(__tagHelperExecutionContext);
                    if (!__tagHelperExecutionContext.Output.IsContentModified)
                    {
                        await __tagHelperExecutionContext.SetOutputContentAsync();
                    }
                    Write(__tagHelperExecutionContext.Output);
                    __tagHelperExecutionContext = __tagHelperScopeManager.End();
        """;

    private const string CanTrack = "var canTrack = Context.Features.Get<ITrackingConsentFeature>()?.CanTrack ?? false;";

    private static string Head(string content) =>
        "__tagHelperExecutionContext = __tagHelperScopeManager.Begin(\"head\", " +
        "global::Microsoft.AspNetCore.Razor.TagHelpers.TagMode.StartTagAndEndTag, \"h1\", async() => {\n" + content + "\n}\n" + Run("HeadTagHelper");

    private static string Body(string content) =>
        "__tagHelperExecutionContext = __tagHelperScopeManager.Begin(\"body\", " +
        "global::Microsoft.AspNetCore.Razor.TagHelpers.TagMode.StartTagAndEndTag, \"b1\", async() => {\n" + content + "\n}\n" + Run("BodyTagHelper");

    [Fact]
    public Task A_guard_local_set_before_head_and_body_guards_their_content() =>
        Verify(
            CanTrack + "\nWriteLiteral(\"<!DOCTYPE html>\\n<html lang=\\\"en\\\">\\n\");\n"
            + Head("WriteLiteral(\"\\n    <meta charset=\\\"utf-8\\\" />\\n\");\nif (canTrack)\n{\nWriteLiteral(\"" + GtagScript + "\");\n}")
            + "\nWriteLiteral(\"\\n\");\n"
            + Body("Write(RenderBody());\nif (canTrack)\n{\nWriteLiteral(\"<script>gtag('config', " +
                "'G-1');</script>\");\n}\nWriteLiteral(\"<script>{|#0:gtag|}('event', 'page_view');</script>\");")
            + "\nWriteLiteral(\"\\n</html>\\n\");",
            new DiagnosticResult(Rules.UnguardedTracking).WithLocation(0).WithArguments("Tracking call to the Google tag (gtag.js)", "analytics"));

    [Fact]
    public Task A_negated_guard_local_guards_its_else_branch_and_a_nested_tag_helper() =>
        Verify(
            "var declined = !Consent.AnalyticsAllowed;\n"
            + Body("if (declined) { WriteLiteral(\"<p>No tracking</p>\"); } else {\n"
                + "__tagHelperExecutionContext = __tagHelperScopeManager.Begin(\"script\", " +
                "global::Microsoft.AspNetCore.Razor.TagHelpers.TagMode.StartTagAndEndTag, \"s1\", async() " +
                "=> { WriteLiteral(\"gtag('config', 'G-1');\"); }\n);\n"
                + "await __tagHelperRunner.RunAsync(__tagHelperExecutionContext);\n__tagHelperExecutionContext = __tagHelperScopeManager.End();\n}"));

    [Fact]
    public Task A_guard_local_reassigned_after_the_element_starts_does_not_count() =>
        Verify(
            CanTrack + "\n"
            + Head("if (canTrack)\n{\nWriteLiteral(\"<script async " +
                "src=\\\"{|#0:https://www.googletagmanager.com/gtag/js?id=G-1|}\\\"></script>\");\n}")
            + "\ncanTrack = Context.Request.Query.ContainsKey(\"track\");",
            new DiagnosticResult(Rules.UnguardedTracking).WithLocation(0).WithArguments("Tracking call to Google Analytics", "analytics"));

    [Fact]
    public Task A_guard_local_assigned_inside_a_lambda_does_not_count() =>
        Verify(
            CanTrack + "\n"
            + Head("canTrack = Context.Request.Query.ContainsKey(\"track\");\nWriteLiteral(\"<meta charset=\\\"utf-8\\\" />\");")
            + "\n"
            + Body("if (canTrack)\n{\nWriteLiteral(\"<script>{|#0:gtag|}('config', 'G-1');</script>\");\n}"),
            new DiagnosticResult(Rules.UnguardedTracking).WithLocation(0).WithArguments("Tracking call to Google Analytics", "analytics"));

    [Fact]
    public Task A_guard_local_assigned_in_a_local_function_does_not_count() =>
        Verify(
            CanTrack + "\nvoid Reset() => canTrack = Context.Request.Query.ContainsKey(\"track\");\n"
            + Head("Reset();\nif (canTrack)\n{\nWriteLiteral(\"<script async " +
                "src=\\\"{|#0:https://www.googletagmanager.com/gtag/js?id=G-1|}\\\"></script>\");\n}"),
            new DiagnosticResult(Rules.UnguardedTracking).WithLocation(0).WithArguments("Tracking call to Google Analytics", "analytics"));

    [Fact]
    public Task A_guard_local_read_in_a_lambda_passed_to_another_method_does_not_count() =>
        Verify(
            CanTrack + "\nLater(async () => { if (canTrack) { WriteLiteral(\"<script async " +
                "src=\\\"{|#0:https://www.googletagmanager.com/gtag/js?id=G-1|}\\\"></script>\"); } });",
            new DiagnosticResult(Rules.UnguardedTracking).WithLocation(0).WithArguments("Tracking call to Google Analytics", "analytics"));
}

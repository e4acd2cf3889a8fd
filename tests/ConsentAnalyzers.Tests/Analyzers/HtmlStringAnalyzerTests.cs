using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Tests.Infrastructure;

namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>
/// Tracker scripts built as C# strings and rendered as HTML (HtmlString, Html.Raw, AppendHtml, TagBuilder,
/// Content(…, "text/html"), the app's script API): recognized with the markup scanner, checked where they are rendered.
/// </summary>
public class HtmlStringAnalyzerTests
{
    private const string Loader = "<script async src=\\\"https://www.googletagmanager.com/gtag/js?id=G-1\\\"></script>";

    internal static Task Verify(string body, string manifest = null!)
    {
        var test = ConsentAnalyzerTest<HtmlStringAnalyzer>.Code($$"""
            using System.Text;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Html;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Rendering;
            using Microsoft.AspNetCore.Razor.TagHelpers;
            using TestProject;

            public sealed class AnalyticsSettings
            {
                public bool RenderWithConsentOnly { get; set; }
                public bool AllowToDisableConsentCookie { get; set; }
                public bool ConsentDefaultState { get; set; }
                public string MeasurementId { get; set; } = "";
            }

            internal interface ICookieChoices
            {
                [ConsentGuard] Task<bool?> IsEnabledAsync(ConsentCategory category);
            }

            internal interface IScripts
            {
                void AddInlineScript(string script);
            }

            internal sealed class AnalyticsController : Controller
            {
                private const string Loader = "{{Loader}}";
                private static readonly string Config = "<script>gtag('config', 'G-1');</script>";
                private readonly IConsent consent = null!;
                private readonly ICookieChoices choices = null!;
                private readonly AnalyticsSettings settings = new();
                private readonly IScripts scripts = null!;

                public string TrackingScript { get; set; } = "";

                public async Task<object> Render(IHtmlHelper html, TagHelperOutput output, HttpResponse response, string id)
                {
            {{body}}
                }
            }
            """, manifest ?? TrackingCallAnalyzerTests.Manifest);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        return test.RunAsync();
    }

    [Fact]
    public Task A_sink_named_only_through_a_unicode_escape_is_still_checked() =>
        ConsentAnalyzerTest<HtmlStringAnalyzer>.Code("""
            internal sealed class Widgets
            {
                public object Loader() =>
                    {|CG0202:new Microsoft.AspNetCore.Ht\u006Dl.Ht\u006DlString("<script>gtag('event', 'sign_up');</script>")|};
            }
            """, TrackingCallAnalyzerTests.Manifest).RunAsync();

    [Theory]
    [InlineData("""return {|CG0202:new HtmlString("<script>gtag('event', 'sign_up');</script>")|};""")]
    [InlineData("""return {|CG0202:new HtmlString(Loader)|};""")]
    [InlineData("""return {|CG0202:new HtmlString(Config)|};""")]
    [InlineData("""return {|CG0202:new HtmlString($"<script>gtag('config', '{settings.MeasurementId}');</script>")|};""")]
    [InlineData("""return {|CG0202:html.Raw("<script>gtag('config', '" + id + "');</script>")|};""")]
    [InlineData("""var script = Loader + "<script>gtag('js', new Date());</script>"; return {|CG0202:html.Raw(script)|};""")]
    [InlineData("""{|CG0202:output.Content.SetHtmlContent(Loader)|}; return output;""")]
    [InlineData("""{|CG0202:output.PostContent.AppendHtml(Config)|}; return output;""")]
    [InlineData("""return {|CG0202:Content(Loader, "text/html")|};""")]
    [InlineData("""return {|CG0202:new ContentResult { Content = Config, ContentType = "text/html; charset=utf-8" }|};""")]
    [InlineData("""return {|CG0202:Results.Content(Loader, "text/html")|};""")]
    [InlineData("""return {|CG0202:TypedResults.Text(Config, contentType: "text/html")|};""")]
    [InlineData("""{|CG0202:output.PreElement.AppendHtml(Loader)|}; return output;""")]
    [InlineData("""var content = new HtmlContentBuilder(); {|CG0202:content.AppendHtmlLine(Config)|}; return content;""")]
    [InlineData("""await {|CG0202:response.WriteAsync(Config)|}; return response;""")]
    [InlineData("""{|CG0202:scripts.AddInlineScript("gtag('event', 'purchase');")|}; return scripts;""")]
    [InlineData("""{|CG0202:TrackingScript = Loader|}; return this;""")]
    [InlineData("""var tag = new TagBuilder("script"); {|CG0202:tag.InnerHtml.AppendHtml("gtag('config', 'G-1');")|}; return tag;""")]
    [InlineData(
        """var tag = new TagBuilder("script"); {|CG0202:tag.MergeAttribute("src", "https://www.googletagmanager.com/gtag/js?id=G-1")|}; return tag;""")]
    [InlineData(
        """var tag = new TagBuilder("script"); {|CG0202:tag.Attributes["src"] = "https://www.googletagmanager.com/gtag/js?id=" + id|}; return tag;""")]
    [InlineData(
        """var sb = new StringBuilder(); sb.Append("<script>"); sb.Append("gtag('config', '").Append(id).AppendLine("');"); sb.Append("</script>"); return {|CG0202:new HtmlString(sb.ToString())|};""")]
    [InlineData("""var s = "<script>"; s += "gtag('event', 'login');"; s += "</script>"; return {|CG0202:new HtmlString(s)|};""")]
    [InlineData(
        """return {|CG0202:html.Raw("<script>" + id + ";" + id + ";" + id + ";" + id + ";" + id + ";" + id + ";" + id + ";" + id + ";" + id + ";" + id + ";" + id + ";gtag('event', 'a');</script>")|};""")]
    public Task An_unguarded_tracker_script_is_CG0202_where_it_is_rendered(string body) => Verify(body);

    /// <summary>
    /// A helper of several statements whose name says Script returns its script to a caller that renders it out of
    /// sight: checked at its return.
    /// </summary>
    [Theory]
    [InlineData(
        """var sb = new StringBuilder("<script>"); sb.Append("gtag('config', '").Append(id).Append("');</script>"); {|CG0202:return sb.ToString();|}""")]
    [InlineData("""if (!consent.AnalyticsAllowed) return ""; var script = $"<script>gtag('config', '{id}');</script>"; return script;""")]
    [InlineData("""Func<string> later = () => { var s = "<script>gtag('event', 'x');</script>"; return s.Length.ToString(); }; return later();""")]
    [InlineData("""return "<script>gtag('config', 'G-1');</script>";""")]
    public Task A_script_helper_of_several_statements_is_checked_at_its_returns(string body)
    {
        var test = ConsentAnalyzerTest<HtmlStringAnalyzer>.Code($$"""
            using System;
            using System.Text;
            using TestProject;

            internal sealed class AnalyticsScripts(IConsent consent)
            {
                public string GetTrackingScript(string id)
                {
                    {{body}}
                }
            }
            """, TrackingCallAnalyzerTests.Manifest);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        return test.RunAsync();
    }

    /// <summary>
    /// A view's <c>@Html.Raw("…")</c> compiles to <c>Write(Html.Raw("…"))</c>: the same rendering, and an <c>@if</c>
    /// around it guards it.
    /// </summary>
    [Theory]
    [InlineData("""Write({|CG0202:Html.Raw("<script>gtag('event', 'sign_up');</script>")|});""")]
    [InlineData("""if (Consent.AnalyticsAllowed) { Write(Html.Raw("<script>gtag('event', 'sign_up');</script>")); }""")]
    public Task Html_Raw_in_a_view_is_checked_like_any_rendering(string body)
    {
        var test = ConsentAnalyzerTest<HtmlStringAnalyzer>.Code($$"""
            using Microsoft.AspNetCore.Mvc.Razor;
            using TestProject;

            internal sealed class Views_Home_Index : RazorPage<dynamic>
            {
                internal IConsent Consent { get; set; } = null!;

                public Microsoft.AspNetCore.Mvc.Rendering.IHtmlHelper<dynamic> Html { get; private set; } = null!;

                #pragma warning disable 1998
                public override async System.Threading.Tasks.Task ExecuteAsync()
                {
                    {{body}}
                }
            }
            """, TrackingCallAnalyzerTests.Manifest);
        test.TestState.Sources.Add(ConsentTestProject.ConsentService);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("""[HtmlTargetElement("analytics-event")]""",
        """output.TagName = "script"; {|CG0202:output.Content.AppendHtml($"gtag('event', '{Name}');")|};""")]
    [InlineData("""[HtmlTargetElement("script")]""", """{|CG0202:output.PostContent.AppendHtml("gtag('config', 'G-1');")|};""")]
    [InlineData("""[HtmlTargetElement("analytics-event")]""", """output.TagName = "div"; output.Content.AppendHtml($"gtag('event', '{Name}');");""")]
    public Task The_content_of_a_tag_helper_that_writes_a_script_element_is_script(string target, string body)
    {
        var test = ConsentAnalyzerTest<HtmlStringAnalyzer>.Code($$"""
            using Microsoft.AspNetCore.Razor.TagHelpers;

            {{target}}
            public sealed class EventTagHelper : TagHelper
            {
                public string Name { get; set; } = "page_view";

                public override void Process(TagHelperContext context, TagHelperOutput output)
                {
                    {{body}}
                }
            }
            """, TrackingCallAnalyzerTests.Manifest);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("""if (await consent.IsGrantedAsync(ConsentCategory.Analytics)) return new HtmlString(Loader); return HtmlString.Empty;""")]
    [InlineData("""if (!consent.AnalyticsAllowed) return HtmlString.Empty; return html.Raw(Config);""")]
    [InlineData(
        """var consented = await consent.IsGrantedAsync(ConsentCategory.Analytics); return consented ? new HtmlString(Loader) : HtmlString.Empty;""")]
    [InlineData("""var sb = new StringBuilder(); if (consent.AnalyticsAllowed) { sb.Append(Loader); } return new HtmlString(sb.ToString());""")]
    [InlineData("""var script = ""; if (consent.AnalyticsAllowed) script += Config; return new HtmlString(script);""")]
    [InlineData("""var script = consent.AnalyticsAllowed ? Config : ""; return new HtmlString(script);""")]
    public Task A_script_rendered_or_written_under_a_check_for_its_category_is_accepted(string body) => Verify(body);

    [Theory]
    [InlineData(
        """var consented = settings.RenderWithConsentOnly || await consent.IsGrantedAsync(ConsentCategory.Analytics); if (!consented) return HtmlString.Empty; return {|CG0202:new HtmlString(Loader + Config)|};""")]
    [InlineData(
        """var consented = settings.RenderWithConsentOnly || await consent.IsGrantedAsync(ConsentCategory.Analytics); var sb = new StringBuilder(); if (consented) sb.Append(Config); return {|CG0202:new HtmlString(sb.ToString())|};""")]
    [InlineData("""
        var consented = true;
        if (settings.AllowToDisableConsentCookie)
        {
            var enabled = await choices.IsEnabledAsync(ConsentCategory.Analytics);
            consented = enabled == true || (!enabled.HasValue && settings.ConsentDefaultState);
        }

        if (!consented) return HtmlString.Empty;
        return {|CG0202:new HtmlString(Loader)|};
        """)]
    [InlineData(
        """var enabled = await choices.IsEnabledAsync(ConsentCategory.Analytics); if (enabled == true || (!enabled.HasValue && settings.ConsentDefaultState)) return {|CG0202:html.Raw(Config)|}; return HtmlString.Empty;""")]
    public Task A_setting_or_a_default_that_counts_as_consent_is_not_a_guard(string body) => Verify(body);

    [Fact]
    public Task A_check_for_another_category_is_CG0203() =>
        Verify("""if (consent.IsGranted(ConsentCategory.Advertising)) return {|CG0203:new HtmlString(Loader)|}; return HtmlString.Empty;""");

    [Theory]
    [InlineData("""return {|CG0201:new HtmlString("<script>fbq('track', 'PageView');</script>")|};""")]
    [InlineData(
        """if (consent.AnalyticsAllowed) return {|CG0201:html.Raw("<script src=\"https://connect.facebook.net/en_US/fbevents.js\"></script>")|}; return HtmlString.Empty;""")]
    public Task An_undeclared_tracker_is_CG0201_only(string body) => Verify(body);

    [Theory]
    [InlineData("""return new HtmlString("<p>We use Google Analytics (gtag) to count visits.</p>");""")]
    [InlineData("""return html.Raw("<a href=\"https://policies.google.com/technologies/partner-sites\">How Google uses data</a>");""")]
    [InlineData("""return new HtmlString("<script>gtag('consent', 'default', { analytics_storage: 'denied' });</script>");""")]
    [InlineData("""return new HtmlString("<script type=\"text/plain\" data-consent=\"analytics\">gtag('config', 'G-1');</script>");""")]
    [InlineData(
        """return new HtmlString("<script type=\"text/plain\" data-consent=\"analytics\" src=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script>");""")]
    [InlineData(
        """var tag = new TagBuilder("script"); tag.MergeAttribute("type", "text/plain"); tag.MergeAttribute("src", "https://www.googletagmanager.com/gtag/js?id=G-1"); return tag;""")]
    [InlineData("""var unused = "<script>gtag('event', 'sign_up');</script>"; return unused.Length;""")]
    [InlineData("""return Content("<script>gtag('event', 'sign_up');</script>", "text/plain");""")]
    [InlineData("""return new HtmlString("gtag('event', 'sign_up')");""")]
    [InlineData("""var tag = new TagBuilder("div"); tag.InnerHtml.AppendHtml("gtag('event', 'sign_up')"); return tag;""")]
    [InlineData("""output.Content.SetContent("<script>gtag('event', 'sign_up');</script>"); return output;""")]
    public Task Prose_links_consent_mode_blocked_and_unrendered_scripts_are_not_tracking(string body) => Verify(body);
}

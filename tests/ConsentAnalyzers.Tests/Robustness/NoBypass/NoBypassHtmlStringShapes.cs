namespace ConsentAnalyzers.Tests.Robustness.NoBypass;

/// <summary>
/// The no-bypass rows for tracker scripts built as C# strings: each way the string is written and each way it is
/// rendered as HTML, the guards that hold and the ones that only look like guards, and what is not seen.
/// </summary>
internal static class NoBypassHtmlStringShapes
{
    private static BypassShape Rendering(string name, BypassOutcome outcome, string body, string? reason = null) => new(name, outcome, $$"""
        using System.Text;
        using Microsoft.AspNetCore.Html;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.Rendering;
        using Microsoft.AspNetCore.Razor.TagHelpers;

        sealed class ScriptSettings { public bool RenderWithConsentOnly { get; set; } public string Id { get; set; } = "G-1"; public string Script { get; set; } = ""; }

        interface IScriptRegistry { void AddInlineScript(string script); }

        sealed class TrackingModel { public string Body { get; set; } = ""; }

        sealed class AnalyticsController(IConsent consent, ScriptSettings settings, IScriptRegistry scripts) : Controller
        {
            private const string Loader = "<script async src='https://www.googletagmanager.com/gtag/js?id=G-1'></script>";
            private static readonly string ConfigScript = "<script>gtag('config', 'G-1');</script>";

            public async Task<object> Render(IHtmlHelper html, TagHelperOutput output, string parameter)
            {
                await Task.Yield();
        {{body}}
            }
        }
        """, reason);

    private static BypassShape Members(string name, BypassOutcome outcome, string members) => new(name, outcome, $$"""
        sealed class AnalyticsScripts
        {
        {{members}}
        }
        """);

    public static IReadOnlyList<BypassShape> All { get; } =
    [
        Rendering("script string: literal in new HtmlString", BypassOutcome.Resolved,
            """return {|CG0202:new HtmlString("<script>gtag('event', 'sign_up');</script>")|};"""),
        Rendering("script string: constant loader URL", BypassOutcome.Resolved, """return {|CG0202:new HtmlString(Loader)|};"""),
        Rendering("script string: static readonly field", BypassOutcome.Resolved, """return {|CG0202:html.Raw(ConfigScript)|};"""),
        Rendering("script string: interpolation with the id from settings", BypassOutcome.Resolved,
            """return {|CG0202:new HtmlString($"<script>gtag('config', '{settings.Id}');</script>")|};"""),
        Rendering("script string: concatenation with a parameter", BypassOutcome.Resolved,
            """return {|CG0202:html.Raw("<script>gtag('config', '" + parameter + "');</script>")|};"""),
        Rendering("script string: local assigned once", BypassOutcome.Resolved,
            """var script = Loader + ConfigScript; return {|CG0202:new HtmlString(script)|};"""),
        Rendering("script string: local built with +=", BypassOutcome.Resolved,
            """var script = "<script>"; script += "gtag('event', 'login');"; script += "</script>"; return {|CG0202:new HtmlString(script)|};"""),
        Rendering("script string: StringBuilder appends", BypassOutcome.Resolved,
            """var sb = new StringBuilder("<script>"); sb.Append("gtag('config', '").Append(settings.Id).AppendLine("');").Append("</script>"); return {|CG0202:new HtmlString(sb.ToString())|};"""),
        Rendering("script string: tag helper output", BypassOutcome.Resolved, """{|CG0202:output.PostContent.AppendHtml(Loader)|}; return output;"""),
        Rendering("script string: script TagBuilder content", BypassOutcome.Resolved,
            """var tag = new TagBuilder("script"); {|CG0202:tag.InnerHtml.AppendHtml("gtag('config', 'G-1');")|}; return tag;"""),
        Rendering("script string: script TagBuilder src", BypassOutcome.Resolved,
            """var tag = new TagBuilder("script"); {|CG0202:tag.MergeAttribute("src", "https://www.googletagmanager.com/gtag/js?id=" + settings.Id)|}; return tag;"""),
        Rendering("script string: Content(…, text/html)", BypassOutcome.Resolved,
            """return {|CG0202:Content(Loader + ConfigScript, "text/html")|};"""),
        Rendering("script string: ContentResult text/html", BypassOutcome.Resolved,
            """return {|CG0202:new ContentResult { Content = ConfigScript, ContentType = "text/html" }|};"""),
        Rendering("script string: the app's script API", BypassOutcome.Resolved,
            """{|CG0202:scripts.AddInlineScript("gtag('event', 'purchase');")|}; return scripts;"""),
        Members("script string: returned by a Script helper of several statements", BypassOutcome.Resolved, """
                string BuildTrackingScript(string id)
                {
                    var script = $"<script>gtag('config', '{id}');</script>";
                    {|CG0202:return script;|}
                }
            """),
        Rendering("script string: setting || check is not a guard", BypassOutcome.Resolved,
            """var consented = settings.RenderWithConsentOnly || consent.AnalyticsAllowed; if (!consented) return HtmlString.Empty; return {|CG0202:new HtmlString(Loader)|};"""),
        Rendering("script string: check for another category", BypassOutcome.Resolved,
            """if (consent.IsGranted(ConsentCategory.Advertising)) return {|CG0203:new HtmlString(Loader)|}; return HtmlString.Empty;"""),
        Rendering("script string: undeclared tracker", BypassOutcome.Resolved,
            """return {|CG0201:new HtmlString("<script>fbq('track', 'PageView');</script>")|};"""),
        Rendering("script string: rendered under the check", BypassOutcome.Allowed,
            """if (await consent.IsGrantedAsync(ConsentCategory.Analytics)) return new HtmlString(Loader); return HtmlString.Empty;"""),
        Rendering("script string: appended under the check", BypassOutcome.Allowed,
            """var sb = new StringBuilder(); if (consent.AnalyticsAllowed) sb.Append(ConfigScript); return new HtmlString(sb.ToString());"""),
        Rendering("script string: blocked text/plain script", BypassOutcome.Allowed,
            """return new HtmlString("<script type='text/plain' data-consent='analytics'>gtag('config', 'G-1');</script>");"""),
        Rendering("script string: from configuration", BypassOutcome.KnownLimit, """return new HtmlString(settings.Script);""", Reasons.UnknownText),
        Rendering("script string: script body rendered inside a view's script element", BypassOutcome.KnownLimit,
            """return html.Raw("gtag('config', 'G-1');");""", Reasons.BodyWithoutElement),
        Rendering("script string: handed to a view through a model", BypassOutcome.KnownLimit,
            """return View(new TrackingModel { Body = ConfigScript });""", Reasons.HandedToView),
    ];

    /// <summary>The reasons docs/guarantees.md gives for each known limit, word for word.</summary>
    public static class Reasons
    {
        public const string UnknownText =
            "A tracker script rendered from a string the compiler cannot follow " +
            "(a setting, a parameter, an instance field or property, the result of a method of several statements) is not recognized: " +
            "its text is unknown.";

        public const string BodyWithoutElement =
            "A string rendered as HTML is read as a tracker script only where it contains the script element or event handler itself, " +
            "or goes to a script TagBuilder or a script API of the app: " +
            "script text rendered into a script element written elsewhere (Html.Raw(Model.Body) inside a view's script element) is not recognized.";

        public const string HandedToView =
            "A tracker script built in C# and handed to a view through a model, " +
            "ViewData or ViewBag is recognized only where it is rendered as HTML in C#, " +
            "stored in a member whose name says Script or returned by one; otherwise the view renders a value the compiler cannot follow.";
    }
}

using Corpus.Privacy;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Corpus.Web.Analytics;

// Tag helpers a theme puts in its layout (<google-analytics />, <analytics-loader />): they write the Google tag
// into the page from C#.
public sealed class CookieSettings
{
    public string MeasurementId { get; set; } = "";

    // Off by default: visitors cannot turn the consent cookie off, and the consent check below never runs.
    public bool AllowToDisableConsentCookie { get; set; }

    // What counts when the visitor has not chosen yet.
    public bool ConsentDefaultState { get; set; } = true;
}

public interface ICookieChoices
{
    // The visitor's saved choice for a category; null until the banner was answered.
    bool? AnalyticsChoice { get; }
}

[HtmlTargetElement("google-analytics", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GoogleAnalyticsTagHelper(CookieSettings settings, IConsentManager consent) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var consented = true;
        if (settings.AllowToDisableConsentCookie)
        {
            consented = consent.IsAllowed(CookieType.Analytics);
        }

        if (!consented)
        {
            output.SuppressOutput();
            return;
        }

        output.Content.SetHtmlContent( // expect: CG0202
            "<script async src=\"https://www.googletagmanager.com/gtag/js?id=" + settings.MeasurementId + "\"></script>"
            + "<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', '" + settings.MeasurementId + "');</script>");
    }
}

[HtmlTargetElement("analytics-event")]
public sealed class AnalyticsEventTagHelper(CookieSettings settings, ICookieChoices choices) : TagHelper
{
    public string Name { get; set; } = "page_view";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "script";
        var enabled = choices.AnalyticsChoice;

        // "No choice yet" counts as consent when the default state is on: that is not a consent check.
        if (enabled == true || (!enabled.HasValue && settings.ConsentDefaultState))
        {
            output.Content.AppendHtml($"gtag('event', '{Name}');"); // expect: CG0202
        }
        else
        {
            output.SuppressOutput();
        }
    }
}

// A loader for a consent manager: the script is blocked (type="text/plain") until the visitor agrees, and the
// consent manager swaps the type. Nothing runs before that.
[HtmlTargetElement("analytics-loader", TagStructure = TagStructure.WithoutEndTag)]
public sealed class BlockedAnalyticsLoaderTagHelper(CookieSettings settings) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var tag = new TagBuilder("script");
        tag.MergeAttribute("type", "text/plain");
        tag.MergeAttribute("data-consent", "analytics");
        tag.MergeAttribute("src", "https://www.googletagmanager.com/gtag/js?id=" + settings.MeasurementId);
        output.Content.SetHtmlContent(tag);
        output.PostContent.AppendHtml(
            "<script type=\"text/plain\" data-consent=\"analytics\">gtag('config', '" + settings.MeasurementId + "');</script>");
    }
}

[HtmlTargetElement("analytics-script", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ConsentedLoaderTagHelper(CookieSettings settings, IConsentManager consent) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (!consent.IsAllowed(CookieType.Analytics))
        {
            return;
        }

        var tag = new TagBuilder("script");
        tag.Attributes["async"] = "async";
        tag.Attributes["src"] = "https://www.googletagmanager.com/gtag/js?id=" + settings.MeasurementId;
        output.Content.SetHtmlContent(tag);
    }
}

[HtmlTargetElement("analytics-script-unchecked", TagStructure = TagStructure.WithoutEndTag)]
public sealed class UncheckedLoaderTagHelper(CookieSettings settings) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var tag = new TagBuilder("script");
        tag.MergeAttribute("src", "https://www.googletagmanager.com/gtag/js?id=" + settings.MeasurementId); // expect: CG0202
        output.Content.SetHtmlContent(tag);
    }
}

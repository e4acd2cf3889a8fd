using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Trackers;

namespace ConsentAnalyzers.Markup;

/// <summary>
/// A step of the Google tag's setup found in markup; <see cref="AtTopLevel"/> when it runs as its script element is
/// read (a loader's <c>src</c>, or a call outside any braces of a script element opened in the same markup), which is
/// when its order against the consent default is known.
/// </summary>
internal sealed record MarkupGoogleTagStep(int Start, int Length, GoogleTagStep Step, TrackerMatch? Tracker, bool AtTopLevel);

internal static partial class MarkupScanner
{
    private static readonly Regex GoogleTagCall = new(@"(?<![\w.$])(?:window\.)?(?<name>gtag|dataLayer\s*\.\s*push)\s*\(",
        RegexOptions.CultureInvariant);

    /// <summary>Whether markup may set up the Google tag at all: most does not, and is not scanned for it.</summary>
    public static bool MayHaveGoogleTag(string markup) =>
        markup.IndexOf(TrackerCatalog.GoogleTagFunction, StringComparison.Ordinal) >= 0
        || markup.IndexOf("googletagmanager", StringComparison.OrdinalIgnoreCase) >= 0
        || markup.IndexOf("dataLayer", StringComparison.Ordinal) >= 0;

    /// <summary>
    /// The Google tag's loaders (a <c>src</c> or a URL in script), <c>gtag('config', …)</c> calls and consent defaults
    /// in <paramref name="markup"/>, in the order they are written (the loaders first).
    /// </summary>
    public static IEnumerable<MarkupGoogleTagStep> GoogleTagSteps(string markup, TrackerIndex trackers, bool bareTextIsScript = true)
    {
        if (!MayHaveGoogleTag(markup))
        {
            yield break;
        }

        var scripts = ScriptRegions(markup, bareTextIsScript);
        var blocked = BlockedScripts(markup);
        foreach (Match url in Url.Matches(markup))
        {
            var isSource = IsSourceAttribute(markup, url.Index);
            if ((isSource || IsInside(scripts, url.Index)) && !IsInside(blocked, url.Index) && GoogleTag.IsLoader(url.Value)
                && trackers.ForUrl(url.Value) is { } tracker)
            {
                yield return new MarkupGoogleTagStep(url.Index, url.Length, GoogleTagStep.Loader, tracker,
                    isSource && !IsInside(scripts, url.Index) || IsAtTopLevel(markup, url.Index));
            }
        }

        var code = BlankFunctionDefinitions(markup);
        foreach (Match call in GoogleTagCall.Matches(code))
        {
            var name = call.Groups["name"];
            if (!IsInside(scripts, name.Index) || IsInsideUrl(markup, name.Index))
            {
                continue;
            }

            var arguments = ArgumentsText(code, call.Index + call.Length);
            var step = name.Value == TrackerCatalog.GoogleTagFunction
                ? GoogleTag.StepOfGtagCall(arguments)
                : GoogleTag.IsConsentDefaultPush(arguments) ? GoogleTagStep.ConsentDefault : null;
            if (step is { } found)
            {
                var tracker = found == GoogleTagStep.Config ? trackers.ForGoogleTagCall(arguments) : null;
                yield return new MarkupGoogleTagStep(name.Index, name.Length, found, tracker, IsAtTopLevel(markup, name.Index));
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="index"/> is in a script element opened in this markup and outside every brace of it (not
    /// in a function, a block or an object). A script that began in an earlier piece of markup has braces that are not
    /// seen here, and an event handler runs later: neither is at a known top level.
    /// </summary>
    private static bool IsAtTopLevel(string markup, int index)
    {
        var open = markup.LastIndexOf("<script", index, StringComparison.OrdinalIgnoreCase);
        var bodyStart = open < 0 ? -1 : markup.IndexOf('>', open);
        if (bodyStart < 0 || bodyStart >= index || markup.IndexOf("</script", open, index - open, StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return false;
        }

        var depth = 0;
        var quote = '\0';
        for (var i = bodyStart + 1; i < index; i++)
        {
            var c = markup[i];
            if (quote != '\0')
            {
                i += c == '\\' ? 1 : 0;
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '\'' or '"' or '`')
            {
                quote = c;
            }
            else
            {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
        }

        return depth == 0 && quote == '\0';
    }
}

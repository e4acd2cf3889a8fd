using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Trackers;

namespace ConsentAnalyzers.Markup;

/// <summary>A tracker found in markup: a script or pixel URL, or a call to a tracking function in inline script.</summary>
internal sealed record MarkupTracker(int Start, int Length, TrackerMatch Tracker);

/// <summary>
/// A write in inline script: <c>localStorage.setItem(…)</c>/<c>sessionStorage.setItem(…)</c> (a storage key), or
/// <c>document.cookie = …</c> (a cookie).
/// </summary>
internal sealed record MarkupWrite(int Start, int Length, NameTarget Target, ResolvedName Name);

/// <summary>
/// A whole piece of script in markup, which the JavaScript analysis reads: the body of a <c>&lt;script&gt;</c> element
/// that opens and closes in the markup, or the value of an event-handler attribute.
/// </summary>
internal readonly record struct MarkupScript(int Start, int Length, bool IsModule)
{
    public bool Contains(int index) => index >= Start && index < Start + Length;
}

/// <summary>
/// Reads HTML markup (what Razor writes literally: <c>&lt;script src&gt;</c>, <c>&lt;iframe src&gt;</c>, a
/// stylesheet's <c>&lt;link href&gt;</c>, inline <c>&lt;script&gt;</c>) for the trackers, storage writes and cookie
/// writes it contains. It is a scanner, not a JavaScript parser: it finds URLs, function calls, <c>setItem</c> calls
/// with a literal key and <c>document.cookie</c> assignments, and skips the bodies of one-line function definitions
/// such as gtag's <c>function gtag(){dataLayer.push(arguments);}</c>, which define a tracker rather than call one.
/// </summary>
internal static partial class MarkupScanner
{
    private static readonly Regex Url = new(@"(?:https?:)?//[A-Za-z0-9][^\s""'<>()\\]*", RegexOptions.CultureInvariant);
    private static readonly Regex Call = new(@"(?<![\w.$])(?<name>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\(", RegexOptions.CultureInvariant);
    private static readonly Regex FunctionDefinition = new(@"function\s+[\w$]+\s*\([^)]*\)\s*\{[^{}]*\}", RegexOptions.CultureInvariant);
    // document.cookie = "name=…" / 'name=…' / `name=${…}…`: the name is the text before the first '='. Any other value
    // (a variable, a concatenation that starts with one) names a cookie the scanner cannot know.
    private static readonly Regex CookieWrite = new(
        @"(?<![\w.$])(?:window\.)?document\s*\.\s*cookie\s*=(?!=)\s*(?:['""`](?:(?<name>[^'""`=;\\]*)=)?)?", RegexOptions.CultureInvariant);
    private static readonly Regex TemplateHole = new(@"\$\{[^}]*\}?", RegexOptions.CultureInvariant);
    private static readonly Regex StorageWrite = new(
        @"(?<![\w.$])(?:window\.)?(?<area>localStorage|sessionStorage)\s*\.\s*setItem\s*\(\s*" +
        @"(?:(?<quote>['""`])(?<key>[^'""`\\]*)\k<quote>|(?<other>[^,)]*))",
        RegexOptions.CultureInvariant);

    /// <summary>Cheap test first: markup with no script, URL, storage call or cookie write is most of a page.</summary>
    public static bool MayContainFindings(string markup) =>
        markup.IndexOf("//", StringComparison.Ordinal) >= 0 || markup.IndexOf('(') >= 0
        || markup.IndexOf("cookie", StringComparison.Ordinal) >= 0; // document.cookie = 'name=…' has neither


    /// <param name="markup">The HTML text.</param>
    /// <param name="trackers">The trackers to recognize.</param>
    /// <param name="bareTextIsScript">
    /// Whether text with no markup at all is script. Razor's literal pieces are (a fragment of a script it split);
    /// an HTML string built in C# is not: it runs only inside a script element or event handler it contains itself.
    /// </param>
    public static IEnumerable<MarkupTracker> Trackers(string markup, TrackerIndex trackers, bool bareTextIsScript = true)
    {
        var scripts = ScriptRegions(markup, bareTextIsScript);
        var blocked = BlockedScripts(markup);
        var links = FetchingLinks(markup);
        foreach (Match url in Url.Matches(markup))
        {
            // A link to a provider's privacy page is not tracking: only what the page loads (src, a stylesheet or
            // preloaded <link href>) or a script requests. A blocked script's src is not loaded until a consent
            // manager turns it into a script.
            if ((IsSourceAttribute(markup, url.Index) || IsInside(scripts, url.Index) || IsLinkHref(markup, links, url.Index))
                && !IsInside(blocked, url.Index)
                && trackers.ForUrl(url.Value) is { } tracker)
            {
                yield return new MarkupTracker(url.Index, url.Length, tracker);
            }
        }

        var code = BlankFunctionDefinitions(markup);
        foreach (Match call in Call.Matches(code))
        {
            var name = call.Groups["name"];
            if (name.Value == "function" || !IsInside(scripts, name.Index) || IsInsideUrl(markup, name.Index))
            {
                continue;
            }

            var tracker = IsGoogleTag(name.Value)
                ? trackers.ForGoogleTagCall(ArgumentsText(code, call.Index + call.Length))
                : trackers.ForJsFunction(name.Value);
            if (tracker is not null)
            {
                yield return new MarkupTracker(name.Index, name.Length, tracker);
            }
        }
    }

    public static IEnumerable<MarkupWrite> Writes(string markup)
    {
        var scripts = ScriptRegions(markup, bareTextIsScript: true);
        foreach (Match write in StorageWrite.Matches(markup))
        {
            if (IsInside(scripts, write.Index))
            {
                var area = write.Groups["area"].Value == "localStorage" ? NameTarget.LocalStorage : NameTarget.SessionStorage;
                var key = write.Groups["key"];
                yield return key.Success
                    ? new MarkupWrite(key.Index, key.Length, area, ResolvedName.Exact(key.Value))
                    : new MarkupWrite(write.Index, write.Length, area, ResolvedName.Unresolved);
            }
        }

        foreach (Match write in CookieWrite.Matches(markup))
        {
            if (!IsInside(scripts, write.Index) || IsRazorValue(markup, write))
            {
                continue;
            }

            var name = write.Groups["name"];
            yield return name.Success && name.Length > 0
                ? new MarkupWrite(name.Index, name.Length, NameTarget.Cookie, NameOf(name.Value))
                : new MarkupWrite(write.Index, write.Length, NameTarget.Cookie, ResolvedName.Unresolved);
        }
    }

    /// <summary>
    /// <c>document.cookie = "@cookieString"</c>: the value is a Razor expression (the piece of markup ends where it
    /// starts), a cookie string made in C#, where it is checked (<c>CreateConsentCookie()</c>, <c>CreateCookieHeader</c>).
    /// </summary>
    private static bool IsRazorValue(string markup, Match write) =>
        write.Index + write.Length == markup.Length && !write.Groups["name"].Success;

    /// <summary>A template literal's <c>${…}</c> is a hole in the name.</summary>
    private static ResolvedName NameOf(string text)
    {
        var hole = text.IndexOf("${", StringComparison.Ordinal);
        if (hole < 0)
        {
            return ResolvedName.Exact(text.Trim());
        }

        var template = TemplateHole.Replace(text.Trim(), NamePattern.Hole.ToString());
        return template.Trim(NamePattern.Hole).Length == 0 ? ResolvedName.Unresolved : ResolvedName.Template(template);
    }

    private static readonly Regex SourceAttribute = new(@"\bsrc\s*=\s*[""']?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // Script in attributes: HTML's on…="…", Vue's @click/v-on:click, Alpine's x-on:click/@click and x-init (in a .cshtml
    // page written @@click, which Razor writes as @click). Modifiers (@click.prevent) and both quotes are allowed.
    private static readonly Regex EventHandler = new(
        @"(?<![\w:@.-])(?:on[a-z]+|@@?[a-z][\w.:-]*|v-on:[a-z][\w.:-]*|x-on:[a-z][\w.:-]*|x-init)\s*=\s*(?:""(?<code>[^""]*)""|'(?<code>[^']*)')",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex CharacterReference = new(@"&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>
    /// The whole pieces of script in <paramref name="markup"/> (<see cref="MarkupScript"/>). An element that a Razor
    /// expression interrupts (<c>@Model.Id</c>) is not whole here: its parts stay with the scanner. So is a handler
    /// whose value holds a character reference (<c>&amp;quot;</c>), whose text is not the script as written.
    /// </summary>
    public static List<MarkupScript> WholeScripts(string markup)
    {
        var scripts = new List<MarkupScript>();
        var open = markup.IndexOf("<script", StringComparison.OrdinalIgnoreCase);
        while (open >= 0)
        {
            var bodyStart = markup.IndexOf('>', open);
            var end = bodyStart < 0 ? -1 : markup.IndexOf("</script", bodyStart, StringComparison.OrdinalIgnoreCase);
            if (end < 0)
            {
                break;
            }

            if (!IsBlocked(markup, open, bodyStart))
            {
                var type = TypeAttribute.Match(markup.Substring(open, bodyStart - open));
                var isModule = type.Success && type.Groups["type"].Value.Trim().Equals("module", StringComparison.OrdinalIgnoreCase);
                scripts.Add(new MarkupScript(bodyStart + 1, end - bodyStart - 1, isModule));
            }

            open = markup.IndexOf("<script", end + 1, StringComparison.OrdinalIgnoreCase);
        }

        foreach (Match handler in EventHandler.Matches(markup))
        {
            var code = handler.Groups["code"];
            if (!CharacterReference.IsMatch(code.Value))
            {
                scripts.Add(new MarkupScript(code.Index, code.Length, IsModule: false));
            }
        }

        return scripts;
    }

    /// <summary>
    /// The parts of the markup that are script: inside <c>&lt;script&gt;…&lt;/script&gt;</c>, in an inline event
    /// handler (<c>onclick="…"</c>), or a fragment of a script that Razor split into pieces (it closes a script it did
    /// not open, or holds no markup at all). Text and links outside them are prose, not calls.
    /// </summary>
    private static List<(int Start, int End)> ScriptRegions(string markup, bool bareTextIsScript)
    {
        var regions = new List<(int Start, int End)>();
        var position = 0;
        while (position < markup.Length)
        {
            var open = markup.IndexOf("<script", position, StringComparison.OrdinalIgnoreCase);
            var close = markup.IndexOf("</script", position, StringComparison.OrdinalIgnoreCase);
            if (close >= 0 && (open < 0 || close < open))
            {
                regions.Add((position, close)); // the tail of a script opened in an earlier piece
                position = close + 1;
                continue;
            }

            var bodyStart = open < 0 ? -1 : markup.IndexOf('>', open);
            if (bodyStart < 0)
            {
                break;
            }

            var end = markup.IndexOf("</script", bodyStart, StringComparison.OrdinalIgnoreCase);
            if (!IsBlocked(markup, open, bodyStart))
            {
                regions.Add((bodyStart + 1, end < 0 ? markup.Length : end));
            }

            position = end < 0 ? markup.Length : end + 1;
        }

        if (bareTextIsScript && markup.IndexOf('<') < 0)
        {
            regions.Add((0, markup.Length));
        }

        foreach (Match handler in EventHandler.Matches(markup))
        {
            var code = handler.Groups["code"];
            regions.Add((code.Index, code.Index + code.Length));
        }

        return regions;
    }

    private static readonly Regex TypeAttribute = new(@"\btype\s*=\s*[""']?(?<type>[^""'\s>]*)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>
    /// Whether the script element whose opening tag spans <paramref name="open"/> to <paramref name="tagEnd"/> is not
    /// run by the browser: its <c>type</c> is not JavaScript. That is how consent managers hold a tracker back
    /// (<c>&lt;script type="text/plain" data-consent="analytics"&gt;</c>) until the visitor agrees, and how data is
    /// embedded (<c>application/ld+json</c>): consent-gated or inert, not a tracking call.
    /// </summary>
    private static bool IsBlocked(string markup, int open, int tagEnd)
    {
        var type = TypeAttribute.Match(markup.Substring(open, tagEnd - open));
        if (!type.Success)
        {
            return false;
        }

        return !IsScriptType(type.Groups["type"].Value);
    }

    /// <summary>Whether a script element of this <c>type</c> runs: no type, or a JavaScript one.</summary>
    public static bool IsScriptType(string type) =>
        type.Trim().ToLowerInvariant() is "" or "text/javascript" or "application/javascript" or "module" or "text/ecmascript"
            or "application/ecmascript" or "text/jscript";

    /// <summary>The blocked script elements (see <see cref="IsBlocked"/>), opening tag included: nothing in them loads or runs.</summary>
    private static List<(int Start, int End)> BlockedScripts(string markup)
    {
        var blocked = new List<(int Start, int End)>();
        var open = markup.IndexOf("<script", StringComparison.OrdinalIgnoreCase);
        while (open >= 0)
        {
            var tagEnd = markup.IndexOf('>', open);
            if (tagEnd < 0)
            {
                break;
            }

            var end = markup.IndexOf("</script", tagEnd, StringComparison.OrdinalIgnoreCase);
            if (IsBlocked(markup, open, tagEnd))
            {
                blocked.Add((open, end < 0 ? markup.Length : end));
            }

            open = end < 0 ? -1 : markup.IndexOf("<script", end + 1, StringComparison.OrdinalIgnoreCase);
        }

        return blocked;
    }

    private static bool IsInside(List<(int Start, int End)> regions, int index)
    {
        foreach (var (start, end) in regions)
        {
            if (index >= start && index < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a URL is the value of a <c>src</c> attribute: a script, pixel or frame the page loads.</summary>
    private static bool IsSourceAttribute(string markup, int urlIndex)
    {
        var from = Math.Max(0, urlIndex - 16);
        return SourceAttribute.IsMatch(markup.Substring(from, urlIndex - from));
    }

    private static readonly Regex LinkElement = new(@"<link\b[^>]*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // The rel values by which the browser fetches the href as the page loads. preconnect and dns-prefetch only open a
    // connection (the stylesheet that uses it is what is reported); canonical, alternate and the like fetch nothing.
    private static readonly Regex FetchingRel = new(
        @"\brel\s*=\s*(?:""[^""]*|'[^']*|[^\s>]*)(?<![\w-])(?:stylesheet|preload|modulepreload|prefetch)(?![\w-])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex HrefAttribute = new(@"\bhref\s*=\s*[""']?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>
    /// The <c>&lt;link&gt;</c> elements whose <c>href</c> the browser fetches: stylesheets (Google Fonts) and preloads.
    /// An <c>&lt;a href&gt;</c> is a link the visitor may follow, never a load.
    /// </summary>
    private static List<(int Start, int End)> FetchingLinks(string markup)
    {
        var links = new List<(int Start, int End)>();
        if (markup.IndexOf("<link", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return links;
        }

        foreach (Match link in LinkElement.Matches(markup))
        {
            if (FetchingRel.IsMatch(link.Value))
            {
                links.Add((link.Index, link.Index + link.Length));
            }
        }

        return links;
    }

    /// <summary>Whether a URL is the <c>href</c> of a <c>&lt;link&gt;</c> the browser fetches (see <see cref="FetchingLinks"/>).</summary>
    private static bool IsLinkHref(string markup, List<(int Start, int End)> links, int urlIndex)
    {
        if (links.Count == 0 || !IsInside(links, urlIndex))
        {
            return false;
        }

        var from = Math.Max(0, urlIndex - 16);
        return HrefAttribute.IsMatch(markup.Substring(from, urlIndex - from));
    }

    private static bool IsGoogleTag(string name) => name is TrackerCatalog.GoogleTagFunction or "window." + TrackerCatalog.GoogleTagFunction;

    /// <summary>A call's arguments as written, up to its closing parenthesis (enough to read a measurement id).</summary>
    private static string ArgumentsText(string code, int start)
    {
        var end = code.IndexOf(')', start);
        return end < 0 ? code.Substring(start) : code.Substring(start, end - start);
    }

    /// <summary>The markup with one-line function bodies replaced by spaces (same length, so positions still hold).</summary>
    private static string BlankFunctionDefinitions(string markup) =>
        FunctionDefinition.Replace(markup, definition => new string(' ', definition.Length));

    private static bool IsInsideUrl(string markup, int index)
    {
        var lineStart = markup.LastIndexOfAny(new[] { ' ', '"', '\'', '\n', '<' }, index);
        var token = markup.Substring(lineStart + 1, index - lineStart - 1);
        return token.Contains("//");
    }
}

using System.Collections.Generic;
using System.Text.RegularExpressions;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Names;

namespace ConsentAnalyzers.Markup;

/// <summary>A tracker found in markup: a script or pixel URL, or a call to a tracking function in inline script.</summary>
internal sealed record MarkupTracker(int Start, int Length, TrackerMatch Tracker);

/// <summary>A <c>localStorage.setItem(…)</c>/<c>sessionStorage.setItem(…)</c> call in inline script.</summary>
internal sealed record MarkupStorageWrite(int Start, int Length, NameTarget Area, ResolvedName Key);

/// <summary>
/// Reads HTML markup (what Razor writes literally: <c>&lt;script src&gt;</c>, inline <c>&lt;script&gt;</c>) for the
/// trackers and storage writes it contains. It is a scanner, not a JavaScript parser: it finds URLs, function calls
/// and <c>setItem</c> calls with a literal key, and skips the bodies of one-line function definitions such as
/// gtag's <c>function gtag(){dataLayer.push(arguments);}</c>, which define a tracker rather than call one.
/// </summary>
internal static class MarkupScanner
{
    private static readonly Regex Url = new(@"(?:https?:)?//[A-Za-z0-9][^\s""'<>()\\]*", RegexOptions.CultureInvariant);
    private static readonly Regex Call = new(@"(?<![\w.$])(?<name>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\(", RegexOptions.CultureInvariant);
    private static readonly Regex FunctionDefinition = new(@"function\s+[\w$]+\s*\([^)]*\)\s*\{[^{}]*\}", RegexOptions.CultureInvariant);
    private static readonly Regex StorageWrite = new(@"(?<![\w.$])(?:window\.)?(?<area>localStorage|sessionStorage)\s*\.\s*setItem\s*\(\s*(?:(?<quote>['""`])(?<key>[^'""`\\]*)\k<quote>|(?<other>[^,)]*))", RegexOptions.CultureInvariant);

    /// <summary>Cheap test first: markup with no script, URL or storage call is most of a page.</summary>
    public static bool MayContainFindings(string markup) =>
        markup.IndexOf("//", System.StringComparison.Ordinal) >= 0 || markup.IndexOf('(') >= 0;

    public static IEnumerable<MarkupTracker> Trackers(string markup, TrackerIndex trackers)
    {
        foreach (Match url in Url.Matches(markup))
        {
            if (trackers.ForUrl(url.Value) is { } tracker)
            {
                yield return new MarkupTracker(url.Index, url.Length, tracker);
            }
        }

        var code = BlankFunctionDefinitions(markup);
        foreach (Match call in Call.Matches(code))
        {
            var name = call.Groups["name"];
            if (name.Value == "function" || IsInsideUrl(markup, name.Index))
            {
                continue;
            }

            var tracker = IsGoogleTag(name.Value) ? trackers.ForGoogleTagCall(ArgumentsText(code, call.Index + call.Length)) : trackers.ForJsFunction(name.Value);
            if (tracker is not null)
            {
                yield return new MarkupTracker(name.Index, name.Length, tracker);
            }
        }
    }

    public static IEnumerable<MarkupStorageWrite> StorageWrites(string markup)
    {
        foreach (Match write in StorageWrite.Matches(markup))
        {
            var area = write.Groups["area"].Value == "localStorage" ? NameTarget.LocalStorage : NameTarget.SessionStorage;
            var key = write.Groups["key"];
            yield return key.Success
                ? new MarkupStorageWrite(key.Index, key.Length, area, ResolvedName.Exact(key.Value))
                : new MarkupStorageWrite(write.Index, write.Length, area, ResolvedName.Unresolved);
        }
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

using System;
using System.Linq;
using ConsentAnalyzers.Manifest;

namespace ConsentAnalyzers.Scripts;

/// <summary>
/// The cheap test before a script is parsed: most of a site's JavaScript (UI code, libraries) mentions no storage,
/// no cookie, no tracker function and no absolute URL, and is not parsed at all.
/// </summary>
internal static class ScriptScan
{
    /// <summary>
    /// What every site contains: a storage area, a cookie API, a URL (scheme or protocol-relative in a string), or
    /// the first name of a tracker's script API (gtag, fbq, dataLayer, …).
    /// </summary>
    private static readonly string[] Markers = new[] { "Storage", "cookie", "Cookie", "://", "'//", "\"//", "`//" }
        .Concat(TrackerCatalog.Entries.SelectMany(entry => entry.JsFunctions).Select(FirstName))
        .Append(TrackerCatalog.GoogleTagFunction)
        .Where(marker => marker.Length > 0)
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    public static bool MayHaveSites(string script)
    {
        foreach (var marker in Markers)
        {
            if (script.IndexOf(marker, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string FirstName(string pattern)
    {
        var end = pattern.IndexOfAny(new[] { '.', '*', '(' });
        return end < 0 ? pattern : pattern.Substring(0, end);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace AIMusicGens.Web.Consent;

/// <summary>
/// The browser opt-out preference signals a category can honour (its <c>optOutSignals</c> in the manifest) and the
/// request header that carries each. Which categories honour which signal is the manifest's business, not this class's.
/// </summary>
internal static class OptOutSignals
{
    private sealed record Signal(string Id, string Header, string DisplayName);

    private static readonly Signal[] Known =
    [
        new("gpc", "Sec-GPC", "Global Privacy Control"),
        new("dnt", "DNT", "Do Not Track"),
    ];

    /// <summary>Whether the request carries the signal; both headers use <c>1</c> for "opt out".</summary>
    public static bool IsSent(HttpRequest request, string signalId) =>
        Find(signalId) is { } signal && request.Headers[signal.Header] == "1";

    /// <summary>The ids of the signals the request carries.</summary>
    public static IEnumerable<string> SentBy(HttpRequest request) =>
        Known.Where(signal => IsSent(request, signal.Id)).Select(signal => signal.Id);

    /// <summary>The signal's name as users know it, e.g. "Global Privacy Control".</summary>
    public static string DisplayName(string signalId) => Find(signalId)?.DisplayName ?? signalId;

    private static Signal? Find(string signalId) =>
        Array.Find(Known, signal => signal.Id.Equals(signalId, StringComparison.OrdinalIgnoreCase));
}

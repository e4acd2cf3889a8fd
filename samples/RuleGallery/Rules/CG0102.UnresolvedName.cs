using Microsoft.AspNetCore.Http;

namespace RuleGallery.Rules;

internal static class Preferences
{
    /// <summary>Stores any preference the client sends, under the name it sends.</summary>
    public static void Remember(HttpResponse response, string name, string value) =>
        // CG0102: the cookie name is a parameter, so nothing at compile time says which cookie this writes or
        // whether the manifest declares it. (A suggestion, Info, by default; .globalconfig raises it to a
        // warning. This write is also the one CG0108 counts as not checked, see CG0108.UncheckedNames.cs.)
        // Fix: write each preference under its own generated constant, e.g. ConsentCookies.Theme.
        response.Cookies.Append(name, value);
}

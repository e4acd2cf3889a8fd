using System.Collections.Immutable;

namespace ConsentAnalyzers.Scripts;

/// <summary>
/// A browser API or library call that writes a cookie: the call's path, and where the name is (the first argument,
/// or its <c>name</c> property when the argument is an options object).
/// </summary>
/// <param name="Id">The library, for the documentation and messages.</param>
/// <param name="Path">The call, as a script path (<see cref="ScriptPaths"/>).</param>
/// <param name="MinimumArguments">How many arguments make the call a write (<c>$.cookie('a')</c> reads, <c>$.cookie('a', 'b')</c> writes).</param>
/// <param name="ExpiresInDays">Whether the third argument's <c>expires</c> is the cookie's lifetime in days (js-cookie, jquery-cookie).</param>
internal sealed record CookieLibrary(string Id, string Path, int MinimumArguments, bool ExpiresInDays = false);

/// <summary>
/// The cookie-writing calls the analyzers know besides <c>document.cookie = …</c>. Data: adding a library is adding
/// an entry.
/// </summary>
internal static class CookieLibraries
{
    public static readonly ImmutableArray<CookieLibrary> Entries = ImmutableArray.Create(
        // The Cookie Store API: cookieStore.set('name', 'value') or cookieStore.set({ name: 'name', value: 'value' }).
        new CookieLibrary("cookie-store", "cookieStore.set", 1),
        // js-cookie: Cookies.set('name', 'value', { expires: 7 }).
        new CookieLibrary("js-cookie", "Cookies.set", 2, ExpiresInDays: true),
        // jquery-cookie: $.cookie('name', 'value'), also as jQuery.cookie.
        new CookieLibrary("jquery-cookie", "$.cookie", 2, ExpiresInDays: true),
        new CookieLibrary("jquery-cookie", "jQuery.cookie", 2, ExpiresInDays: true));

    public static CookieLibrary? Find(string path, int argumentCount)
    {
        foreach (var library in Entries)
        {
            if (library.Path == path && argumentCount >= library.MinimumArguments)
            {
                return library;
            }
        }

        return null;
    }
}

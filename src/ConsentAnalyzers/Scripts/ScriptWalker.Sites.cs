using System;
using System.Globalization;
using System.Text.RegularExpressions;
using Acornima;
using Acornima.Ast;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Guards;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Trackers;

namespace ConsentAnalyzers.Scripts;

/// <summary>
/// The sites the walk records: storage writes (<c>setItem</c>, an indexer, a property of a storage area or its alias),
/// cookie writes (<c>document.cookie</c>, the <see cref="CookieLibraries"/>), tracker calls (the catalog's script APIs,
/// gtag by its measurement id) and tracker URLs (a <c>src</c>, <c>setAttribute('src', …)</c>, a call's or a request
/// constructor's argument, an import), each with what is granted where it stands.
/// </summary>
internal sealed partial class ScriptWalker
{
    private bool IsTrackerApi(string path) => path == TrackerCatalog.GoogleTagFunction || _trackers.ForJsFunction(path) is not null;

    /// <summary>The storage writes, cookie writes, tracker calls and tracker URLs of a call to <paramref name="path"/>.</summary>
    private void FindInCall(CallExpression call, string path, CategorySet granted)
    {
        var arguments = call.Arguments;
        var member = call.Callee as MemberExpression ?? (call.Callee as ChainExpression)?.Expression as MemberExpression;
        if (member is not null && ScriptPaths.MemberName(member) == "setItem" && StorageArea(member.Object) is { } area && arguments.Count > 0)
        {
            AddWrite(arguments[0], area, ScriptValues.Evaluate(arguments[0], _bindings), granted);
        }
        else if (CookieLibraries.Find(path, arguments.Count) is { } library)
        {
            var name = arguments[0] is ObjectExpression options ? ScriptValues.PropertyValue(options, "name") : arguments[0];
            var cookie = ScriptValues.Evaluate(name, _bindings);
            AddWrite(arguments[0], NameTarget.Cookie, cookie, granted);
            if (library.ExpiresInDays && arguments.Count > 2 && arguments[2] is ObjectExpression attributes)
            {
                AddExpiresInDays(ScriptValues.PropertyValue(attributes, "expires"), cookie, granted);
            }
        }

        if (member is not null && ScriptPaths.MemberName(member) == "setAttribute")
        {
            // Only a script's or frame's source loads: setAttribute('href', …) on a link is not a request.
            if (arguments.Count > 1 && ScriptValues.Evaluate(arguments[0], _bindings) is { Kind: ResolvedNameKind.Exact, Text: "src" })
            {
                AddUrl(arguments[1], granted);
            }

            return;
        }

        var tracker = _definingTracker == 0 ? TrackerOfCall(call, path) : null;
        if (tracker is not null)
        {
            _sites.Add(new ScriptTrackerUse(call.Callee.Start, call.Callee.End - call.Callee.Start, GrantedSets.Of(granted), tracker));
        }

        if (_definingTracker == 0 && GoogleTagStepOf(call, path) is { } step)
        {
            _sites.Add(new ScriptGoogleTagStep(call.Callee.Start, call.Callee.End - call.Callee.Start, GrantedSets.Of(granted), step,
                step == GoogleTagStep.Config ? tracker : null, _scope, _pauses));
        }

        // A worker's importScripts runs the script at once; any other call that loads one inserts it.
        var loadsLater = path is not ("importScripts" or "self.importScripts");
        foreach (var argument in arguments)
        {
            AddUrl(argument, granted, loadsLater); // a loader's, fetch's or sendBeacon's URL
        }
    }

    /// <summary>The tracker a call uses: gtag by the measurement id in its arguments, the others by their function.</summary>
    private TrackerMatch? TrackerOfCall(CallExpression call, string path)
    {
        if (path != TrackerCatalog.GoogleTagFunction)
        {
            return _trackers.ForJsFunction(path);
        }

        var arguments = call.Arguments;
        return arguments.Count == 0
            ? null
            : _trackers.ForGoogleTagCall(_text.Substring(arguments[0].Start, arguments[arguments.Count - 1].End - arguments[0].Start));
    }

    /// <summary>The Google tag step a call is: <c>gtag('config', …)</c>, or the Consent Mode default (also pushed to the data layer).</summary>
    private GoogleTagStep? GoogleTagStepOf(CallExpression call, string path)
    {
        var arguments = call.Arguments;
        if (arguments.Count == 0 || path is not (TrackerCatalog.GoogleTagFunction or "dataLayer.push"))
        {
            return null;
        }

        var text = _text.Substring(arguments[0].Start, arguments[arguments.Count - 1].End - arguments[0].Start);
        return path == TrackerCatalog.GoogleTagFunction
            ? GoogleTag.StepOfGtagCall(text)
            : GoogleTag.IsConsentDefaultPush(text) ? GoogleTagStep.ConsentDefault : null;
    }

    /// <summary>
    /// The storage area an expression is: <c>localStorage</c>, <c>sessionStorage</c> (also through the global
    /// object), or a name bound once to one of them (<c>const s = window.localStorage</c>).
    /// </summary>
    private NameTarget? StorageArea(Node expression)
    {
        var path = ScriptPaths.Of(expression);
        if (expression is Identifier alias && _bindings.ValueOf(alias) is { } value and not IFunction)
        {
            path = ScriptPaths.Of(value);
        }

        return path switch
        {
            "localStorage" => NameTarget.LocalStorage,
            "sessionStorage" => NameTarget.SessionStorage,
            _ => null,
        };
    }

    /// <summary>
    /// The cookie a <c>document.cookie</c> string sets: the text before its first '='. A hole before it leaves the
    /// name a template; a string whose '=' is not known names nothing the analyzers can tell.
    /// </summary>
    private static ResolvedName CookieName(ResolvedName cookie)
    {
        var equals = cookie.Text.IndexOf('=');
        if (cookie.Kind == ResolvedNameKind.Unresolved || equals < 0)
        {
            return ResolvedName.Unresolved;
        }

        var name = cookie.Text.Substring(0, equals).Trim();
        if (name.IndexOf(NamePattern.Hole) < 0)
        {
            return name.Length == 0 ? ResolvedName.Unresolved : ResolvedName.Exact(name, cookie.IsLiteral);
        }

        return name.Trim(NamePattern.Hole).Length == 0 ? ResolvedName.Unresolved : ResolvedName.Template(name);
    }

    /// <summary>
    /// A cookie string's write, at the name when the string (or the first string of a concatenation) starts with it
    /// as written; else at the whole value.
    /// </summary>
    private void AddCookieWrite(Node value, ResolvedName name, CategorySet granted)
    {
        var first = value;
        while (first is BinaryExpression { Operator: Operator.Addition } concatenation)
        {
            first = concatenation.Left;
        }

        var equals = first is StringLiteral or TemplateLiteral ? _text.IndexOf('=', first.Start, first.End - first.Start) : -1;
        var hole = first is TemplateLiteral ? _text.IndexOf("${", first.Start, first.End - first.Start, StringComparison.Ordinal) : -1;
        if (name.Kind == ResolvedNameKind.Exact && equals > first.Start + 1 && (hole < 0 || hole > equals))
        {
            _sites.Add(new ScriptWrite(first.Start + 1, equals - first.Start - 1, GrantedSets.Of(granted), NameTarget.Cookie, name));
            return;
        }

        AddWrite(value, NameTarget.Cookie, name, granted);
    }

    /// <summary>
    /// The constant <c>max-age</c> of a <c>document.cookie</c> string (the browser's lifetime in seconds, which wins over
    /// <c>expires</c>): at the attribute as written in the script, or at the whole value when it comes from elsewhere
    /// (a constant). An <c>expires</c> date is not read: its lifetime depends on the day the script runs.
    /// </summary>
    private void AddMaxAge(Node value, ResolvedName cookie, ResolvedName name, CategorySet granted)
    {
        if (cookie.Kind == ResolvedNameKind.Unresolved || MaxAgeAttribute.Match(cookie.Text) is not { Success: true } attribute
            || !long.TryParse(attribute.Groups["seconds"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Lifetime.FromSeconds(seconds) is not { } lifetime)
        {
            return;
        }

        var written = MaxAgeAttribute.Match(_text.Substring(value.Start, value.End - value.Start));
        var (start, length) = written.Success && written.Groups["seconds"].Value == attribute.Groups["seconds"].Value
            ? (value.Start + written.Index + written.Groups["attribute"].Index - written.Index, written.Groups["attribute"].Length)
            : (value.Start, value.End - value.Start);
        _sites.Add(new ScriptCookieLifetime(start, length, GrantedSets.Of(granted), name, lifetime));
    }

    /// <summary><c>; max-age=31536000</c>: the attribute's digits, whole (no hole of an unknown part after them).</summary>
    private static readonly Regex MaxAgeAttribute = new(@";\s*(?<attribute>max-age\s*=\s*(?<seconds>[0-9]{1,12}))\s*(?:;|\z|[""'`])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>js-cookie's <c>{ expires: 365 }</c>: days, a number literal; a <c>Date</c> or a variable is not read.</summary>
    private void AddExpiresInDays(Node? expires, ResolvedName name, CategorySet granted)
    {
        if (expires is NumericLiteral { Value: var days } && days > 0 && days < 1e7
            && Lifetime.FromSeconds((long)Math.Floor(days * 86400)) is { } lifetime)
        {
            _sites.Add(new ScriptCookieLifetime(expires.Start, expires.End - expires.Start, GrantedSets.Of(granted), name, lifetime));
        }
    }

    private void AddWrite(Node at, NameTarget target, ResolvedName name, CategorySet granted)
    {
        var (start, length) = SpanOf(at);
        _sites.Add(new ScriptWrite(start, length, GrantedSets.Of(granted), target, name));
    }

    /// <summary>Where a site is reported: the expression, and a string literal's text without its quotes.</summary>
    private static (int Start, int Length) SpanOf(Node at) =>
        at is StringLiteral && at.End - at.Start >= 2 ? (at.Start + 1, at.End - at.Start - 2) : (at.Start, at.End - at.Start);

    /// <summary>
    /// A tracker's script or collection URL as the value of <paramref name="expression"/>; <paramref name="loadsLater"/>:
    /// a script loaded from it runs once the code loading it has paused or finished (an inserted script element).
    /// </summary>
    private void AddUrl(Node expression, CategorySet granted, bool loadsLater = true)
    {
        if (expression is IFunction || ScriptValues.Evaluate(expression, _bindings) is not { Kind: not ResolvedNameKind.Unresolved } url
            || url.Text.IndexOf('/') < 0)
        {
            return;
        }

        if (_trackers.ForUrl(url.Text) is { } tracker)
        {
            var (start, length) = SpanOf(expression);
            _sites.Add(new ScriptTrackerUse(start, length, GrantedSets.Of(granted), tracker));
            if (GoogleTag.IsLoader(url.Text))
            {
                _sites.Add(new ScriptGoogleTagStep(start, length, GrantedSets.Of(granted), GoogleTagStep.Loader, tracker, _scope, _pauses,
                    loadsLater));
            }
        }
    }
}

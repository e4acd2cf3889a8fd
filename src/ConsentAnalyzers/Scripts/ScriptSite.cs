using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Trackers;

namespace ConsentAnalyzers.Scripts;

/// <summary>A place in a script that the manifest has a say in, with the categories granted there on each way into it.</summary>
internal abstract record ScriptSite(int Start, int Length, GrantedSets Granted);

/// <summary>A cookie or storage write: <see cref="Name"/> in <see cref="Target"/>.</summary>
internal sealed record ScriptWrite(int Start, int Length, GrantedSets Granted, NameTarget Target, ResolvedName Name)
    : ScriptSite(Start, Length, Granted);

/// <summary>A tracker's use: a call of its script API, or its script or collection URL loaded or requested.</summary>
internal sealed record ScriptTrackerUse(int Start, int Length, GrantedSets Granted, TrackerMatch Tracker)
    : ScriptSite(Start, Length, Granted);

/// <summary>
/// A step of the Google tag's setup (its loader, <c>gtag('config', …)</c>, the Consent Mode default), for CG0206 and
/// CG0207. <see cref="Scope"/> is where the step runs: the start of its function, or -1 at the script's top level.
/// <see cref="Tracker"/> is the tag a loader or config step loads (null for the consent default). <see cref="Stretch"/>
/// tells apart the stretches of its scope that run without a pause (the awaits and yields before the step); a loader
/// that script inserts (<see cref="LoadsLater"/>: a script element's <c>src</c>, <c>import()</c>, a helper's argument)
/// runs only once the code inserting it has paused or finished, so a default later in the same stretch comes first.
/// </summary>
internal sealed record ScriptGoogleTagStep(int Start, int Length, GrantedSets Granted, GoogleTagStep Step, TrackerMatch? Tracker, int Scope,
    int Stretch = 0, bool LoadsLater = false)
    : ScriptSite(Start, Length, Granted)
{
    public const int TopLevel = -1;
}

/// <summary>
/// A cookie written with a constant lifetime: a <c>max-age</c> attribute of a <c>document.cookie</c> string, js-cookie's
/// <c>expires</c> in days. At the attribute or option; checked against the cookie's <c>maxAge</c> and the lifetime cap.
/// </summary>
internal sealed record ScriptCookieLifetime(int Start, int Length, GrantedSets Granted, ResolvedName Name, Lifetime Written)
    : ScriptSite(Start, Length, Granted);

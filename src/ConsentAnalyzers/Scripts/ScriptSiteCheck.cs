using System;
using System.Collections.Immutable;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Guards;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Scripts;

/// <summary>
/// Checks one site of a script against the manifest and the consent the script walk found granted there, with the
/// rules of C#: CG0101-CG0104 for the name, CG0105 for an unguarded non-essential write, CG0110 and CG0111 for a cookie's
/// constant lifetime, CG0201 for an undeclared tracker, CG0202 for an unguarded one, CG0203 for one guarded for another
/// category.
/// </summary>
internal static class ScriptSiteCheck
{
    /// <summary>
    /// The rules a site of a script can get, wherever the script stands (a file, a page's markup); the Google tag's
    /// steps are checked per document (<see cref="GoogleTagCheck"/>).
    /// </summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> SiteRules = ImmutableArray.Create(
        Rules.UndeclaredTracker,
        Rules.UnguardedTracking,
        Rules.WrongCategoryGuard,
        Rules.UndeclaredCookie,
        Rules.UndeclaredStorageKey,
        Rules.NameInWrongPlace,
        Rules.UnresolvedName,
        Rules.UnguardedWrite,
        Rules.LifetimeLongerThanDeclared,
        Rules.LifetimeOverCap).AddRange(GoogleTagCheck.Rules);

    public static void Check(Action<Diagnostic> report, ConsentCompilation consent, ScriptSite site, Location location)
    {
        switch (site)
        {
            case ScriptWrite write:
                if (DeclaredNameCheck.Check(report, consent, write.Name, location, write.Target, note: null, constantsApply: false) is { } category
                    && NotGranting(consent, write, category, null) is { } granted)
                {
                    var what = write.Target == NameTarget.Cookie ? "cookie" : "storage key";
                    ConsentGuardCheck.ReportAt(report, category, Rules.UnguardedWrite, $"Writing {what} '{write.Name.Display}'", location, null,
                        granted, inMarkup: true);
                }

                break;
            case ScriptCookieLifetime lifetime:
                LifetimeCheck.Check(report, consent, lifetime.Name, lifetime.Written, location, property: null);
                break;
            case ScriptTrackerUse { Tracker: var tracker } use:
                if (tracker.Category is null)
                {
                    report(Diagnostic.Create(Rules.UndeclaredTracker, location, tracker.UndeclaredProperties(), tracker.DisplayName,
                        tracker.CatalogId));
                }
                else if (NotGranting(consent, use, tracker.Category, tracker.AlternativeCategory) is { } grantedThere)
                {
                    ConsentGuardCheck.ReportAt(report, tracker.Category, Rules.UnguardedTracking, $"Tracking call to {tracker.DisplayName}", location,
                        tracker.AlternativeCategory, grantedThere, inMarkup: true);
                }

                break;
        }
    }

    /// <summary>
    /// What is granted on a way into <paramref name="site"/> that grants neither the category nor the alternative (for
    /// the report); null when every way does, or the category is essential.
    /// </summary>
    public static CategorySet? NotGranting(ConsentCompilation consent, ScriptSite site, string category, string? alternativeCategory) =>
        site.Granted.FirstFailing(granted => ConsentGuardCheck.IsGranted(consent, category, alternativeCategory, granted));
}

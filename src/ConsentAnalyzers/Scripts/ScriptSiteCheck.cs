using System;
using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Scripts;

/// <summary>
/// Checks one site of a script against the manifest and the consent the script walk found granted there, with the
/// rules of C#: CG0101-CG0104 for the name, CG0105 for an unguarded non-essential write, CG0201 for an undeclared
/// tracker, CG0202 for an unguarded one, CG0203 for one guarded for another category.
/// </summary>
internal static class ScriptSiteCheck
{
    public static void Check(Action<Diagnostic> report, ConsentCompilation consent, ScriptSite site, Location location)
    {
        switch (site)
        {
            case ScriptWrite write:
                if (DeclaredNameCheck.Check(report, consent, write.Name, location, write.Target, note: null, constantsApply: false) is { } category
                    && !ConsentGuardCheck.IsGranted(consent, category, null, write.Granted))
                {
                    var what = write.Target == NameTarget.Cookie ? "cookie" : "storage key";
                    ConsentGuardCheck.ReportAt(report, category, Rules.UnguardedWrite, $"Writing {what} '{write.Name.Display}'", location, null,
                        write.Granted, inMarkup: true);
                }

                break;
            case ScriptTrackerUse { Tracker: var tracker } use:
                if (tracker.Category is null)
                {
                    report(Diagnostic.Create(Rules.UndeclaredTracker, location, tracker.UndeclaredProperties(), tracker.DisplayName,
                        tracker.CatalogId));
                }
                else if (!ConsentGuardCheck.IsGranted(consent, tracker.Category, tracker.AlternativeCategory, use.Granted))
                {
                    ConsentGuardCheck.ReportAt(report, tracker.Category, Rules.UnguardedTracking, $"Tracking call to {tracker.DisplayName}", location,
                        tracker.AlternativeCategory, use.Granted, inMarkup: true);
                }

                break;
        }
    }
}

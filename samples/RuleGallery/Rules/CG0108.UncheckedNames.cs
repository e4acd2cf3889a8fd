namespace RuleGallery.Rules;

// CG0108 is reported once per project, at consent-manifest.json(1,1), not in a C# file: "ConsentAnalyzers checked
// N of M cookie and storage writes in this project against the manifest; 1 could not be checked because the name
// cannot be resolved at compile time (CG0102): CG0102.UnresolvedName.cs(13)". The one write it counts as not checked
// is the gallery's CG0102 example, Preferences.Remember, which is also its additional location.
// Fix: resolve that name (see CG0102.UnresolvedName.cs); with every write checked, CG0108 is silent.
internal static class UncheckedNames
{
}

using System;
using System.Collections.Immutable;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Manifest;
using ConsentAnalyzers.Names;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Analysis;

/// <summary>
/// Checks one name written in code against the manifest and reports what is wrong with it: unresolvable (CG0102),
/// undeclared (CG0101/CG0103), declared for another place (CG0104), or a literal that repeats a generated
/// constant (CG0107).
/// </summary>
internal static class DeclaredNameCheck
{
    /// <summary>The category id of the declaration covering the name, or null when there is none.</summary>
    public static string? Check(OperationAnalysisContext context, ConsentCompilation consent, IOperation nameOperation, NameTarget target) =>
        Check(context, consent, NameResolver.Resolve(nameOperation, consent.Constants), nameOperation.Syntax.GetLocation(), target);

    /// <summary>
    /// Checks a resolved name at <paramref name="location"/>; <paramref name="note"/>, when given, replaces the
    /// explanation an "undeclared" message ends with (where the name comes from).
    /// </summary>
    public static string? Check(OperationAnalysisContext context, ConsentCompilation consent, ResolvedName name, Location location, NameTarget target,
        string? note = null) =>
        Check(context.ReportDiagnostic, consent, name, location, target, note, constantsApply: true);

    /// <summary>
    /// The same for a name outside C# (a script's), where <paramref name="constantsApply"/> is false: a generated
    /// constant cannot stand in for a literal there (CG0107).
    /// </summary>
    public static string? Check(Action<Diagnostic> report, ConsentCompilation consent, ResolvedName name, Location location, NameTarget target,
        string? note, bool constantsApply)
    {
        if (name.Kind == ResolvedNameKind.Unresolved)
        {
            return Unresolved(report, consent, location, target);
        }

        var category = CategoryAt(consent.Manifest, name, target);
        if (category is not null)
        {
            consent.RecordNameSite(location, resolved: true);
            if (constantsApply)
            {
                ReportLiteralWithConstant(report, consent, name, location, target);
            }

            return category;
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Name, name.Kind == ResolvedNameKind.Exact ? name.Text : null)
            .Add(DiagnosticProperties.Target, target.ToString());
        var elsewhere = DeclaredElsewhere(consent.Manifest, name, target);
        if (elsewhere is not null)
        {
            consent.RecordNameSite(location, resolved: true);
            report(
                Diagnostic.Create(Rules.NameInWrongPlace, location, properties, name.Display, elsewhere.Value.Describe(), target.Describe()));
            return null;
        }

        if (name.Kind == ResolvedNameKind.Template && CouldBeDeclared(consent.Manifest, name, target))
        {
            // Some values of its holes would make it a declared name, others not: the name is not provably
            // undeclared, and its category is not known. Unresolved, not "undeclared".
            return Unresolved(report, consent, location, target);
        }

        consent.RecordNameSite(location, resolved: true);
        var why = note ?? (name.Kind == ResolvedNameKind.Template ? ": no declared pattern covers every value it can take" : string.Empty);
        var diagnostic = target == NameTarget.Cookie
            ? Diagnostic.Create(Rules.UndeclaredCookie, location, properties, name.Display, why)
            : Diagnostic.Create(Rules.UndeclaredStorageKey, location, properties, StorageKind(target), name.Display, why);
        report(diagnostic);
        return null;
    }

    /// <summary>CG0102, and the site counted as not checked for the project's coverage summary (CG0108).</summary>
    private static string? Unresolved(Action<Diagnostic> report, ConsentCompilation consent, Location location, NameTarget target)
    {
        consent.RecordNameSite(location, resolved: false);
        report(Diagnostic.Create(Rules.UnresolvedName, location, target.NameKind()));
        return null;
    }

    private static string? CategoryAt(ManifestIndex manifest, ResolvedName name, NameTarget target) => target switch
    {
        NameTarget.Cookie => manifest.Cookies.Find(name)?.Category,
        NameTarget.LocalStorage => manifest.LocalStorage.Find(name)?.Category,
        NameTarget.SessionStorage => manifest.SessionStorage.Find(name)?.Category,
        _ => manifest.LocalStorage.Find(name)?.Category ?? manifest.SessionStorage.Find(name)?.Category,
    };

    /// <summary>Whether some value of a template could be a name declared for the target.</summary>
    private static bool CouldBeDeclared(ManifestIndex manifest, ResolvedName name, NameTarget target) => target switch
    {
        NameTarget.Cookie => manifest.Cookies.CouldMatch(name),
        NameTarget.LocalStorage => manifest.LocalStorage.CouldMatch(name),
        NameTarget.SessionStorage => manifest.SessionStorage.CouldMatch(name),
        _ => manifest.LocalStorage.CouldMatch(name) || manifest.SessionStorage.CouldMatch(name),
    };

    /// <summary>Another place the name is declared, so the message can say where it belongs.</summary>
    private static NameTarget? DeclaredElsewhere(ManifestIndex manifest, ResolvedName name, NameTarget target)
    {
        foreach (var other in new[] { NameTarget.Cookie, NameTarget.LocalStorage, NameTarget.SessionStorage })
        {
            if (other != target && CategoryAt(manifest, name, other) is not null)
            {
                return other;
            }
        }

        return null;
    }

    private static void ReportLiteralWithConstant(Action<Diagnostic> report, ConsentCompilation consent, ResolvedName name, Location location,
        NameTarget target)
    {
        if (!name.IsLiteral)
        {
            return;
        }

        var constant = target == NameTarget.Cookie ? consent.Constants.ForCookie(name.Text) : consent.Constants.ForStorageKey(name.Text);
        if (constant is not null)
        {
            report(
                Diagnostic.Create(Rules.LiteralDuplicatesConstant, location,
                    ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Constant, constant), constant, name.Text));
        }
    }

    private static string StorageKind(NameTarget target) => target switch
    {
        NameTarget.LocalStorage => "Local-storage",
        NameTarget.SessionStorage => "Session-storage",
        _ => "Storage",
    };
}

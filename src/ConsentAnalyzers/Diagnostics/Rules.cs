using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

/// <summary>The diagnostic descriptors, one rule per file (<c>Rules.CGxxxx.cs</c>).</summary>
internal static partial class Rules
{
    /// <summary>The descriptor of a manifest rule (CG0001–CG0004) by id, as a <c>ManifestIssue</c> names it.</summary>
    public static DiagnosticDescriptor ManifestRule(string id) => id switch
    {
        DiagnosticIds.ManifestNotFound => ManifestNotFound,
        DiagnosticIds.ManifestSyntax => ManifestSyntax,
        DiagnosticIds.ManifestConflict => ManifestConflict,
        _ => ManifestContent,
    };

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        params string[] customTags) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description, HelpLinks.For(id), customTags);
}

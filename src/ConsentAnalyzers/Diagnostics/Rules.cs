using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

/// <summary>The diagnostic descriptors, one rule per file (<c>Rules.CGxxxx.cs</c>).</summary>
internal static partial class Rules
{
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

using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0104: a declared name used where it is not declared (a session key in localStorage, a cookie name as a storage key).</summary>
    public static readonly DiagnosticDescriptor NameInWrongPlace = Create(
        DiagnosticIds.NameInWrongPlace,
        title: "Declared name used in the wrong place",
        messageFormat: "'{0}' is declared as {1}, but written as {2}",
        RuleCategories.Declarations,
        DiagnosticSeverity.Warning,
        description: "The name is in the manifest, but for another kind of storage. " +
            "Its duration and visibility differ there (localStorage outlives the session; a cookie travels to the server), " +
            "so the policy no longer describes what the code does.");
}

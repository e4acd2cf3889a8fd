using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>
    /// CG0005: a referenced assembly already provides the generated types in this namespace, so this project uses them
    /// and generates none.
    /// </summary>
    public static readonly DiagnosticDescriptor TypesFromReference = Create(
        DiagnosticIds.TypesFromReference,
        title: "The consent types come from a referenced assembly",
        messageFormat: "The consent types of namespace '{0}' come from the referenced assembly '{1}', which generated them public: " +
            "this project uses them and generates none of its own (two copies would conflict)",
        RuleCategories.Generation,
        DiagnosticSeverity.Info,
        description: "A project that generates the consent types public shares them with the projects that reference it. " +
            "A referencing project that also has the package and a manifest would generate the same types into the same namespace, " +
            "and the two copies would conflict (CS0436, CS0433); it uses the referenced ones instead.");
}

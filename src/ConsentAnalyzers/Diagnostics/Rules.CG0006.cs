using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Diagnostics;

internal static partial class Rules
{
    /// <summary>CG0006: the referenced assembly's generated types were generated from a manifest with other categories.</summary>
    public static readonly DiagnosticDescriptor ReferencedTypesMismatch = Create(
        DiagnosticIds.ReferencedTypesMismatch,
        title: "The referenced consent types do not match this project's manifest",
        messageFormat: "The consent types of namespace '{0}' come from the referenced assembly '{1}', whose ConsentCategory ({2}) " +
            "does not match the categories of this project's manifest ({3}): " +
            "use one manifest for both projects, or set ConsentNamespace to generate this project's own types into another namespace",
        RuleCategories.Generation,
        DiagnosticSeverity.Warning,
        description: "This project uses the consent types a referenced assembly generated public (CG0005), " +
            "but that assembly's manifest declares other categories. " +
            "Code that names a category the referenced ConsentCategory lacks does not compile, " +
            "and consent checks would be read against the wrong categories.");
}

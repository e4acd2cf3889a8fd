using System.Collections.Generic;
using ConsentAnalyzers.ConsentApi;
using ConsentAnalyzers.Manifest;

namespace ConsentAnalyzers.Generator;

/// <summary>
/// Everything one generator run needs: what to generate from the manifest (its sound part), the options, and what the
/// compilation already has. Value-equatable, so the output step is skipped when none of them changed.
/// </summary>
internal sealed record GenerationInput(ManifestModel? ManifestOrNull, GeneratorOptions Options, CompilationFacts Facts)
{
    /// <summary>False when the project has no manifest: then only the attributes and an empty category enum are generated.</summary>
    public bool HasManifest => ManifestOrNull is not null;

    /// <summary>The categories and entries to generate; none without a manifest.</summary>
    public ManifestModel Manifest => ManifestOrNull ?? ManifestModel.Empty;
}

/// <summary>The enum member each category id becomes, shared by every emitted file.</summary>
internal sealed class CategoryNames
{
    private readonly Dictionary<string, string> _members = new();
    private readonly Dictionary<string, CategoryEntry> _entries = new();

    public CategoryNames(ManifestModel manifest)
    {
        var names = new UniqueNames(GeneratedNames.Category);
        foreach (var category in manifest.Categories)
        {
            _members[category.Id] = names.Allocate(IdentifierNames.ToPascalCase(category.Id, "Category"));
            _entries[category.Id] = category;
        }
    }

    public string Member(string categoryId) => _members[categoryId];

    /// <summary><c>ConsentCategory.Analytics</c>: how generated code refers to a category.</summary>
    public string Reference(string categoryId) => GeneratedNames.Category + "." + _members[categoryId];

    /// <summary>"Analytics and Performance (needs consent)" or "Strictly Necessary (essential, no consent needed)".</summary>
    public string Describe(string categoryId)
    {
        var entry = _entries[categoryId];
        return CodeWriter.Xml(entry.Title)
            + (entry.IsEssential ? " (essential: no consent needed)" : $" (needs consent: <see cref=\"{Reference(categoryId)}\"/>)");
    }
}

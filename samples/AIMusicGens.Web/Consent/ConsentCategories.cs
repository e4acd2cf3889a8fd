using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace AIMusicGens.Web.Consent;

/// <summary>Lookups over the generated category metadata (<see cref="ConsentManifest.Categories"/>).</summary>
internal static class ConsentCategories
{
    /// <summary>The categories a visitor is asked about: every one that is not strictly necessary, in policy order.</summary>
    public static IReadOnlyList<ConsentCategoryInfo> Optional { get; } =
        ConsentManifest.Categories.Where(category => !category.IsEssential).ToArray();

    /// <summary>Finds a category by its manifest id (<c>analytics</c>), as forms, JSON and the consent cookie name it.</summary>
    public static bool TryFind(string id, [NotNullWhen(true)] out ConsentCategoryInfo? category)
    {
        category = ConsentManifest.Categories.FirstOrDefault(candidate => candidate.Id == id);
        return category is not null;
    }
}

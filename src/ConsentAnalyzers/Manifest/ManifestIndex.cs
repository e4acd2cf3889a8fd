using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace ConsentAnalyzers.Manifest;

/// <summary>
/// A valid manifest indexed for the code analyzers: declared cookies and storage keys per area, categories by id.
/// Built once per manifest model and shared by every analyzer and compilation that reads the same text.
/// </summary>
internal sealed class ManifestIndex
{
    private static readonly ConditionalWeakTable<ManifestModel, ManifestIndex> Indexes = new();

    private readonly Dictionary<string, CategoryEntry> _categories;

    private ManifestIndex(ManifestModel manifest)
    {
        Manifest = manifest;
        Cookies = new DeclaredNames<CookieEntry>(manifest.Cookies, c => c.Name);
        LocalStorage = new DeclaredNames<StorageEntry>(manifest.Storage.Where(s => s.Area == StorageArea.Local), s => s.Key);
        SessionStorage = new DeclaredNames<StorageEntry>(manifest.Storage.Where(s => s.Area == StorageArea.Session), s => s.Key);
        _categories = manifest.Categories.ToDictionary(c => c.Id);
    }

    public ManifestModel Manifest { get; }

    public DeclaredNames<CookieEntry> Cookies { get; }

    public DeclaredNames<StorageEntry> LocalStorage { get; }

    public DeclaredNames<StorageEntry> SessionStorage { get; }

    public static ManifestIndex For(ManifestModel manifest) => Indexes.GetValue(manifest, m => new ManifestIndex(m));

    public CategoryEntry Category(string id) => _categories[id];
}

using System.Collections.Generic;
using System.Linq;

namespace AIMusicGens.Web.Consent;

/// <summary>
/// The answers a visitor gave, per optional category. A category never asked about has no answer, so adding a
/// category to the manifest makes the banner ask again instead of silently counting as refused or granted.
/// </summary>
internal sealed class ConsentChoices
{
    private const char Separator = ';';

    private readonly Dictionary<ConsentCategory, bool> _answers;

    private ConsentChoices(Dictionary<ConsentCategory, bool> answers) => _answers = answers;

    public static ConsentChoices None { get; } = new(new Dictionary<ConsentCategory, bool>());

    /// <summary>The answer for a category: granted, refused, or <c>null</c> if the visitor has not been asked.</summary>
    public bool? this[ConsentCategory category] => _answers.TryGetValue(category, out var granted) ? granted : null;

    /// <summary>The same answer for every optional category: the banner's "Accept all" and "Reject all".</summary>
    public static ConsentChoices ForAll(bool granted) =>
        new(ConsentCategories.Optional.ToDictionary(category => category.Category, _ => granted));

    /// <summary>Answers for the given optional categories only.</summary>
    public static ConsentChoices From(IEnumerable<KeyValuePair<ConsentCategory, bool>> answers) =>
        new(answers.Where(answer => !ConsentManifest.GetCategory(answer.Key).IsEssential).ToDictionary(answer => answer.Key, answer => answer.Value));

    /// <summary>These answers, overwritten by the newer ones in <paramref name="newer"/>.</summary>
    public ConsentChoices With(ConsentChoices newer)
    {
        var merged = new Dictionary<ConsentCategory, bool>(_answers);
        foreach (var (category, granted) in newer._answers)
        {
            merged[category] = granted;
        }

        return new ConsentChoices(merged);
    }

    /// <summary>
    /// Reads the value of the consent cookie, e.g. <c>analytics=1;advertising=0</c>. Anything unrecognised (a category
    /// since removed from the manifest, an essential one, a tampered value) is dropped rather than trusted.
    /// </summary>
    public static ConsentChoices Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return None;
        }

        var answers = new Dictionary<ConsentCategory, bool>();
        foreach (var pair in value.Split(Separator))
        {
            var parts = pair.Split('=');
            if (parts.Length == 2
                && ConsentCategories.TryFind(parts[0], out var category)
                && !category.IsEssential
                && parts[1] is "0" or "1")
            {
                answers[category.Category] = parts[1] == "1";
            }
        }

        return new ConsentChoices(answers);
    }

    /// <summary>The consent cookie value, in manifest order, e.g. <c>functional=1;analytics=1;advertising=0</c>.</summary>
    public override string ToString() =>
        string.Join(Separator, ConsentCategories.Optional
            .Where(category => _answers.ContainsKey(category.Category))
            .Select(category => category.Id + "=" + (_answers[category.Category] ? "1" : "0")));
}

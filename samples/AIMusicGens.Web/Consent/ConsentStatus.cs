using System.Collections.Generic;
using System.Linq;

namespace AIMusicGens.Web.Consent;

/// <summary>The visitor's consent as <c>GET /api/consent</c> reports it.</summary>
/// <param name="Decided">Whether every optional category has an answer.</param>
/// <param name="OptOutSignals">The opt-out signals the request carried, e.g. <c>gpc</c>.</param>
/// <param name="Categories">Every category of the policy, in policy order.</param>
internal sealed record ConsentStatus(bool Decided, IReadOnlyList<string> OptOutSignals, IReadOnlyList<CategoryConsent> Categories)
{
    public static ConsentStatus Of(ConsentService consent) => new(
        consent.HasDecided,
        consent.ReceivedOptOutSignals,
        ConsentManifest.Categories.Select(category => new CategoryConsent(
            category.Id,
            category.Title,
            category.IsEssential,
            category.IsEssential ? null : consent.Choices[category.Category],
            consent.IsGranted(category.Category),
            consent.OptedOutBy(category.Category))).ToArray());
}

/// <summary>One category's consent.</summary>
/// <param name="Id">The manifest id, e.g. <c>advertising</c>.</param>
/// <param name="Title">The title the policy uses.</param>
/// <param name="Essential">Strictly necessary: always granted, never asked.</param>
/// <param name="Choice">What the visitor chose, or <c>null</c> if not asked (or essential).</param>
/// <param name="Granted">Whether the category may be used in this request.</param>
/// <param name="OptedOutBy">The opt-out signal that overrides <paramref name="Choice"/>, or <c>null</c>.</param>
internal sealed record CategoryConsent(string Id, string Title, bool Essential, bool? Choice, bool Granted, string? OptedOutBy);

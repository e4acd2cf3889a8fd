using System.Threading.Tasks;
using Microsoft.JSInterop;

namespace RuleGallery.Rules;

/// <summary>The product tour of a Blazor component.</summary>
internal sealed class ProductTour(IJSRuntime js)
{
    public ValueTask SaveStepAsync(int step) =>
        // CG0103: local storage falls under the cookie policy too, and 'tour_step' is not among its storage keys.
        // Fix: declare it in "storage" with "area": "local" and its category.
        js.InvokeVoidAsync("localStorage.setItem", "tour_step", step);
}

using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Blazored.LocalStorage;
using Blazored.SessionStorage;
using Microsoft.AspNetCore.Components;

namespace Corpus.Web.Components;

// Code-behind of RecentlyViewed.razor (Blazor WebAssembly, Blazored.LocalStorage): the last products the visitor
// opened, kept across visits when functional storage is allowed.
public partial class RecentlyViewed : ComponentBase
{
    private const int Capacity = 8;

    [Inject] public ILocalStorageService LocalStorage { get; set; } = default!;

    [Inject] public ISessionStorageService SessionStorage { get; set; } = default!;

    [Inject] public IConsent Consent { get; set; } = default!;

    [Parameter] public string? CurrentProductId { get; set; }

    private List<string> Items { get; set; } = [];

    protected override async Task OnParametersSetAsync()
    {
        Items = await LocalStorage.GetItemAsync<List<string>>(ConsentStorageKeys.RecentlyViewed) ?? [];
        if (CurrentProductId is null)
        {
            return;
        }

        Items = Items.Where(id => id != CurrentProductId).Prepend(CurrentProductId).Take(Capacity).ToList();
        if (Consent.IsGranted(ConsentCategory.Functional))
        {
            await LocalStorage.SetItemAsync(ConsentStorageKeys.RecentlyViewed, Items);
        }
        else
        {
            await SessionStorage.SetItemAsync(ConsentStorageKeys.RecentlyViewed, Items); // expect: CG0104
        }
    }

    private async Task Pin(string productId)
    {
        if (!Consent.IsGranted(ConsentCategory.Functional)) return;
        await LocalStorage.SetItemAsStringAsync(ConsentStorageKeys.DraftName("pinned"), productId);
        await LocalStorage.SetItemAsStringAsync("pinned_product", productId); // expect: CG0103
    }

    private async Task Clear()
    {
        Items.Clear();
        await LocalStorage.RemoveItemAsync(ConsentStorageKeys.RecentlyViewed);
    }

    private async Task RememberTab(string tab)
    {
        await SessionStorage.SetItemAsync(ConsentStorageKeys.ReturnPage, "/products?tab=" + tab); // expect: CG0105
        await SessionStorage.SetItemAsync(ConsentStorageKeys.CheckoutStep, tab);
    }
}

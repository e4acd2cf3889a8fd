using System.Threading.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;

namespace Corpus.Web.Components;

public enum CheckoutStep { Address, Shipping, Payment, Review }

// Code-behind of CheckoutSteps.razor: the current step survives a reload (strictly necessary, session storage).
public partial class CheckoutSteps : ComponentBase
{
    [Inject] private ProtectedSessionStorage SessionStore { get; set; } = default!;

    [Inject] private ProtectedLocalStorage LocalStore { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private IConsent Consent { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private CheckoutStep Step { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var saved = await SessionStore.GetAsync<CheckoutStep>(ConsentStorageKeys.CheckoutStep);
        Step = saved.Success ? saved.Value : CheckoutStep.Address;
    }

    private async Task GoTo(CheckoutStep step)
    {
        Step = step;
        await SessionStore.SetAsync(ConsentStorageKeys.CheckoutStep, step);
        await JS.InvokeVoidAsync("sessionStorage.setItem", ConsentStorageKeys.CheckoutStep, step.ToString());
        await SessionStore.SetAsync("checkout", ConsentStorageKeys.CheckoutStep, step);
        await LocalStore.SetAsync(ConsentStorageKeys.CheckoutStep, step); // expect: CG0104
    }

    private async Task LeaveForLogin()
    {
        if (Consent.IsGranted(ConsentCategory.Functional))
        {
            await SessionStore.SetAsync(ConsentStorageKeys.ReturnPage, Navigation.Uri);
            await JS.InvokeVoidAsync("localStorage.setItem", ConsentStorageKeys.ReturnPage, Navigation.Uri); // expect: CG0104
        }

        Navigation.NavigateTo("/account/login", forceLoad: true);
    }

    private async Task RememberCoupon(string code)
    {
        if (Consent.IsGranted(ConsentCategory.Functional))
        {
            await JS.InvokeVoidAsync("sessionStorage.setItem", "coupon_code", code); // expect: CG0103
        }
    }

    // The payment iframe cannot read the theme cookie, so the theme is mirrored where its script can see it.
    private async Task MirrorTheme(string theme)
    {
        if (Consent.IsGranted(ConsentCategory.Functional))
        {
            await JS.InvokeVoidAsync("localStorage.setItem", ConsentCookies.Theme, theme); // expect: CG0104
        }
    }

    private async Task Finish()
    {
        await SessionStore.DeleteAsync(ConsentStorageKeys.CheckoutStep);
        await JS.InvokeVoidAsync("sessionStorage.removeItem", ConsentStorageKeys.CheckoutStep);
        Navigation.NavigateTo("/checkout/done");
    }
}

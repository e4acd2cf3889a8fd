using System.Threading.Tasks;
using Microsoft.JSInterop;

namespace RuleGallery.Rules;

internal sealed class SignUpTracking(IJSRuntime js)
{
    public ValueTask TrackSignUpAsync() =>
        // CG0202: gtag is Google Analytics, declared as analytics, and this event is sent whatever the visitor
        // chose. Fix: send it only when consent.IsGranted(ConsentCategory.Analytics).
        js.InvokeVoidAsync("gtag", "event", "sign_up");
}

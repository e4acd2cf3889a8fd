using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Web.Controllers;

// Landing pages of ad campaigns. Click IDs need advertising consent, the products a visitor was shown need functional
// consent. Each action keeps its cookie writes in local functions and calls them from loops and small helpers.
[Route("landing")]
public sealed class CampaignLandingController(IConsent consent) : Controller
{
    [HttpGet("{campaign}")]
    public IActionResult Land(string campaign, [FromQuery] string[] clickIds, [FromQuery] string[] products)
    {
        clickIds.ToList().ForEach(id =>
        {
            if (consent.IsGranted(ConsentCategory.Advertising))
            {
                RememberClick(id);
            }
        });

        RememberProductsIfAllowed();
        return View();

        void RememberClick(string id) =>
            Response.Cookies.Append(ConsentCookies.GclName(campaign), id, new CookieOptions { MaxAge = TimeSpan.FromDays(90) });

        void RememberProductsIfAllowed()
        {
            if (consent.IsGranted(ConsentCategory.Functional))
            {
                RememberProducts(products.Take(10));
            }
        }

        void RememberProducts(IEnumerable<string> seen) =>
            Response.Cookies.Append(ConsentCookies.SeenProducts, string.Join(',', seen), new CookieOptions { MaxAge = TimeSpan.FromDays(30) });
    }

    [HttpGet("{campaign}/later")]
    public async Task<IActionResult> LandLater(string campaign, [FromQuery] string clickId)
    {
        if (consent.IsGranted(ConsentCategory.Advertising))
        {
            RememberClick();
        }

        // Written again after the response has started, from a task that asks nothing.
        await Task.Run(() => RememberClick());
        return Ok();

        void RememberClick() =>
            Response.Cookies.Append(ConsentCookies.GclName(campaign), clickId, new CookieOptions { MaxAge = TimeSpan.FromDays(90) }); // expect: CG0105
    }

    [HttpGet("{campaign}/retarget")]
    public IActionResult Retarget(string campaign, [FromQuery] string clickId)
    {
        if (consent.IsGranted(ConsentCategory.Advertising))
        {
            RememberClick();
        }

        Refresh();
        return Ok();

        // Refreshes the click ID's lifetime on every visit: that call is not behind the check above.
        void Refresh() => RememberClick();

        void RememberClick() =>
            Response.Cookies.Append(ConsentCookies.GclName(campaign), clickId, new CookieOptions { MaxAge = TimeSpan.FromDays(90) }); // expect: CG0105
    }
}

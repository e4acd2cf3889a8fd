using System;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Web.Pages;

// Pages/Newsletter.cshtml.cs: the sign-up form and its "don't show the pop-up again" flag.
public class NewsletterModel(IConsent consent) : PageModel
{
    private const string PopupSeen = "newsletter_popup_seen";
    private static readonly string CampaignCookie = "newsletter_campaign";

    [BindProperty, EmailAddress, Required]
    public string Email { get; set; } = "";

    public bool ShowPopup { get; private set; }

    public void OnGet(string? campaign)
    {
        ShowPopup = !Request.Cookies.ContainsKey(PopupSeen);
        if (campaign is not null && consent.IsGranted(ConsentCategory.Advertising))
        {
            Response.Cookies.Append($"newsletter_{campaign}", "1"); // expect: CG0101
            Response.Cookies.Append(CampaignCookie, campaign); // expect: CG0101
            Response.Cookies.Append(ConsentCookies.GclName(campaign), "1");
        }
    }

    public IActionResult OnPostDismiss()
    {
        if (consent.IsGranted(ConsentCategory.Functional))
        {
            Response.Cookies.Append(PopupSeen, "1", new CookieOptions { MaxAge = TimeSpan.FromDays(30) }); // expect: CG0101
        }

        return new NoContentResult();
    }

    public IActionResult OnPostSubscribe()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        TempData["Subscribed"] = Email;
        Response.Cookies.Delete(PopupSeen);
        return RedirectToPage("/Index");
    }

    public IActionResult OnPostRemember(bool remember)
    {
        var name = remember ? ConsentCookies.Theme : ConsentCookies.Ga;
        if (consent.IsGranted(ConsentCategory.Functional) && consent.AnalyticsAllowed)
        {
            Response.Cookies.Append(name, "1"); // expect: CG0102
        }

        return new NoContentResult();
    }
}

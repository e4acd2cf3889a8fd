using ConsentAnalyzers.CodeFixes;
using ConsentAnalyzers.CodeFixes.Guards;
using ConsentAnalyzers.Tests.Analyzers;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>CG0203 "Fix the category": the check around the site asks for the category the site needs.</summary>
public class FixGuardCategoryFixTests
{
    /// <summary>A consent service whose properties each check one category, as in the rule's documentation.</summary>
    private const string ConsentService = """
        namespace TestProject
        {
            internal interface IConsentService
            {
                [ConsentGuard(ConsentCategory.Functional)] bool FunctionalAllowed { get; }
                [ConsentGuard(ConsentCategory.Analytics)] bool AnalyticsAllowed { get; }
                [ConsentGuard(ConsentCategory.Advertising)] bool AdvertisingAllowed { get; }
            }
        }
        """;

    private static string InMethod(string body) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using TestProject;

        class Endpoint
        {
            async Task Handle(HttpContext http, IConsent consent, IConsentService service, string? gclid, List<int> items)
            {
                await Task.Yield();
        {{body}}
            }
        }
        """;

    private static CSharpFixTest<FixGuardCategoryCodeFixProvider> Test(string code, string fixedCode, string manifest = CodeManifests.Policy) =>
        new CSharpFixTest<FixGuardCategoryCodeFixProvider>(code, fixedCode, manifest)
            .WithSource(ConsentTestProject.ConsentService)
            .WithSource(ConsentService);

    private static Task Verify(string body, string fixedBody) => Test(InMethod(body), InMethod(fixedBody)).RunAsync();

    private static Task VerifyNoFix(string body) => Test(InMethod(body), InMethod(body)).RunAsync();

    /// <summary>A check can be changed, so the action is offered; no change verifies, so applying it changes nothing.</summary>
    private static Task VerifyUnchanged(string body) => Test(InMethod(body), InMethod(body)).OfferedButUnchanged().RunAsync();

    [Theory]
    [InlineData(
        """if (consent.IsGranted(ConsentCategory.Advertising)) {|CG0203:http.Response.Cookies.Append("_ga", "1")|};""",
        """if (consent.IsGranted(ConsentCategory.Analytics)) http.Response.Cookies.Append("_ga", "1");""")]
    [InlineData(
        """if (!await consent.IsGrantedAsync(ConsentCategory.Functional)) return; {|CG0203:http.Response.Cookies.Append("_gcl_au", "1")|};""",
        """if (!await consent.IsGrantedAsync(ConsentCategory.Advertising)) return; http.Response.Cookies.Append("_gcl_au", "1");""")]
    [InlineData(
        """if (consent.IsGranted(ConsentCategory.Advertising)) items.ForEach(_ => {|CG0203:http.Response.Cookies.Append("_ga", "1")|});""",
        """if (consent.IsGranted(ConsentCategory.Analytics)) items.ForEach(_ => http.Response.Cookies.Append("_ga", "1"));""")]
    [InlineData(
        """if (consent.IsGranted(TestProject.ConsentCategory.Analytics)) {|CG0203:Ads.TrackConversion()|};""",
        """if (consent.IsGranted(TestProject.ConsentCategory.Advertising)) Ads.TrackConversion();""")]
    public Task The_category_argument_of_the_guard_becomes_the_required_one(string body, string fixedBody) => Verify(body, fixedBody);

    [Fact]
    public async Task A_category_that_is_not_written_as_a_member_is_replaced_by_the_member_with_its_using()
    {
        await Test(
            """
            using Microsoft.AspNetCore.Http;

            class Other
            {
                void Write(HttpResponse response, TestProject.IConsent consent)
                {
                    if (consent.IsGranted((TestProject.ConsentCategory)3)) {|CG0203:response.Cookies.Append("_ga", "1")|};
                }
            }
            """,
            """
            using Microsoft.AspNetCore.Http;
            using TestProject;

            class Other
            {
                void Write(HttpResponse response, TestProject.IConsent consent)
                {
                    if (consent.IsGranted(ConsentCategory.Analytics)) response.Cookies.Append("_ga", "1");
                }
            }
            """).RunAsync();
    }

    [Fact]
    public Task A_guard_property_becomes_its_sibling_for_the_required_category() => Test(
        InMethod("""
                if (gclid is not null && service.AnalyticsAllowed)
                {
                    {|CG0203:http.Response.Cookies.Append("_gcl_au", gclid)|};
                }
        """),
        InMethod("""
                if (gclid is not null && service.AdvertisingAllowed)
                {
                    http.Response.Cookies.Append("_gcl_au", gclid);
                }
        """)).WithAction("Check consent for 'advertising' instead of 'analytics'", "CG0203.FixGuardCategory").RunAsync();

    [Fact]
    public async Task A_manifest_guard_argument_becomes_the_value_mapped_to_the_required_category()
    {
        const string ConsentManager = """
            namespace Shop.Privacy
            {
                public enum CookieType { Required, Statistics, Marketing }

                public interface IConsentManager
                {
                    bool IsAllowed(CookieType type);
                }
            }
            """;
        var manifest = CodeManifests.Policy.Replace(
            "\"storage\": [",
            """
            "guards": [
                { "api": "Shop.Privacy.IConsentManager.IsAllowed",
                  "arguments": { "Shop.Privacy.CookieType.Statistics": "analytics", "Shop.Privacy.CookieType.Marketing": "advertising" } },
              ],
              "storage": [
            """,
            StringComparison.Ordinal);
        var test = Test(
            """
            using Microsoft.AspNetCore.Http;
            using Shop.Privacy;

            class Endpoint
            {
                void Handle(HttpResponse response, IConsentManager consent)
                {
                    if (consent.IsAllowed(CookieType.Marketing))
                    {
                        {|CG0203:response.Cookies.Append("_ga", "1")|};
                    }
                }
            }
            """,
            """
            using Microsoft.AspNetCore.Http;
            using Shop.Privacy;

            class Endpoint
            {
                void Handle(HttpResponse response, IConsentManager consent)
                {
                    if (consent.IsAllowed(CookieType.Statistics))
                    {
                        response.Cookies.Append("_ga", "1");
                    }
                }
            }
            """,
            manifest).WithSource(ConsentManager);
        await test.RunAsync();
    }

    [Fact]
    public Task No_change_when_the_guard_also_guards_a_site_that_needs_its_category() => VerifyUnchanged(
        """
                if (consent.IsGranted(ConsentCategory.Advertising))
                {
                    http.Response.Cookies.Append("_gcl_au", "1");
                    {|CG0203:http.Response.Cookies.Append("_ga", "1")|};
                }
        """);

    [Fact]
    public Task No_fix_when_the_guards_check_more_than_one_other_category() => VerifyNoFix(
        """
                if (consent.AnalyticsAllowed && consent.IsGranted(ConsentCategory.Functional)) {|CG0203:http.Response.Cookies.Append("_gcl_au", "1")|};
        """);

    [Fact]
    public Task No_change_when_two_checks_could_each_be_the_wrong_one() => VerifyUnchanged(
        """
                if (!consent.IsGranted(ConsentCategory.Advertising)) return;
                if (consent.IsGranted(ConsentCategory.Advertising)) {|CG0203:http.Response.Cookies.Append("_ga", "1")|};
        """);

    [Fact]
    public Task Only_the_check_that_guards_the_site_changes() => Verify(
        """
                if (service.AnalyticsAllowed) http.Response.Cookies.Append("_ga", "1");
                if (await consent.IsGrantedAsync(ConsentCategory.Functional)) {|CG0203:http.Response.Cookies.Append("_gcl_au", "1")|};
                if (consent.IsGranted(ConsentCategory.Functional)) http.Response.Cookies.Append("theme", "dark");
        """,
        """
                if (service.AnalyticsAllowed) http.Response.Cookies.Append("_ga", "1");
                if (await consent.IsGrantedAsync(ConsentCategory.Advertising)) http.Response.Cookies.Append("_gcl_au", "1");
                if (consent.IsGranted(ConsentCategory.Functional)) http.Response.Cookies.Append("theme", "dark");
        """);

    [Fact]
    public async Task No_change_when_the_wrong_category_is_granted_by_something_that_is_not_a_check()
    {
        const string Code = """
            using Microsoft.AspNetCore.Http;
            using TestProject;

            class Endpoint
            {
                [RequiresConsent(ConsentCategory.Functional)]
                void Handle(HttpContext http, IConsent consent, bool remember)
                {
                    if (remember && consent.IsGranted(ConsentCategory.Functional)) http.Response.Cookies.Append("theme", "dark");
                    {|CG0203:http.Response.Cookies.Append("_gcl_au", "1")|};
                }
            }
            """;
        await Test(Code, Code).OfferedButUnchanged().RunAsync();
    }

    [Fact]
    public async Task Fix_all_fixes_every_site_in_every_document()
    {
        var test = Test(
            InMethod("""
                    if (consent.IsGranted(ConsentCategory.Advertising)) {|CG0203:http.Response.Cookies.Append("_ga", "1")|};
                    if (service.FunctionalAllowed) {|CG0203:http.Response.Cookies.Append("_gcl_au", "1")|};
                    if (consent.IsGranted(ConsentCategory.Analytics) && service.FunctionalAllowed) {|CG0203:http.Response.Cookies.Append("_gcl_au", "2")|};
            """),
            InMethod("""
                    if (consent.IsGranted(ConsentCategory.Analytics)) http.Response.Cookies.Append("_ga", "1");
                    if (service.AdvertisingAllowed) http.Response.Cookies.Append("_gcl_au", "1");
                    if (consent.IsGranted(ConsentCategory.Analytics) && service.FunctionalAllowed) {|CG0203:http.Response.Cookies.Append("_gcl_au", "2")|};
            """));
        test.WithDocument(
            "/0/Other.cs",
            """
            using Microsoft.AspNetCore.Http;

            class Other
            {
                void Write(HttpResponse response, TestProject.IConsent consent)
                {
                    if (consent.IsGranted(TestProject.ConsentCategory.Functional))
                    {
                        {|CG0203:response.Cookies.Append("_ga", "1")|};
                        {|CG0203:response.Cookies.Append("_ga", "2")|};
                    }
                }
            }
            """,
            """
            using Microsoft.AspNetCore.Http;

            class Other
            {
                void Write(HttpResponse response, TestProject.IConsent consent)
                {
                    if (consent.IsGranted(TestProject.ConsentCategory.Analytics))
                    {
                        response.Cookies.Append("_ga", "1");
                        response.Cookies.Append("_ga", "2");
                    }
                }
            }
            """);
        test.FixedState.MarkupHandling = MarkupMode.Allow; // the site that stays reported is marked in the fixed code too
        await test.RunAsync();
    }
}

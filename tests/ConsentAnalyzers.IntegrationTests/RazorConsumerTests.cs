using System.Text.RegularExpressions;

namespace ConsentAnalyzers.IntegrationTests;

/// <summary>
/// A real ASP.NET Core project with Razor Pages and components, compiled by the Razor SDK against the packed package:
/// markup is checked, and each diagnostic points at its line of the .cshtml or .razor file.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class RazorConsumerTests(PackageFixture package)
{
    private const string Manifest = """
        {
          "version": 1,
          "categories": {
            "necessary": { "title": "Strictly Necessary", "essential": true },
            "analytics": { "title": "Analytics" },
          },
          "cookies": [ { "name": "_ga", "category": "analytics" } ],
          "storage": [ { "key": "landing_page", "area": "session", "category": "analytics" } ],
          "trackers": [ { "use": "google-analytics", "category": "analytics" } ],
        }
        """;

    [Fact]
    public void Diagnostics_in_markup_point_at_the_razor_line()
    {
        var consumer = RazorProject("razor", "@using Microsoft.AspNetCore.Http.Features\n@namespace Consumer.App.Pages\n")
            .WriteFile("Pages/Index.cshtml", """
                @page
                <h1>Songs</h1>
                <p>Make a song in seconds.</p>

                <script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>
                @if (HttpContext.Features.Get<ITrackingConsentFeature>()?.CanTrack == true)
                {
                    <script>sessionStorage.setItem('landing_page', location.pathname);</script>
                }
                <script>fbq('track', 'PageView');</script>
                """)
            .WriteFile("Components/Tags.razor", """
                <h3>Tags</h3>

                <img src="https://www.google-analytics.com/collect?v=1" alt="" />
                """);

        var build = consumer.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        AssertReported(build, @"Pages[/\\]Index\.cshtml\(5,\d+\): warning CG0202: Tracking call to Google Analytics");
        AssertReported(build, @"Pages[/\\]Index\.cshtml\(10,\d+\): warning CG0201: This calls Meta Pixel and Conversions API");
        AssertReported(build, @"Components[/\\]Tags\.razor\(3,\d+\): warning CG0202: Tracking call to Google Analytics");
        Assert.DoesNotMatch(@"Index\.cshtml\(8,\d+\)", build.Output);
    }

    /// <summary>
    /// A layout whose head and body are tag-helper elements (MVC registers tag helpers for them): Razor compiles
    /// their markup into async lambdas handed to the tag-helper runner, and a guard computed into a local before
    /// them still guards what they contain.
    /// </summary>
    [Fact]
    public void A_guard_local_before_the_head_of_a_layout_guards_the_markup_inside_head_and_body()
    {
        var consumer = RazorProject("razor-layout",
            "@using Microsoft.AspNetCore.Http.Features\n@namespace Consumer.App.Pages\n@addTagHelper *, Microsoft.AspNetCore.Mvc.TagHelpers\n")
            .WriteFile("Pages/Shared/_Layout.cshtml", """
                @{
                    var canTrack = Context.Features.Get<ITrackingConsentFeature>()?.CanTrack ?? false;
                }
                <!DOCTYPE html>
                <html lang="en">
                <head>
                    <meta charset="utf-8" />
                    <title>@ViewData["Title"]</title>
                    @if (canTrack)
                    {
                        <script async src="https://www.googletagmanager.com/gtag/js?id=G-X"></script>
                    }
                </head>
                <body>
                    @RenderBody()
                    @if (canTrack)
                    {
                        <script>gtag('config', 'G-X');</script>
                    }
                    <script>sessionStorage.setItem('landing_page', location.pathname);</script>
                </body>
                </html>
                """);

        var build = consumer.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        var findings = Regex.Matches(build.Output, @"_Layout\.cshtml\((\d+),\d+\): warning (CG\d{4})")
            .Select(match => $"{match.Groups[1].Value}:{match.Groups[2].Value}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();

        // The head and the body are tag helpers' content, rendered in place: one page, so the manifest's missing Consent
        // Mode mapping is reported once, at the tag's first setup step.
        Assert.True(findings.SequenceEqual(["11:CG0206", "20:CG0105"]),
            $"expected only 11:CG0206 and 20:CG0105, got [{string.Join(", ", findings)}]:\n{build}");
    }

    /// <summary>
    /// A component's markup is normalized by Razor (comments dropped, line ends changed), so a finding is found in the
    /// .razor file by its text: a function's name at its own line, not at the first mention of that name (the comment
    /// above the tag). The order of the steps, and so CG0207, follows those lines.
    /// </summary>
    [Fact]
    public void Google_tag_steps_in_a_component_point_at_their_own_lines()
    {
        var consumer = RazorProject("razor-host", "@namespace Consumer.App.Pages\n")
            .WriteFile("Components/Host.razor", """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                    <!-- Google tag (gtag.js): the standard installation -->
                    <script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>
                    <script>
                        window.dataLayer = window.dataLayer || [];
                        function gtag(){dataLayer.push(arguments);}
                        gtag('js', new Date());
                        gtag('consent', 'default', { 'analytics_storage': 'denied' });
                        gtag('config', 'G-1');
                    </script>
                </head>
                <body></body>
                </html>
                """);

        var build = consumer.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        AssertReported(build, @"Components[/\\]Host\.razor\(5,\d+\): warning CG0206: This sets up Google Analytics");
        AssertReported(build, @"Components[/\\]Host\.razor\(5,\d+\): warning CG0207: Google Analytics is loaded here, before .* on line 10;");
        Assert.DoesNotMatch(@"Host\.razor\(4,\d+\)", build.Output);
    }

    /// <summary>A Razor class library against the packed package, with the test manifest and its view imports.</summary>
    private ConsumerProject RazorProject(string name, string viewImports) =>
        package.CreateConsumer(name).WithWebProject()
            .WriteFile("consent-manifest.json", Manifest)
            .WriteFile("Pages/_ViewImports.cshtml", viewImports);

    private static void AssertReported(DotNet.Result build, string pattern) =>
        Assert.True(Regex.IsMatch(build.Output, pattern), $"'{pattern}' not found in the build output:\n{build}");
}

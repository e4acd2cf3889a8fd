using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>CG0111 at a declared maxAge longer than the lifetime cap, and the cap's build property.</summary>
public class ManifestLifetimeCapTests
{
    private static string Manifest(string entries) => $$"""
        {
          "version": 1,
          "categories": {
            "necessary": { "title": "Strictly Necessary", "essential": true },
            "analytics": { "title": "Analytics" },
          },
          {{entries}}
        }
        """;

    private static Task Verify(string entries, string? globalConfig = null, params DiagnosticResult[] expected)
    {
        var test = new ConsentAnalyzerTest<ManifestAnalyzer>().WithManifest(Manifest(entries));
        if (globalConfig is not null)
        {
            test.WithGlobalConfig(globalConfig);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Theory]
    [InlineData(""" "cookies": [ { "name": "_ga", "category": "analytics", "maxAge": "P13M" } ], """)]
    [InlineData(""" "cookies": [ { "name": "_ga", "category": "analytics", "maxAge": "P1Y" } ], """)]
    [InlineData(""" "cookies": [ { "name": "_ga", "category": "analytics", "maxAge": "P403D" } ], """)]
    [InlineData(""" "cookies": [ { "name": "_ga", "category": "analytics", "maxAge": "session" } ], """)]
    [InlineData(""" "cookies": [ { "name": "_ga", "category": "analytics" } ], """)]
    [InlineData(""" "cookies": [ { "name": "sid", "category": "necessary", "maxAge": "P10Y" } ], """)]
    [InlineData(""" "storage": [ { "key": "k", "area": "local", "category": "necessary", "maxAge": "P5Y" } ], """)]
    public Task Lifetimes_within_the_cap_and_essential_ones_report_nothing(string entries) => Verify(entries);

    [Theory]
    [InlineData(""" "cookies": [ { "name": "_ga", "category": "analytics", "maxAge": {|CG0111:"P2Y"|} } ], """)]
    [InlineData(""" "cookies": [ { "name": "_ga_*", "category": "analytics", "maxAge": {|CG0111:"P14M"|} } ], """)]
    [InlineData(""" "cookies": [ { "name": "_ga", "category": "analytics", "maxAge": {|CG0111:"P404D"|} } ], """)]
    [InlineData(""" "storage": [ { "key": "k", "area": "local", "category": "analytics", "maxAge": {|CG0111:"P1Y2M"|} } ], """)]
    public Task Non_essential_lifetimes_over_the_cap_are_CG0111_at_the_value(string entries) => Verify(entries);

    [Fact]
    public Task The_message_names_the_entry_its_lifetime_and_the_cap() => Verify(
        """ "storage": [ { "key": "visits", "area": "local", "category": "analytics", "maxAge": {|#0:"P2Y"|} } ], """,
        null,
        new DiagnosticResult(Rules.LifetimeOverCap).WithLocation(0).WithArguments(
            "Storage key 'visits' is declared to live 2 years (maxAge \"P2Y\"), longer than the lifetime cap of 13 months for what needs " +
            "consent (category 'analytics'): declare a shorter lifetime, or set the cap with the MSBuild property ConsentLifetimeCap"));

    [Theory]
    [InlineData("build_property.ConsentLifetimeCap = P25M")]
    [InlineData("build_property.ConsentLifetimeCap = none")]
    [InlineData("build_property.ConsentLifetimeCap = NONE")]
    public Task The_cap_is_set_or_switched_off_by_the_build_property(string config) =>
        Verify(""" "cookies": [ { "name": "_ga", "category": "analytics", "maxAge": "P2Y" } ], """, config);

    [Fact]
    public Task The_manifest_rules_reported_by_the_generator_leave_CG0111_to_the_analyzer() => Verify(
        """ "cookies": [ { "name": "_ga", "category": "analytics", "maxAge": {|CG0111:"P2Y"|} } ], """,
        "build_property._ConsentCommandLineBuild = true");

    [Fact]
    public Task A_broken_manifest_reports_its_errors_first() => Verify(
        """ "cookies": [ { "name": "_ga", "category": {|CG0003:"analytic"|}, "maxAge": "P2Y" } ], """);

    [Theory]
    [InlineData("P13")]
    [InlineData("13 months")]
    [InlineData("session")]
    [InlineData("P0D")]
    public Task A_cap_that_is_not_a_lifetime_is_reported_once_and_the_default_applies(string cap) => Verify(
        """ "cookies": [ { "name": "_ga", "category": "analytics", "maxAge": {|CG0111:"P2Y"|} } ], """,
        "build_property.ConsentLifetimeCap = " + cap,
        new DiagnosticResult(Rules.LifetimeOverCap).WithNoLocation().WithSeverity(DiagnosticSeverity.Warning).WithArguments(
            $"The MSBuild property ConsentLifetimeCap is '{cap}', which is not a lifetime cap: use an ISO-8601 duration in whole units, " +
            "such as P13M (13 months), P25M or P390D, or 'none' to switch the cap off. The default cap of 13 months applies meanwhile."));
}

using System;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Manifest;

/// <summary>
/// The longest a cookie or storage key that needs consent may live (CG0111): 13 months by default, the cap most
/// data-protection authorities apply to audience measurement and after which consent is asked again; the MSBuild
/// property <c>ConsentLifetimeCap</c> (made compiler-visible by the package's build props) sets another ISO-8601
/// duration, or <c>none</c> to switch the cap off.
/// </summary>
internal sealed class LifetimeCap
{
    private const string CapProperty = "build_property.ConsentLifetimeCap";

    public const string Off = "none";

    /// <summary>The default cap: 13 months.</summary>
    public static Lifetime Default { get; } = new(false, 0, 13, 0, 0, 0, 0, 0);

    private LifetimeCap(Lifetime? limit, string? error)
    {
        Limit = limit;
        Error = error;
    }

    /// <summary>The cap, or null when the project switched it off.</summary>
    public Lifetime? Limit { get; }

    /// <summary>Why the property's value was not read, or null; the default cap then applies.</summary>
    public string? Error { get; }

    public static LifetimeCap Read(AnalyzerConfigOptions globalOptions)
    {
        if (!globalOptions.TryGetValue(CapProperty, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return new LifetimeCap(Default, null);
        }

        value = value.Trim();
        if (string.Equals(value, Off, StringComparison.OrdinalIgnoreCase))
        {
            return new LifetimeCap(null, null);
        }

        var limit = Lifetime.Parse(value, out _);
        if (limit is null || limit.IsSession)
        {
            return new LifetimeCap(Default, $"The MSBuild property ConsentLifetimeCap is '{MessageText.Printable(value)}', which is not a " +
                "lifetime cap: use an ISO-8601 duration in whole units, such as P13M (13 months), P25M or P390D, or 'none' to switch the cap " +
                $"off. The default cap of {Default.Describe()} applies meanwhile.");
        }

        return new LifetimeCap(limit, null);
    }

    /// <summary>CG0111 at a write in code.</summary>
    public static string WrittenMessage(string name, Lifetime written, string category, Lifetime cap) =>
        $"Cookie '{name}' is written to live {written.Describe()}, longer than the lifetime cap of {cap.Describe()} for what needs consent " +
        $"(category '{category}'): write a shorter lifetime, or set the cap with the MSBuild property ConsentLifetimeCap";

    /// <summary>CG0111 at a manifest's <c>maxAge</c>.</summary>
    public static string DeclaredMessage(string what, string name, Lifetime declared, string category, Lifetime cap) =>
        $"{what} '{name}' is declared to live {declared.Describe()} (maxAge \"{declared}\"), longer than the lifetime cap of " +
        $"{cap.Describe()} for what needs consent (category '{category}'): declare a shorter lifetime, or set the cap with the MSBuild " +
        "property ConsentLifetimeCap";
}

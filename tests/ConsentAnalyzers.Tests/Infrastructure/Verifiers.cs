using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Infrastructure;

/// <summary>
/// The analyzer verifier with the settings every test shares: .NET 8 and ASP.NET Core reference assemblies
/// (<see cref="TestReferences.AspNetCore"/>), manifest at a fixed path.
/// </summary>
internal sealed class ConsentAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public const string ManifestPath = "/0/consent-manifest.json";

    public ConsentAnalyzerTest()
    {
        ReferenceAssemblies = TestReferences.AspNetCore.ReferenceAssemblies;
        TestCode = "class Program { }";
    }

    /// <summary>A test of C# code against a manifest; <c>{|CG0101:…|}</c> markup in the code marks expected diagnostics.</summary>
    public static ConsentAnalyzerTest<TAnalyzer> Code(string code, string manifest)
    {
        var test = new ConsentAnalyzerTest<TAnalyzer> { TestCode = code };
        return test.WithManifest(manifest);
    }

    /// <summary>Adds the manifest; <c>{|CG0003:…|}</c> markup in it marks the expected diagnostics.</summary>
    public ConsentAnalyzerTest<TAnalyzer> WithManifest(string manifest, string path = ManifestPath)
    {
        TestState.AdditionalFiles.Add((path, manifest));
        return this;
    }

    /// <summary>Adds a global analyzer config, as MSBuild writes one for build properties and item metadata.</summary>
    public ConsentAnalyzerTest<TAnalyzer> WithGlobalConfig(string content)
    {
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + content));
        return this;
    }
}

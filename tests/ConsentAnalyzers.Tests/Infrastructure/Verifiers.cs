using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Infrastructure;

/// <summary>The analyzer verifier on the test project of <see cref="ConsentTestProject"/>: ASP.NET Core, the manifest, the real generator.</summary>
internal sealed class ConsentAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public ConsentAnalyzerTest()
    {
        this.Setup();
        TestCode = "class Program { }";
    }

    /// <summary>A test of C# code against a manifest; <c>{|CG0101:…|}</c> markup in the code marks expected diagnostics.</summary>
    public static ConsentAnalyzerTest<TAnalyzer> Code(string code, string manifest) =>
        new ConsentAnalyzerTest<TAnalyzer> { TestCode = code }.WithManifest(manifest);
}

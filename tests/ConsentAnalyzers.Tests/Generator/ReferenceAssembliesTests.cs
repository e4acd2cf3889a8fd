using ConsentAnalyzers.Generator;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Generator;

/// <summary>
/// The generated code against real reference assemblies of the frameworks consumers target, through the testing
/// library's generator verifier: no compiler error or warning, with nullable on and a consumer using the API.
/// </summary>
public class ReferenceAssembliesTests
{
    private const string Consumer = """
        using System;

        namespace App
        {
            internal static class Usage
            {
                [RequiresConsent(ConsentCategory.Advertising)]
                public static string Describe()
                {
                    var cookie = ConsentManifest.FindCookie(ConsentCookies.GaName("ABC"));
                    var key = ConsentManifest.FindStorageKey(ConsentStorageArea.Session, ConsentStorageKeys.LandingPage);
                    return (cookie?.Provider ?? "") + key?.Purpose + ConsentManifest.GetCategory(ConsentCategory.Necessary).Title + ConsentManifest.Cookies.Count;
                }
            }
        }
        """;

    public static TheoryData<string> Frameworks => ["net472", "netstandard2.0", "net8.0"];

    [Theory]
    [MemberData(nameof(Frameworks))]
    public async Task Generated_code_compiles_cleanly_for(string framework)
    {
        var references = framework switch
        {
            "net472" => TestReferences.Net472,
            "netstandard2.0" => TestReferences.NetStandard20,
            _ => TestReferences.Net80,
        };
        var test = new CSharpSourceGeneratorTest<ConsentGenerator, DefaultVerifier> { CompilerDiagnostics = CompilerDiagnostics.Warnings }
            .Setup(TestManifests.Policy, references)
            .WithGlobalConfig("build_property.RootNamespace = App\n");
        test.TestState.Sources.Add(Consumer);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable);
            return solution.WithProjectCompilationOptions(projectId, options);
        });

        await test.RunAsync();
    }
}

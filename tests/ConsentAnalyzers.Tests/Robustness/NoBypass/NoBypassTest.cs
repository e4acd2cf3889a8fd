using System.Collections.Immutable;
using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Tests.Analyzers;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.Robustness.NoBypass;

/// <summary>
/// Runs every code analyzer of the package on one shape of the no-bypass table, against the tracking manifest, with
/// the consent API, the tracker libraries and a separately compiled library of name constants.
/// </summary>
internal sealed class NoBypassTest : CSharpAnalyzerTest<CookieWriteAnalyzer, DefaultVerifier>
{
    /// <summary>The tracking manifest, plus a tracker whose type implements its vendor's own interface.</summary>
    public static readonly string Manifest = TrackingCallAnalyzerTests.Manifest.Replace(
        "  \"trackers\": [",
        """
          "trackers": [
            { "api": "Vendor.Pixel.PixelClient.Fire*", "category": "advertising" },
        """,
        StringComparison.Ordinal);

    /// <summary>What every shape may use: global usings, name constants, a tracker behind its vendor's interface.</summary>
    private const string Support = """
        global using System;
        global using System.Collections.Generic;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.ApplicationInsights;
        global using Microsoft.JSInterop;
        global using MyApp.Telemetry;
        global using TestProject;

        static class Names
        {
            public const string Promo = "promo_seen";
            public const string Ga = "_ga";
            public static readonly string ReadOnlyPromo = "promo_seen";
        }

        namespace Vendor.Pixel
        {
            public interface IPixelClient { void FireEvent(string name); }
            public sealed class PixelClient : IPixelClient { public void FireEvent(string name) { } }
        }
        """;

    /// <summary>Name constants in another assembly, referenced as metadata (so their values are read from it, not from source).</summary>
    private const string LibrarySource = """
        namespace Lib
        {
            public static class LibNames
            {
                public const string Promo = "promo_seen";
                public const string GaPrefix = "_ga_";
                public static readonly string ReadOnlyPromo = "promo_seen";
            }
        }
        """;

    private static readonly Lazy<MetadataReference> Library = new(CompileLibrary);

    /// <summary>The sources every shape is compiled with: the support above, the consent service, the tracker libraries.</summary>
    public static IReadOnlyList<string> Context { get; } = [Support, ConsentTestProject.ConsentService, TrackingCallAnalyzerTests.Libraries];

    /// <summary>The separately compiled library of name constants every shape references.</summary>
    public static MetadataReference LibraryReference => Library.Value;

    private NoBypassTest()
    {
        this.Setup(Manifest);

        // The analyzers share their descriptors (CG0102, CG0202, CG0203): markup names the one rule.
        MarkupOptions = MarkupOptions.UseFirstDescriptor;
    }

    public static Task<NoBypassTest> ForAsync(BypassShape shape)
    {
        var test = new NoBypassTest { TestCode = shape.Code };
        foreach (var source in Context)
        {
            test.TestState.Sources.Add(source);
        }

        test.TestState.AdditionalReferences.Add(Library.Value);
        if (shape.TopLevel)
        {
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
        }

        return Task.FromResult(test);
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        [.. GuardReportingAnalyzers.Create()];

    private static MetadataReference CompileLibrary()
    {
        var compilation = CSharpCompilation.Create(
            "Lib",
            [CSharpSyntaxTree.ParseText(LibrarySource)],
            TestReferences.Net80.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The constants library does not compile: " + string.Join("; ", emitted.Diagnostics));
        }

        return MetadataReference.CreateFromImage(ImmutableArray.Create(image.ToArray()));
    }
}

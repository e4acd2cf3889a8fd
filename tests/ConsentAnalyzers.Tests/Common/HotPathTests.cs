using System.Reflection;
using System.Runtime.CompilerServices;
using ConsentAnalyzers.Analyzers;
using ConsentAnalyzers.Common;

namespace ConsentAnalyzers.Tests.Common;

/// <summary>
/// The code that runs on every operation of a kind is compiled optimized on its first call (<see cref="HotPath"/>):
/// in a build that starts a compiler process, the runtime would otherwise run it unoptimized for the whole compilation.
/// The flag is a number (netstandard2.0 does not name it), and a refactoring that moves a callback's entry method must
/// keep it.
/// </summary>
public sealed class HotPathTests
{
    [Fact]
    public void The_flag_is_the_runtimes_aggressive_optimization() =>
        Assert.Equal(MethodImplOptions.AggressiveOptimization, HotPath.Optimized);

    [Theory]
    [InlineData(typeof(CookieWriteAnalyzer), "AnalyzeInvocation")]
    [InlineData(typeof(CookieWriteAnalyzer), "AnalyzeObjectCreation")]
    [InlineData(typeof(CookieWriteAnalyzer), "AnalyzeAssignment")]
    [InlineData(typeof(StorageWriteAnalyzer), "AnalyzeInvocation")]
    [InlineData(typeof(CookieLifetimeAnalyzer), "AnalyzeAssignment")]
    [InlineData(typeof(TrackingCallAnalyzer), "FindInInvocation")]
    [InlineData(typeof(HtmlStringAnalyzer), "Analyze")]
    [InlineData(typeof(RequiresConsentCallAnalyzer), "Analyze")]
    public void A_callbacks_entry_method_is_compiled_optimized(Type analyzer, string method)
    {
        var candidates = analyzer.GetMethods(BindingFlags.NonPublic | BindingFlags.Static).Where(m => m.Name == method).ToList();

        Assert.NotEmpty(candidates);
        Assert.All(candidates, m => Assert.True(m.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization),
            $"{analyzer.Name}.{m.Name} runs on every operation of its kind and should carry [MethodImpl(HotPath.Optimized)]"));
    }
}

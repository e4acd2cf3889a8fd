using System.Runtime.CompilerServices;

namespace ConsentAnalyzers.Common;

/// <summary>
/// For the code that runs on every operation of a kind (a callback's name and type tests before it returns) or on every
/// operation of a body: <c>[MethodImpl(HotPath.Optimized)]</c> has such a method compiled optimized when it is first
/// called. A build that starts a compiler process (a CI job's, or with <c>UseSharedCompilation=false</c>) runs our code
/// as the runtime first compiles it, unoptimized (tier 0); the runtime re-compiles a method that is called often, but
/// in such a build its queue is full of the compiler's own methods, and none of ours was re-compiled before the
/// compilation ended (<c>DOTNET_JitDisasmSummary</c> lists each compilation of each method). A compiler server that
/// stays warm runs the same optimized code.
/// </summary>
internal static class HotPath
{
    /// <summary>
    /// <c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name; a runtime that does not know
    /// it (.NET Framework, where Visual Studio may load the analyzers) ignores it. The netstandard2.0 build of the
    /// JavaScript parser that the package ships beside the analyzers marks 24 of its methods the same way.
    /// </summary>
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}

using Microsoft.CodeAnalysis.Testing;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>
/// The contract of a fix whose registration is a cheap test and whose edit is verified when the action is computed: the
/// action is offered, and when verification rejects every candidate it leaves the code unchanged.
/// </summary>
internal static class UnverifiedActions
{
    /// <summary>
    /// Expects the action to be offered for a case only verification rejects, and applying it (alone or through Fix
    /// All) to change nothing: one iteration each, with the fixed code equal to the test code.
    /// </summary>
    public static TTest OfferedButUnchanged<TTest>(this TTest test)
        where TTest : CodeFixTest<DefaultVerifier>
    {
        test.NumberOfIncrementalIterations = 1;
        test.NumberOfFixAllIterations = 1;
        return test;
    }
}

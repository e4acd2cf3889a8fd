using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConsentAnalyzers.Analyzers;

/// <summary>
/// The analyzers that report a C# site no consent check for its category guards (CG0105, CG0202, CG0203): the set the
/// code fixes run to judge an edit of a check, in one place so that a new analyzer of that kind is judged too.
/// </summary>
internal static class GuardReportingAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> Create() => ImmutableArray.Create<DiagnosticAnalyzer>(
        new CookieWriteAnalyzer(), new StorageWriteAnalyzer(), new TrackingCallAnalyzer(), new RequiresConsentCallAnalyzer(),
        new HtmlStringAnalyzer());
}

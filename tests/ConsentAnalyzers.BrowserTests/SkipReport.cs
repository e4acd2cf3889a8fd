namespace ConsentAnalyzers.BrowserTests;

/// <summary>
/// Where a skip is reported besides the test result: a test runner's summary shows a skipped test but not always why,
/// so the reason also goes to the file named by <c>BROWSER_TESTS_SKIP_REPORT</c> (CI prints it, build/test-summary.sh).
/// </summary>
internal static class SkipReport
{
    public const string FileVariable = "BROWSER_TESTS_SKIP_REPORT";

    public static void Add(string line)
    {
        if (Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } file)
        {
            File.AppendAllText(file, line + Environment.NewLine);
        }
    }
}

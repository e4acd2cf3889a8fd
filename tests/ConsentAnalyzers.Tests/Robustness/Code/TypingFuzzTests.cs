using Xunit.Abstractions;

namespace ConsentAnalyzers.Tests.Robustness.Code;

/// <summary>
/// Code as it is while being typed: every file of the labeled corpus, the sample app and the rule gallery cut at
/// token boundaries, and with tokens deleted or duplicated. The IDE runs the generator and the analyzers after
/// each keystroke on exactly such broken code; an exception there becomes an AD0001 warning (or a generator
/// failure) in the user's build, and a hang freezes their editor. The diagnostics themselves are not judged.
/// </summary>
public sealed class TypingFuzzTests(ITestOutputHelper output)
{
    /// <summary>The projects whose files are fuzzed: the labeled corpus and the two sample apps.</summary>
    public static readonly IReadOnlyList<string> ProjectNames = ["corpus", "AIMusicGens.Web", "RuleGallery"];

    public static TheoryData<string> Projects => [.. ProjectNames];

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task Every_file_cut_at_a_token_boundary_is_analyzed_without_exception_or_hang(string name)
    {
        var project = await Load(name);
        await FuzzRun.CheckAsync(output, "prefix", project, project.Files.SelectMany(FuzzCases.Prefixes));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task Every_file_with_tokens_deleted_or_duplicated_is_analyzed_without_exception_or_hang(string name)
    {
        var project = await Load(name);
        await FuzzRun.CheckAsync(output, "mutation", project, project.Files.SelectMany(FuzzCases.Mutations));
    }

    internal static Task<FuzzProject> Load(string name) => name == "corpus" ? FuzzProject.CorpusAsync() : FuzzProject.SampleAsync(name);
}

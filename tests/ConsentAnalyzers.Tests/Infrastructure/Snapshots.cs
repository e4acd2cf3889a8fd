using System.Text;
using ConsentAnalyzers.Generator;

namespace ConsentAnalyzers.Tests.Infrastructure;

/// <summary>
/// Compares generated files with the checked-in copies in a folder of the repository, one file per hint name. The
/// copies are read from the source tree (<see cref="RepositoryPaths.Root"/>), not the test output, so that updating
/// them writes where git sees the change. Line endings are compared as LF, so a checkout with CRLF still matches, and
/// the package version in <c>[GeneratedCode]</c> is written as <see cref="VersionPlaceholder"/>, so a version bump
/// changes no snapshot.
/// <para>
/// With the environment variable <see cref="UpdateVariable"/> set to 1, a mismatch rewrites the folder to the
/// generated files (and deletes the files nothing generates) instead, and the test still fails, saying what it wrote:
/// a run that updates snapshots never passes.
/// </para>
/// </summary>
internal static class Snapshots
{
    public const string UpdateVariable = "UPDATE_SNAPSHOTS";

    public const string VersionPlaceholder = "VERSION";

    /// <summary>Fails listing every file that differs from its snapshot, has none, or whose snapshot nothing generates.</summary>
    /// <param name="folder">The snapshot folder, relative to the repository root.</param>
    /// <param name="generated">The generated text by hint name.</param>
    public static void Match(string folder, IReadOnlyDictionary<string, string> generated)
    {
        var directory = Path.Combine(RepositoryPaths.Root, folder);
        var actual = generated.ToDictionary(pair => pair.Key, pair => Normalize(pair.Value), StringComparer.Ordinal);
        var expected = (Directory.Exists(directory) ? Directory.GetFiles(directory) : [])
            .ToDictionary(path => Path.GetFileName(path), path => File.ReadAllText(path).ReplaceLineEndings("\n"), StringComparer.Ordinal);

        var problems = new List<string>();
        foreach (var (name, text) in actual.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!expected.TryGetValue(name, out var snapshot))
            {
                problems.Add($"{name}: generated, but has no snapshot");
            }
            else if (snapshot != text)
            {
                problems.Add($"{name}: differs from its snapshot {FirstDifference(snapshot, text)}");
            }
        }

        problems.AddRange(
            expected.Keys.Where(name => !actual.ContainsKey(name)).Order(StringComparer.Ordinal).Select(
                name => $"{name}: has a snapshot, but is not generated"));
        if (problems.Count == 0)
        {
            return;
        }

        var report = string.Join(Environment.NewLine, problems.Select(problem => "  " + problem));
        if (Environment.GetEnvironmentVariable(UpdateVariable) != "1")
        {
            Assert.Fail(
                $"The generated files do not match the snapshots in {folder}:{Environment.NewLine}{report}{Environment.NewLine}If the change is " +
                $"intended, run the test with {UpdateVariable}=1 and review the diff.");
        }

        Directory.CreateDirectory(directory);
        foreach (var (name, text) in actual)
        {
            File.WriteAllText(Path.Combine(directory, name), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        foreach (var name in expected.Keys.Where(name => !actual.ContainsKey(name)))
        {
            File.Delete(Path.Combine(directory, name));
        }

        Assert.Fail(
            $"Updated the snapshots in {folder} ({UpdateVariable}=1):{Environment.NewLine}{report}{Environment.NewLine}Review the diff, " +
            $"and run again without {UpdateVariable}.");
    }

    /// <summary>The text as its snapshot holds it: LF line endings, and the version placeholder in <c>[GeneratedCode]</c>.</summary>
    public static string Normalize(string generated)
    {
        var version = typeof(ConsentGenerator).Assembly.GetName().Version!.ToString();
        var placeholder = SourceFile.GeneratedCodeAttribute.Replace($"\"{version}\"", $"\"{VersionPlaceholder}\"", StringComparison.Ordinal);
        return generated.ReplaceLineEndings("\n").Replace(SourceFile.GeneratedCodeAttribute, placeholder, StringComparison.Ordinal);
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var want = i < expectedLines.Length ? expectedLines[i] : "(end of file)";
            var got = i < actualLines.Length ? actualLines[i] : "(end of file)";
            if (want != got)
            {
                return $"at line {i + 1}: expected \"{want.Trim()}\", generated \"{got.Trim()}\"";
            }
        }

        return "(same lines)";
    }
}

using System.Globalization;

namespace ConsentAnalyzers.Benchmarks;

/// <summary>The command line of the benchmark.</summary>
public sealed class Settings
{
    public bool Smoke { get; private set; }

    /// <summary>--breakdown: each of our analyzers alone, and a no-op analyzer with the same callbacks.</summary>
    public bool Breakdown { get; private set; }

    /// <summary>--fixes: only the code-fix registration cost (what an IDE pays on each caret move over a finding).</summary>
    public bool Fixes { get; private set; }

    /// <summary>--fix-samples: registrations measured per code-fix provider (after 20 warm-up ones).</summary>
    public int FixSamples { get; private set; } = 200;

    /// <summary>--build: the build-level measurement (dotnet build of the workload on disk) instead of the in-process one.</summary>
    public bool Build { get; private set; }

    /// <summary>Build-level runs through the compiler server (warm after the warm-up), as a developer's repeated builds do.</summary>
    public bool SharedCompiler { get; private set; }

    /// <summary>Build-level runs keep the SDK's and the reference packs' analyzers in both builds, as an ordinary project does.</summary>
    public bool SdkAnalyzers { get; private set; }

    /// <summary>--compare NAME=PATH (repeatable, with --build): another ConsentAnalyzers.dll to build with, in turns with this one.</summary>
    public List<(string Name, string Assembly)> Compare { get; } = new();

    /// <summary>--scripts: the JavaScript workload (script analysis against the compiler, and one script after an edit).</summary>
    public bool Scripts { get; private set; }

    /// <summary>--script-files, --script-lines: the size of the JavaScript workload.</summary>
    public int ScriptFiles { get; private set; } = 200;

    public int ScriptLines { get; private set; } = 50_000;

    /// <summary>--keep: leave the --build project on disk.</summary>
    public bool Keep { get; private set; }

    public IReadOnlyList<int> Sizes { get; private set; } = [10_000, 100_000, 500_000];

    /// <summary>Whether --sizes was given (--build defaults to 100k lines only).</summary>
    public bool SizesGiven { get; private set; }

    public int ManifestEntries { get; private set; } = 100;

    public IReadOnlyList<int> ManifestSizes { get; private set; } = [10, 100, 1_000, 10_000];

    public int SweepLines { get; private set; } = 100_000;

    public int Iterations { get; private set; } = 5;

    public int Warmup { get; private set; } = 1;

    public int DocumentSamples { get; private set; } = 40;

    public int Seed { get; private set; } = 20250101;

    /// <summary>--density: the share of methods that write a cookie or storage key or call a tracker.</summary>
    public double Density { get; private set; } = 0.12;

    public HashSet<string> Skip { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string Output { get; private set; } = Path.Combine("artifacts", "benchmark", "results.md");

    public static Settings Parse(string[] args)
    {
        var settings = new Settings();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--smoke":
                    settings.Smoke = true;
                    break;
                case "--breakdown":
                    settings.Breakdown = true;
                    break;
                case "--fixes":
                    settings.Fixes = true;
                    break;
                case "--fix-samples":
                    settings.FixSamples = Count(Value());
                    break;
                case "--build":
                    settings.Build = true;
                    break;
                case "--shared-compiler":
                    settings.SharedCompiler = true;
                    break;
                case "--sdk-analyzers":
                    settings.SdkAnalyzers = true;
                    break;
                case "--compare":
                    var pair = Value().Split('=', 2);
                    settings.Compare.Add(
                        pair.Length == 2 ? (pair[0], Path.GetFullPath(pair[1])) : throw new ArgumentException("--compare needs NAME=PATH"));
                    break;
                case "--scripts":
                    settings.Scripts = true;
                    break;
                case "--script-files":
                    settings.ScriptFiles = Count(Value());
                    break;
                case "--script-lines":
                    settings.ScriptLines = Count(Value());
                    break;
                case "--keep":
                    settings.Keep = true;
                    break;
                case "--sizes":
                    settings.Sizes = Value().Split(',').Select(Count).ToList();
                    settings.SizesGiven = true;
                    break;
                case "--manifest":
                    settings.ManifestEntries = Count(Value());
                    break;
                case "--manifests":
                    settings.ManifestSizes = Value().Split(',').Select(Count).ToList();
                    break;
                case "--sweep-lines":
                    settings.SweepLines = Count(Value());
                    break;
                case "--iterations":
                    settings.Iterations = Count(Value());
                    break;
                case "--warmup":
                    settings.Warmup = Count(Value());
                    break;
                case "--doc-samples":
                    settings.DocumentSamples = Count(Value());
                    break;
                case "--density":
                    settings.Density = double.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--seed":
                    settings.Seed = Count(Value());
                    break;
                case "--skip":
                    settings.Skip.UnionWith(Value().Split(','));
                    break;
                case "--out":
                    settings.Output = Value();
                    break;
                default:
                    throw new ArgumentException(
                        $"Unknown option {args[i]}. Options: " +
                        $"--smoke --fixes --fix-samples --scripts --script-files --script-lines " +
                        $"--build --shared-compiler --sdk-analyzers --compare NAME=PATH --keep --sizes --manifest " +
                        $"--manifests --sweep-lines --iterations --warmup --doc-samples --seed --skip perdoc,generator,sweep,fixes,peers --out");
            }
        }

        return settings;
    }

    /// <summary>A count, with an optional k (thousands) suffix: 100k = 100000.</summary>
    private static int Count(string text)
    {
        text = text.Trim().Replace("_", string.Empty);
        var thousands = text.EndsWith('k') || text.EndsWith('K');
        var number = int.Parse(thousands ? text[..^1] : text, CultureInfo.InvariantCulture);
        return thousands ? number * 1000 : number;
    }
}

using System.Diagnostics;

namespace ConsentAnalyzers.BrowserTests;

/// <summary>
/// Finds the machine's Chromium (the tests drive the system browser: Playwright's own browser download needs a host
/// that only the package registries' machines may lack). Where none is found and the tests run as root on a machine
/// with apt-get, it installs Debian's <c>chromium</c> package, as a fresh CI machine needs.
/// </summary>
internal static class ChromiumLocator
{
    /// <summary>Overrides the search: the path of a Chromium or Chrome executable.</summary>
    public const string PathVariable = "CHROMIUM_PATH";

    private static readonly string[] KnownPaths =
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/lib/chromium/chromium",
        "/usr/bin/google-chrome-stable",
        "/usr/bin/google-chrome",
    ];

    private static readonly TimeSpan AptTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The executable to launch, or <c>null</c> with the reason the tests cannot run and how to fix it.</summary>
    public static string? FindOrInstall(out string? missingReason)
    {
        missingReason = null;
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
        {
            if (File.Exists(configured))
            {
                return configured;
            }

            missingReason = $"{PathVariable} is set to '{configured}', which does not exist.";
            return null;
        }

        if (Find() is { } found)
        {
            return found;
        }

        const string HowToInstall = "install it (Debian/Ubuntu: 'sudo apt-get install chromium') or set " + PathVariable
            + " to a Chromium or Chrome executable";
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess || FindOnPath("apt-get") is null)
        {
            missingReason = $"no Chromium found (looked at {string.Join(", ", KnownPaths)}); {HowToInstall}.";
            return null;
        }

        // A failed update (one unreachable source) need not stop the install, which may find the package all the same.
        var updateFailure = Apt("update");
        var installFailure = Apt("install -y --no-install-recommends chromium");
        if (Find() is { } installed)
        {
            return installed;
        }

        var failure = installFailure is null ? "the package installed no executable at the paths above" : installFailure;
        if (updateFailure is not null)
        {
            failure = updateFailure + "; " + failure;
        }

        missingReason = $"no Chromium found, and installing Debian's chromium package failed ({failure}); {HowToInstall}.";
        return null;
    }

    private static string? Find() => Array.Find(KnownPaths, File.Exists);

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs apt-get non-interactively; the error (with the end of its output) or <c>null</c> on success.</summary>
    private static string? Apt(string arguments)
    {
        var start = new ProcessStartInfo("apt-get", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(AptTimeout))
        {
            process.Kill(entireProcessTree: true);
            return $"'apt-get {arguments}' did not finish within {AptTimeout.TotalMinutes} minutes";
        }

        var text = (error.Result + output.Result).Trim();
        return process.ExitCode == 0 ? null : $"'apt-get {arguments}' exited with {process.ExitCode}: {Tail(text)}";
    }

    private static string Tail(string text) => text.Length <= 300 ? text : "…" + text[^300..];
}

using System.Diagnostics;
using System.Globalization;

namespace ConsentAnalyzers.Benchmarks.Harness;

/// <summary>
/// The CPU time of the machine's compiler servers (VBCSCompiler), read from /proc: sampled before and after a build
/// through the shared compiler, the difference is what that build's compilation cost in CPU. Linux only (NaN elsewhere).
/// </summary>
public static class CompilerServers
{
    private static readonly Lazy<double> TicksPerSecond = new(ClockTicks);

    /// <summary>The CPU time (user + system) used so far by every running compiler server, in milliseconds.</summary>
    public static double CpuMs()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        long ticks = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out _))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(folder, "cmdline")).Contains("VBCSCompiler", StringComparison.Ordinal))
                {
                    // /proc/<pid>/stat: "pid (name) state …"; after the name, utime and stime are the 12th and 13th fields.
                    var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The process ended while it was read.
            }
        }

        return ticks * 1000 / TicksPerSecond.Value;
    }

    /// <summary>The kernel's clock ticks per second (USER_HZ, in which /proc counts CPU time): getconf's answer, else 100.</summary>
    private static double ClockTicks()
    {
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
            var answer = getconf.StandardOutput.ReadToEnd().Trim();
            getconf.WaitForExit();
            return double.TryParse(answer, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks) && ticks > 0 ? ticks : 100;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 100;
        }
    }
}

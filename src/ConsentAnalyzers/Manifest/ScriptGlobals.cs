using System;

namespace ConsentAnalyzers.Manifest;

/// <summary>
/// In a browser, <c>window.consent</c>, <c>self.consent</c> and <c>globalThis.consent</c> are the global
/// <c>consent</c>: script paths (the manifest's script guards, the calls the analyzers read) are compared without them.
/// </summary>
internal static class ScriptGlobals
{
    private static readonly string[] GlobalObjects = { "window.", "self.", "globalThis." };

    public static string WithoutGlobalObject(string path)
    {
        foreach (var global in GlobalObjects)
        {
            if (path.StartsWith(global, StringComparison.Ordinal) && path.Length > global.Length)
            {
                return WithoutGlobalObject(path.Substring(global.Length));
            }
        }

        return path;
    }
}

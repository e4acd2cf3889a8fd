namespace ConsentAnalyzers.Analysis;

/// <summary>Where a name is written: a cookie, one storage area, or storage whose area the code does not fix.</summary>
internal enum NameTarget
{
    Cookie,
    LocalStorage,
    SessionStorage,
    AnyStorage,
}

internal static class NameTargetExtensions
{
    /// <summary>"a cookie", "a localStorage key", …: how messages name the place.</summary>
    public static string Describe(this NameTarget target) => target switch
    {
        NameTarget.Cookie => "a cookie",
        NameTarget.LocalStorage => "a localStorage key",
        NameTarget.SessionStorage => "a sessionStorage key",
        _ => "a storage key",
    };

    /// <summary>What an unresolved name is called in CG0102's message.</summary>
    public static string NameKind(this NameTarget target) => target == NameTarget.Cookie ? "cookie name" : "storage key";
}

namespace ConsentAnalyzers.Diagnostics;

/// <summary>Every rule ID in one place. IDs are stable once shipped: never renumber or reuse one.</summary>
internal static class DiagnosticIds
{
    public const string ManifestNotFound = "CG0001";
    public const string ManifestSyntax = "CG0002";
    public const string ManifestContent = "CG0003";
    public const string ManifestConflict = "CG0004";
    public const string TypesFromReference = "CG0005";
    public const string ReferencedTypesMismatch = "CG0006";
    public const string UndeclaredCookie = "CG0101";
    public const string UnresolvedName = "CG0102";
    public const string UndeclaredStorageKey = "CG0103";
    public const string NameInWrongPlace = "CG0104";
    public const string UnguardedWrite = "CG0105";
    public const string EssentialMisdeclared = "CG0106";
    public const string LiteralDuplicatesConstant = "CG0107";
    public const string UncheckedNames = "CG0108";
    public const string ScriptNotAnalyzed = "CG0109";
    public const string LifetimeLongerThanDeclared = "CG0110";
    public const string LifetimeOverCap = "CG0111";
    public const string UndeclaredTracker = "CG0201";
    public const string UnguardedTracking = "CG0202";
    public const string WrongCategoryGuard = "CG0203";
    public const string AlwaysTrueGuard = "CG0204";
    public const string RequirementNotOnBaseMember = "CG0205";
    public const string ConsentModeNotMapped = "CG0206";
    public const string ConsentDefaultAfterGoogleTag = "CG0207";
}

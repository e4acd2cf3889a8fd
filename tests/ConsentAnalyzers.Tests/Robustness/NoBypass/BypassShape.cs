namespace ConsentAnalyzers.Tests.Robustness.NoBypass;

/// <summary>What the analyzers make of one way a name or call could escape them.</summary>
public enum BypassOutcome
{
    /// <summary>Understood: the rule the shape deserves fires (CG0101 for an undeclared name, CG0105/CG0202 when unguarded, …).</summary>
    Resolved,

    /// <summary>Understood, and nothing is wrong: a delete, or a write or call that a check for its category guards.</summary>
    Allowed,

    /// <summary>The name cannot be known at compile time, and CG0102 (hidden) says so at the write.</summary>
    ReportedUnresolved,

    /// <summary>Not seen at all: a documented limit of the analysis, with its reason in docs/guarantees.md.</summary>
    KnownLimit,
}

/// <summary>One row of the no-bypass table: C# whose <c>{|CGxxxx:…|}</c> markup is exactly what the analyzers report.</summary>
/// <param name="Name">A short name for the shape.</param>
/// <param name="Outcome">What the analyzers make of it.</param>
/// <param name="Code">
/// The code, against the tracking manifest; global usings bring in ASP.NET Core, the tracker libraries and the consent
/// API.
/// </param>
/// <param name="Reason">For a <see cref="BypassOutcome.KnownLimit"/>: why, as docs/guarantees.md states it.</param>
/// <param name="TopLevel">The code is a program's top-level statements.</param>
public sealed record BypassShape(string Name, BypassOutcome Outcome, string Code, string? Reason = null, bool TopLevel = false)
{
    public override string ToString() => Name;
}

using System.Collections.Generic;
using System.Runtime.CompilerServices;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Guards;

/// <summary>
/// The locals of a member's body (lambdas and local functions included) with the value each is declared with, and
/// those written anywhere (<see cref="LocalWrites.IsWrite"/>): read in one walk per body, where each condition on a
/// local (<c>var ok = check; if (ok) …</c>) walked the body again.
/// </summary>
internal sealed class BodyLocals
{
    private static readonly ConditionalWeakTable<IOperation, BodyLocals> PerBody = new();

    private readonly Dictionary<ILocalSymbol, IOperation?> _initializers = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> _written = new(SymbolEqualityComparer.Default);

    private BodyLocals(IOperation root)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case ILocalReferenceOperation reference when LocalWrites.IsWrite(reference):
                    _written.Add(reference.Local);
                    break;
                case IVariableDeclaratorOperation declarator:
                    _initializers[declarator.Symbol] = declarator.Initializer?.Value;
                    break;
            }
        }
    }

    /// <summary>The locals of the body of <paramref name="operation"/>.</summary>
    public static BodyLocals Of(IOperation operation) => PerBody.GetValue(operation.Root(), root => new BodyLocals(root));

    /// <summary>The value <paramref name="local"/> is declared with, if nothing in the body writes it; else null.</summary>
    public IOperation? OnlyValueOf(ILocalSymbol local) =>
        !_written.Contains(local) && _initializers.TryGetValue(local, out var initializer) ? initializer : null;
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Guards;

/// <summary>Where a local is written, and which function (member, lambda, local function) a piece of syntax runs in.</summary>
internal static class LocalWrites
{
    /// <summary>
    /// Whether <paramref name="reference"/> writes its local, or may through an alias: an assignment of any kind, an
    /// increment, an <c>out</c> or <c>ref</c> argument, a <c>ref</c> local or address taken, a deconstruction.
    /// </summary>
    public static bool IsWrite(ILocalReferenceOperation reference) => reference.Parent switch
    {
        ISimpleAssignmentOperation assignment => ReferenceEquals(assignment.Target, reference),
        ICompoundAssignmentOperation compound => ReferenceEquals(compound.Target, reference),
        ICoalesceAssignmentOperation coalesce => ReferenceEquals(coalesce.Target, reference),
        IIncrementOrDecrementOperation => true,
        IArgumentOperation argument => argument.Parameter?.RefKind is not RefKind.None and not RefKind.In,
        IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol.RefKind != RefKind.None,
        IAddressOfOperation or ITupleOperation or IDeclarationExpressionOperation => true,
        _ => false,
    };

    /// <summary>The innermost function around <paramref name="node"/>: a lambda, a local function, a member.</summary>
    public static SyntaxNode? FunctionOf(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax
                or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax)
            {
                return current;
            }
        }

        return null;
    }
}

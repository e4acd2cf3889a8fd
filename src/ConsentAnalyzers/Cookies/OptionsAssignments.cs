using System;
using System.Collections.Generic;
using System.Linq;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Cookies;

/// <summary>
/// The property assignments a <c>CookieOptions</c> passed to a cookie write gets where the analysis can see them: in
/// the object initializer of a <c>new CookieOptions { … }</c> passed directly; for a local variable, in its
/// declaration's initializer or an assignment <c>options.X = …</c> in the same member body.
/// </summary>
internal static class OptionsAssignments
{
    public static IEnumerable<ISimpleAssignmentOperation> Find(IOperation options, Func<ISimpleAssignmentOperation, bool> select)
    {
        options = options.WithoutConversions();
        return options switch
        {
            IObjectCreationOperation creation => InInitializer(creation, select),
            ILocalReferenceOperation local => ForLocal(local.Local, options.Root(), select),
            _ => Enumerable.Empty<ISimpleAssignmentOperation>(),
        };
    }

    private static IEnumerable<ISimpleAssignmentOperation> InInitializer(IObjectCreationOperation creation,
        Func<ISimpleAssignmentOperation, bool> select)
    {
        if (creation.Initializer is null)
        {
            yield break;
        }

        foreach (var initializer in creation.Initializer.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation assignment && select(assignment))
            {
                yield return assignment;
            }
        }
    }

    private static IEnumerable<ISimpleAssignmentOperation> ForLocal(ILocalSymbol local, IOperation body,
        Func<ISimpleAssignmentOperation, bool> select)
    {
        foreach (var operation in body.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local)
                    && declarator.Initializer?.Value.WithoutConversions() is IObjectCreationOperation creation:
                    foreach (var assignment in InInitializer(creation, select))
                    {
                        yield return assignment;
                    }

                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation instance } } assignment
                    when SymbolEqualityComparer.Default.Equals(instance.Local, local) && select(assignment):
                    yield return assignment;
                    break;
            }
        }
    }
}

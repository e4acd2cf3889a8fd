using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Tests.Infrastructure;

/// <summary>
/// Finds the compiler objects a generator pipeline value must not hold: a <see cref="Compilation"/>, symbol, syntax
/// node or tree, semantic model, operation, or a <see cref="Location"/> other than <see cref="Location.None"/>. Any of
/// them keeps a whole compilation alive from one run to the next, and compares by reference, so the step that holds it
/// is never cached.
/// <para>
/// The walk follows every instance field (public, private and compiler-generated backing fields, of the type and its
/// base types), the elements of arrays and other enumerables, and boxed structs; it visits each object once (by
/// reference), stops at primitives, strings, enums and reflection objects, and does not look inside an object it reports.
/// </para>
/// </summary>
internal static class ObjectGraph
{
    private static readonly ConditionalWeakTable<Type, FieldInfo[]> FieldsByType = new();

    /// <summary>The path from <paramref name="rootName"/> to each forbidden object reachable from <paramref name="root"/>, with its type.</summary>
    public static List<string> FindCompilerObjects(object? root, string rootName)
    {
        var found = new List<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(object? Value, string Path)>();
        pending.Push((root, rootName));
        while (pending.Count > 0)
        {
            var (value, path) = pending.Pop();
            if (value is null || IsLeaf(value.GetType()) || (!value.GetType().IsValueType && !visited.Add(value)))
            {
                continue;
            }

            if (IsCompilerObject(value))
            {
                found.Add($"{path} ({value.GetType().FullName})");
                continue;
            }

            if (value is not Array)
            {
                foreach (var field in Fields(value.GetType()))
                {
                    pending.Push((field.GetValue(value), $"{path}.{DisplayName(field)}"));
                }
            }

            // Pushed last, so walked first: an object held by a collection is named by its index, not by the collection's fields.
            if (value is IEnumerable elements)
            {
                PushElements(elements, path, pending);
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>
    /// The elements, by index. The fields are walked as well, so an enumerable that cannot be enumerated (a default
    /// <c>ImmutableArray</c>) still has its contents checked.
    /// </summary>
    private static void PushElements(IEnumerable elements, string path, Stack<(object? Value, string Path)> pending)
    {
        try
        {
            var index = 0;
            foreach (var element in elements)
            {
                pending.Push((element, $"{path}[{index++}]"));
            }
        }
        catch (InvalidOperationException)
        {
            // Not enumerable in this state: its fields are walked instead.
        }
    }

    private static bool IsCompilerObject(object value) =>
        value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or IOperation
        || (value is Location location && location.Kind != LocationKind.None);

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type.IsPointer || type == typeof(string) || type == typeof(Pointer)
        || typeof(MemberInfo).IsAssignableFrom(type) || typeof(Module).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type);

    private static FieldInfo[] Fields(Type type) => FieldsByType.GetValue(type, static type =>
    {
        var fields = new List<FieldInfo>();
        for (var declaring = type; declaring is not null; declaring = declaring.BaseType)
        {
            fields.AddRange(declaring.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(field => !field.FieldType.IsPointer && !field.FieldType.IsByRefLike));
        }

        return fields.ToArray();
    });

    /// <summary><c>Name</c> for the backing field <c>&lt;Name&gt;k__BackingField</c> of a property or positional record member.</summary>
    private static string DisplayName(FieldInfo field) =>
        field.Name.StartsWith('<') && field.Name.EndsWith(">k__BackingField", StringComparison.Ordinal)
            ? field.Name[1..field.Name.IndexOf('>', StringComparison.Ordinal)]
            : field.Name;
}

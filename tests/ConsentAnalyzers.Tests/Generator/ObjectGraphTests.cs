using System.Collections.Immutable;
using ConsentAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ConsentAnalyzers.Tests.Generator;

/// <summary>The walker behind the check that no pipeline step holds a compiler object can find one, wherever it is held.</summary>
public class ObjectGraphTests
{
    private sealed record HoldsNode(string Name, SyntaxNode Node);

    private sealed record Wrapper(int Id, ImmutableArray<object> Items);

    private sealed class Privately(object held)
    {
        private readonly object _held = held;

        public override string ToString() => _held.ToString()!;
    }

    private sealed class Cycle
    {
        public Cycle? Next { get; set; }

        public object? Payload { get; set; }
    }

    private static readonly SyntaxTree Tree = CSharpSyntaxTree.ParseText("class C { }", path: "/project/C.cs");

    [Fact]
    public void A_record_holding_a_syntax_node_is_flagged_with_the_path_to_it() =>
        Assert.Equal(["value.Node (Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax)"],
            ObjectGraph.FindCompilerObjects(new HoldsNode("c", Tree.GetRoot()), "value"));

    [Fact]
    public void Objects_held_in_private_fields_arrays_and_immutable_arrays_are_found()
    {
        var compilation = CSharpCompilation.Create("A", [Tree]);
        var value = new Wrapper(1, [new Privately(compilation), new object[] { "text", Tree }, Tree.GetRoot().GetLocation()]);

        Assert.Equal(
            [
                "value.Items[0]._held (Microsoft.CodeAnalysis.CSharp.CSharpCompilation)",
                "value.Items[1][1] (Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree+ParsedSyntaxTree)",
                "value.Items[2] (Microsoft.CodeAnalysis.SourceLocation)",
            ],
            ObjectGraph.FindCompilerObjects(value, "value"));
    }

    [Fact]
    public void Symbols_are_found()
    {
        var type = CSharpCompilation.Create("A", [Tree]).GetTypeByMetadataName("C")!;

        Assert.Equal(["value.Payload (Microsoft.CodeAnalysis.CSharp.Symbols.PublicModel.NonErrorNamedTypeSymbol)"],
            ObjectGraph.FindCompilerObjects(new Cycle { Payload = type }, "value"));
    }

    [Fact]
    public void A_cycle_ends_the_walk_and_Location_None_and_plain_values_pass()
    {
        var first = new Cycle { Payload = Location.None };
        first.Next = new Cycle { Next = first, Payload = new Dictionary<string, int[]> { ["a"] = [1, 2] } };

        Assert.Empty(ObjectGraph.FindCompilerObjects(first, "value"));
        Assert.Empty(ObjectGraph.FindCompilerObjects(default(ImmutableArray<string>), "value"));
    }
}

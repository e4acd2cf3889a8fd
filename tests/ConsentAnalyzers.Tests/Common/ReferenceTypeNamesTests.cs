using System.IO;
using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ConsentAnalyzers.Tests.Common;

/// <summary>
/// The name-only pre-check the generator makes before asking symbols whether a reference provides its types: it may
/// say yes when no reference does (the symbols decide), never no when one does, from a built assembly or from a
/// project reference.
/// </summary>
public sealed class ReferenceTypeNamesTests
{
    [Theory]
    [InlineData("namespace Shop { public enum ConsentCategory { Essential } }", true)]
    [InlineData("namespace Shop { internal enum ConsentCategory { Essential } }", true)]
    [InlineData("namespace Shop.Web { public enum ConsentCategory { Essential } }", false)]
    [InlineData("namespace Shop { public class Outer { public enum ConsentCategory { Essential } } }", false)]
    [InlineData("public enum ConsentCategory { Essential }", false)]
    [InlineData("namespace Shop { public enum Category { Essential } }", false)]
    public void A_top_level_type_of_that_name_in_that_namespace_is_found_in_a_built_assembly(string library, bool found)
    {
        var app = App(Image(Library(library)));

        Assert.Equal(found, ReferenceTypeNames.MayDefine(app, "Shop", "ConsentCategory"));
    }

    [Fact]
    public void The_global_namespace_is_asked_by_an_empty_name()
    {
        var app = App(Image(Library("public enum ConsentCategory { Essential }")));

        Assert.True(ReferenceTypeNames.MayDefine(app, "", "ConsentCategory"));
    }

    [Fact]
    public void A_project_reference_is_asked_for_its_declared_names()
    {
        var defining = App(Library("namespace Shop { public enum ConsentCategory { A } }").ToMetadataReference());
        var other = App(Library("namespace Shop { public enum Other { A } }").ToMetadataReference());

        Assert.True(ReferenceTypeNames.MayDefine(defining, "Shop", "ConsentCategory"));
        Assert.False(ReferenceTypeNames.MayDefine(other, "Shop", "ConsentCategory"));
    }

    [Fact]
    public void A_reference_that_cannot_be_read_may_define_anything()
    {
        var unreadable = MetadataReference.CreateFromImage([0x4D, 0x5A, 0x00]);

        Assert.True(ReferenceTypeNames.MayDefine(App(unreadable), "Shop", "ConsentCategory"));
    }

    private static CSharpCompilation Library(string source) => CSharpCompilation.Create(
        "Library",
        [CSharpSyntaxTree.ParseText(source)],
        [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static MetadataReference Image(Compilation library)
    {
        using var stream = new MemoryStream();
        Assert.True(library.Emit(stream).Success);
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    private static CSharpCompilation App(MetadataReference reference) => CSharpCompilation.Create(
        "App",
        [CSharpSyntaxTree.ParseText("class C { }")],
        [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), reference],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}

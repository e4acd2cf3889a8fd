using ConsentAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ConsentAnalyzers.Tests.Common;

/// <summary>
/// A type named by two references is still found (the compiler's own lookup answers null, which would silently turn
/// a rule off), the project's own type wins, and a copy the project cannot access is passed over.
/// </summary>
public sealed class WellKnownTypesTests
{
    private const string Name = "Vendor.Cookies.IResponseCookies";

    [Fact]
    public void A_type_defined_by_two_references_is_found_where_the_compilers_lookup_gives_up()
    {
        var first = Library("First", "public interface IResponseCookies { }");
        var second = Library("Second", "public interface IResponseCookies { }");
        var compilation = App("class C { }", first, second);

#pragma warning disable RS0030 // the lookup this provider exists to replace
        Assert.Null(compilation.GetTypeByMetadataName(Name));
#pragma warning restore RS0030
        var found = WellKnownTypes.Find(compilation, Name);
        Assert.NotNull(found);
        Assert.Equal("First", found.ContainingAssembly.Name);
    }

    [Fact]
    public void An_inaccessible_copy_is_passed_over_and_the_projects_own_type_wins()
    {
        var hidden = Library("Hidden", "internal interface IResponseCookies { }");
        var visible = Library("Visible", "public interface IResponseCookies { }");
        Assert.Equal("Visible", WellKnownTypes.Find(App("class C { }", hidden, visible), Name)!.ContainingAssembly.Name);

        var own = App("namespace Vendor.Cookies { public interface IResponseCookies { } }", visible);
        Assert.Equal("App", WellKnownTypes.Find(own, Name)!.ContainingAssembly.Name);
        Assert.Equal("App", WellKnownTypes.FindInSource(own, Name)!.ContainingAssembly.Name);
        Assert.Null(WellKnownTypes.FindInSource(App("class C { }", visible), Name));
    }

    [Fact]
    public void A_name_nobody_defines_is_null()
    {
        Assert.Null(WellKnownTypes.Find(App("class C { }"), Name));
    }

    private static MetadataReference Library(string assemblyName, string declaration)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText($"namespace Vendor.Cookies {{ {declaration} }}")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return compilation.ToMetadataReference();
    }

    private static CSharpCompilation App(string source, params MetadataReference[] references) => CSharpCompilation.Create(
        "App",
        [CSharpSyntaxTree.ParseText(source)],
        [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), .. references],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}

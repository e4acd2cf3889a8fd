using ConsentAnalyzers.CodeFixes;
using ConsentAnalyzers.CodeFixes.Constants;
using ConsentAnalyzers.Diagnostics;
using ConsentAnalyzers.Tests.Infrastructure;

namespace ConsentAnalyzers.Tests.CodeFixes;

/// <summary>CG0107 "Use the generated constant": the literal becomes the constant, with a using only where needed.</summary>
public class UseGeneratedConstantFixTests
{
    private static CSharpFixTest<UseGeneratedConstantCodeFixProvider> Test(string code, string fixedCode) =>
        new CSharpFixTest<UseGeneratedConstantCodeFixProvider>(code, fixedCode)
            .WithConstantRule()
            .Disable(DiagnosticIds.UnguardedWrite);

    [Fact]
    public async Task A_cookie_literal_becomes_the_constant_and_the_generated_namespace_is_imported()
    {
        await Test(
            """
            using Microsoft.AspNetCore.Http;

            class Endpoint
            {
                void Handle(HttpResponse response) => response.Cookies.Append({|CG0107:"_ga"|}, "1");
            }
            """,
            """
            using Microsoft.AspNetCore.Http;
            using TestProject;

            class Endpoint
            {
                void Handle(HttpResponse response) => response.Cookies.Append(ConsentCookies.Ga, "1");
            }
            """).WithAction("Use ConsentCookies.Ga", "CG0107.UseGeneratedConstant").RunAsync();
    }

    [Fact]
    public async Task No_using_is_added_where_the_generated_class_is_already_in_scope()
    {
        await Test(
            """
            using Microsoft.AspNetCore.Http;

            namespace TestProject.Controllers
            {
                class Endpoint
                {
                    void Handle(HttpResponse response) => response.Cookies.Append(key: {|CG0107:"theme"|}, value: "dark");
                }
            }
            """,
            """
            using Microsoft.AspNetCore.Http;

            namespace TestProject.Controllers
            {
                class Endpoint
                {
                    void Handle(HttpResponse response) => response.Cookies.Append(key: ConsentCookies.Theme, value: "dark");
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task An_existing_using_is_not_repeated_and_a_storage_key_gets_its_constant()
    {
        await Test(
            """
            using System.Threading.Tasks;
            using Microsoft.JSInterop;
            using TestProject;

            class Component
            {
                async Task Save(IJSRuntime js)
                {
                    await js.InvokeVoidAsync("sessionStorage.setItem", {|CG0107:"landing_page"|}, "/");
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.JSInterop;
            using TestProject;

            class Component
            {
                async Task Save(IJSRuntime js)
                {
                    await js.InvokeVoidAsync("sessionStorage.setItem", ConsentStorageKeys.LandingPage, "/");
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task The_constant_stays_qualified_when_another_class_of_that_name_is_in_scope()
    {
        await Test(
            """
            using Microsoft.AspNetCore.Http;

            static class ConsentCookies
            {
                public const string Legacy = "legacy";
            }

            class Endpoint
            {
                void Handle(HttpResponse response) => response.Cookies.Append({|CG0107:"_ga"|}, ConsentCookies.Legacy);
            }
            """,
            """
            using Microsoft.AspNetCore.Http;

            static class ConsentCookies
            {
                public const string Legacy = "legacy";
            }

            class Endpoint
            {
                void Handle(HttpResponse response) => response.Cookies.Append(TestProject.ConsentCookies.Ga, ConsentCookies.Legacy);
            }
            """).RunAsync();
    }

    [Fact]
    public async Task The_namespace_comes_from_ConsentNamespace()
    {
        var test = new CSharpFixTest<UseGeneratedConstantCodeFixProvider>(
            """
            using Microsoft.AspNetCore.Http;

            class Endpoint
            {
                void Handle(HttpResponse response) => response.Cookies.Append({|CG0107:"_ga"|}, "1");
            }
            """,
            """
            using Microsoft.AspNetCore.Http;
            using Shop.Privacy;

            class Endpoint
            {
                void Handle(HttpResponse response) => response.Cookies.Append(ConsentCookies.Ga, "1");
            }
            """).WithConstantRule().WithGlobalConfig("build_property.ConsentNamespace = Shop.Privacy\n").Disable(DiagnosticIds.UnguardedWrite);
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_all_replaces_every_literal_in_every_document_with_one_using_each()
    {
        var test = Test(
            """
            using Microsoft.AspNetCore.Http;

            class Endpoint
            {
                void Handle(HttpResponse response)
                {
                    response.Cookies.Append({|CG0107:"_ga"|}, "1");
                    response.Cookies.Append({|CG0107:"theme"|}, "dark");
                    response.Cookies.Append("_ga_G1", "1");
                }
            }
            """,
            """
            using Microsoft.AspNetCore.Http;
            using TestProject;

            class Endpoint
            {
                void Handle(HttpResponse response)
                {
                    response.Cookies.Append(ConsentCookies.Ga, "1");
                    response.Cookies.Append(ConsentCookies.Theme, "dark");
                    response.Cookies.Append("_ga_G1", "1");
                }
            }
            """);
        test.WithDocument(
            "/0/Component.cs",
            """
            using System.Threading.Tasks;
            using Microsoft.JSInterop;

            namespace App;

            class Component
            {
                Task Save(IJSRuntime js) => js.InvokeVoidAsync("sessionStorage.setItem", {|CG0107:"landing_page"|}, "/").AsTask();
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.JSInterop;
            using TestProject;

            namespace App;

            class Component
            {
                Task Save(IJSRuntime js) => js.InvokeVoidAsync("sessionStorage.setItem", ConsentStorageKeys.LandingPage, "/").AsTask();
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task No_fix_is_offered_in_code_compiled_from_markup()
    {
        const string Code = """
            using Microsoft.AspNetCore.Http;

            class Index
            {
                void Execute(HttpResponse response)
                {
            #line 3 "/Views/Home/Index.cshtml"
                    response.Cookies.Append({|CG0107:"_ga"|}, "1");
            #line default
                }
            }
            """;
        await Test(Code, Code).RunAsync();
    }

    [Fact]
    public async Task No_fix_is_offered_in_a_generated_file()
    {
        const string Code = """
            // <auto-generated/>
            using Microsoft.AspNetCore.Http;

            class Generated
            {
                void Execute(HttpResponse response) => response.Cookies.Append({|CG0107:"_ga"|}, "1");
            }
            """;
        await Test(Code, Code).RunAsync();
    }
}

using ConsentAnalyzers.Generator;

namespace ConsentAnalyzers.Benchmarks.Harness;

/// <summary>
/// The workload written to disk as an SDK project (--build), in a fresh temp folder: the package's props and targets
/// and a copy of each analyzer assembly to measure, wired as the package wires them. One project, one property picks
/// the configuration: <c>-p:Consent=none</c> compiles the generator's output as plain files (the compiler alone: the
/// code still needs the generated constants), <c>-p:Consent=NAME</c> runs the analyzer assembly copied as NAME.
/// </summary>
public sealed class BuildProject
{
    private BuildProject(string folder, string projectFile)
    {
        Folder = folder;
        ProjectFile = projectFile;
    }

    public string Folder { get; }

    public string ProjectFile { get; }

    /// <param name="analyzers">Configuration name and analyzer assembly (ConsentAnalyzers.dll) for each build with the package.</param>
    public static BuildProject Write(BenchmarkProject project, IReadOnlyList<(string Name, string Assembly)> analyzers)
    {
        var folder = Path.Combine(Path.GetTempPath(), "consent-build-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in project.Workload.Files)
        {
            WriteFile(Path.Combine(folder, "src", file.Path), file.Text);
        }

        // The generator's output, for the compiler-alone build (a build with the package generates it itself).
        foreach (var tree in project.Generated)
        {
            WriteFile(Path.Combine(folder, "generated", Path.GetFileName(tree.FilePath)), tree.ToString());
        }

        WriteFile(Path.Combine(folder, "consent-manifest.json"), project.Workload.Manifest.Json);
        var package = Path.Combine(RepositoryRoot(), "src", "ConsentAnalyzers.Package");
        CopyFolder(Path.Combine(package, "build"), Path.Combine(folder, "package", "build"));
        foreach (var (name, assembly) in analyzers)
        {
            // As the package ships them: the analyzers and, beside them, the JavaScript parser they load.
            foreach (var file in new[] { assembly, ParserBeside(assembly) })
            {
                WriteFile(Path.Combine(folder, "package", "analyzers", name, Path.GetFileName(file)), null, copyFrom: file);
            }
        }

        var projectFile = Path.Combine(folder, "Shop.Web.csproj");
        WriteFile(projectFile, ProjectText());
        // Keep the repository's Directory.Build.props and central package versions out of the workload's build.
        WriteFile(Path.Combine(folder, "Directory.Build.props"), "<Project />\n");
        WriteFile(Path.Combine(folder, "Directory.Build.targets"), "<Project />\n");
        WriteFile(Path.Combine(folder, "Directory.Packages.props"), "<Project />\n");
        return new BuildProject(folder, projectFile);
    }

    /// <summary>
    /// An ASP.NET Core library like the in-process workload's compilation: C# 12, nullable, no implicit usings, and
    /// no analyzer but ours (the SDK's code analysis off, the reference packs' analyzers removed).
    /// </summary>
    private static string ProjectText() => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <Import Project="package/build/ConsentAnalyzers.props" Condition="'$(Consent)' != 'none'" />
          <PropertyGroup>
            <TargetFramework>{References.TargetFramework}</TargetFramework>
            <RootNamespace>{Workload.CodeGenerator.RootNamespace}</RootNamespace>
            <AssemblyName>Shop.Web</AssemblyName>
            <LangVersion>12</LangVersion>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <EnableNETAnalyzers Condition="'$(SdkAnalyzers)' != 'true'">false</EnableNETAnalyzers>
            <GenerateDocumentationFile>false</GenerateDocumentationFile>
            <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
            <NoWarn>$(NoWarn);CS1591</NoWarn>
            <ConsentGeneratedVisibility>public</ConsentGeneratedVisibility>
            <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
          </PropertyGroup>
          <ItemGroup>
            <FrameworkReference Include="Microsoft.AspNetCore.App" />
            <Compile Include="src/**/*.cs" />
            <Compile Include="generated/*.cs" Condition="'$(Consent)' == 'none'" />
          </ItemGroup>
          <!-- The reference packs' own analyzers and generators (ASP.NET Core's, the interop and JSON generators) are
               left out of both builds: "the compiler alone" is the compiler alone, and our share is not diluted by theirs.
               With SdkAnalyzers=true (the benchmark option sdk-analyzers) both builds keep them and the SDK's code analysis, as an
               ordinary ASP.NET Core project does: "compiler alone" is then the ordinary build without the package. -->
          <Target Name="OnlyTheMeasuredAnalyzers" AfterTargets="ResolveTargetingPackAssets" BeforeTargets="CoreCompile">
            <ItemGroup>
              <Analyzer Remove="@(Analyzer)" Condition="'$(SdkAnalyzers)' != 'true'" />
              <Analyzer Include="package/analyzers/$(Consent)/*.dll" Condition="'$(Consent)' != 'none'" />
            </ItemGroup>
          </Target>
          <Import Project="package/build/ConsentAnalyzers.targets" Condition="'$(Consent)' != 'none'" />
        </Project>
        """;

    /// <summary>The repository: the folder above the binaries (or else above the current folder) that holds the package's build files.</summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (Directory.Exists(Path.Combine(folder.FullName, "src", "ConsentAnalyzers.Package", "build")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            "The repository (src/ConsentAnalyzers.Package/build) was not found above " + AppContext.BaseDirectory + " nor the current folder");
    }

    /// <summary>
    /// The JavaScript parser for an analyzer assembly: the build the package ships (netstandard2.0), copied beside this
    /// benchmark as shipped/Acornima.dll; for another build's assembly with a parser in its folder, that one. Never the
    /// parser beside this benchmark's own analyzers, which is the build for this process's framework.
    /// </summary>
    private static string ParserBeside(string assembly)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(assembly))!;
        var shipped = Path.Combine(AppContext.BaseDirectory, "shipped", "Acornima.dll");
        var beside = Path.Combine(folder, "Acornima.dll");
        var own = string.Equals(folder, Path.GetFullPath(AppContext.BaseDirectory).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
        return !own && File.Exists(beside) ? beside
            : File.Exists(shipped) ? shipped
            : throw new FileNotFoundException("The JavaScript parser the package ships was not copied beside the benchmark", shipped);
    }

    /// <summary>The analyzer assembly this benchmark was built with.</summary>
    public static string OwnAnalyzerAssembly => typeof(ConsentGenerator).Assembly.Location;

    private static void WriteFile(string path, string? text, string? copyFrom = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (copyFrom is null)
        {
            File.WriteAllText(path, text);
        }
        else
        {
            File.Copy(copyFrom, path);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from))
        {
            WriteFile(Path.Combine(to, Path.GetFileName(file)), null, copyFrom: file);
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ConsentAnalyzers.Common;

/// <summary>
/// Whether a compilation's references may define a type, read from names alone: each referenced module's type
/// definitions in its metadata (the answer cached per module, which the compilations of a project share), each
/// referenced compilation's declared names. Asking the compilation's symbols instead binds every reference (loads
/// every assembly's namespaces), which a generator, running before the compiler's own binding, would pay for.
/// </summary>
internal static class ReferenceTypeNames
{
    /// <summary>Per module and type name: the namespaces in which the module defines a top-level type of that name.</summary>
    private static readonly ConditionalWeakTable<ModuleMetadata, ConcurrentDictionary<string, string[]>> NamespacesByModule = new();

    /// <summary>
    /// False when no reference defines a top-level type <paramref name="name"/> in namespace <paramref name="ns"/>;
    /// true when one does, or may (a reference whose metadata cannot be read here: the compiler reports it).
    /// </summary>
    public static bool MayDefine(Compilation compilation, string ns, string name)
    {
        foreach (var reference in compilation.ExternalReferences)
        {
            var mayDefine = reference switch
            {
                CompilationReference project => project.Compilation.ContainsSymbolsWithName(name, SymbolFilter.Type),
                PortableExecutableReference file => MetadataMayDefine(file, ns, name),
                _ => true,
            };
            if (mayDefine)
            {
                return true;
            }
        }

        return false;
    }

    private static bool MetadataMayDefine(PortableExecutableReference reference, string ns, string name)
    {
        ImmutableArray<ModuleMetadata> modules;
        try
        {
            modules = reference.GetMetadata() switch
            {
                AssemblyMetadata assembly => assembly.GetModules(),
                ModuleMetadata module => ImmutableArray.Create(module),
                _ => throw new BadImageFormatException(),
            };
        }
        catch (Exception exception) when (exception is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return true;
        }

        foreach (var module in modules)
        {
            var namespaces = NamespacesByModule.GetOrCreateValue(module).GetOrAdd(name, typeName => NamespacesDefining(module, typeName));
            if (Array.IndexOf(namespaces, ns) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string[] NamespacesDefining(ModuleMetadata module, string name)
    {
        var reader = module.GetMetadataReader();
        var namespaces = new List<string>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (reader.StringComparer.Equals(type.Name, name) && type.GetDeclaringType().IsNil)
            {
                namespaces.Add(reader.GetString(type.Namespace));
            }
        }

        return namespaces.ToArray();
    }
}

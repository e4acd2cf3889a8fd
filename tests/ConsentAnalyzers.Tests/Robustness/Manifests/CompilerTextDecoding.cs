using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ConsentAnalyzers.Tests.Robustness.Manifests;

/// <summary>
/// Turns manifest bytes into the <see cref="SourceText"/> an analyzer gets from <c>AdditionalText.GetText</c>.
/// The analyzers never see bytes, so byte-level fuzzing only means something through the decoding the host does.
/// </summary>
internal static class CompilerTextDecoding
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// As csc reads an additional file (EncodedStringText.Create): a byte order mark picks UTF-8/UTF-16/UTF-32,
    /// otherwise strict UTF-8, and when that fails a single-byte fallback (code page 1252 there; Latin-1 here, which
    /// also maps every byte to one character, so offsets behave the same).
    /// </summary>
    public static SourceText AsCompiler(byte[] bytes)
    {
        try
        {
            return SourceText.From(new MemoryStream(bytes, writable: false), StrictUtf8);
        }
        catch (DecoderFallbackException)
        {
            return SourceText.From(new MemoryStream(bytes, writable: false), Encoding.Latin1);
        }
    }

    /// <summary>As an editor buffer would hold it: UTF-8 with BOM detection, invalid bytes replaced by U+FFFD.</summary>
    public static SourceText Lenient(byte[] bytes) =>
        SourceText.From(new MemoryStream(bytes, writable: false), encoding: null);

    /// <summary>Whether the two decodings can differ: the bytes are not valid UTF-8 after any BOM.</summary>
    public static bool IsInvalidUtf8(byte[] bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return false;
        }
        catch (DecoderFallbackException)
        {
            return true;
        }
    }
}

using System.Text;

namespace ConsentAnalyzers.Tests.Robustness.Scripts;

/// <summary>
/// Scripts no one writes by hand but a bundler, a generator or a paste may produce: very long files and very deep
/// nesting of every kind. Each holds sites (a storage write, a tracker call), so it is parsed and walked, not
/// skipped by the cheap scan.
/// </summary>
internal static class ExtremeScripts
{
    public const int Depth = 10_000;

    /// <summary>A long site script: <paramref name="lines"/> lines of UI code with a storage write and a guarded call now and then.</summary>
    public static string Long(int lines)
    {
        var text = new StringBuilder();
        for (var (i, written) = (0, 0); written < lines; i++)
        {
            var block =
                $$"""
                function render{{i}}(items) {
                  const list = document.querySelector('#list{{i}}');
                  for (const item of items) {
                    const row = document.createElement('li');
                    row.textContent = `${item.name} (${item.count})`;
                    list.appendChild(row);
                  }
                  if (consent.has('prefs')) { localStorage.setItem('theme', items.length > {{i % 7}} ? 'dark' : 'light'); }
                  if (items.length === 0) { gtag('event', 'empty_{{i}}'); }
                  return list;
                }
                document.addEventListener('DOMContentLoaded', () => render{{i}}(window.data{{i}} || []));

                """;
            text.Append(block);
            written += block.Count('\n');
        }

        return text.ToString();
    }

    /// <summary>The nesting shapes, each <paramref name="depth"/> deep around a storage write.</summary>
    public static IEnumerable<(string Name, string Text)> Nested(int depth)
    {
        const string Site = "localStorage.setItem('k', v)";
        yield return ("parentheses", Repeat("(", depth) + Site + Repeat(")", depth) + ";");
        yield return ("blocks", Repeat("{", depth) + Site + ";" + Repeat("}", depth));
        yield return ("arrays", "x = " + Repeat("[", depth) + Site + Repeat("]", depth) + ";");
        yield return ("objects", "x = " + Repeat("{a:", depth) + Site + Repeat("}", depth) + ";");
        yield return ("functions", Repeat("function f() {", depth) + Site + ";" + Repeat("} f();", depth));
        yield return ("arrow functions", "x = " + Repeat("() => ", depth) + Site + ";");
        yield return ("calls", Repeat("f(", depth) + Site + Repeat(")", depth) + ";");
        yield return ("ifs", Repeat("if (consent.has('prefs')) ", depth) + Site + ";");
        yield return ("ternaries", "x = " + Repeat("a ? b : ", depth) + Site + ";");
        yield return ("nested ternaries", "x = " + Repeat("a ? (", depth) + Site + Repeat(") : c", depth) + ";");
        yield return ("&& chain", "x = " + Repeat("consent.has('prefs') && ", depth) + Site + ";");
        yield return ("|| chain", "x = " + Repeat("!consent.has('prefs') || ", depth) + Site + ";");
        yield return ("! chain", "if (" + Repeat("!", depth) + "consent.has('prefs')) " + Site + ";");
        yield return ("+ chain", "localStorage.setItem(" + Repeat("'k' + ", depth) + "'k', v);");
        yield return ("template literals", "x = " + Repeat("`${", depth) + Site + Repeat("}`", depth) + ";");
        yield return ("member chain", "x = a" + Repeat(".b", depth) + "; " + Site + ";");
        yield return ("optional calls", "x = a" + Repeat("?.()", depth) + "; " + Site + ";");
        yield return ("unclosed parentheses", Repeat("(", depth) + Site);
        yield return ("unclosed template literals", "x = " + Repeat("`${", depth) + Site);
        yield return ("helper call chain",
            string.Concat(Enumerable.Range(1, depth / 10).Select(i => $"function f{i}() {{ f{i - 1}(); f{i - 1}(); }}\n"))
            + "function f0() { " + Site + "; }\nif (consent.has('prefs')) { f" + depth / 10 + "(); }\n");
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}

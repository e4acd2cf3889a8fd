using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ConsentAnalyzers.Manifest;

namespace ConsentAnalyzers.Generator;

/// <summary>
/// Emits <c>static class ConsentStorageDisclosure</c>: the cookies and storage keys as an IAB TCF v2.2 Device Storage
/// Disclosure ("Vendor Device Storage &amp; Operational Disclosures": a <c>disclosures</c> array of <c>identifier</c>,
/// <c>type</c>, <c>maxAgeSeconds</c>, <c>cookieRefresh</c>, <c>domains</c>, <c>purposes</c>, and a <c>domains</c>
/// array of <c>domain</c>, <c>purposes</c>). The JSON is fixed at generation time except for the site's own domains,
/// which only the app knows: they are where host-only cookies and web storage live.
/// </summary>
internal static class StorageDisclosureEmitter
{
    public const string HintName = "ConsentStorageDisclosure.g.cs";

    /// <summary>A part of the disclosures array: fixed text, or (null) the site's domains as a JSON array.</summary>
    private readonly record struct Segment(string? Text);

    public static string Emit(GenerationInput input) => SourceFile.Build(input.Options, writer =>
    {
        var manifest = input.Manifest;
        var purposes = manifest.Categories.ToDictionary(category => category.Id, category => category.TcfPurposes.OrderBy(p => p).ToList());
        var segments = Disclosures(manifest, purposes).ToList();
        var sitePurposes = manifest.Cookies.Where(c => c.Domain is null).Select(c => c.Category)
            .Concat(manifest.Storage.Select(s => s.Category))
            .SelectMany(category => purposes[category]).Distinct().OrderBy(p => p).ToList();
        var declaredDomains = manifest.Cookies.Where(c => c.Domain is not null)
            .GroupBy(c => Domain(c.Domain!), System.StringComparer.OrdinalIgnoreCase)
            .Select(group => (Domain: group.Key, Purposes: group.SelectMany(c => purposes[c.Category]).Distinct().OrderBy(p => p).ToList()))
            .ToList();

        writer.Summary(
            "The cookie policy's cookies and browser-storage keys as an IAB TCF v2.2 Device Storage Disclosure " +
            "(Vendor Device Storage &amp; Operational Disclosures): the JSON a TCF vendor publishes at its <c>deviceStorageDisclosureUrl</c>, " +
            "and that a consent management platform can show.");
        writer.OpenType(input.Options, "static class ConsentStorageDisclosure");

        writer.Summary(
            "The disclosure: one entry per cookie (<c>maxAgeSeconds</c> from its <c>maxAge</c>, 0 for a session cookie, <c>null</c> when " +
            "undeclared) and per storage key (type <c>web</c>, <c>maxAgeSeconds</c> <c>null</c>: web storage has no expiry), " +
            "with the TCF purposes of its category, and every domain with the purposes used on it.");
        writer.Line(
            "/// <param name=\"siteDomains\">The site's host names (<c>www.example.com</c>): the domains of host-only cookies and of web storage. " +
            "At least one: a lone wildcard is for vendors on many sites, not for a site's own storage.</param>");
        writer.Open("public static string ToJson(params string[] siteDomains)");
        writer.Line("if (siteDomains == null) throw new global::System.ArgumentNullException(nameof(siteDomains));");
        writer.Line(
            "if (siteDomains.Length == 0) throw new global::System.ArgumentException(\"Give the site's host names, e.g. www.example.com.\", " +
            "nameof(siteDomains));");
        writer.Line("var site = new global::System.Text.StringBuilder(\"[\");");
        writer.Open("for (var i = 0; i < siteDomains.Length; i++)");
        writer.Line(
            "if (string.IsNullOrEmpty(siteDomains[i])) throw new global::System.ArgumentException(\"A domain is empty.\", nameof(siteDomains));");
        writer.Line("if (i > 0) site.Append(',');");
        writer.Line("AppendString(site, siteDomains[i]);");
        writer.Close();
        writer.Line("var siteArray = site.Append(']').ToString();");
        writer.Line("var json = new global::System.Text.StringBuilder();");
        foreach (var segment in segments)
        {
            writer.Line(segment.Text is null ? "json.Append(siteArray);" : $"json.Append({CodeWriter.Literal(segment.Text)});");
        }

        writer.Line("var domains = new global::System.Collections.Generic.List<string>();");
        writer.Line("var purposes = new global::System.Collections.Generic.List<global::System.Collections.Generic.SortedSet<int>>();");
        writer.Line($"foreach (var domain in siteDomains) AddDomain(domains, purposes, domain, {ManifestEmitter.IntArray(sitePurposes)});");
        foreach (var (domain, domainPurposes) in declaredDomains)
        {
            writer.Line($"AddDomain(domains, purposes, {CodeWriter.Literal(domain)}, {ManifestEmitter.IntArray(domainPurposes)});");
        }

        writer.Open("for (var i = 0; i < domains.Count; i++)");
        writer.Line("json.Append(i == 0 ? \"{\\\"domain\\\":\" : \",{\\\"domain\\\":\");");
        writer.Line("AppendString(json, domains[i]);");
        writer.Line("json.Append(\",\\\"purposes\\\":[\").Append(string.Join(\",\", purposes[i])).Append(\"]}\");");
        writer.Close();
        writer.Line("return json.Append(\"]}\").ToString();");
        writer.Close();
        writer.Line();

        WriteHelpers(writer);
        writer.Close();
    });

    /// <summary>The JSON up to the top-level domains array, site domains left as null segments.</summary>
    private static IEnumerable<Segment> Disclosures(ManifestModel manifest, Dictionary<string, List<int>> purposes)
    {
        var text = new StringBuilder("{\"disclosures\":[");
        var first = true;
        IEnumerable<Segment> Entry(string identifier, string type, string? maxAge, bool? refresh, string? domain, string category)
        {
            text.Append(first ? "{" : ",{").Append("\"identifier\":").Append(JsonString(identifier)).Append(",\"type\":\"").Append(type)
                .Append("\",\"maxAgeSeconds\":").Append(maxAge ?? "null");
            if (refresh is { } value)
            {
                text.Append(",\"cookieRefresh\":").Append(value ? "true" : "false");
            }

            text.Append(",\"domains\":");
            first = false;
            if (domain is null)
            {
                yield return new Segment(text.ToString());
                yield return new Segment(null);
                text.Clear();
            }
            else
            {
                text.Append('[').Append(JsonString(Domain(domain))).Append(']');
            }

            text.Append(",\"purposes\":[").Append(string.Join(",", purposes[category])).Append("]}");
        }

        foreach (var cookie in manifest.Cookies)
        {
            var maxAge = cookie.MaxAge?.ShortestSeconds.ToString(CultureInfo.InvariantCulture);
            foreach (var segment in Entry(cookie.Name, "cookie", maxAge, cookie.Refresh, cookie.Domain, cookie.Category))
            {
                yield return segment;
            }
        }

        foreach (var key in manifest.Storage)
        {
            foreach (var segment in Entry(key.Key, "web", null, null, null, key.Category))
            {
                yield return segment;
            }
        }

        yield return new Segment(text.Append("],\"domains\":[").ToString());
    }

    private static void WriteHelpers(CodeWriter writer)
    {
        writer.Open(
            "private static void AddDomain(global::System.Collections.Generic.List<string> domains, " +
            "global::System.Collections.Generic.List<global::System.Collections.Generic.SortedSet<int>> purposes, string domain, int[] used)");
        writer.Line("var index = domains.FindIndex(d => string.Equals(d, domain, global::System.StringComparison.OrdinalIgnoreCase));");
        writer.Open("if (index < 0)");
        writer.Line("domains.Add(domain);");
        writer.Line("purposes.Add(new global::System.Collections.Generic.SortedSet<int>());");
        writer.Line("index = domains.Count - 1;");
        writer.Close();
        writer.Line("purposes[index].UnionWith(used);");
        writer.Close();
        writer.Line();
        writer.Open("private static void AppendString(global::System.Text.StringBuilder json, string value)");
        writer.Line("json.Append('\"');");
        writer.Open("foreach (var c in value)");
        writer.Line("if (c == '\"' || c == '\\\\') json.Append('\\\\').Append(c);");
        writer.Line("else if (c < ' ' || c == '<' || c == '>' || c == '&') " +
            "json.Append(\"\\\\u\").Append(((int)c).ToString(\"x4\", global::System.Globalization.CultureInfo.InvariantCulture));");
        writer.Line("else json.Append(c);");
        writer.Close();
        writer.Line("json.Append('\"');");
        writer.Close();
    }

    /// <summary>A cookie's <c>Domain</c> without the leading dot, which RFC 6265 ignores: the domain covers its subdomains either way.</summary>
    private static string Domain(string declared) => declared.TrimStart('.');

    /// <summary>The same escaping as the generated <c>AppendString</c>, at generation time.</summary>
    private static string JsonString(string value)
    {
        var json = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c < ' ' || c is '<' or '>' or '&')
            {
                json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                json.Append(c);
            }
        }

        return json.Append('"').ToString();
    }
}

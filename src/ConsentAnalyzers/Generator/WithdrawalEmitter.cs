using ConsentAnalyzers.ConsentApi;

namespace ConsentAnalyzers.Generator;

/// <summary>
/// Emits <c>static class ConsentWithdrawal</c> (ASP.NET Core referenced): after a visitor refuses a category they had
/// accepted, expire the cookies of that category the browser still holds, as the declarations say they were set
/// (path, and the parent domain a tag such as Google's sets its cookies on).
/// </summary>
internal static class WithdrawalEmitter
{
    public const string HintName = "ConsentWithdrawal.g.cs";

    public static string Emit(GenerationInput input) => SourceFile.Build(input.Options, writer =>
    {
        writer.Summary(
            "Withdrawing consent removes what it allowed: the cookies of refused categories are expired in the browser.",
            "Only declared cookies are touched. A cookie the manifest does not declare has no known category, and may belong to the host, " +
            "a load balancer or another app on the same domain: deleting it could break them, so it is left alone.");
        writer.OpenType(input.Options, "static class ConsentWithdrawal");
        writer.Line("private static readonly string[] s_none = new string[0];");
        writer.Line();
        writer.Summary(
            "For every cookie the request carries whose declaration (<see cref=\"ConsentManifest.FindCookie\"/>: exact name or pattern) " +
            "is in a non-essential category not granted, appends an expired <c>Set-Cookie</c> to the response: host-only on the declared " +
            "path (<c>/</c> by default), and also on the declared <c>domain</c> when there is one (<c>_ga</c> lives on <c>.example.com</c>).");
        writer.Line("/// <param name=\"context\">The request, whose cookies are read, and the response, where the expiries go.</param>");
        writer.Line("/// <param name=\"isGranted\">Whether the visitor consents to a category now (after recording the new choice).</param>");
        writer.Line("/// <returns>The names of the cookies expired, in request order.</returns>");
        writer.Open(
            "public static global::System.Collections.Generic.IReadOnlyList<string> ExpireWithdrawnCookies(" +
            $"global::Microsoft.AspNetCore.Http.HttpContext context, global::System.Func<{GeneratedNames.Category}, bool> isGranted)");
        writer.Line("if (context == null) throw new global::System.ArgumentNullException(nameof(context));");
        writer.Line("if (isGranted == null) throw new global::System.ArgumentNullException(nameof(isGranted));");
        writer.Line($"global::System.Collections.Generic.List<string>{input.Options.NullableMark} expired = null;");
        writer.Open("foreach (var cookie in context.Request.Cookies)");
        writer.Line("var declaration = ConsentManifest.FindCookie(cookie.Key);");
        writer.Line("if (declaration == null || declaration.IsEssential || isGranted(declaration.Category)) continue;");
        writer.Line("Expire(context.Response, cookie.Key, declaration.Path, null);");
        writer.Line("if (declaration.Domain != null) Expire(context.Response, cookie.Key, declaration.Path, declaration.Domain);");
        writer.Line("if (expired == null) expired = new global::System.Collections.Generic.List<string>();");
        writer.Line("expired.Add(cookie.Key);");
        writer.Close();
        writer.Line("return expired ?? (global::System.Collections.Generic.IReadOnlyList<string>)s_none;");
        writer.Close();
        writer.Line();

        writer.Open(
            "private static void Expire(global::Microsoft.AspNetCore.Http.HttpResponse response, string name, " +
            $"string{input.Options.NullableMark} path, " +
            $"string{input.Options.NullableMark} domain)");
        writer.Line("// A cookie is replaced only by one of the same name, domain and path; prefixed names must be Secure to be set at all.");
        writer.Open("var options = new global::Microsoft.AspNetCore.Http.CookieOptions");
        writer.Line("Path = path ?? \"/\",");
        writer.Line("Domain = domain,");
        writer.Line(
            "Secure = name.StartsWith(\"__Secure-\", global::System.StringComparison.Ordinal) " +
            "|| name.StartsWith(\"__Host-\", global::System.StringComparison.Ordinal),");
        writer.Close("};");
        writer.Line("response.Cookies.Delete(name, options);");
        writer.Close();
        writer.Close();
    });
}

using ConsentAnalyzers.Analysis;
using ConsentAnalyzers.Common;
using ConsentAnalyzers.Guards;
using ConsentAnalyzers.Tests.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConsentAnalyzers.Tests.Analyzers;

/// <summary>
/// Two shortcuts answer a site without a control-flow graph: a body that <see cref="CheckFreeBodies"/> finds
/// check-free grants nothing, and an enclosing <c>if</c> grants what <see cref="EnclosingGuard"/> reads from it. Each
/// is right only if the graph's analysis, run anyway, agrees: checked here on every body of the labeled corpus, and on
/// the shapes where the analysis grants without a check.
/// </summary>
public sealed class GraphShortcutTests
{
    [Fact]
    public void The_flow_analysis_grants_nothing_anywhere_in_a_body_found_check_free()
    {
        var (checkFree, withChecks, operationsChecked) = (0, 0, 0);
        foreach (var (file, consent, root) in CorpusBodies())
        {
            if (!CheckFreeBodies.IsCheckFree(root, consent.Guards))
            {
                withChecks++;
                continue;
            }

            checkFree++;
            operationsChecked += AssertGrantsNothing(GraphOf(root), consent.Guards, $"{file}: {root.Syntax.ToString().Split('\n')[0].Trim()}");
        }

        // Both kinds occur in the corpus, and the check-free ones are many: the claim is tested, not vacuous.
        Assert.True(checkFree > 100 && withChecks > 100, $"{checkFree} check-free bodies, {withChecks} with checks");
        Assert.True(operationsChecked > 1000, $"{operationsChecked} operations checked");
    }

    [Fact]
    public void Whatever_an_enclosing_if_grants_without_the_graph_the_graph_grants_too()
    {
        var (sites, granted) = (0, 0);
        foreach (var (file, consent, root) in CorpusBodies())
        {
            ControlFlowGraph? graph = null;
            var entry = MemberEntry(consent, root);
            foreach (var site in root.Descendants().Where(o => o is IInvocationOperation or ISimpleAssignmentOperation))
            {
                sites++;
                foreach (var category in consent.Manifest.Manifest.Categories)
                {
                    if (!EnclosingGuard.Grants(consent.Guards, site, category.Id, alternativeCategory: null, entry))
                    {
                        continue;
                    }

                    granted++;
                    graph ??= GraphOf(root);
                    Assert.True(GraphGrantedAt(site, graph, consent, entry).Grants(category.Id),
                        $"{file}: '{site.Syntax}' is granted {category.Id} by its if, not by the graph");
                }
            }
        }

        Assert.True(granted > 50, $"{granted} grants of {sites} sites");
    }

    [Fact]
    public void Where_the_enclosing_conditions_decide_alone_the_graph_grants_exactly_what_they_grant()
    {
        var (sites, answered, granting, inLambdas, onEntry) = (0, 0, 0, 0, 0);
        foreach (var (file, consent, root) in CorpusBodies())
        {
            var places = CheckFreeBodies.Places(root, consent.Guards);
            var entry = MemberEntry(consent, root);
            ControlFlowGraph? graph = null;
            foreach (var site in root.Descendants().Where(o => o is IInvocationOperation or ISimpleAssignmentOperation))
            {
                sites++;
                if (ConsentGuardCheck.GrantedWithoutGraph(consent, site, places, entry) is not { } exact)
                {
                    continue;
                }

                answered++;
                granting += exact.IsEmpty ? 0 : 1;
                inLambdas += site.EnclosingFunction() is null ? 0 : 1;
                onEntry += entry.IsEmpty ? 0 : 1;
                graph ??= GraphOf(root);
                Assert.True(exact.Equals(GraphGrantedAt(site, graph, consent, entry)),
                    $"{file}: '{site.Syntax}' is granted {exact.Describe()} by its conditions, not so by the graph");
            }
        }

        Assert.True(answered > 800 && granting > 150 && inLambdas > 100 && onEntry > 15,
            $"{answered} sites of {sites} answered, {granting} of them granted something, {inLambdas} in lambdas, " +
            $"{onEntry} in [RequiresConsent] members");
    }

    private const string Is64 = "System.Environment.Is64BitProcess";

    [Theory]
    [InlineData("if (" + Is64 + " || Consent.AnalyticsAllowed) { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData("if (Consent.AnalyticsAllowed || Consent.AnalyticsAllowed) { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData("if (!(Consent.AnalyticsAllowed && " + Is64 + ")) { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData("if (Manager.MarketingAllowed) { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData("if (!Manager.MarketingAllowed) { } else { if (" + Is64 + ") { Telemetry.TrackEvent(\"x\"); } }", true)]
    [InlineData("Telemetry.TrackEvent(\"x\"); if (Consent.AnalyticsAllowed) { Telemetry.TrackEvent(\"y\"); }", true)]
    [InlineData("while (" + Is64 + ") { Telemetry.TrackEvent(\"x\"); if (Consent.AnalyticsAllowed) break; }", true)]
    [InlineData("System.Diagnostics.Debug.Assert(Consent.AnalyticsAllowed); Telemetry.TrackEvent(\"x\");", true)]
    [InlineData("System.Diagnostics.Debug.Assert(!Consent.AnalyticsAllowed == false, nameof(Consent)); Telemetry.TrackEvent(\"x\");", true)]
    [InlineData("System.Diagnostics.Debug.Assert(Consent.AnalyticsAllowed || " + Is64 + "); Telemetry.TrackEvent(\"x\");", false)]
    [InlineData("System.Diagnostics.Debug.Assert(Consent?.AnalyticsAllowed == true); Telemetry.TrackEvent(\"x\");", false)]
    [InlineData("Telemetry.TrackEvent(Consent.AnalyticsAllowed ? \"a\" : \"b\");", false)]
    [InlineData("new[] { 1 }.ToList().ForEach(i => { if (Manager.MarketingAllowed) { Telemetry.TrackEvent(\"x\"); } });", true)]
    [InlineData("if (Manager.MarketingAllowed) { new[] { 1 }.ToList().ForEach(i => { if (" + Is64 + ") { Telemetry.TrackEvent(\"x\"); } }); }", true)]
    [InlineData("if (Manager.MarketingAllowed) { System.Threading.Tasks.Task.Run(() => Telemetry.TrackEvent(\"x\")); }", true)]
    [InlineData("if (Manager.MarketingAllowed) { } new[] { 1 }.ToList().ForEach(i => Telemetry.TrackEvent(\"x\"));", false)]
    [InlineData("new[] { 1 }.ToList().ForEach(i => { if (Manager.MarketingAllowed) { } Telemetry.TrackEvent(\"x\"); });", false)]
    [InlineData("if (Manager.MarketingAllowed) { System.Action a = () => Telemetry.TrackEvent(\"x\"); a(); }", false)]
    [InlineData("var ok = Consent.AnalyticsAllowed; if (" + Is64 + ") { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData("if (Consent.AnalyticsAllowed) { } if (" + Is64 + ") { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData("if (Consent?.AnalyticsAllowed == true || " + Is64 + ") { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData("if (Consent.AnalyticsAllowed) { return; Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData("goto end; end: if (Manager.MarketingAllowed) { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData("System.Func<int> one = () => { return 1; }; if (Manager.MarketingAllowed) { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData("int One() { while (true) { } } if (Manager.MarketingAllowed) { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData("return; new[] { 1 }.ToList().ForEach(i => { if (Manager.MarketingAllowed) { Telemetry.TrackEvent(\"x\"); } });", true)]
    [InlineData("new[] { 1 }.ToList().ForEach(i => { return; if (Manager.MarketingAllowed) { Telemetry.TrackEvent(\"x\"); } });", false)]
    [InlineData("if (Manager.MarketingAllowed) { void Track() => Telemetry.TrackEvent(\"x\"); Track(); }", true)]
    [InlineData("if (Manager.MarketingAllowed) { Track(); } Track(); void Track() => Telemetry.TrackEvent(\"x\");", false)]
    [InlineData("Track(); if (Manager.MarketingAllowed) { Track(); } void Track() => Telemetry.TrackEvent(\"x\");", true)]
    [InlineData("if (Manager.MarketingAllowed) { Track(); } System.Action a = Track; void Track() => Telemetry.TrackEvent(\"x\");", true)]
    [InlineData("if (Manager.MarketingAllowed) { Track(); } void Track() { if (Consent.AnalyticsAllowed) { } Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData(
        "if (Manager.MarketingAllowed) { Track(); } void Track() { if (Consent.AnalyticsAllowed) return; Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData("switch (" + Is64 + ") { case true: if (Manager.MarketingAllowed) { Telemetry.TrackEvent(\"x\"); } break; }", true)]
    [InlineData("switch (Consent.AnalyticsAllowed) { case true: Telemetry.TrackEvent(\"x\"); break; default: break; }", true)]
    [InlineData("switch (Manager.MarketingAllowed) { case false: return; case true: Telemetry.TrackEvent(\"x\"); break; }", true)]
    [InlineData("switch (Consent.AnalyticsAllowed) { case false: break; default: Telemetry.TrackEvent(\"x\"); break; }", false)]
    [InlineData("switch (Consent.AnalyticsAllowed) { case true: case false: Telemetry.TrackEvent(\"x\"); break; }", false)]
    [InlineData("switch (Consent.AnalyticsAllowed) { case true when " + Is64 + ": Telemetry.TrackEvent(\"x\"); break; }", false)]
    [InlineData("switch (Consent?.AnalyticsAllowed) { case true: Telemetry.TrackEvent(\"x\"); break; }", false)]
    [InlineData("switch (Consent.AnalyticsAllowed && " + Is64 + ") { case true: Telemetry.TrackEvent(\"x\"); break; }", false)]
    public void The_conditions_alone_answer_a_site_only_where_the_graph_grants_exactly_what_they_do(string statements, bool answered)
    {
        var (root, consent) = Body(statements);
        var call = root.Descendants().OfType<IInvocationOperation>().First(i => i.TargetMethod.Name == "TrackEvent");

        var exact = ConsentGuardCheck.GrantedWithoutGraph(consent, call, CheckFreeBodies.Places(root, consent.Guards), CategorySet.Empty);

        Assert.Equal(answered, exact is not null);
        Assert.True(exact is not { } granted || granted.Equals(GraphGrantedAt(call, GraphOf(root), consent, CategorySet.Empty)));
    }

    [Theory]
    [InlineData("Telemetry.TrackEvent(\"x\");", true)]
    [InlineData("if (" + Is64 + ") { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData("new[] { 1 }.ToList().ForEach(i => Telemetry.TrackEvent(\"x\"));", true)]
    [InlineData("System.Threading.Tasks.Task.Run(() => Telemetry.TrackEvent(\"x\"));", false)]
    [InlineData("return; Telemetry.TrackEvent(\"x\");", false)]
    [InlineData("void Track() => Telemetry.TrackEvent(\"x\"); Track();", false)]
    [InlineData("void Track() => Telemetry.TrackEvent(\"x\"); System.Threading.Tasks.Task.Run(Track);", false)]
    public void What_RequiresConsent_on_the_member_grants_holds_without_the_graph_where_its_graph_reaches(string statements, bool analytics)
    {
        var (root, consent) = Body(statements, "[RequiresConsent(ConsentCategory.Analytics)]");
        var call = root.Descendants().OfType<IInvocationOperation>().Single(i => i.TargetMethod.Name == "TrackEvent");
        var entry = MemberEntry(consent, root);
        var places = CheckFreeBodies.Places(root, consent.Guards);

        var exact = ConsentGuardCheck.GrantedWithoutGraph(consent, call, places, entry);
        var granted = EnclosingGuard.Grants(consent.Guards, call, "analytics", alternativeCategory: null, entry);

        Assert.Equal(CategorySet.Of("analytics"), entry);
        Assert.Equal(analytics, granted);
        Assert.True(!granted || GraphGrantedAt(call, GraphOf(root), consent, entry).Grants("analytics"));
        Assert.True(exact is not { } answer || answer.Equals(GraphGrantedAt(call, GraphOf(root), consent, entry)));
    }

    [Theory]
    [InlineData("throw new System.Exception(); if (Consent.AnalyticsAllowed) { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData("while (true) { } if (Consent.AnalyticsAllowed) { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData("if (true) return; if (Consent.AnalyticsAllowed) { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData("if (Consent.AnalyticsAllowed) { return; Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData("goto end; if (Consent.AnalyticsAllowed) { Telemetry.TrackEvent(\"x\"); } end: ;", false)]
    [InlineData("if (!Consent.AnalyticsAllowed) return; Telemetry.TrackEvent(\"x\");", true)]
    [InlineData("if (!Consent.AnalyticsAllowed) { return; } { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData("for (var i = 0; i < 2; i++) { } if (Consent.AnalyticsAllowed) { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData("if (Consent.AnalyticsAllowed) { var n = 1; Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData("foreach (var i in new[] { 1 }) { if (!Consent.AnalyticsAllowed) continue; Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData("for (var i = 0; i < 3; i++) { if (!Consent.AnalyticsAllowed) break; Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData("do { if (!Consent.AnalyticsAllowed) continue; Telemetry.TrackEvent(\"x\"); } while (false);", true)]
    [InlineData("while (System.Environment.TickCount > 0) { if (Consent.AnalyticsAllowed) { Telemetry.TrackEvent(\"x\"); } }", true)]
    [InlineData("while (false) { if (Consent.AnalyticsAllowed) { Telemetry.TrackEvent(\"x\"); } }", false)]
    [InlineData("foreach (var i in new[] { 1 }) { if (!Consent.AnalyticsAllowed) continue; return; Telemetry.TrackEvent(\"x\"); }", false)]
    public void An_enclosing_if_grants_nothing_without_the_graph_where_the_compiler_may_not_reach_the_site(string statements, bool reachable)
    {
        var (root, consent) = Body(statements);
        var call = root.Descendants().OfType<IInvocationOperation>().Single(i => i.TargetMethod.Name == "TrackEvent");
        var flow = ConsentFlow.Analyze(GraphOf(root), consent.Guards, CategorySet.Empty, CancellationToken.None);

        var grantedWithoutGraph = EnclosingGuard.Grants(consent.Guards, call, "analytics", alternativeCategory: null, CategorySet.Empty);

        Assert.Equal(reachable, grantedWithoutGraph);
        Assert.True(!grantedWithoutGraph || flow.GrantedAt(call.Syntax).Grants("analytics"));
    }

    /// <summary>A boolean that is no consent check, for the conditions that choose between checks.</summary>
    private const string Flag = "var flag = System.Environment.TickCount > 0; ";

    private const string Feature = "var feature = HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.ITrackingConsentFeature>(); ";

    [Theory]
    [InlineData("var ok = Consent.AnalyticsAllowed; if (ok) { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData("var ok = Consent.AnalyticsAllowed; if (!ok) return; Telemetry.TrackEvent(\"x\");", true)]
    [InlineData("var ok = Consent.AnalyticsAllowed; ok = System.Environment.TickCount > 0; if (ok) { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData("var ok = Consent.AnalyticsAllowed; System.Action a = () => ok = false; a(); if (ok) { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData("var ok = Consent.AnalyticsAllowed; bool.TryParse(\"x\", out ok); if (ok) { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData("var ok = Consent.AnalyticsAllowed && System.Environment.TickCount > 0; if (ok) { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData("var ok = true; if (ok) { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData("try { if (!Consent.AnalyticsAllowed) return; Telemetry.TrackEvent(\"x\"); } finally { }", true)]
    [InlineData("if (Consent.AnalyticsAllowed) { try { Telemetry.TrackEvent(\"x\"); } catch { } }", true)]
    [InlineData("if (Consent.AnalyticsAllowed) { try { } catch { Telemetry.TrackEvent(\"x\"); } }", false)]
    [InlineData("if (Consent.AnalyticsAllowed) { try { } finally { Telemetry.TrackEvent(\"x\"); } }", false)]
    [InlineData("using (new System.IO.MemoryStream()) { if (Consent.AnalyticsAllowed) { Telemetry.TrackEvent(\"x\"); } }", true)]
    [InlineData("lock (this) { if (!Consent.AnalyticsAllowed) return; Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData("if (Consent.AnalyticsAllowed) { new[] { 1 }.ToList().ForEach(i => Telemetry.TrackEvent(\"x\")); }", true)]
    [InlineData("new[] { 1 }.ToList().ForEach(i => { if (!Consent.AnalyticsAllowed) return; Telemetry.TrackEvent(\"x\"); });", true)]
    [InlineData("if (Consent.AnalyticsAllowed) { System.Threading.Tasks.Task.Run(() => Telemetry.TrackEvent(\"x\")); }", false)]
    [InlineData("if (Consent.AnalyticsAllowed) { System.Action a = () => Telemetry.TrackEvent(\"x\"); a(); }", false)]
    [InlineData("var ok = Consent.AnalyticsAllowed; new[] { 1 }.ToList().ForEach(i => { if (ok) Telemetry.TrackEvent(\"x\"); });", false)]
    [InlineData("if (Consent.AnalyticsAllowed) { return; new[] { 1 }.ToList().ForEach(i => Telemetry.TrackEvent(\"x\")); }", false)]
    [InlineData("if (Consent.AnalyticsAllowed) { void Track() => Telemetry.TrackEvent(\"x\"); Track(); }", false)]
    [InlineData(Flag + "if (flag ? Consent.AnalyticsAllowed : false) { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData(Flag + "if (!(flag ? Consent.AnalyticsAllowed : false)) return; Telemetry.TrackEvent(\"x\");", true)]
    [InlineData(Flag + "if (flag ? false : Consent.AnalyticsAllowed) { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData(Flag + "if (flag ? Consent.AnalyticsAllowed : Consent.AnalyticsAllowed) { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData(Flag + "if (flag ? Consent.AnalyticsAllowed : true) { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData(Flag + "if (flag ? Consent.AnalyticsAllowed && flag : false) { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData(Flag + "if (flag ? (flag ? Consent.AnalyticsAllowed : false) : false) { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData(Flag + "var ok = flag ? Consent.AnalyticsAllowed : false; if (ok) { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData("if (Consent?.AnalyticsAllowed ?? false) { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData("if (Consent?.AnalyticsAllowed == true) { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData("if (Consent?.AnalyticsAllowed is true) { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData("if (!(Consent?.AnalyticsAllowed ?? false)) return; Telemetry.TrackEvent(\"x\");", true)]
    [InlineData("if (Consent?.AnalyticsAllowed != true) return; Telemetry.TrackEvent(\"x\");", true)]
    [InlineData("var ok = Consent?.AnalyticsAllowed ?? false; if (ok) { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData(Feature + "if (feature?.CanTrack ?? false) { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData(Feature + "var canTrack = feature?.CanTrack ?? false; if (canTrack) { Telemetry.TrackEvent(\"x\"); }", true)]
    [InlineData("if (Consent?.AnalyticsAllowed ?? true) { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData("if (Consent?.AnalyticsAllowed != false) { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData("if ((Consent?.AnalyticsAllowed ?? false) || System.Environment.TickCount > 0) { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData(Flag + "if (Consent?.AnalyticsAllowed ?? flag) { Telemetry.TrackEvent(\"x\"); }", false)]
    [InlineData(Flag + "if ((flag ? Consent : null)?.AnalyticsAllowed ?? false) { Telemetry.TrackEvent(\"x\"); }", false)]
    public void The_shortcut_reads_locals_bodies_and_lambdas_run_in_place_as_the_graph_does(string statements, bool grantedWithoutGraph)
    {
        var (root, consent) = Body(statements);
        var call = root.Descendants().OfType<IInvocationOperation>().Single(i => i.TargetMethod.Name == "TrackEvent");

        Assert.Equal(grantedWithoutGraph, EnclosingGuard.Grants(consent.Guards, call, "analytics", alternativeCategory: null, CategorySet.Empty));
        Assert.True(!grantedWithoutGraph || GraphGrantedAt(call, GraphOf(root), consent, CategorySet.Empty).Grants("analytics"));
    }

    [Theory]
    [InlineData("if (false) { Telemetry.TrackEvent(\"x\"); }")]
    [InlineData("bool ok = false; if (ok) { Telemetry.TrackEvent(\"x\"); }")]
    [InlineData("bool? ok = null; if (ok == true) { Telemetry.TrackEvent(\"x\"); }")]
    [InlineData("if (default(bool)) { Telemetry.TrackEvent(\"x\"); }")]
    [InlineData("while (true) { Telemetry.TrackEvent(\"x\"); }")]
    public void A_constant_the_flow_analysis_may_read_as_a_condition_keeps_the_graph(string statements)
    {
        var (root, consent) = Body(statements);
        Assert.False(CheckFreeBodies.IsCheckFree(root, consent.Guards));
    }

    [Fact]
    public void Why_constants_count_the_flow_analysis_grants_everything_where_a_remembered_constant_condition_is_never_true()
    {
        var (root, consent) = Body("bool ok = false; if (ok) { Telemetry.TrackEvent(\"x\"); }");
        var flow = ConsentFlow.Analyze(GraphOf(root), consent.Guards, CategorySet.Empty, CancellationToken.None);
        var call = root.Descendants().OfType<IInvocationOperation>().Single(i => i.TargetMethod.Name == "TrackEvent");
        Assert.False(flow.GrantedAt(call.Syntax).IsEmpty);
    }

    [Theory]
    [InlineData("if (Consent.IsGranted(ConsentCategory.Analytics)) { } Telemetry.TrackEvent(\"x\");")] // a [ConsentGuard] member
    [InlineData("var granted = Consent.AnalyticsAllowed; Telemetry.TrackEvent(\"x\");")]
    [InlineData("System.Diagnostics.Debug.Assert(Consent.AnalyticsAllowed && " + Is64 + "); Telemetry.TrackEvent(\"x\");")]
    [InlineData("Telemetry.TrackEvent(Consent.AnalyticsAllowed ? \"a\" : \"b\");")]
    [InlineData("if (Manager.MarketingAllowed) { } Telemetry.TrackEvent(\"x\");")] // a guard from the manifest
    [InlineData(
        "if (HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.ITrackingConsentFeature>()?.CanTrack == true) " +
        "{ } Telemetry.TrackEvent(\"x\");")]
    public void A_member_that_may_be_a_check_keeps_the_graph(string statements)
    {
        var (root, consent) = Body(statements);
        Assert.False(CheckFreeBodies.IsCheckFree(root, consent.Guards));
    }

    [Theory]
    [InlineData(
        "Response.Cookies.Append(\"x\", \"1\", new CookieOptions { IsEssential = true, Secure = false, Expires = null }); " +
        "Telemetry.TrackEvent(\"x\");")]
    [InlineData("string name = null; if (name == null || name != \"a\") { Telemetry.TrackEvent(\"x\"); } if (name is null) return;")]
    [InlineData("var list = new[] { true, false }; Telemetry.TrackEvent(list.Contains(true) ? \"a\" : \"b\");")]
    [InlineData("switch (" + Is64 + ") { case true: Telemetry.TrackEvent(\"x\"); break; case false: break; }")]
    [InlineData("System.Diagnostics.Debug.Assert(Consent.AnalyticsAllowed); Telemetry.TrackEvent(\"x\");")]
    [InlineData("Telemetry.TrackEvent(Consent.IsGranted(ConsentCategory.Analytics).ToString());")]
    public void Constants_that_are_never_a_condition_leave_a_body_check_free(string statements)
    {
        var (root, consent) = Body(statements);
        Assert.True(CheckFreeBodies.IsCheckFree(root, consent.Guards));
        AssertGrantsNothing(GraphOf(root), consent.Guards, statements);
    }

    private static (IOperation Root, ConsentCompilation Consent) Body(string statements, string attributes = "")
    {
        var text = $$"""
            using System.Linq;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Corpus.Web;

            public sealed class SnippetController(IConsent consent, Corpus.Privacy.IConsentManager manager, Microsoft.ApplicationInsights.TelemetryClient telemetry) : Controller
            {
                private IConsent Consent => consent;

                private Corpus.Privacy.IConsentManager Manager => manager;

                private Microsoft.ApplicationInsights.TelemetryClient Telemetry => telemetry;

                {{attributes}}
                public void Run()
                {
                    {{statements}}
                }
            }
            """;
        var file = CorpusRunner.Compile("Snippet.cs", text);
        var model = file.Compilation.GetSemanticModel(file.Tree);
        var method = file.Tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Run");
        return (model.GetOperation(method)!, ConsentCompilation.For(file.Compilation, file.Options, CancellationToken.None)!);
    }

    /// <summary>
    /// What the graph grants at <paramref name="site"/>, as the analyzer asks it: in the member's graph, or in the graph
    /// of the lambda around the site, entered with what holds where the lambda is created (the one kind of lambda
    /// the shortcut reads: handed to a call that runs it).
    /// </summary>
    private static CategorySet GraphGrantedAt(IOperation site, ControlFlowGraph memberGraph, ConsentCompilation consent, CategorySet memberEntry)
    {
        var memberFlow = ConsentFlow.Analyze(memberGraph, consent.Guards, memberEntry, CancellationToken.None);
        return GraphAround(site, (memberGraph, memberFlow), consent)?.Flow.GrantedAt(site.Syntax) ?? CategorySet.Empty;
    }

    /// <summary>
    /// The graph that holds <paramref name="operation"/> and its flow: a lambda's starts from what holds where it is
    /// created if it runs there (else nothing); a local function's from what holds at every call in the code around
    /// it and in the lambdas and local functions there (nothing if it is used as a delegate or in a cycle), with what
    /// <c>[RequiresConsent]</c> on it grants.
    /// </summary>
    private static (ControlFlowGraph Graph, ConsentFlow Flow)? GraphAround(IOperation operation, (ControlFlowGraph, ConsentFlow) member,
        ConsentCompilation consent)
    {
        var function = operation.EnclosingFunction();
        if (function is null)
        {
            return member;
        }

        if (GraphAround(function, member, consent) is not var (outerGraph, outerFlow))
        {
            return null;
        }

        ControlFlowGraph graph;
        CategorySet entry;
        if (function is ILocalFunctionOperation localFunction)
        {
            var symbol = localFunction.Symbol;
            graph = outerGraph.GetLocalFunctionControlFlowGraphInScope(symbol);
            bool IsLocalFunction(IMethodSymbol method) => SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, symbol);
            var escapes = outerFlow.OperationsIn(o => o is IMethodReferenceOperation reference && IsLocalFunction(reference.Method)).Any();
            var atCalls = outerFlow.OperationsIn(o => o is IInvocationOperation call && IsLocalFunction(call.TargetMethod))
                .Select(call => outerFlow.GrantedAt(call.Syntax))
                .Aggregate((CategorySet?)null, (all, here) => all is { } granted ? granted.Intersect(here) : here);
            foreach (var (use, kind) in escapes ? [] : LocalFunctionUses.Of(localFunction))
            {
                if (kind == LocalFunctionUse.Opaque)
                {
                    escapes = true;
                }
                else if (kind == LocalFunctionUse.Nested)
                {
                    var here = GraphAround(use, member, consent)?.Flow.GrantedAt(use.Syntax) ?? CategorySet.Empty;
                    atCalls = atCalls is { } granted ? granted.Intersect(here) : here;
                }
            }

            entry = escapes ? CategorySet.Empty : atCalls ?? CategorySet.Empty;
            entry = consent.Requirements.RequiredBy(symbol, includeImplemented: false) is { } required
                ? entry.Union(CategorySet.Of(required))
                : entry;
        }
        else if (outerFlow.OperationsIn(o => o is IFlowAnonymousFunctionOperation && o.Syntax == function.Syntax).FirstOrDefault() is
            IFlowAnonymousFunctionOperation flowLambda)
        {
            graph = outerGraph.GetAnonymousFunctionControlFlowGraphInScope(flowLambda);
            entry = DelegateRuns.Kind(function, out _) == DelegateRun.InPlace ? outerFlow.GrantedAt(function.Syntax) : CategorySet.Empty;
        }
        else
        {
            return null;
        }

        return (graph, ConsentFlow.Analyze(graph, consent.Guards, entry, CancellationToken.None));
    }

    /// <summary>What <c>[RequiresConsent]</c> on the member of <paramref name="root"/> grants on entry to its graph.</summary>
    private static CategorySet MemberEntry(ConsentCompilation consent, IOperation root)
    {
        var declaration = root.Syntax is ArrowExpressionClauseSyntax arrow ? arrow.Parent! : root.Syntax;
        var member = root.SemanticModel!.GetDeclaredSymbol(declaration);
        return consent.Requirements.RequiredBy(member, includeImplemented: false) is { } required ? CategorySet.Of(required) : CategorySet.Empty;
    }

    private static ControlFlowGraph GraphOf(IOperation root) => root switch
    {
        IMethodBodyOperation method => ControlFlowGraph.Create(method),
        IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor),
        IBlockOperation block => ControlFlowGraph.Create(block),
        _ => throw new ArgumentException($"No graph for a {root.Kind} root."),
    };

    /// <summary>Every body of every labeled corpus file, with the file's consent context.</summary>
    private static IEnumerable<(string File, ConsentCompilation Consent, IOperation Root)> CorpusBodies()
    {
        foreach (var path in CorpusRunner.Files())
        {
            var file = CorpusRunner.Compile(Path.GetFileName(path), File.ReadAllText(path));
            var consent = ConsentCompilation.For(file.Compilation, file.Options, CancellationToken.None)!;
            var model = file.Compilation.GetSemanticModel(file.Tree);
            foreach (var root in BodyRoots(file.Tree, model))
            {
                yield return (file.Name, consent, root);
            }
        }
    }

    /// <summary>The roots the analyzer driver builds graphs for: member bodies and expression-bodied properties.</summary>
    private static IEnumerable<IOperation> BodyRoots(SyntaxTree tree, SemanticModel model)
    {
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var body = node switch
            {
                BaseMethodDeclarationSyntax or AccessorDeclarationSyntax => node,
                PropertyDeclarationSyntax { ExpressionBody: { } arrow } => arrow,
                _ => null,
            };
            if (body is not null && model.GetOperation(body) is { Parent: null } root)
            {
                yield return root;
            }
        }
    }

    /// <summary>
    /// Asserts the analysis, from an entry with nothing granted, grants nothing in the graph and the graphs of its
    /// lambdas and local functions; returns how many operations it looked at.
    /// </summary>
    private static int AssertGrantsNothing(ControlFlowGraph graph, GuardRecognizer guards, string what)
    {
        var flow = ConsentFlow.Analyze(graph, guards, CategorySet.Empty, CancellationToken.None);
        var count = 0;
        foreach (var operation in flow.OperationsIn(_ => true))
        {
            count++;
            Assert.True(flow.GrantedAt(operation.Syntax).IsEmpty, $"{what}: granted at '{operation.Syntax}'");
            if (operation is IFlowAnonymousFunctionOperation lambda)
            {
                count += AssertGrantsNothing(graph.GetAnonymousFunctionControlFlowGraph(lambda), guards, what);
            }
        }

        foreach (var localFunction in graph.LocalFunctions)
        {
            count += AssertGrantsNothing(graph.GetLocalFunctionControlFlowGraph(localFunction), guards, what);
        }

        return count;
    }
}

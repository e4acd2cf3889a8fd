"""Matches the ConsentAnalyzers diagnostics of an evaluation build against the hand classification of the app.

usage: report.py [--probe] CHECKOUT CLASSIFICATION_TSV SARIF_FOLDER

With --probe (a build whose manifest declares no cookie or storage key), lists the sites classified "checked" that
got no CG0101/CG0103: a site the analyzers do not in fact see.

classification.tsv (tab-separated; '#' starts a comment line), one row per finding and per consent-relevant site:
    rule      CGxxxx of a finding, or '-' for a site that must get no finding
    location  path:line, relative to the checkout ('manifest' for a diagnostic at the manifest)
    verdict   for a finding: true (a real defect), unresolved (CG0102/CG0108: the value really is unknown at
              compile time) or false (a false alarm); for a site: checked (a cookie or storage write whose name is
              resolved and declared, correctly nothing to report; --probe proves it), allowed (a call the analyzers
              understand and correctly leave alone, such as a Consent Mode update or a tracker use under the app's
              consent check declared as a script guard),
              missed (a defect the analyzers should report and do not), unseen (a write the analyzers do not see,
              with nothing to report today) or out-of-scope (code the package does not read: not C#, Razor or a
              script of wwwroot, or a minified file or lib/ folder)
    note      why, in a few words
"""
import json
import os
import sys
from collections import Counter
from urllib.parse import unquote, urlparse

probe = sys.argv[1] == "--probe"
checkout, classification_path, sarif_folder = sys.argv[2:5] if probe else sys.argv[1:4]
checkout = os.path.realpath(checkout) + os.sep


def location_of(result):
    locations = result.get("locations") or []
    if not locations:
        return "project", 0, 0
    physical = locations[0]["physicalLocation"]
    path = unquote(urlparse(physical["artifactLocation"]["uri"]).path)
    region = physical.get("region", {})
    real = os.path.realpath(path)
    if real.endswith("consent-manifest.json") and not real.startswith(checkout):
        path = "manifest"
    elif real.startswith(checkout):
        path = real[len(checkout):]
    return path, region.get("startLine", 0), region.get("startColumn", 0)


findings = {}
for name in sorted(os.listdir(sarif_folder)):
    with open(os.path.join(sarif_folder, name), encoding="utf-8-sig") as log:
        sarif = json.load(log)
    for run in sarif.get("runs", []):
        for result in run.get("results", []):
            rule = result.get("ruleId", "")
            if not rule.startswith("CG"):
                continue
            path, line, column = location_of(result)
            message = result.get("message", {}).get("text", "")
            # A project built for several frameworks reports the same finding once per framework.
            findings[(rule, path, line, column)] = message

classified = {}
with open(classification_path, encoding="utf-8") as table:
    for number, row in enumerate(table, 1):
        if not row.strip() or row.startswith("#"):
            continue
        fields = row.rstrip("\n").split("\t")
        if len(fields) < 3:
            sys.exit(f"{classification_path}:{number}: expected rule, location, verdict, note")
        rule, location, verdict = fields[:3]
        classified[(rule, location)] = verdict

if probe:
    undeclared = {f"{path}:{line}" for (rule, path, line, _) in findings if rule in ("CG0101", "CG0103")}
    for location in sorted(undeclared):
        print(f"undeclared without the manifest's names: {location}")
    checked = [location for (rule, location), verdict in classified.items() if rule == "-" and verdict == "checked"]
    not_seen = [location for location in checked if location not in undeclared]
    for location in not_seen:
        print(f"classified as checked, but no CG0101/CG0103 without its declaration: {location}")
    print(f"checked sites proven: {len(checked) - len(not_seen)} of {len(checked)}")
    sys.exit(1 if not_seen else 0)

counts = Counter()
reported = set()
for (rule, path, line, column), message in sorted(findings.items(), key=lambda f: (f[0][0], f[0][1], f[0][2])):
    location = path if path == "manifest" else f"{path}:{line}"
    verdict = classified.get((rule, location), "UNCLASSIFIED")
    reported.add((rule, location))
    counts[verdict] += 1
    print(f"{rule}  {path}({line},{column})  {message}  [{verdict}]")

not_reported = [key for key, verdict in classified.items() if key[0] != "-" and key not in reported]
for rule, location in not_reported:
    print(f"{rule}  {location}  classified as {classified[(rule, location)]} but not reported  [MISSED]")
sites = Counter(verdict for (rule, _), verdict in classified.items() if rule == "-")

print()
print(f"findings: {len(findings)}; true: {counts['true']}; unresolved: {counts['unresolved']}; "
      f"false: {counts['false']}; unclassified: {counts['UNCLASSIFIED']}")
print(f"sites without a finding: checked: {sites['checked']}; allowed: {sites['allowed']}; missed: {sites['missed'] + len(not_reported)}; "
      f"unseen: {sites['unseen']}; out of scope: {sites['out-of-scope']}")
sys.exit(1 if counts["false"] or counts["UNCLASSIFIED"] else 0)

#!/usr/bin/env bash
# Builds a public application with the packed ConsentAnalyzers package and the manifest an adopter would write, and
# compares what the analyzers report with the hand classification of that application.
#
#   bash build/real-apps/evaluate.sh APP CHECKOUT
#   bash build/real-apps/evaluate.sh --probe APP CHECKOUT
#
# APP is a folder of build/real-apps (its app.env names the commit, what to build and which projects get the
# package; consent-manifest.json is the manifest; classification.tsv classifies every finding and every
# consent-relevant site by hand). CHECKOUT is a checkout of the application at that commit; it is not modified (the
# package is added through CustomAfterMicrosoftCommonTargets and restored from a local feed added to the default
# sources). Prints every ConsentAnalyzers diagnostic (suggestions included, from the compiler's SARIF logs) as
#   CGxxxx  path(line,col)  message  [verdict]
# then the counts: findings, true, false, unclassified, and the classified sites the analyzers missed.
# Exits 1 when the build fails, a finding is unclassified or a finding is classified false.
#
# --probe builds with the manifest's cookies and storage keys left out, so that every write the analyzers see and
# resolve is reported as undeclared (CG0101, CG0103): the proof that a site classified "checked" really is checked.
set -uo pipefail
probe=false
if [ "${1:-}" = --probe ]; then probe=true; shift; fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here="$root/build/real-apps"
app=${1:?usage: evaluate.sh APP CHECKOUT}
checkout=$(cd "${2:?usage: evaluate.sh APP CHECKOUT}" && pwd) || exit 1
config="$here/$app"
[ -f "$config/app.env" ] || { echo "No build/real-apps/$app/app.env" >&2; exit 1; }
# app.env sets: COMMIT (the commit classified), BUILD (projects or solutions to build, relative to the checkout),
# PROJECTS (';'-separated names of the projects that get the package, or '*'); optionally OVERRIDES, package
# versions the package source does not serve, replaced by served ones ("Id=Version" words), and NO_WARN, NuGet
# warnings those replacements raise that the application treats as errors.
# shellcheck source=/dev/null
source "$config/app.env"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

actual=$(git -C "$checkout" rev-parse HEAD 2>/dev/null || echo unknown)
if [ "$actual" != "$COMMIT" ]; then
  echo "warning: $checkout is at $actual; the classification is for $COMMIT" >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feed="$work/feed"; logs="$work/sarif"; mkdir -p "$logs"
# A version of its own, so that no copy of the package cached by an earlier build can be restored instead.
version="0.1.0-evaluation.$(date +%s)"
echo "== Packing ConsentAnalyzers $version =="
if ! dotnet pack "$root/src/ConsentAnalyzers.Package/ConsentAnalyzers.Package.csproj" -c Release -o "$feed" \
    -p:Version="$version" -tl:off -nologo -v:q >"$work/pack.log" 2>&1; then
  cat "$work/pack.log"; exit 1
fi

overrides="$work/overrides.targets"
{
  echo '<Project><ItemGroup>'
  for override in ${OVERRIDES:-}; do
    echo "  <PackageReference Update=\"${override%%=*}\" Version=\"${override#*=}\" VersionOverride=\"${override#*=}\" />"
  done
  echo '</ItemGroup></Project>'
} >"$overrides"

manifest="$config/consent-manifest.json"
if $probe; then
  manifest="$work/consent-manifest.json"
  python3 - "$config/consent-manifest.json" "$manifest" <<'PY'
import json, re, sys
text = re.sub(r"^\s*//.*$", "", open(sys.argv[1], encoding="utf-8").read(), flags=re.M)
manifest = json.loads(text)
manifest["cookies"], manifest["storage"] = [], []
json.dump(manifest, open(sys.argv[2], "w", encoding="utf-8"), indent=2)
PY
fi

status=0
for target in "${BUILD[@]}"; do
  echo "== Building $target =="
  if ! dotnet build "$checkout/$target" -tl:off -nologo -v:m --no-incremental \
      -p:CustomAfterMicrosoftCommonTargets="$here/ConsentAnalyzers.Evaluation.targets" \
      -p:ConsentEvaluationProjects="${PROJECTS//;/%3B}" -p:ConsentEvaluationVersion="$version" \
      -p:ConsentEvaluationLogs="$logs" -p:ConsentManifestPath="$manifest" \
      -p:ConsentEvaluationOverridesFile="$overrides" -p:WarningsNotAsErrors="${NO_WARN:-}" -p:ConsentEvaluationNoWarn="${NO_WARN:-}" \
      -p:RestoreAdditionalProjectSources="$feed" >"$work/build.log" 2>&1; then
    grep -E ': error ' "$work/build.log" | sort -u | head -40
    echo "FAILED: $target"; status=1
  fi
done
[ -n "$(ls "$logs")" ] || { echo "No project got the package: check PROJECTS in app.env" >&2; exit 1; }

if $probe; then
  python3 "$here/report.py" --probe "$checkout" "$config/classification.tsv" "$logs"
else
  python3 "$here/report.py" "$checkout" "$config/classification.tsv" "$logs" || status=1
fi
exit $status

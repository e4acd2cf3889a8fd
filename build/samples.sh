#!/usr/bin/env bash
# The main job: build the samples with the analyzers and the generator, and show what they report.
#
#   1. samples/AIMusicGens.Web with ConsentAnalyzersStrict=true: a real app, which must build with no diagnostic.
#   2. the rule gallery, samples/RuleGallery: every rule of the catalog fires there exactly once. The projects whose
#      manifest is broken (ManifestSyntax, ManifestErrors) fail to build; that is expected and does not fail this script.
#   3. the script gallery, samples/RuleGallery/Scripts: every rule that applies to JavaScript fires there exactly once.
#
# Prints every ConsentAnalyzers diagnostic grouped by rule, as "CGxxxx  file(line,col): message" (paths relative to
# the repository), then a table of counts per rule. Exits 0 only if AIMusicGens.Web built, every rule fired exactly
# once in the gallery, every script rule exactly once in the script gallery, and none fired in AIMusicGens.Web.
# Usage: bash build/samples.sh   (from any directory)
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

rules=(CG0001 CG0002 CG0003 CG0004 CG0101 CG0102 CG0103 CG0104 CG0105 CG0106 CG0107 CG0108 CG0109 CG0110 CG0111 CG0201 CG0202 CG0203 CG0204 CG0205 CG0206 CG0207)
# The rules that apply to the site's JavaScript: each fires once in the script gallery, every other rule never. CG0109
# (a script that does not parse) applies to scripts only, so it does not fire in the C# gallery; nor does CG0207 (the
# order of the Google tag's setup), which reads script files and Razor markup, and the C# gallery has no Razor page.
script_rules=" CG0101 CG0102 CG0103 CG0104 CG0105 CG0108 CG0109 CG0110 CG0111 CG0201 CG0202 CG0203 CG0206 CG0207 "
script_only_rules=" CG0109 CG0207 "
app=samples/AIMusicGens.Web/AIMusicGens.Web.csproj
gallery=(
  samples/RuleGallery/RuleGallery.csproj
  samples/RuleGallery/NoManifest/NoManifest.csproj
  samples/RuleGallery/ManifestSyntax/ManifestSyntax.csproj
  samples/RuleGallery/ManifestErrors/ManifestErrors.csproj
)
# The gallery projects that must fail: their manifest errors are errors.
expected_to_fail=" samples/RuleGallery/ManifestSyntax/ManifestSyntax.csproj samples/RuleGallery/ManifestErrors/ManifestErrors.csproj "
# The script gallery: the rules that apply to JavaScript, in wwwroot/js.
script_gallery=samples/RuleGallery/Scripts/Scripts.csproj

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK (dotnet) is not on PATH; install the .NET 10 SDK." >&2
  exit 1
fi

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
status=0

# Classic console output (one line per diagnostic, with its project), whatever the terminal.
msbuild_args=(-tl:off -nologo)

# The analyzers first, incrementally. Each sample is then recompiled on its own (--no-incremental, without touching
# the analyzer projects): an up-to-date project is not compiled again, and would report nothing.
echo "== Building the analyzers =="
if ! dotnet build src/ConsentAnalyzers.CodeFixes/ConsentAnalyzers.CodeFixes.csproj "${msbuild_args[@]}" -v:q >"$logs/analyzers.log" 2>&1; then
  cat "$logs/analyzers.log"
  echo "The analyzers did not build."
  exit 1
fi

other_errors() { # the warnings and errors in a build log that are not ConsentAnalyzers diagnostics, once each
  grep -E ': (error|warning) ' "$1" | grep -vE ': (error|warning) CG[0-9]{4}: ' | sed -E 's/^ +//' | sort -u
}

build() { # build LOG PROJECT [ARGS...]: exit code of dotnet build; its output goes to LOG
  local log=$1 project=$2
  shift 2
  dotnet build "$project" "${msbuild_args[@]}" --no-incremental -p:BuildProjectReferences=false "$@" >"$log" 2>&1
}

echo "== $app (ConsentAnalyzersStrict=true) =="
build "$logs/app.log" "$app" -p:ConsentAnalyzersStrict=true
app_status=$?
if [ "$app_status" -eq 0 ]; then
  echo "built"
else
  echo "FAILED (exit code $app_status): its ConsentAnalyzers diagnostics are listed below; anything else follows here."
  other_errors "$logs/app.log"
  status=1
fi

echo "== samples/RuleGallery =="
for i in "${!gallery[@]}"; do
  project=${gallery[$i]}
  build "$logs/gallery$i.log" "$project"
  code=$?
  if [ "$code" -eq 0 ]; then
    echo "built:  $project"
  elif [[ $expected_to_fail == *" $project "* ]]; then
    echo "failed: $project (expected: its manifest errors are build errors)"
  else
    echo "FAILED: $project (exit code $code)"
    other_errors "$logs/gallery$i.log"
    status=1
  fi
done

echo "== $script_gallery =="
if build "$logs/scripts.log" "$script_gallery"; then
  echo "built"
else
  echo "FAILED: $script_gallery"
  other_errors "$logs/scripts.log"
  status=1
fi

# One diagnostic as "CGxxxx<TAB>location<TAB>message", from MSBuild's line
#   /abs/file.cs(12,5): warning CG0101: message (help link) [/abs/project.csproj]
# MSBuild prints each diagnostic twice (as it happens and in the summary): `sort -u` keeps one. A diagnostic with no
# file (CG0001) gets its project as location.
diagnostics() {
  sed -nE 's/^ *(.*): (error|warning|info) (CG[0-9]{4}): (.*) \[([^][]*)\]$/\3\t\1\t\4\t\5/p' "$@" |
    awk -F'\t' -v root="$root/" '
      function rel(path) { return index(path, root) == 1 ? substr(path, length(root) + 1) : path }
      {
        location = $2 ~ /\([0-9]+,[0-9]+(,[0-9]+,[0-9]+)?\)$/ ? rel($2) : rel($4)
        message = $3
        sub(/ \(https?:[^ ]*\/CG[0-9]+\.md\)$/, "", message)
        print $1 "\t" location "\t" message
      }' |
    sort -u
}
diagnostics "$logs/app.log" >"$logs/app.tsv"
diagnostics "$logs"/gallery*.log >"$logs/gallery.tsv"
diagnostics "$logs/scripts.log" >"$logs/scripts.tsv"

echo
echo "== ConsentAnalyzers diagnostics, by rule =="
sort -t$'\t' -k1,1 -k2,2V -s "$logs/gallery.tsv" "$logs/scripts.tsv" "$logs/app.tsv" | awk -F'\t' '
  $1 != previous && NR > 1 { print "" }
  { print $1 "  " $2 ": " $3; previous = $1 }'
[ -s "$logs/gallery.tsv" ] || [ -s "$logs/scripts.tsv" ] || [ -s "$logs/app.tsv" ] || echo "(none)"

count() { awk -F'\t' -v rule="$1" '$1 == rule { n++ } END { print n + 0 }' "$2"; }
echo
echo "== Summary: each rule fires once in the gallery (a script rule once in the script gallery) and never in AIMusicGens.Web =="
printf '%-8s  %7s  %7s  %15s  %s\n' "Rule" "Gallery" "Scripts" "AIMusicGens.Web" ""
for rule in "${rules[@]}"; do
  in_gallery=$(count "$rule" "$logs/gallery.tsv")
  in_scripts=$(count "$rule" "$logs/scripts.tsv")
  in_app=$(count "$rule" "$logs/app.tsv")
  want_gallery=1 want_scripts=0
  [[ $script_only_rules == *" $rule "* ]] && want_gallery=0
  [[ $script_rules == *" $rule "* ]] && want_scripts=1
  verdict=ok
  if [ "$in_gallery" -ne "$want_gallery" ] || [ "$in_scripts" -ne "$want_scripts" ] || [ "$in_app" -ne 0 ]; then
    verdict=FAIL
    status=1
  fi
  printf '%-8s  %7s  %7s  %15s  %s\n' "$rule" "$in_gallery" "$in_scripts" "$in_app" "$verdict"
done

# A rule ID outside the catalog would be a new rule nobody added to the gallery.
unknown=$(cut -f1 "$logs/gallery.tsv" "$logs/scripts.tsv" "$logs/app.tsv" | sort -u | grep -vxF -f <(printf '%s\n' "${rules[@]}"))
if [ -n "$unknown" ]; then
  echo "Rules not in the catalog: $(echo "$unknown" | tr '\n' ' ')"
  status=1
fi

echo
if [ "$status" -eq 0 ]; then
  echo "Samples OK: AIMusicGens.Web builds clean under ConsentAnalyzersStrict, every rule fires exactly once in the gallery" \
    "and every script rule exactly once in the script gallery."
else
  echo "Samples FAILED: see above."
fi
exit "$status"

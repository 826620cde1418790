#!/usr/bin/env bash
# Regenerate generated/agora_cr_generated from openapi/cloud_recording.yaml with a pinned
# openapi-python-client.  Usage:
#   ./codegen.sh           validate the spec and regenerate generated/ in place
#   ./codegen.sh --check   validate the spec, regenerate into a temporary directory and fail
#                          (printing the diff) when generated/ is stale
# Tools are installed into .codegen-venv (or $AGORA_CR_CODEGEN_VENV), never globally.
set -euo pipefail
cd "$(dirname "$0")"

spec=openapi/cloud_recording.yaml
config=codegen/config.yaml
reqs=codegen/requirements.txt
target=generated/agora_cr_generated
venv=${AGORA_CR_CODEGEN_VENV:-.codegen-venv}
case "$venv" in /*) ;; *) venv="$PWD/$venv" ;; esac
root=$PWD

mode=write
case "${1:-}" in
  "") ;;
  --check) mode=check ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

# (Re)create the tool venv when it is missing or the pinned requirements changed.
stamp="$venv/.requirements"
if [ ! -x "$venv/bin/openapi-python-client" ] || ! cmp -s "$reqs" "$stamp"; then
  echo "codegen: installing pinned tools into $venv" >&2
  python3 -m venv "$venv"
  if ! "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$reqs" >"$venv/install.log" 2>&1; then
    cat "$venv/install.log" >&2
    exit 1
  fi
  cp "$reqs" "$stamp"
fi

"$venv/bin/python" - "$spec" <<'PY'
import sys
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename
spec, _ = read_from_filename(sys.argv[1])
validate(spec)
print(f"codegen: {sys.argv[1]} is a valid OpenAPI document", file=sys.stderr)
PY

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/agora_cr_generated"

# Custom templates: ours (codegen/templates) each include the tool's own template of the same name,
# copied under base/ at generation time (never committed), and add to it.
templates="$work/templates"
mkdir -p "$templates/base"
cp codegen/templates/*.jinja "$templates/"
tool_templates=$("$venv/bin/python" -c 'import openapi_python_client, pathlib; print(pathlib.Path(openapi_python_client.__file__).parent / "templates")')
for name in codegen/templates/*.jinja; do
  cp "$tool_templates/$(basename "$name")" "$templates/base/"
done

(
  cd "$work"
  PATH="$venv/bin:$PATH" "$venv/bin/openapi-python-client" generate \
    --path "$root/$spec" --config "$root/$config" --meta none --output-path "$out" \
    --custom-template-path "$templates" >/dev/null
)

# The spec ships in JSON beside the generated client: the client loads it at run time (one json.loads
# instead of a YAML parse), and --check notices when it is stale like any generated file.
"$venv/bin/python" - "$spec" "$out/openapi.json" <<'PY'
import json
import sys

import yaml

with open(sys.argv[1], encoding="utf-8") as source:
    document = yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
with open(sys.argv[2], "w", encoding="utf-8") as target:
    json.dump(document, target, ensure_ascii=False, separators=(",", ":"))
    target.write("\n")
PY

# PEP 561: the generated models are typed, for the type checkers of code that imports them.
: >"$out/py.typed"

if [ "$mode" = check ]; then
  if diff -ru -x __pycache__ "$target" "$out" >"$work/diff"; then
    echo "codegen: generated/ is up to date" >&2
  else
    sed "s#$work/##" "$work/diff"
    echo "codegen: generated/ is stale; run ./codegen.sh and commit the result" >&2
    exit 1
  fi
else
  rm -rf "$target"
  mkdir -p "$(dirname "$target")"
  cp -r "$out" "$target"
  echo "codegen: regenerated $target" >&2
  # The README's editable install (editable_mode=strict, so type checkers see the package) links each
  # file: link the new ones too.
  if ls build/__editable__.agora_cr-* >/dev/null 2>&1 && [ -x .venv/bin/python ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation \
      -e . --config-settings editable_mode=strict 2>&1 | grep -v '^WARNING: Location' || true
    echo "codegen: refreshed the editable install's links (.venv)" >&2
  fi
fi

#!/usr/bin/env bash
# Mutation testing of the security- and correctness-critical modules (bench/README.md, 变异测试).
#   bash bench/mutation.sh                      every mutant of the modules in pyproject.toml [tool.mutmut]
#   bash bench/mutation.sh 'renda_site.input.privacy*'   the mutants of one module (mutmut's name globs)
# Prints mutmut's summary and the surviving mutants; `cd .mutation && ../.venv/bin/mutmut show NAME` shows
# one. The work folder .mutation/ is ignored by git and made anew on each run (mutmut caches results in it:
# MUTATION_KEEP=1 keeps it, to go on after an interruption).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
venv=${VENV:-$root/.venv}
# mutmut and its dependencies are not in requirements-dev.txt: CI and the test command do not need them.
"$venv/bin/pip" install -q -r "$root/requirements-mutation.txt"
work=$root/.mutation
if [ "${MUTATION_KEEP:-0}" != 1 ]; then
  rm -rf "$work"
fi
mkdir -p "$work"
# mutmut names a module after its path below src/: src is a link to hooks/, so hooks/renda_site/x.py is
# mutated as renda_site.x, the name the tests import. The tests and the demo are copied into mutants/.
for part in pyproject.toml tests data docs overrides mkdocs.yml deploy bench schemas guide README.md; do
  ln -sfn "$root/$part" "$work/$part"
done
ln -sfn "$root/hooks" "$work/src"
# By default every mutant of the modules listed in pyproject.toml, but of the article kind only the
# withholding of drafts and scheduled articles (the rest of that module is page layout).
if [ $# -eq 0 ]; then
  set -- 'renda_site.input.privacy.*' 'renda_site.safe_html.*' 'renda_site.input.svgcheck.*' \
    'renda_site.build.staging.*' 'renda_site.publish.published.*' 'renda_site.address.*' 'renda_site.clock.*' \
    'renda_site.kinds.articles.*withheld__mutmut_*' 'renda_site.kinds.suggestions.figures.*' \
    'renda_site.publish.search_words.*' 'renda_site.editors.importer.cleanup.*'
fi
cd "$work"
"$venv/bin/mutmut" run "$@" || true
"$venv/bin/python" "$root/bench/mutation_table.py" "$@"

"""The kill rate of the last `bash bench/mutation.sh` run, one row per module, and the surviving mutants.

Run by bench/mutation.sh in .mutation/ (it reads mutmut's result files there). Arguments: the mutant name
globs the run was given, if any (the table then counts only those mutants).
    killed: a test failed (or timed out) with the mutant; survived: every test that reaches the mutated
    function passed; no tests: no selected test reaches the function (counted apart, not as killed).
    kill rate: killed ÷ (killed + survived); of all: killed ÷ every mutant, "no tests" included.
"""
from __future__ import annotations

import fnmatch
import sys
from collections import Counter, defaultdict

from mutmut.mutation.data import SourceFileMutationData
from mutmut.stats import status_by_exit_code
from mutmut.utils.file_utils import walk_mutatable_files

KILLED = {"killed", "timeout", "segfault", "caught by type check"}


def main(globs: list[str]) -> int:
    by_module: dict[str, Counter] = defaultdict(Counter)
    survivors: list[str] = []
    for path in walk_mutatable_files():
        data = SourceFileMutationData(path=path)
        data.load()
        module = str(path)[len("src/"):-len(".py")].replace("/", ".")
        for name, code in data.exit_code_by_key.items():
            if globs and not any(fnmatch.fnmatch(name, g) for g in globs):
                continue
            status = status_by_exit_code[code]
            by_module[module]["killed" if status in KILLED else status] += 1
            if status == "survived":
                survivors.append(name)
    print(f"{'module':45} {'mutants':>8} {'killed':>7} {'survived':>9} {'no tests':>9} {'other':>6} {'kill rate':>10}"
          f" {'of all':>7}")
    total: Counter = Counter()
    for module, counts in sorted(by_module.items()):
        total.update(counts)
        print(_row(module, counts))
    print(_row("all", total))
    print("\nsurvived:")
    print("\n".join(f"  {name}" for name in sorted(survivors)) or "  (none)")
    return 0


def _row(module: str, counts: Counter) -> str:
    mutants = sum(counts.values())
    other = mutants - counts["killed"] - counts["survived"] - counts["no tests"]
    tested = counts["killed"] + counts["survived"]
    rate = f"{counts['killed'] * 100 / tested:.1f}%" if tested else "—"
    of_all = f"{counts['killed'] * 100 / mutants:.1f}%" if mutants else "—"
    return (f"{module:45} {mutants:>8} {counts['killed']:>7} {counts['survived']:>9} {counts['no tests']:>9} "
            f"{other:>6} {rate:>10} {of_all:>7}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

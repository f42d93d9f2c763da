"""Problems found in the content, in one shape: `file:line 错误 字段 field：message`."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

SHOW_ALL = "运行 bash dev.sh check --all 列出每一处。"


@dataclass(frozen=True)
class Problem:
    path: str                 # relative to the project root, e.g. data/terms.yaml
    line: int | None
    field: str | None         # field path as editors read it, e.g. memberships 第1项 term
    message: str              # Chinese, says what is wrong and what is expected
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        kind = "警告" if self.warning else "错误"
        what = f" 字段 {self.field}：" if self.field else " "
        return f"{where} {kind}{what}{self.message}"

    @property
    def sort_key(self) -> tuple:
        # A problem without a line (a missing file) sorts first in its file; None cannot be compared with int.
        return (self.path, self.line or 0, self.field or "", self.message)


@dataclass
class Problems:
    """Collects every problem of a run so editors see them all at once."""

    items: list[Problem] = field(default_factory=list)

    def error(self, path: str, line: int | None, field_: str | None, message: str) -> None:
        self.items.append(Problem(path, line, field_, message))

    def warn(self, path: str, line: int | None, field_: str | None, message: str) -> None:
        self.items.append(Problem(path, line, field_, message, warning=True))

    def _sorted(self, warning: bool) -> list[Problem]:
        # The same finding can be reached twice (e.g. a value checked by two rules on one line): show it once.
        unique = {p: None for p in self.items if p.warning == warning}
        return sorted(unique, key=lambda p: p.sort_key)

    @property
    def errors(self) -> list[Problem]:
        """Sorted by file, then line, so editors can work through a file from top to bottom."""
        return self._sorted(False)

    @property
    def warnings(self) -> list[Problem]:
        return self._sorted(True)

    def lines(self, every: bool = False) -> list[str]:
        """Every error, then the warnings; warnings of one kind that repeat (a whole folder of deputies
        without a photo) are one line with the count and the first places, unless `every`."""
        warnings = [str(p) for p in self.warnings] if every else collapse(self.warnings)
        return [str(p) for p in self.errors] + warnings

    def report(self) -> str:
        lines = [str(p) for p in self.errors + self.warnings]
        lines.append(f"共 {len(self.errors)} 个错误，{len(self.warnings)} 个警告。")
        return "\n".join(lines)


def _kind(problem: Problem) -> tuple:
    """Problems of one kind: the same field (whatever list item) and message (whatever value it quotes)."""
    field_ = re.sub(r"第\d+项", "第N项", problem.field or "")
    return problem.warning, field_, re.sub(r"「[^」]*」", "「」", problem.message)


def collapse(problems: list[Problem], shown: int = 3, least: int = 4) -> list[str]:
    """One line per kind of problem that occurs `least` times or more, where its first one stands:
    the first in full, then the count and the next places."""
    groups: dict[tuple, list[Problem]] = {}
    for problem in problems:
        groups.setdefault(_kind(problem), []).append(problem)
    out = []
    for problem in problems:
        group = groups[_kind(problem)]
        if len(group) < least:
            out.append(str(problem))
        elif group[0] is problem:
            places = "、".join(f"{p.path}:{p.line}" if p.line else p.path for p in group[1:shown + 1])
            out.append(f"{problem}（同类{'警告' if problem.warning else '错误'}共 {len(group)} 处，"
                       f"另有 {places} 等；{SHOW_ALL[:-1]}）")
    return out


class ContentError(Exception):
    """Raised when the content has errors; the site must not be built."""

    def __init__(self, problems: Problems):
        self.problems = problems
        super().__init__(problems.report())

"""Problems found in the content, in one shape: `file:line 错误 字段 field：message`."""
from __future__ import annotations

from dataclasses import dataclass, field


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

    def report(self) -> str:
        lines = [str(p) for p in self.errors + self.warnings]
        lines.append(f"共 {len(self.errors)} 个错误，{len(self.warnings)} 个警告。")
        return "\n".join(lines)


class ContentError(Exception):
    """Raised when the content has errors; the site must not be built."""

    def __init__(self, problems: Problems):
        self.problems = problems
        super().__init__(problems.report())

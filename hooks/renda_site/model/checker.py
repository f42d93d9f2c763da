"""Check step: what types cannot say — references between records, dates that contradict each other, ids
that must match file names. The rules every kind shares run here; each kind adds its own in its `check`.
Every finding is located at the line of the offending field.
"""
from __future__ import annotations

import dataclasses
import datetime
import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from ..input.load import Loaded
from ..input.messages import ID_FORMAT, field_path
from ..input.privacy import check_privacy
from ..input.yamlload import line_of
from ..problems import Problems
from ..safe_markdown import unsafe_targets
from .relations import PAGES, Ref

if TYPE_CHECKING:
    from .kind import RecordKind
    from .records import SiteConfig


class Checker:
    def __init__(self, loaded: Loaded, kinds: Iterable[RecordKind], problems: Problems, today: datetime.date) -> None:
        self.loaded = loaded
        self.kinds = {kind.name: kind for kind in kinds}
        self.problems = problems
        self.today = today
        self._by_key = {name: {kind.key(r): r for r in loaded.of(name)} for name, kind in self.kinds.items()}
        self._refs: dict[tuple[str, str], list[Ref]] = defaultdict(list)
        self._all_refs: list[Ref] = []
        self._withheld: dict[str, str] | None = None
        for name, kind in self.kinds.items():
            for relation in kind.relations:
                for record in loaded.of(name):
                    for target, loc, holder, detail in relation.refs(record):
                        ref = Ref(relation, name, record, target, loc, detail, holder)
                        self._refs[(relation.target, target)].append(ref)
                        self._all_refs.append(ref)

    # lookups for the kinds' own checks
    def records(self, kind: str) -> list[Any]:
        return self.loaded.of(kind)

    def get(self, kind: str, key: str | None) -> Any:
        return self._by_key.get(kind, {}).get(key) if key is not None else None

    def refs_to(self, kind: str, key: str, relation: str | None = None) -> list[Ref]:
        refs = self._refs.get((kind, key), [])
        return [r for r in refs if r.relation.name == relation] if relation else refs

    def refs_may_be_missing(self, kind: str, relation: str) -> bool:
        """Whether a file that could hold a `relation` reference to a record of `kind` could not be read
        (then "nothing refers to it" is no finding: the reference may be in that file)."""
        folders = [source.path for other in self.kinds.values() for rel in other.relations
                   if rel.target == kind and rel.name == relation for source in other.sources]
        return any(failed.startswith(folder) for failed in self.loaded.failed for folder in folders)

    def refs_from(self, kind: str, relation: str) -> list[Ref]:
        """Every reference of `kind`'s records through the relation named `relation`, in record order."""
        return [r for r in self._all_refs if r.kind == kind and r.relation.name == relation]

    def serving(self, kind: str, key: str, term: str, day: datetime.date | None = None) -> tuple[str, ...] | None:
        """The roles record `key` of `kind` holds in `term` on `day`, None when it does not serve then
        (see RecordKind.serving); None too when the record does not exist (its reference is reported)."""
        record = self.get(kind, key)
        return self.kinds[kind].serving(record, term, day) if record is not None else None

    # reporting
    def error(self, record: Any, loc: tuple[Any, ...], message: str, warning: bool = False) -> None:
        source = record.origin
        field = field_path(source.loc + loc) or None
        report = self.problems.warn if warning else self.problems.error
        report(source.path, line_of(source.raw, loc), field, message)

    def missing(self, kind: str, key: str) -> bool:
        """A reference to nothing. When the file that should hold the target could not be read, its own
        error is already reported: saying the reference dangles too would only add noise."""
        return self.get(kind, key) is None and self.kinds[kind].file_of(key) not in self.loaded.failed

    def withheld_pages(self) -> dict[str, str]:
        """Pages not published today (drafts, scheduled articles), with the reason: see RecordKind.withheld."""
        if self._withheld is None:
            self._withheld = {page: reason for kind in self.kinds.values() for r in self.loaded.of(kind.name)
                              if (reason := kind.withheld(r, self.today)) and (page := kind.page(r))}
        return self._withheld

    def docs_file(
        self, record: Any, loc: tuple[Any, ...], path: str, what: str, suffixes: tuple[str, ...] = ()
    ) -> bool:
        if path not in self.loaded.docs_files:
            self.error(record, loc, f"{what}「{path}」不存在（路径相对于 docs/ 文件夹）")
            return False
        if path in self.withheld_pages():
            self.error(record, loc, f"{what}「{path}」是{self.withheld_pages()[path]}：引用它的链接会失效。"
                                    "请等它发布后再引用")
            return False
        if suffixes and not path.lower().endswith(suffixes):
            self.error(record, loc, f"{what}「{path}」的文件类型应为 {' / '.join(suffixes)}")
            return False
        return True

    def markdown(self, record: Any, loc: tuple[Any, ...], text: str | None) -> None:
        for target in unsafe_targets(text or ""):
            self.error(record, loc, f"链接「{target[:40]}」不安全：只允许 http、https、mailto 链接或站内相对链接；"
                                    "图片必须是本站 docs/ 中的文件（不能引用其他网站的图片）")

    # the shared rules
    def run(self, config: SiteConfig | None) -> None:
        for name, kind in self.kinds.items():
            self.unique_ids(kind, self.loaded.of(name))
        self.references()
        self.names_written_for_ids()
        for kind in self.kinds.values():
            kind.check(self)
        if config is not None:
            self.config(config)
        check_privacy(self.loaded, self.problems)

    def config(self, config: SiteConfig) -> None:
        """data/site.yaml: the introduction's links, the home page's blocks (a section, the introduction
        `intro` or the 图片新闻 `photos`) and 专题 links."""
        self.markdown(config, ("intro",), config.intro)
        known = {"intro", "photos"} | {folder for kind in self.kinds.values() for folder, _ in kind.sections(config)}
        for index, block in enumerate(config.home.blocks or []):
            if block not in known:
                self.error(
                    config, ("home", "blocks", index), f"首页板块「{block}」不存在。可用：{'、'.join(sorted(known))}"
                )
        for index, topic in enumerate(config.home.topics):      # the model admits http(s) or a .md path
            if not topic.url.startswith(("http://", "https://")):
                self.docs_file(config, ("home", "topics", index, "url"), topic.url, "专题页面", (".md",))
        self.column_types(config)

    def column_types(self, config: SiteConfig) -> None:
        """Every column's type is one of inspection.limits: the 网站体检 checks it against that limit."""
        types = [limit.type for limit in config.inspection.limits]
        choices = "、".join(types)
        for index, column in enumerate(config.columns):
            if column.type not in types:
                self.error(
                    config,
                    ("columns", index, "type"),
                    f"栏目类型「{column.type}」不在 inspection.limits 中。可用：{choices}",
                )
        for index, section in enumerate(config.inspection.sections):
            if section.type not in types:
                self.error(config, ("inspection", "sections", index, "type"),
                           f"栏目类型「{section.type}」不在 inspection.limits 中。可用：{choices}")

    def unique_ids(self, kind: RecordKind, records: list[Any]) -> None:
        if not getattr(kind, "unique_ids", True):
            return
        counts = Counter(kind.key(r) for r in records)
        for record in records:
            if counts[kind.key(record)] > 1:
                self.error(record, ("id",), f"{kind.label}编号「{kind.key(record)}」重复，编号必须唯一")
        if kind.id_matches_file:
            for record in records:
                stem = PurePosixPath(record.origin.path).stem
                if stem != kind.key(record):
                    self.error(record, ("id",), f"{kind.label}编号「{kind.key(record)}」与文件名「{stem}」不一致")

    def references(self) -> None:
        for ref in self._all_refs:
            relation = ref.relation
            if not relation.check or relation.target == PAGES:
                continue
            if self.missing(relation.target, ref.target):
                where = self.kinds[relation.target].sources[0]
                folder = where.path + ("/" if where.shape == "files" else "")
                self.error(ref.source, ref.loc, f"{relation.label}「{ref.target}」不存在于 {folder}"
                                                + self.suggestion(relation.target, ref.target))

    def names_written_for_ids(self) -> None:
        """An editor who writes a person's name where an id belongs (presiding: [周明远]) gets the id format
        error from the loader; when exactly one record of the site goes by that name, say which id it is."""
        wrong = [(index, problem) for index, problem in enumerate(self.problems.items)
                 if problem.message.startswith(ID_FORMAT + "「")]
        if not wrong:
            return
        named: dict[str, set[tuple[str, str]]] = {}
        for kind in self.kinds.values():
            for key, record in self._by_key.get(kind.name, {}).items():
                names = tuple(kind.names(record))
                for name in names:
                    named.setdefault(name, set()).add((key, names[0]))
        for index, problem in wrong:
            written = problem.message[len(ID_FORMAT) + 1:].split("」", 1)[0]
            found = named.get(written.strip(), set())
            if len(found) == 1:
                key, name = next(iter(found))
                self.problems.items[index] = dataclasses.replace(
                    problem, message=f"{problem.message}。这里应写编号而不是姓名：是否应为 {key}（{name}）？")

    def suggestion(self, kind: str, wrong: str) -> str:
        """「。是否应为 d0001（周明远）？」: the one record a mistyped id most likely means (d001, d00001 and
        d0001 have the same digits; else the single closest id); empty when none or several are as close."""
        records = self._by_key.get(kind, {})
        same_digits = [key for key in records if _digits_folded(key) == _digits_folded(str(wrong))]
        if len(same_digits) == 1:
            key = same_digits[0]
        else:
            scored = sorted(((difflib.SequenceMatcher(None, str(wrong), key).ratio(), key) for key in records),
                            reverse=True)
            if not scored or scored[0][0] < 0.75 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
                return ""
            key = scored[0][1]
        name = getattr(records[key], "name", None) or getattr(records[key], "title", None)
        return f"。是否应为 {key}（{name}）？" if name and name != key else f"。是否应为 {key}？"


def _digits_folded(key: str) -> str:
    """An id with each run of digits written without leading zeros: d001 and d0001 both give d1."""
    return re.sub(r"\d+", lambda digits: str(int(digits.group())), key)

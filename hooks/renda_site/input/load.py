"""Load step: read every data file and every page's front matter into typed records.

The record kinds say which files hold what (their `DataSource`s) and which model each record follows;
nothing here knows a kind or looks across records (that is the job of the checks). Problems are
collected, not raised, so one run reports every mistake.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from ..problems import Problems
from .alttext import MESSAGE as ALT_MESSAGE, images_without_alt
from .messages import validate
from .sources import DataSource, Source
from .yamlload import LocatedDict, LocatedList, describe_syntax_error, load_yaml

# Records and articles read by this process, by absolute path:
# ((mtime_ns, size, root, depends), result, parsed YAML documents of the file).
# See Loader.cached.
_UNCHANGED: dict[Path, tuple[tuple, Any, list]] = {}
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(\r?\n|\Z)", re.S)


@dataclass
class Article:
    """A Markdown page in docs/ with its front matter."""

    src_uri: str                  # relative to docs/, with forward slashes
    meta: Any                     # the front matter (the source's model), None when the page has none
    path: str                     # relative to the project root, for messages
    text: str = ""                # the Markdown after the front matter (whom it names is found in it)


@dataclass
class Loaded:
    """Everything read from data/ and docs/, before any check across records."""

    records: dict[str, list] = field(default_factory=dict)   # kind name -> records, in file order
    docs_files: set[str] = field(default_factory=set)   # every file under docs/, relative
    documents: list[tuple[str, object]] = field(default_factory=list)  # (file, parsed YAML) of every file read
    failed: set[str] = field(default_factory=set)   # files not (fully) read: references into them are not checked

    def of(self, kind: str) -> list:
        return self.records.get(kind, [])

    def one(self, kind: str):
        """The record of a single-record file (data/site.yaml), or None when it could not be read."""
        records = self.records.get(kind)
        return records[0] if records else None


class Loader:
    def __init__(self, root: Path, problems: Problems):
        self.root = root
        self.problems = problems
        self.documents: list[tuple[str, object]] = []
        self.failed: set[str] = set()     # files with a record that could not be read

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def parse(self, path: Path, text: str | None = None, line_offset: int = 0):
        """Parse a YAML file (or front matter text); a syntax error becomes a located problem."""
        try:
            if text is None:
                text = path.read_text(encoding="utf-8")
            raw = load_yaml(text)
            self.documents.append((self.rel(path), raw))   # every value is scanned for private data
            return raw
        except UnicodeDecodeError as exc:
            self.not_utf8(path, exc)
        except yaml.YAMLError as exc:
            self.failed.add(self.rel(path))
            line, key, message = describe_syntax_error(exc, text or "", line_offset)
            self.problems.error(self.rel(path), line, key or "（整个文件）", message)
        return None

    def not_utf8(self, path: Path, exc: UnicodeDecodeError) -> None:
        self.failed.add(self.rel(path))
        line = exc.object[:exc.start].count(b"\n") + 1
        self.problems.error(self.rel(path), line, "（整个文件）",
                            "文件不是 UTF-8 编码（常见于用记事本或 WPS 另存的文件），请另存为 UTF-8")

    def record(self, model, raw, path: Path, prefix: tuple = ()):
        rel = self.rel(path)
        if isinstance(raw, LocatedDict):
            for key, line in raw.duplicate_keys:
                self.problems.error(rel, line, str(key), "字段重复出现，后一个会覆盖前一个")
        record = validate(model, raw, rel, self.problems, prefix)
        if record is None:
            self.failed.add(rel)
        else:
            record._source = Source(rel, raw, prefix)
        return record

    def record_list(self, model, path: Path) -> list:
        if not path.is_file():
            self.problems.error(self.rel(path), None, "（整个文件）", "缺少此数据文件")
            return []
        raw = self.parse(path)
        if raw is None:
            return []
        if not isinstance(raw, LocatedList):
            self.problems.error(self.rel(path), 1, "（整个文件）", "文件内容应为列表，每项以「- 」开头")
            return []
        out = []
        for index, item in enumerate(raw):
            record = self.record(model, item, path, (index,))
            if record is not None:
                out.append(record)
        return out

    def cached(self, path: Path, load: Callable[[], Any], depends: object = None) -> Any:
        """`load()` for a file that changed since this process last read it; the stored result otherwise.

        `mkdocs serve` reruns the generator on every save: with this, a large site re-reads one
        file instead of all of them. Only a result that added no problem is stored, so a file with a
        mistake is read (and reported) again every time; checks across records always rerun."""
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size, self.root, depends)   # depends: what else the result uses
        entry = _UNCHANGED.get(path)
        if entry is not None and entry[0] == stamp:
            # The parsed YAML goes back into `documents` too: the privacy scan in check reads every
            # document on every run, so a cached file must not drop out of it.
            self.documents.extend(entry[2])
            return entry[1]
        before, parsed = len(self.problems.items), len(self.documents)
        result = load()
        if len(self.problems.items) == before:
            _UNCHANGED[path] = (stamp, result, self.documents[parsed:])
        return result

    def record_file(self, model, path: Path):
        raw = self.parse(path)
        if raw is None:
            return None
        if not isinstance(raw, LocatedDict):
            self.problems.error(self.rel(path), 1, "（整个文件）", "文件内容应为「字段: 值」形式的映射")
            return None
        return self.record(model, raw, path)

    def record_files(self, model, folder: Path) -> list:
        out = []
        for path in sorted(folder.rglob("*.yaml"), key=_parts) if folder.is_dir() else []:
            record = self.cached(path, lambda: self.record_file(model, path), model)
            if record is not None:
                out.append(record)
        for path in sorted(folder.rglob("*.yml"), key=_parts) if folder.is_dir() else []:
            self.problems.error(self.rel(path), None, "（整个文件）", "数据文件的扩展名应为 .yaml（不能用 .yml），否则不会被读取")
        return out

    def article(self, model, path: Path, docs: Path) -> Article | None:
        """A page's front matter as `model`; a page without front matter gives an Article with no meta
        (the articles kind says whether it needs one: column articles do)."""
        src_uri = path.relative_to(docs).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            self.not_utf8(path, exc)
            return None
        for line in images_without_alt(text):       # every page, with or without front matter
            self.problems.error(self.rel(path), line, None, ALT_MESSAGE)
        match = FRONT_MATTER.match(text)
        if not match:
            return Article(src_uri, None, self.rel(path))
        raw = self.parse(path, match.group(1) or "", line_offset=1)
        if raw is None:
            return None
        if not isinstance(raw, LocatedDict):
            self.problems.error(self.rel(path), 2, "（元数据）", "元数据应为「字段: 值」形式的映射")
            return None
        _shift_lines(raw, 1)
        meta = self.record(model, raw, path)
        return Article(src_uri, meta, self.rel(path), text[match.end():]) if meta is not None else None

    def pages(self, model, docs: Path, loaded: "Loaded") -> list[Article]:
        articles = []
        for path in sorted(docs.rglob("*"), key=_parts):
            if not path.is_file():
                continue
            loaded.docs_files.add(path.relative_to(docs).as_posix())
            if path.suffix == ".md":
                article = self.cached(path, lambda: self.article(model, path, docs))
                if article is not None:
                    articles.append(article)
        return articles


def _parts(path: Path) -> tuple:
    """Sort key giving Path's own order; comparing Path objects directly is slow enough to show in `check` on large sites."""
    return path.parts


def _shift_lines(node, offset: int) -> None:
    """Front matter starts on line 2 of the file; move the recorded lines to file lines."""
    if isinstance(node, LocatedDict):
        node.line += offset
        node.key_lines = {k: v + offset for k, v in node.key_lines.items()}
        node.duplicate_keys = [(k, v + offset) for k, v in node.duplicate_keys]
        for value in node.values():
            _shift_lines(value, offset)
    elif isinstance(node, LocatedList):
        node.line += offset
        node.item_lines = [v + offset for v in node.item_lines]
        for value in node:
            _shift_lines(value, offset)


def load_data(root: Path, sources: list[DataSource], problems: Problems) -> Loaded:
    """Read every file the sources declare, below `root`."""
    loader = Loader(root, problems)
    loaded = Loaded()
    for source in sources:
        path = root / source.path
        records = loaded.records.setdefault(source.kind, [])
        if source.shape == "pages":
            records += loader.pages(source.model, path, loaded)
        elif source.shape == "files":
            records += loader.record_files(source.model, path)
        elif not path.is_file():
            if source.required:
                problems.error(source.path, None, "（整个文件）", source.missing)
        elif source.shape == "list":
            records += loader.record_list(source.model, path)
        else:
            raw = loader.parse(path)
            record = loader.record(source.model, raw, path) if raw is not None else None
            records += [record] if record is not None else []
    loaded.documents, loaded.failed = loader.documents, loader.failed
    return loaded

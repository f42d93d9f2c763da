"""Load step: read every data file and every page's front matter into typed records.

The record kinds say which files hold what (their `DataSource`s) and which model each record follows;
nothing here knows a kind or looks across records (that is the job of the checks). Problems are
collected, not raised, so one run reports every mistake.
"""
from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from stat import S_ISLNK
from typing import Any

import yaml

from ..problems import Problems
from .alttext import MESSAGE as ALT_MESSAGE, images_without_alt
from .attachments import Refused, Unreadable, read as read_attachment
from .docs_files import docs_files, hidden, relative
from .filetypes import audio_text, file_type, refusal, signature_problem, video_problem
from .messages import validate
from .pictures import check_picture
from .privacy import TextFile, reader_text
from .settings import SETTINGS_FILE, load_settings
from .sources import DataSource, Source
from .svgcheck import svg_problems
from .yamlload import LocatedDict, LocatedList, describe_syntax_error, load_yaml

# Records and articles read by this process, by absolute path:
# ((mtime_ns, size, root, depends), result, parsed YAML documents of the file).
# See Loader.cached.
_UNCHANGED: dict[Path, tuple[tuple, Any, list]] = {}
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(\r?\n|\Z)", re.S)
EMPTY_FILE = "文件是空的（或只有注释）：请填写内容，不需要的文件请删除"
SYMLINK = "不能使用符号链接（快捷方式）：它可能把仓库或电脑上的其他文件发布出去。请删除链接，把文件本身复制到这里"
MAX_FILE = 10 * 1024 * 1024                 # a page or data file; attachments are not read whole
# Larger limits for the kinds of files that are large by nature (read in parts, or only their headers).
MAX_BY_KIND = {"picture": 50 * 1024 * 1024, "document": 100 * 1024 * 1024, "pdf": 100 * 1024 * 1024,
               "video": 500 * 1024 * 1024, "audio": 100 * 1024 * 1024}
THEME_TEXT = (".html", ".txt", ".css", ".js", ".xml", ".json", ".svg")
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass
class Article:
    """A Markdown page in docs/ with its front matter."""

    src_uri: str                  # relative to docs/, with forward slashes
    meta: Any                     # the front matter (the source's model), None when the page has none
    path: str                     # relative to the project root, for messages
    lead: str = ""                # the first paragraph of the body, as plain text (for a 头条 or a summary)
    image: tuple[str, str] | None = None   # the first image of the body: (its path as written, its alt text)
    body: str = ""                # the Markdown after the front matter (checked for HTML and links)
    body_line: int = 1            # the file line the body starts on


@dataclass
class Loaded:
    """Everything read from data/ and docs/, before any check across records."""

    records: dict[str, list] = field(default_factory=dict)   # kind name -> records, in file order
    docs_files: set[str] = field(default_factory=set)   # every file under docs/, relative
    documents: list[tuple[str, object]] = field(default_factory=list)  # (file, parsed YAML) of every file read
    failed: set[str] = field(default_factory=set)   # files not (fully) read: references into them are not checked
    today: datetime.date | None = None      # the Beijing date the content was checked for (drafts, scheduling)
    templates: set[str] = field(default_factory=set)   # page templates of the theme (overrides/*.html)

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
        self._refused: set[Path] = set()
        self._stats: dict[Path, os.stat_result] = {}    # files looked at by refused(), for cached()

    def rel(self, path: Path) -> str:
        return relative(path, self.root)

    def parse(self, path: Path, text: str | None = None, empty: str | None = EMPTY_FILE):
        """Parse a YAML file (or front matter text); a syntax error becomes a located problem, and so
        does an empty document (`empty`: the message, None where nothing at all is fine)."""
        try:
            if text is None:
                if self.refused(path):
                    return None
                text = read_text(path)
            raw = load_yaml(text)
            if raw is None and empty is not None:
                self.failed.add(self.rel(path))
                self.problems.error(self.rel(path), 1, "（整个文件）", empty)
                return None
            self.documents.append((self.rel(path), raw))   # every value is scanned for private data
            return raw
        except UnicodeDecodeError as exc:
            self.not_utf8(path, exc)
        except yaml.YAMLError as exc:
            self.failed.add(self.rel(path))
            line, key, message = describe_syntax_error(exc, text or "")
            self.problems.error(self.rel(path), line, key or "（整个文件）", message)
        return None

    def refused(self, path: Path, limit: int = MAX_FILE) -> bool:
        """A symlink (it could publish any file of the machine: ../.git/config, /etc/passwd) or a file
        too large to be a real data file or page: reported once, and not read."""
        if path in self._refused:
            return True
        # A file inside a linked folder is never reached: docs_files() does not enter linked folders, and
        # neither does rglob() in a data folder; the folders themselves are looked at in load_data().
        # One lstat tells both: a link, and otherwise the file's own size.
        stat = os.lstat(path)
        if S_ISLNK(stat.st_mode):
            self._refused.add(path)
            self.failed.add(self.rel(path))
            self.problems.error(self.rel(path), None, "（整个文件）", SYMLINK)
            return True
        if stat.st_size > limit:
            self._refused.add(path)
            self.failed.add(self.rel(path))
            self.problems.error(
                self.rel(path),
                None,
                "（整个文件）",
                f"文件过大（超过 {limit // 1024 // 1024} MB），请检查是否存错了文件",
            )
            return True
        self._stats[path] = stat
        return False

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
        stat = self._stats.pop(path, None) or path.stat()
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
            if any(hidden(part) for part in relative(path, folder).split("/")) or self.refused(path):
                continue                 # a hidden file (an editor's backup or lock file) is no record
            record = self.cached(path, partial(self.record_file, model, path), model)
            if record is not None:
                out.append(record)
        for path in sorted(folder.rglob("*.yml"), key=_parts) if folder.is_dir() else []:
            self.problems.error(
                self.rel(path), None, "（整个文件）", "数据文件的扩展名应为 .yaml（不能用 .yml），否则不会被读取"
            )
        return out

    def article(self, model, path: Path, docs: Path) -> Article | None:
        """A page's front matter as `model`; a page without front matter gives an Article with no meta
        (the articles kind says whether it needs one: column articles do)."""
        src_uri = relative(path, docs)
        text = self.text(path)
        if text is None:
            return None
        match = FRONT_MATTER.match(text)
        body, body_line = (text[match.end():], text[:match.end()].count("\n") + 1) if match else (text, 1)
        # Images of the body of every page, with or without front matter (front-matter values are text).
        for line in images_without_alt(body):
            self.problems.error(self.rel(path), body_line - 1 + line, None, ALT_MESSAGE)
        # The body is scanned as written (a number in a comment is still in the published page) and as a
        # reader sees it (markup, comments and references between its digits gone).
        self.documents.append((self.rel(path), TextFile(body, body_line)))
        read = reader_text(body)
        if read != body:          # the same text again would only find the same numbers again
            self.documents.append((self.rel(path), TextFile(read, body_line)))
        if not match:
            return Article(src_uri, None, self.rel(path), body=text)
        # The front matter starts on the file's second line: an empty line in front gives file lines.
        raw = self.parse(path, "\n" + (match.group(1) or ""),
                         empty="元数据块（两行 --- 之间）是空的：请写上 title 等字段，或删除这两行")
        if raw is None:
            return None
        if not isinstance(raw, LocatedDict):
            self.problems.error(self.rel(path), 2, "（元数据）", "元数据应为「字段: 值」形式的映射")
            return None
        meta = self.record(model, raw, path)
        if meta is None:
            return None
        return Article(src_uri, meta, self.rel(path), *lead_of(body), body=body, body_line=body_line)

    def text(self, path: Path) -> str | None:
        """A published text file, read as MkDocs reads it (UTF-8, a byte-order mark allowed); a control
        character (NUL …) is an error on its line: no browser shows it, and Markdown uses some of them
        as its own internal markers."""
        try:
            text = read_text(path).removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            self.not_utf8(path, exc)
            return None
        bad = CONTROL.search(text)
        if bad:
            self.failed.add(self.rel(path))
            self.problems.error(self.rel(path), text[:bad.start()].count("\n") + 1, "（整个文件）",
                                f"含有不可见的控制字符（U+{ord(bad.group(0)):04X}），"
                                "常见于从其他软件复制的文字或损坏的文件，请删除该字符")
            return None
        return text

    def pages(self, model, docs: Path, loaded: Loaded) -> list[Article]:
        articles = []
        for path in docs_files(docs, self.root, self.problems):
            rel = relative(path, docs)
            loaded.docs_files.add(rel)
            self.documents.append((self.rel(path), TextFile(parts=(("文件名", rel),))))
            kind = file_type(path)
            if kind is None:
                if not path.is_symlink():
                    self.failed.add(self.rel(path))
                    self.problems.error(self.rel(path), None, "（整个文件）", refusal(path))
                    continue
            if self.refused(path, MAX_BY_KIND.get(kind.kind if kind else "", MAX_FILE)):
                continue
            assert kind is not None               # a linked file of no known type: refused() above
            if kind.kind == "page":
                article = self.cached(path, partial(self.article, model, path, docs))
                if article is not None:
                    articles.append(article)
            elif kind.kind in ("text", "svg", "style", "script"):
                self.cached(path, partial(self.scan_text, path))
            elif kind.kind in ("document", "pdf"):
                self.cached(path, partial(self.attachment, path))
            elif kind.kind == "picture":
                self.cached(path, partial(self.whole_file, path, check_picture))
            elif kind.kind == "video":
                self.cached(path, partial(self.whole_file, path, video_problem))
            elif kind.kind == "audio":
                self.whole_file(path, signature_problem)
                self.documents.append((self.rel(path), TextFile(parts=(("音频标签", audio_text(path)),))))
            elif kind.kind == "font":
                self.whole_file(path, signature_problem)
        return articles

    def theme_files(self, theme: Path) -> None:
        """The theme folder is published in part (its templates make every page, MkDocs copies its other
        files): no symbolic link, and its texts are scanned like docs/."""
        if theme.is_symlink():
            self.problems.error("overrides", None, "（整个文件夹）", SYMLINK)
            return
        if not theme.is_dir():
            return
        for folder, dirs, files in os.walk(theme, followlinks=False):
            for name in sorted(dirs + files):
                path = Path(folder) / name
                if self.refused(path):
                    continue
                if name in files and path.suffix.lower() in THEME_TEXT:
                    self.cached(path, partial(self.scan_text, path))

    def whole_file(self, path: Path, check: Callable[[Path], str | None]) -> None:
        problem = check(path)
        if problem:
            self.failed.add(self.rel(path))
            self.problems.error(self.rel(path), None, "（整个文件）", problem)

    def scan_text(self, path: Path) -> None:
        text = self.text(path)
        if text is None:
            return
        self.documents.append((self.rel(path), TextFile(text)))
        if path.suffix.lower() == ".svg":
            for line, message in svg_problems(text):
                self.problems.error(self.rel(path), line, "SVG 内容", f"{message}。SVG 图片只能含有图形本身")

    def attachment(self, path: Path) -> None:
        try:
            found = read_attachment(path, self.root / ".cache" / "attachments")
        except Unreadable:
            self.problems.error(
                self.rel(path),
                None,
                "（整个文件）",
                "无法打开此文件（已损坏或设置了密码），无法检查其中是否有个人信息。请换成可以正常打开、没有密码的文件",
            )
            return
        except Refused as exc:
            self.problems.error(self.rel(path), None, "（整个文件）", str(exc))
            return
        for field_name, message in found.refused:
            self.problems.error(self.rel(path), None, field_name, message)
        self.documents.append((self.rel(path), TextFile(parts=tuple(found.parts))))


_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)")
_MARKUP = re.compile(r"[*_`#>\[\]]|\{[^}]*\}|<[^>]*>|\([^)]*\)")


def lead_of(body: str) -> tuple[str, tuple[str, str] | None]:
    """The first paragraph of plain text (not a heading, list, table or image) and the first image."""
    image = _IMAGE.search(body)
    lead = ""
    for block in _blocks(body):
        text = block.strip()
        if text and not text.startswith(("#", "-", "*", "|", "!", "<", "（", "——", "{")) and not text[0].isdigit():
            lead = _MARKUP.sub("", " ".join(text.split()))[:160]
            break
    return lead, (image.group(2), image.group(1).strip()) if image else None


def _blocks(body: str) -> Iterator[str]:
    """body.split("\\n\\n"), one block at a time: the lead is nearly always in the first few."""
    start = 0
    while (end := body.find("\n\n", start)) >= 0:
        yield body[start:end]
        start = end + 2
    yield body[start:]


def _parts(path: Path) -> tuple:
    """Sort key giving Path's own order; comparing Path objects directly is slow enough to show in `check` on
    large sites."""
    return path.parts


def read_text(path: Path) -> str:
    """The file as Path.read_text(encoding="utf-8") gives it (line ends \\r\\n and \\r read as \\n),
    without its text layer, which costs more than the reading on a large site."""
    with open(path, "rb") as handle:
        text = handle.read().decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def load_data(root: Path, sources: list[DataSource], problems: Problems) -> Loaded:
    """Read every file the sources declare, below `root`."""
    loader = Loader(root, problems)
    loaded = Loaded()
    for top in ("data", "docs", *{s.path for s in sources if s.shape in ("files", "pages")}):
        if (root / top).is_symlink():
            problems.error(top, None, "（整个文件夹）", SYMLINK)
            return loaded
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
    settings = load_settings(root, loaded.docs_files, problems)
    if settings is not None:
        loader.documents.append((SETTINGS_FILE, settings))       # the footer's phone, the copyright line
    loaded.documents, loaded.failed = loader.documents, loader.failed
    theme = root / "overrides"           # mkdocs.yml theme.custom_dir: the templates a page may name
    loaded.templates = {p.relative_to(theme).as_posix() for p in theme.rglob("*.html")} if theme.is_dir() else set()
    loader.theme_files(theme)
    return loaded

"""The site settings (mkdocs.yml) are checked like data: they reach every page (the footer's filing
links, the masthead's related sites, the emblem, the scripts and styles of the theme), so one bad value
there is on every page. Every address must be http(s), mailto:, tel: or a path of this site; pictures,
scripts and styles must be files of this site; nothing may load from another host (analytics, web
fonts, a CDN). Errors name the line of mkdocs.yml like any data error.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..problems import Problems
from .yamlload import LocatedDict, LocatedList, LocatedLoader, describe_syntax_error, load_yaml

SETTINGS_FILE = "mkdocs.yml"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_LINK_SCHEMES = {"http", "https", "mailto", "tel"}
# Keys of `extra` (at any depth) whose value is a picture the page loads: a file of this site.
_PICTURE_KEYS = {"emblem", "dzjg_image", "image", "logo", "icon_image"}
# Keys whose value is an address a reader follows.
# Markdown extensions that copy other files into a page.
_INCLUDING = {"snippets", "markdown_include", "include", "mdx_include", "b64"}
_LINK_KEY = re.compile(r"(?:^|_)(?:url|link|href|homepage|correction|contact|statement)$")


class _SettingsLoader(LocatedLoader):
    """mkdocs.yml may name Python objects (`!!python/name:…`) and environment variables (`!ENV`): read as
    text here, since the settings are only looked at, never run."""


_SettingsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: f"!!python/{suffix}")
_SettingsLoader.add_constructor("!ENV", lambda loader, node: "")
_SettingsLoader.add_constructor("!relative", lambda loader, node: "")


def _plain(value: str) -> str:
    return re.sub(r"[\x00-\x20]", "", value)


def _scheme(value: str) -> str | None:
    match = _SCHEME.match(_plain(value))
    return match.group(1).lower() if match else None


def _other_host(value: str) -> bool:
    plain = _plain(value)
    return _scheme(plain) is not None or plain.startswith(("//", "\\\\", "/\\", "\\/"))


class Settings:
    def __init__(self, root: Path, docs_files: set[str], problems: Problems):
        self.root, self.docs_files, self.problems = root, docs_files, problems
        self.raw = None

    def load(self):
        path = self.root / SETTINGS_FILE
        if not path.is_file() or path.is_symlink():
            return None
        text = path.read_text(encoding="utf-8")
        try:
            self.raw = load_yaml(text, _SettingsLoader)
        except yaml.YAMLError as exc:
            line, key, message = describe_syntax_error(exc, text)
            self.problems.error(SETTINGS_FILE, line, key or "（整个文件）", message)
            return None
        if isinstance(self.raw, LocatedDict):
            self.check(self.raw)
        return self.raw

    def error(self, node, key, field: str, message: str) -> None:
        line = node.key_lines.get(key) if isinstance(node, LocatedDict) else None
        if isinstance(node, LocatedList) and isinstance(key, int) and key < len(node.item_lines):
            line = node.item_lines[key]
        self.problems.error(SETTINGS_FILE, line, field, message)

    def check(self, raw: LocatedDict) -> None:
        site_url = raw.get("site_url")
        if site_url not in (None, "") and (not isinstance(site_url, str) or _scheme(site_url) not in ("http", "https")):
            self.error(raw, "site_url", "site_url", f"应为本站的 http(s) 网址，实际为「{str(site_url)[:60]}」")
        for key in ("repo_url", "edit_uri"):
            value = raw.get(key)
            if isinstance(value, str) and _scheme(value) not in (None, "http", "https"):
                self.error(raw, key, key, f"只能是 http(s) 网址，实际为「{value[:60]}」")
        for key, default in (("docs_dir", "docs"),):
            folder = raw.get(key, default)
            if isinstance(folder, str) and not self.inside(folder):
                self.error(raw, key, key, f"「{folder}」必须是本项目中的一个文件夹（不能是项目本身或项目之外的文件夹）"
                                          "：其中的文件都可能被发布")
        if isinstance(raw.get("copyright"), str) and "<" in raw["copyright"]:
            self.error(raw, "copyright", "copyright", "只能是文字，不能含有 HTML 标签（会原样进入每个页面）")
        extensions = raw.get("markdown_extensions")
        for index, entry in enumerate(extensions if isinstance(extensions, LocatedList) else []):
            name = next(iter(entry)) if isinstance(entry, dict) and entry else entry
            if isinstance(name, str) and name.split(".")[-1] in _INCLUDING:
                self.error(extensions, index, f"markdown_extensions 第{index + 1}项",
                           f"不能使用「{name}」：它能把项目中或电脑上其他文件的内容（如 .git/config）放进页面")
        theme = raw.get("theme")
        if isinstance(theme, LocatedDict):
            folder = theme.get("custom_dir")
            if isinstance(folder, str) and not self.inside(folder):
                self.error(
                    theme,
                    "custom_dir",
                    "theme.custom_dir",
                    f"「{folder}」必须是本项目中的一个文件夹：其中的文件会被复制到网站",
                )
            if theme.get("font", False) is not False:
                self.error(theme, "font", "theme.font", "必须为 false：否则读者的浏览器会从境外的字体网站加载字体，"
                                                        "内网和境内都可能打不开")
            for key in ("logo", "favicon"):
                if isinstance(theme.get(key), str):
                    self.local_file(theme, key, f"theme.{key}", theme[key], "图片")
        for key, what in (("extra_css", "样式表"), ("extra_javascript", "脚本")):
            entries = raw.get(key)
            if isinstance(entries, LocatedList):
                for index, entry in enumerate(entries):
                    path = entry.get("path") if isinstance(entry, dict) else entry
                    if isinstance(path, str):
                        self.local_file(entries, index, f"{key} 第{index + 1}项", path, what)
        extra = raw.get("extra")
        if isinstance(extra, LocatedDict):
            if "analytics" in extra:
                self.error(
                    extra,
                    "analytics",
                    "extra.analytics",
                    "不能使用网站统计：它会加载其他网站的脚本，并把读者的访问记录发给该网站",
                )
            self.walk(extra, "extra")

    def inside(self, folder: str) -> bool:
        """Whether `folder` is a folder of the project below its root (not the root, not its .git)."""
        try:
            path = (self.root / folder).resolve()
            rel = path.relative_to(self.root.resolve())
        except (ValueError, OSError):
            return False
        return bool(rel.parts) and rel.parts[0] != ".git"

    def local_file(self, node, key, field: str, value: str, what: str) -> None:
        if _other_host(value):
            self.error(node, key, field, f"{what}「{value[:60]}」必须是本站 docs/ 中的文件：不能从其他网站加载"
                                         "（读者的浏览器会访问该网站，内网也打不开）")
        elif value.split("#")[0].split("?")[0].lstrip("/") not in self.docs_files:
            self.error(node, key, field, f"{what}文件「{value[:60]}」不在 docs/ 中")

    def walk(self, node, field: str) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            here = f"{field}.{key}" if isinstance(key, str) else f"{field} 第{key + 1}项"
            if isinstance(value, (dict, list)):
                self.walk(value, here)
            elif isinstance(value, str):
                self.value(node, key, here, value)

    def value(self, node, key, field: str, value: str) -> None:
        name = str(key).lower()
        scheme = _scheme(value)
        if name in _PICTURE_KEYS:
            self.local_file(node, key, field, value, "图片")
        elif scheme is not None and scheme not in _LINK_SCHEMES:
            self.error(
                node, key, field, f"网址「{value[:60]}」不安全：只能是 http、https、mailto、tel 网址或本站的路径"
            )
        elif _LINK_KEY.search(name) and _plain(value).startswith(("//", "\\\\", "/\\", "\\/")):
            self.error(node, key, field, f"网址「{value[:60]}」请写完整的 https:// 网址或本站的路径")


def load_settings(root: Path, docs_files: set[str], problems: Problems):
    """The parsed mkdocs.yml (for the privacy scan), after checking its addresses; None without one."""
    return Settings(root, docs_files, problems).load()

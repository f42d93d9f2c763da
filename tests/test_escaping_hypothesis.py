"""Property: whatever an editor types into a text field, the page shows it as text.

Every text field of every record kind that reaches a page is filled with HTML/JS/Markdown payloads.
The demo is rendered through the real generator (pages and article decoration) and Python-Markdown with
the extensions of mkdocs.yml; each page that changed is parsed and compared with a baseline rendering
of the same record holding plain text: no tag, attribute or link may appear that the baseline lacks.
For the two Markdown fields (a bio, the home intro) Markdown's own structure is allowed, but never raw
HTML, event attributes, or a link or image target other than http(s), mailto or relative.

Records are changed after validation on purpose: escaping must hold even for data the checks let by.
"""
from __future__ import annotations

import dataclasses
import typing
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings, strategies as st
from pydantic import BaseModel

from support.project import ROOT

import renda_site
from renda_site.kinds import KINDS as REGISTRY
from renda_site.render.decorate import decorate
from renda_site.render.env import render_pages as render_specs

MARKDOWN_FIELDS = {"bio", "intro", "text"}          # a biography, the home intro, a suggestion and its replies
PAYLOADS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>',
    "[点我](javascript:alert(1))", "[点我](JaVa\tScRiPt:alert(1))", "![图](http://evil.example/x.png)",
    "<a href=\"http://evil.example\">链接</a>", "<http://evil.example>", "http://evil.example/",
    "{: onclick=\"alert(1)\" }", "{#x .y onclick=alert(1)}", "段落\n{: onclick=\"alert(1)\" }",
    "*强调*{: onmouseover=alert(1) }", "## 标题 {: style=\"display:none\" }", "**粗** _斜_ `码`", "# 标题", "- 列表",
    "| a | b |\n| --- | --- |", "&lt;script&gt;", "&#60;b&#62;", "<!-- x -->", "[x]: javascript:alert(1)\n\n[x]",
    "!!! note \"t\"\n    正文", "```\n<b>\n```", "<div markdown=\"1\">*x*</div>", "\\", "<", "&", "'; alert(1); '",
    "{{ 7*7 }}", "{% raw %}", "[[x]]", "\n\n<iframe src=//evil.example>", "data:text/html,<b>x</b>",
    "<style>body{display:none}</style>", "<form action=//evil.example><input>", "%3Cscript%3E", "　",
    # Link syntax nested where a line-based filter does not look (issue 16): Python-Markdown reads
    # reference definitions inside block quotes, list items and admonitions.
    "> [x]: javascript:alert(1)\n>\n> 见[此处][x]", "* 项\n\n    [x]: javascript:alert(1)\n\n    [y][x]",
    "!!! note\n    [x]: javascript:alert(1)\n\n    [点][x]", "> > [点](javascript:alert(1))",
    "1. [点](data:text/html,x)",
    "[点](<javascript:alert(1)>)", "[点](javascript&#58;alert(1))", "![图](javascript:alert(1))",
    "[点]( javascript:alert(1) )",
    "</title><script>alert(1)</script>", "\u2028<script>", "\ufeff<b>x</b>",
]
ALPHABET = st.sampled_from(list("<>&\"'/\\[](){}!#*_`|:=-.~^@$%;,\n\t ") + list("ascriptjvhonerl") + list("代表名"))
payload = st.one_of(st.sampled_from(PAYLOADS), st.text(ALPHABET, min_size=1, max_size=30),
                    st.lists(st.sampled_from(PAYLOADS), min_size=2, max_size=3).map(" ".join))
SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}     # tel: the stations' office phones, as links
URL_ATTRS = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href", "background"}
MARKDOWN_TAGS = {"p", "em", "strong", "code", "pre", "a", "img", "ul", "ol", "li", "blockquote", "hr", "br",
                 "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "div", "span"}


def _ignore_python_tags(loader, suffix, node):
    return None


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_python_tags)


def markdown_converter() -> markdown.Markdown:
    """Python-Markdown with exactly the extensions (and their options) listed in mkdocs.yml."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    names, options = [], {}
    for entry in config.get("markdown_extensions", []):
        if isinstance(entry, dict):
            (name, opts), = entry.items()
            names.append(name)
            options[name] = {k: v for k, v in (opts or {}).items() if v is not None}
        else:
            names.append(entry)
    return markdown.Markdown(extensions=names, extension_configs=options)


class Structure(HTMLParser):
    """What a page's HTML can do: its tags with their attribute names, and its URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.urls: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))
        self.urls.extend((tag, name, value or "") for name, value in attrs if name in URL_ATTRS)

    handle_startendtag = handle_starttag


def structure(html: str) -> Structure:
    parser = Structure()
    parser.feed(html)
    parser.close()
    return parser


# --- filling every text field of a record -------------------------------------------------------

def _unwrap(annotation):
    while typing.get_origin(annotation) in (typing.Union, __import__("types").UnionType):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    return annotation


def _is_free_text(annotation) -> bool:
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        return base is str and not any(getattr(m, "pattern", None) for m in meta)
    return annotation is str


def text_fields(model: type[BaseModel]) -> dict[str, str]:
    found = {}
    for name, info in model.model_fields.items():
        annotation = _unwrap(info.annotation)
        if typing.get_origin(annotation) is list:
            inner = typing.get_args(annotation)[0]
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                found[name] = "records"
            elif _is_free_text(inner):
                found[name] = "list"
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            found[name] = "record"
        elif _is_free_text(info.annotation) and not any(getattr(m, "pattern", None) for m in info.metadata):
            found[name] = "text"
    return found


def _constructible(model: type[BaseModel]) -> bool:
    """Whether a record of `model` can be made of text alone (every required field is free text)."""
    text = text_fields(model)
    return all(text.get(name) == "text" for name, info in model.model_fields.items() if info.is_required())


def fill(record: BaseModel, value_for, model: type[BaseModel] | None = None) -> BaseModel:
    """A copy of `record` with every free-text field set by `value_for(field_name)`, recursively."""
    model = model or type(record)
    update = {}
    for name, kind in text_fields(model).items():
        current = getattr(record, name, None) if record is not None else None
        if kind == "text":
            if name in ("hide", "template", "icon", "status"):      # MkDocs' own keys: not shown as text
                continue
            update[name] = value_for(name)
        elif kind == "list":
            update[name] = [value_for(name)]
        elif kind == "record":
            inner = _unwrap(model.model_fields[name].annotation)
            if current is not None:
                update[name] = fill(current, value_for, inner)
            elif _constructible(inner):               # a block left out (disclosure): made of text alone
                update[name] = fill(None, value_for, inner)
        elif kind == "records":
            update[name] = [fill(item, value_for) for item in current[:3]] + list(current[3:])
    if record is None:
        return model.model_construct(**update)
    return record.model_copy(update=update)


# --- the demo, with one record replaced ----------------------------------------------------------

_, CONTENT = renda_site.check(ROOT)
SOURCES = {a.src_uri: (ROOT / "docs" / a.src_uri).read_text(encoding="utf-8") for a in CONTENT.of("articles")}
FRONT = "---"


def _body(text: str) -> str:
    return text.split(FRONT, 2)[2] if text.startswith(FRONT) else text


def render_pages(content) -> dict[str, str]:
    catalog = renda_site.build_catalog(content)
    pages = {p.uri: p.markdown for p in render_specs(renda_site.page_specs(catalog), catalog)}
    for uri, text in SOURCES.items():
        pages["article:" + uri] = decorate(catalog, uri, _body(text))
    return pages


def _pick(items, predicate):
    return next(i for i, item in enumerate(items) if predicate(item))


def _replace_list(content, kind: str, index: int, value_for):
    items = list(content.of(kind))
    item = items[index]
    # A page (an article) is filled through its front matter; every other kind is a record.
    items[index] = (dataclasses.replace(item, meta=fill(item.meta, value_for)) if hasattr(item, "meta")
                    else fill(item, value_for))
    return dataclasses.replace(content, records={**content.records, kind: items})


def _richest(kind) -> int:
    """The record of `kind` whose text reaches most pages (a deputy with appointment entries, a column
    article that a bulletin carries): every record's text fields are filled with a marker of its own, the
    demo is rendered once, and the record whose marker stands on the most pages wins."""
    content = CONTENT
    for index, record in enumerate(CONTENT.of(kind.name)):
        if getattr(record, "meta", True) is not None:
            content = _replace_list(content, kind.name, index, lambda name, i=index: f"标记{i}号")
    pages = list(render_pages(content).values())
    reach = [sum(1 for text in pages if f"标记{i}号" in text) for i in range(len(CONTENT.of(kind.name)))]
    return max(range(len(reach)), key=lambda i: (reach[i], -i))


def _with_record(kind):
    index = _richest(kind)
    return lambda value_for: _replace_list(CONTENT, kind.name, index, value_for)


def with_site(value_for):
    return _replace_list(CONTENT, "site", 0, value_for)


def with_disclosed_article(value_for):
    index = _pick(CONTENT.of("articles"), lambda a: a.meta is not None and a.meta.disclosure is not None)
    return _replace_list(CONTENT, "articles", index, value_for)


# One case per record kind of the registry (so a new kind is covered without changing this test), the
# site's configuration, and an article with the disclosure block.
KINDS = {kind.name: _with_record(kind) for kind in REGISTRY if CONTENT.of(kind.name)}
KINDS |= {"site": with_site, "disclosed-article": with_disclosed_article}

MD = markdown_converter()


def html_of(text: str) -> str:
    """As MkDocs does it: front matter becomes page.meta (checked in test_front_matter_...), the rest is Markdown."""
    from mkdocs.utils.meta import get_data
    body, _meta = get_data(text)
    return MD.reset().convert(body)


def _baseline_value(name: str) -> str:
    return "基线" + name.replace("_", "")      # plain letters: shown unchanged, so it can be found in a page


BASELINES: dict[str, tuple[dict[str, str], dict[str, Structure]]] = {}


def baseline(kind: str):
    if kind not in BASELINES:
        pages = render_pages(KINDS[kind](_baseline_value))
        BASELINES[kind] = (pages, {})
    return BASELINES[kind]


def _scheme(url: str) -> str:
    return urlsplit("".join(ch for ch in url if ord(ch) > 32)).scheme.lower()


def test_the_payload_test_reaches_the_text_fields():
    """Every field is filled; those that reach a page are compared. A field a template shows later (an
    曾用名 on the deputy page, say) is covered from then on without changing this test."""
    shown_by_kind = {}
    for kind in KINDS:
        pages, _ = baseline(kind)
        text = "\n".join(pages.values())
        shown_by_kind[kind] = {name for name in _all_names(kind) if _baseline_value(name) in text}
    core = {"deputies": {"name", "bio", "position", "constituency", "roles", "ethnicity", "party", "education"},
            "terms": {"name"}, "groups": {"name"}, "bulletins": {"title"},
            "appointments": {"title", "name", "position", "note"}, "sessions": {"place"}, "units": {"name"},
            "suggestions": {"title", "category", "text", "doc_no"}, "meetings": {"place", "title", "observers"},
            "stations": {"name", "town", "address", "reception_days", "reception_hours", "intro"},
            "site": {"name", "intro", "title", "description"}, "articles": {"title", "source", "author"},
            "disclosed-article": {"index_no", "publisher", "category", "scope", "doc_no"}}
    for kind, names in core.items():
        assert names <= shown_by_kind[kind], f"{kind}: {names - shown_by_kind[kind]} never reach a page"
    for kind, shown in shown_by_kind.items():
        assert shown, f"no text field of {kind} reaches a page"
    assert sum(len(v) for v in shown_by_kind.values()) >= 30


def _all_names(kind: str) -> set[str]:
    names: set[str] = set()
    KINDS[kind](lambda n: names.add(n) or _baseline_value(n))
    return names - {"hide", "template", "icon", "status"}


@pytest.mark.parametrize("kind", list(KINDS))
# No shrinking: one rendering of the demo takes a fraction of a second, so shrinking a failure would take
# minutes; the assertion messages name the page and the payloads instead.
@settings(max_examples=6, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_payloads_add_no_tag_attribute_or_link(kind, data):
    chosen: dict[str, str] = {}

    def value_for(name: str) -> str:
        if name not in chosen:
            chosen[name] = "甲" + data.draw(payload, label=name)
        return chosen[name]

    assert_no_new_structure(kind, value_for, chosen)


@pytest.mark.parametrize("joiner", [" ", "\n\n"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_every_known_payload_at_once(kind, joiner):
    """Deterministic companion of the property: all listed payloads in every field, side by side
    (inline) or as separate Markdown blocks, so each of them is tried on every run."""
    chosen: dict[str, str] = {}
    assert_no_new_structure(kind, lambda name: chosen.setdefault(name, joiner.join(PAYLOADS)), chosen)


def assert_no_new_structure(kind: str, value_for, chosen: dict[str, str]) -> None:
    pages = render_pages(KINDS[kind](value_for))
    base_pages, base_structures = baseline(kind)
    changed = [uri for uri, text in pages.items() if text != base_pages.get(uri)]
    assert changed, "the payload reached no page"
    markdown_fields = MARKDOWN_FIELDS & set(chosen)
    for uri in changed:
        got = structure(html_of(pages[uri]))
        where = f"{uri} with {chosen}"
        for tag, name, value in got.urls:
            assert _scheme(value) in SAFE_SCHEMES, (where, tag, name, value)
        for tag, attrs in got.tags:
            assert not [a for a in attrs if a.startswith("on") or a == "style"], (where, tag, attrs)
        if uri not in base_structures:
            base_structures[uri] = structure(html_of(base_pages[uri]))
        expected = base_structures[uri]
        # Text may legitimately move things around (a name sorts under another initial and opens a new
        # group), so the page is compared as the set of kinds of element and the set of link targets it has.
        new_tags = set(got.tags) - set(expected.tags)
        new_urls = set(got.urls) - set(expected.urls)
        if not markdown_fields:
            assert not new_tags, (where, new_tags)
            assert not new_urls, (where, new_urls)
        else:
            # Markdown written by the editor may add Markdown's own elements, nothing else, and every
            # new link target is http(s), mailto or relative (checked above for every URL).
            assert {t for t, _ in new_tags} <= MARKDOWN_TAGS, (where, new_tags)
            assert set(expected.urls) <= set(got.urls), where

"""The template environment every generated page is rendered with, and the page renderer.

Every `{{ value }}` passes through md_text unless it is already Markup (a link, a block): escaping is
the default, so a template cannot forget it.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, pass_context
from markupsafe import Markup

from .. import address
from ..outputs import Chart, GeneratedPage, Link, PageSpec, Section
from ..safe_markdown import markdown_block
from ..text import cn_date, cn_number, md_text
from .charts import bar_chart

TEMPLATES = Path(__file__).resolve().parent / "templates"


def md_link(from_page: str, to_path: str, text: object, attrs: str = "") -> Markup:
    """`[text](relative.md)`; `attrs` is an attr_list block such as `data-pagefind-weight="5"`."""
    suffix = "{ " + attrs + " }" if attrs else ""
    return Markup(f"[{md_text(text)}]({address.relative_link(from_page, to_path)}){suffix}")


@pass_context
def _link(context, to: str | Link, text: object = None, attrs: str = "") -> Markup:
    if isinstance(to, Link):
        text = to.text if text is None else text
        to = to.page
    return md_link(context["page_uri"], to, text, attrs)


@pass_context
def _href(context, to_path: str) -> Markup:
    return Markup(address.relative_link(context["page_uri"], to_path))


@pass_context
def _to(context, holder, path: str) -> Link | list[Link]:
    """The link to the record a typed reference field refers to: `to(s, "lead")`, or the links of a
    list field, `to(m, "presiding.*")`; the kind comes from the model, not from the template."""
    catalog = context["catalog"]
    found = catalog.follow(holder, path)
    if isinstance(found, list):
        return [catalog.link(catalog.kind_of(record), record) for record in found]
    return catalog.link(catalog.kind_of(found), found)


@pass_context
def _ref(context, holder, path: str):
    """The record (or list of records) a typed reference field refers to: `ref(reply, "page")`."""
    return context["catalog"].follow(holder, path)


@pass_context
def _page_of(context, record) -> str:
    """Source path of a record's page; the record's kind comes from its model."""
    return context["catalog"].page(context["catalog"].kind_of(record), record)


@pass_context
def _title_of(context, record) -> str:
    return context["catalog"].title(context["catalog"].kind_of(record), record)


def _cell(context, value) -> Markup:
    return _link(context, value) if isinstance(value, Link) else md_text(value)


@pass_context
def _html_link(context, to: Link) -> Markup:
    """`<a href>` to a page, for raw HTML blocks (see page_href): Markdown in a raw block is not read."""
    href = address.page_href(context["page_uri"], to.page, context["directory_urls"])
    return Markup(f'<a href="{href}">{md_text(to.text)}</a>')


@pass_context
def _tables(context, sections: list[Section], level: int) -> Markup:
    """The tables other kinds put on a record's page, as one raw HTML block: Python-Markdown reads a
    long run of Markdown tables inside a `markdown="1"` element several times over (it was the slowest
    part of a deputy's page), and raw HTML passes through untouched. Text is escaped as everywhere."""
    def cell(value) -> str:
        return _html_link(context, value) if isinstance(value, Link) else md_text(value)

    out = []
    for section in sections:
        head = "".join(f"<th>{md_text(h)}</th>" for h in section.header)
        body = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>" for row in section.rows)
        heading = f"<h{level}>{md_text(section.title)}</h{level}>\n" if level else ""    # 0: the caller's heading
        out.append(f"{heading}<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    return Markup("\n".join(out))


def _chart(chart: Chart) -> Markup:
    return bar_chart(chart.id, chart.title, chart.bars, chart.caption, chart.unit, chart.columns)


ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    finalize=md_text, autoescape=False, undefined=StrictUndefined,
    trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
)
ENV.globals.update(
    link=_link,
    href=_href,
    to=_to,
    ref=_ref,
    page_of=_page_of,
    title_of=_title_of,
    cell=pass_context(_cell),
    chart=_chart,
    tables=_tables,
    html_link=_html_link,
    paths=address,
    cn_number=cn_number,
    sep=Markup("　"),
)
ENV.filters.update(cn_date=cn_date, markdown_block=markdown_block)


def render(template: str, page_uri: str, catalog, **context) -> str:
    """One template rendered for the page at `page_uri`. Looked up on every call: under `mkdocs serve`
    this module is never re-imported, and Jinja re-reads a changed template only when asked for it."""
    return ENV.get_template(template).render(page_uri=page_uri, catalog=catalog, directory_urls=True, **context)


# Characters YAML reads as line breaks or refuses, written as escapes inside its double-quoted strings.
_YAML_UNSAFE = {ord(c): f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029\ufeff\ufffe\uffff"}


def front_matter(meta: dict) -> str:
    """The front-matter block of a generated page. Every value is written as JSON, which YAML reads back
    as the same strings, lists and mappings: no data string can turn into YAML syntax."""
    if not meta:
        return ""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False).translate(_YAML_UNSAFE)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def render_pages(specs: Iterable[PageSpec], catalog, directory_urls: bool = True) -> Iterator[GeneratedPage]:
    """`directory_urls` as the site is built (a/b.md -> a/b/): raw HTML in a page links by it."""
    templates: dict[str, Template] = {}
    for spec in specs:
        template = templates.get(spec.template) or templates.setdefault(spec.template, ENV.get_template(spec.template))
        markdown = template.render(page_uri=spec.uri, catalog=catalog, directory_urls=directory_urls, **spec.context)
        yield GeneratedPage(spec.uri, front_matter(spec.front_matter()) + markdown, spec.edit_path)

"""Articles: the hand-written Markdown pages in docs/, with their front matter. Those in a column folder
(data/site.yaml `columns`: 人大动态, 审议意见 …) are column articles, dated, each column with one
paginated listing and one Atom feed — the same mechanism for every column.
"""
from __future__ import annotations

import datetime
import posixpath
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .. import address
from ..input.sources import DataSource
from ..model.bodies import check_bodies
from ..model.kind import Draft, RecordKind, Scaffold
from ..model.records import ArticleMeta
from ..model.relations import MENTIONS, Relation
from ..outputs import FEED_LENGTH, Entry, Feed, HomeBlock, HomeItem, Link, PageSpec, SearchHint, Section, paginate
from ..text import cn_date
from .deputies import NAME as DEPUTIES
from .terms import NAME as TERMS

NAME = "articles"                  # the kind's registry name, its data folder's name


@dataclass(frozen=True)
class Articles:
    by_uri: dict                  # src_uri -> Article
    by_column: dict               # column id -> its articles, newest first
    column_of: dict               # src_uri -> the column (site.yaml entry) it belongs to
    columns: dict                 # column id -> column


def column_id(src_uri: str) -> str | None:
    """The folder of a page that could be a column article (`dongtai/x.md`, not `dongtai/index.md`)."""
    return src_uri.split("/", 1)[0] if "/" in src_uri and not src_uri.endswith("/index.md") else None


PHOTOS, PHOTO_COUNT = "photos", 4       # the home page's 图片新闻 block: its id in home.blocks, its size


def picture_of(article) -> str | None:
    """The article's photo as a path under docs/: front matter `image`, else the first image of its body
    (not one from another host)."""
    if article.meta.image:
        return article.meta.image
    if not article.image or "://" in article.image[0] or article.image[0].startswith(("/", "data:")):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(article.src_uri), article.image[0].split("#")[0]))


def photo_news(articles: Articles, first_column: str, count: int, headline=None) -> list[tuple]:
    """(article, photo or None) for the 图片新闻 block: the newest articles with a photo, in any column, but
    the 头条; where fewer have one, the newest articles of the first column fill the block as text tiles."""
    dated = sorted((a for a in articles.by_uri.values() if a.meta is not None and a.meta.date
                    and a.src_uri in articles.column_of and a is not headline),
                   key=lambda a: (a.meta.date, a.src_uri), reverse=True)
    chosen: list[tuple[Any, str | None]] = list([(a, photo) for a in dated if (photo := picture_of(a))][:count])
    if not chosen:
        return []
    taken = {a.src_uri for a, _ in chosen}
    chosen += [(a, None) for a in articles.by_column.get(first_column, [])
               if a.src_uri not in taken and a is not headline][:count - len(chosen)]
    return sorted(chosen, key=lambda pair: (pair[0].meta.date, pair[0].src_uri), reverse=True)


def _mentions_section(catalog, refs) -> Section:
    """相关文章 on a person's page: the pages whose text names them, newest first, counted per term."""
    articles: Articles = catalog.index(NAME)
    terms = catalog.index(TERMS)
    undated = datetime.date.min
    rows, counts = [], []
    for ref in sorted(refs, key=lambda r: (r.source.meta.date or undated, r.source.src_uri), reverse=True):
        article = ref.source
        column = articles.column_of.get(article.src_uri)
        rows.append(
            (cn_date(article.meta.date), Link(article.src_uri, article.meta.title), column.title if column else "")
        )
        term = terms.on(article.meta.date)
        if term is not None:
            counts.append((term.id, "文章提及"))
    return Section("相关文章", ("日期", "文章", "栏目"), rows, tuple(counts))


class ArticlesKind(RecordKind):
    name = NAME
    label = "文章"
    unique_ids = False
    sources = (DataSource(NAME, ArticleMeta, "docs", "pages", "article",
                          "文章元数据（docs/ 下 Markdown 文件开头的 --- 块）"),)
    relations = (Relation(MENTIONS, "代表", section=_mentions_section, check=False, text="body", target=DEPUTIES),)
    scaffold = Scaffold("article", "新建栏目文章 docs/<栏目>/<日期>-<拼音>.md", ArticleMeta, [
        ("--column", {"required": True, "help": "栏目，即 docs/ 下的文件夹名，如 dongtai"}),
        ("--title", {"default": "", "help": "标题"}),
        ("--slug", {"help": "文件名中日期后面的部分（小写字母、数字、连字符），默认由标题转为拼音"})],
        example_args=("--column", "dongtai", "--title", "县人大常委会召开第三十五次主任会议"),
        example={"author": "李明",
                 "disclosure": {"publisher": "清溪县人大常委会办公室", "category": "工作动态", "scope": "全部公开"}})

    def key(self, article) -> str:
        return article.src_uri

    def order(self, records):
        return [a for a in records if a.meta is not None]         # pages without front matter are not articles

    def page(self, article) -> str:
        return article.src_uri

    def title(self, article, catalog) -> str:
        return article.meta.title

    def sections(self, config):
        return [(c.id, c.title) for c in config.columns] if config else []

    def check(self, checker) -> None:
        config = checker.loaded.one("site")
        columns = {c.id for c in config.columns} if config else set()
        for article in checker.records(self.name):
            if column_id(article.src_uri) not in columns:
                continue
            if article.meta is None:
                checker.problems.error(
                    article.path, 1, "title", "文章缺少开头的 --- 元数据块（至少需要 title 和 date）"
                )
                continue
            if article.meta.date is None and not article.meta.draft:  # a draft may wait for its date
                checker.error(
                    article.meta, ("date",), "栏目文章必须注明发布日期（未注明日期的信息在网站检查中视为未更新）"
                )
                continue
            if article.meta.image:
                checker.docs_file(
                    article.meta, ("image",), article.meta.image, "代表图片", (".jpg", ".jpeg", ".png", ".webp")
                )
            if not article.meta.source:
                checker.error(
                    article.meta, ("source",), "栏目文章宜注明来源（source），如 县人大常委会办公室", warning=True
                )
        for article in checker.records(self.name):
            if (
                article.meta is not None
                and article.meta.date
                and article.meta.date > checker.today
                and not article.meta.draft
            ):
                checker.error(article.meta, ("date",), f"发布日期「{article.meta.date}」晚于今天（北京时间 "
                                                       f"{checker.today}）：定时发布，"
                              "现在不发布，到这一天以后的第一次生成时自动发布", warning=True)
        check_bodies(checker, [a for a in checker.records(self.name) if a.meta is not None or a.body])

    def withheld(self, article, today) -> str | None:
        meta = article.meta
        if meta is None:
            return None
        if meta.draft:
            return "草稿（draft: true），不会发布"
        if meta.date and meta.date > today:
            return f"定时发布的文章，{cn_date(meta.date)}以后的第一次生成时才发布"
        return None

    def index(self, catalog) -> Articles:
        columns = {c.id: c for c in catalog.config.columns}
        by_column: dict[str, list] = {c: [] for c in columns}
        column_of = {}
        for article in catalog.records(self.name):
            column = column_id(article.src_uri)
            if column is not None and column in columns:
                by_column[column].append(article)
                column_of[article.src_uri] = columns[column]
        for articles in by_column.values():
            articles.sort(key=lambda a: (a.meta.date, a.src_uri), reverse=True)
        return Articles({a.src_uri: a for a in catalog.records(self.name)}, by_column, column_of, columns)

    def pages(self, catalog):
        articles: Articles = catalog.index(self.name)
        leads: dict[str, list[Link]] = {}
        for kind in catalog.kinds.values():           # what other kinds publish under a column
            for column_id, link in kind.column_links(catalog):
                leads.setdefault(column_id, []).append(link)
        for column in catalog.config.columns:
            feed = {"path": address.feed(column.id), "title": catalog.feed_title(column.title)}
            for pager in paginate(articles.by_column[column.id], column.per_page, column.id):
                yield PageSpec(pager.uri, "column.md.j2", {"column": column, "pager": pager, "feed": feed,
                                                          "leads": leads.get(column.id, [])},
                               f"docs/{column.id}", SearchHint(skip=True),
                               layout="listing", feed=feed["path"], feed_title=feed["title"])

    def feeds(self, catalog):
        articles: Articles = catalog.index(self.name)
        for column in catalog.config.columns:
            entries = [Entry(a.src_uri, a.meta.title, a.meta.date, a.meta.description)
                       for a in articles.by_column[column.id][:FEED_LENGTH]]
            yield Feed(
                address.feed(column.id),
                address.listing(column.id, 1),
                column.title,
                catalog.feed_title(column.title),
                column.description,
                entries,
            )

    def search_dates(self, catalog):
        return [(a.src_uri, a.meta.date) for a in catalog.records(self.name) if a.meta.date]

    def updated(self, article):
        return article.meta.date

    def home(self, catalog):
        """The 头条 (the newest article marked `headline: true`, else the newest of the first column), one
        block per column with its newest articles, the 图片新闻 after the first, and the site's
        introduction (block `intro`), last unless `home.blocks` says otherwise."""
        articles: Articles = catalog.index(self.name)
        count = catalog.config.home.items
        marked = sorted((a for a in catalog.records(self.name) if a.meta.headline and a.meta.date),
                        key=lambda a: (a.meta.date, a.src_uri), reverse=True)
        first = catalog.config.columns[0].id
        headline = marked[0] if marked else next(iter(articles.by_column.get(first, [])), None)
        if headline is not None:
            column = articles.column_of.get(headline.src_uri)
            photo = picture_of(headline)
            yield HomeBlock("headline", "头条", None, [], "headline_home.md.j2", {
                "article": headline, "column": column, "image": (photo, headline.meta.title) if photo else None})
        photos = photo_news(articles, first, PHOTO_COUNT, headline)
        for index, column in enumerate(catalog.config.columns):
            listed = [a for a in articles.by_column[column.id] if a is not headline][:count]
            yield HomeBlock(column.id, column.title, Link(address.listing(column.id, 1), f"更多{column.title}"),
                            [HomeItem(Link(a.src_uri, a.meta.title), a.meta.date) for a in listed])
            if index == 0 and photos:              # 图片新闻 after the first column (without home.blocks)
                yield HomeBlock(PHOTOS, "图片新闻", Link(address.listing(first, 1), "更多图片新闻"), [],
                                "photos_home.md.j2", {"photos": photos})
        if catalog.config.intro:
            about = articles.by_uri.get(address.ABOUT)
            yield HomeBlock("intro", "本站简介", Link(about.src_uri, "人大概况") if about else None, [],
                            "intro_home.md.j2", {"intro": catalog.config.intro}, last=True)

    def draft(self, editor, args) -> Draft:
        columns = editor.columns()
        if args.column not in columns:
            raise editor.unknown_column(args.column)
        slug = editor.slug(args.title, args.slug) or "wenzhang"
        # The column's usual source, so a new article does not start with a warning about it.
        sources = Counter(a.meta.source for a in editor.loaded.of(self.name)
                          if a.meta is not None and a.meta.source and column_id(a.src_uri) == args.column)
        values = {
            "title": args.title,
            "date": editor.today,
            "source": sources.most_common(1)[0][0] if sources else None,
        }
        return Draft(
            f"docs/{args.column}/{editor.today.isoformat()}-{slug}.md",
            f"{columns[args.column].title}栏目文章。title 和 date 必填。",
            values,
            f"如果是同一天的另一篇文章，请另取文件名，在命令末尾加上 --slug {slug}-2（只用小写拼音、数字和连字符）",
        )


KIND = ArticlesKind()

"""网站体检: what an inspection by 国办秘函〔2019〕19号 and 政府网站发展指引 would find on this site, from
what the generator knows (every page, its column and its date), before an inspector finds it.

`bash dev.sh check` prints the whole report; a build prints its summary and writes the report beside
the site (not into it: it is for the office, not for readers). Nothing here stops a build: an office
must be able to publish a correction even while a column is overdue. The report marks the findings that
would be 单项否决 (a veto: the site fails the inspection whatever else it does well).

`RENDA_TODAY=2027-01-05 bash dev.sh check` shows what the inspection would say on that day.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from ..address import Address
from ..render.page_tags import PageTags
from ..text import cn_date
from .freshness import ColumnState, column_states, home_state
from .names import NameSlip, Roster
from .pages import broken_links, missing_alt, missing_tags, undated

EMPTY_COLUMNS_VETO = 5          # 19号: five or more empty columns fail the site
REPORT_FILE = "网站体检.txt"    # written beside the site folder


@dataclass
class Inspection:
    today: datetime.date
    home_last: datetime.date | None
    home_days: int
    columns: list[ColumnState]
    slips: list[tuple[str, int, NameSlip]]              # (file, line, slip)
    links: list[tuple[str, int, str]]
    alt: list[tuple[str, int]]
    undated: list[str]
    tags: dict[str, list[str]]
    pages: int
    vetoes: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)

    @property
    def home_overdue(self) -> bool:
        return self.home_last is None or (self.today - self.home_last).days > self.home_days

    def lines(self) -> list[str]:
        """The whole report, for `check` and the report file."""
        out = [(f"网站体检（国办秘函〔2019〕19号、《政府网站发展指引》），检查日期 {cn_date(self.today)}，共 "
                f"{self.pages} 个页面"),
               "", "一、首页和栏目更新（超期为单项否决）"]
        out.append("  " + _age("首页", self.home_last, self.today, f"{self.home_days} 天", self.home_overdue))
        for state in self.columns:
            name = f"{state.column.title}（{state.column.type or '未设置类型，按动态要闻'}）"
            if state.limit_text is None:
                out.append(f"  {name}：此类栏目没有更新期限" + ("，但栏目为空" if state.empty else ""))
            else:
                out.append("  " + _age(name, state.last, self.today, state.limit_text, state.overdue))
        empty = [s.column.title for s in self.columns if s.empty]
        veto = "【单项否决】" if len(empty) >= EMPTY_COLUMNS_VETO else ""
        out += ["", f"二、空白栏目（{EMPTY_COLUMNS_VETO} 个及以上为单项否决）：" +
                (f"{veto}{len(empty)} 个：{'、'.join(empty)}" if empty else "无")]
        out += ["", "三、人名与名单不一致（疑似严重错别字，为单项否决）：" + ("" if self.slips else "无")]
        out += [f"  {path}:{line} 「{slip.written}」疑为「{'」或「'.join(slip.meant)}」【单项否决】"
                for path, line, slip in self.slips]
        out += ["", "四、正文中的失效链接：" + ("" if self.links else "无")]
        out += [f"  {path}:{line} 链接「{target}」指向的页面或文件不存在" for path, line, target in self.links]
        out += ["", "五、未注明日期的页面（检查时视为未更新）：" + ("" if self.undated else "无")]
        out += [f"  docs/{uri}" for uri in self.undated]
        out += ["", "六、缺少替代文字的图片：" + ("" if self.alt else "无")]
        out += [f"  {path}:{line} 图片缺少替代文字" for path, line in self.alt]
        out += ["", "七、网页元数据（政府网站发展指引）：" + ("每个页面都有应有的元数据" if not self.tags else "")]
        for name, uris in self.tags.items():
            shown = "、".join(uris[:3]) + (" 等" if len(uris) > 3 else "")
            out.append(f"  {name}：{len(uris)} 个页面缺少（{shown}）{_TAG_HINTS.get(name, '')}")
        out += ["", self.verdict()]
        return out

    def summary(self) -> list[str]:
        """What a build prints: the verdict, and where the whole report is."""
        return [f"网站体检（{cn_date(self.today)}）：" + self.verdict().removeprefix("结论："),
                (f"完整报告见 {REPORT_FILE}（不发布），或运行 bash dev.sh check；"
                 "要看某一天的结果：RENDA_TODAY=2027-01-05 bash dev.sh check")]

    def write(self, folder: Path) -> Path:
        """The report file for the office, in `folder` (the project, beside the site: never published)."""
        path = folder / REPORT_FILE
        path.write_text("\n".join(self.lines()) + "\n", encoding="utf-8")
        return path

    def findings(self) -> tuple[list[str], list[str]]:
        """(单项否决 findings, other findings), each a short phrase."""
        vetoes: list[str] = []
        others: list[str] = []
        if self.home_overdue:
            vetoes.append("首页超过期限未更新")
        vetoes += [f"{s.column.title}超过 {s.limit_text}未更新" for s in self.columns if s.overdue]
        empty = sum(s.empty for s in self.columns)
        (vetoes if empty >= EMPTY_COLUMNS_VETO else others).extend([f"空白栏目 {empty} 个"] if empty else [])
        vetoes += [f"人名「{slip.written}」疑为「{slip.meant[0]}」" for _, _, slip in self.slips]
        for count, what in ((len(self.links), "失效链接"), (len(self.undated), "未注明日期的页面"),
                            (len(self.alt), "缺少替代文字的图片"), (len(self.tags), "缺少的网页元数据")):
            if count:
                others.append(f"{what} {count} 项")
        return vetoes, others

    def verdict(self) -> str:
        vetoes, others = self.findings()
        first = f"单项否决 {len(vetoes)} 项（{'；'.join(vetoes)}）" if vetoes else "未发现单项否决的问题"
        return f"结论：{first}；其他问题 {len(others)} 类" + (f"（{'；'.join(others)}）" if others else "") + "。"


_TAG_HINTS = {
    "SiteDomain": "：在 mkdocs.yml 填写 site_url", "Url": "：在 mkdocs.yml 填写 site_url",
    "SiteIDCode": "：在 mkdocs.yml 的 extra.footer.site_code 填写网站标识码",
    "ColumnDescription": "：在 data/site.yaml 为栏目写 description",
    "ColumnType": "：在 data/site.yaml 为栏目写 type", "PubDate": "：在页面开头的元数据中写 date",
    "ContentSource": "：在页面开头的元数据中写 source",
}


def _age(name: str, last: datetime.date | None, today: datetime.date, limit: str, overdue: bool) -> str:
    if last is None:
        return f"{name}：没有注明日期的内容（期限 {limit}）【单项否决】"
    mark = "【单项否决】超过期限" if overdue else "合格"
    return f"{name}：最近更新 {cn_date(last)}，{(today - last).days} 天前（期限 {limit}）{mark}"


def inspect(catalog, settings: dict, specs, today: datetime.date, where: Address | None = None,
            files: set[str] | None = None, docs_files: set[str] | None = None,
            titles: dict[str, str] | None = None) -> Inspection:
    """The inspection of checked content. `specs`: the generated pages; `files`: the generated files
    (feeds, open data), as far as known; `docs_files`: every file under docs/; `titles`: see PageTags."""
    tags = PageTags(catalog, settings, specs, where or Address(settings.get("site_url") or None), titles, today)
    dates = tags.dates
    home_last, home_days = home_state(catalog, tags)
    columns = column_states(catalog, tags, today)
    roster = Roster(n for kind in catalog.kinds.values() for r in catalog.records(kind.name) for n in kind.names(r))
    articles = list(catalog.records(catalog.pages_kind))
    slips = [(a.path, a.body_line + s.line - 1, s) for a in articles for s in roster.slips(a.body or "")]
    known = set(docs_files or ()) | set(tags.pages()) | set(files or ())
    static = {s.column.folder for s in columns if s.limit_text is None}
    return Inspection(today, home_last, home_days, columns, slips, list(broken_links(articles, known)),
                      list(missing_alt(articles)), list(undated(tags, dates, static)), missing_tags(tags),
                      len(tags.pages()))

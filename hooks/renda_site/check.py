"""Check step: what types cannot say — references between records, dates that contradict each other,
ids that must match file names. Every finding is located at the line of the offending field.
"""
from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from pathlib import PurePosixPath

from .load import Content
from .messages import field_path
from .privacy import check_privacy
from .problems import Problems
from .safe_markdown import unsafe_targets
from .yamlload import line_of


class Checker:
    def __init__(self, content: Content, problems: Problems, today: datetime.date):
        self.c = content
        self.problems = problems
        self.today = today
        self.terms = {t.id: t for t in content.terms}
        self.groups = {g.id: g for g in content.groups}
        self.deputies = {d.id: d for d in content.deputies}
        self.lists = {a.id: a for a in content.appointments}

    def error(self, record, loc: tuple, message: str, warning: bool = False) -> None:
        source = record.origin
        field = field_path(source.loc + loc) or None
        report = self.problems.warn if warning else self.problems.error
        report(source.path, line_of(source.raw, loc), field, message)

    def run(self) -> None:
        self.unique_ids()
        for deputy in self.c.deputies:
            self.deputy(deputy)
        for group in self.c.groups:
            if self.missing(self.terms, group.term, "data/terms.yaml"):
                self.error(group, ("term",), f"届次「{group.term}」不存在于 data/terms.yaml")
        for term in self.c.terms:
            if term.end and term.end < term.start:
                self.error(term, ("end",), "结束日期早于开始日期")
        published_by: dict[str, list] = defaultdict(list)
        for bulletin in self.c.bulletins:
            self.bulletin(bulletin, published_by)
        for list_id, places in published_by.items():
            for bulletin, index in places[1:]:
                self.error(bulletin, ("items", index, "appointments"), f"任免名单「{list_id}」已由另一期公报刊载")
        for appointment in self.c.appointments:
            self.appointment(appointment)
            if appointment.id not in published_by:
                self.error(appointment, ("id",), f"任免名单「{appointment.id}」未被任何一期公报刊载"
                           f"（在公报目录中加一项 appointments: \"{appointment.id}\"）", warning=True)
        self.bulletin_numbers()
        self.articles()
        if self.c.site:
            self.markdown(self.c.site, ("intro",), self.c.site.intro)
        check_privacy(self.c, self.problems)

    def unique_ids(self) -> None:
        for kind, records in (("届次", self.c.terms), ("代表团/小组", self.c.groups),
                              ("代表", self.c.deputies), ("任免名单", self.c.appointments)):
            counts = Counter(r.id for r in records)
            for record in records:
                if counts[record.id] > 1:
                    self.error(record, ("id",), f"{kind}编号「{record.id}」重复，编号必须唯一")
        for record, kind in [(d, "代表") for d in self.c.deputies] + [(a, "任免名单") for a in self.c.appointments]:
            stem = PurePosixPath(record.origin.path).stem
            if stem != record.id:
                self.error(record, ("id",), f"{kind}编号「{record.id}」与文件名「{stem}」不一致")

    def missing(self, known: dict, id_: str, path: str) -> bool:
        """A reference to nothing. When the file that should hold the target could not be read, its own
        error is already reported: saying the reference dangles too would only add noise."""
        return id_ not in known and path not in self.c.failed

    def docs_file(self, record, loc: tuple, path: str, what: str, suffixes: tuple = ()) -> bool:
        if path not in self.c.docs_files:
            self.error(record, loc, f"{what}「{path}」不存在（路径相对于 docs/ 文件夹）")
            return False
        if suffixes and not path.lower().endswith(suffixes):
            self.error(record, loc, f"{what}「{path}」的文件类型应为 {' / '.join(suffixes)}")
            return False
        return True

    def deputy(self, deputy) -> None:
        self.markdown(deputy, ("bio",), deputy.bio)
        if deputy.photo:
            self.docs_file(deputy, ("photo",), deputy.photo, "照片", (".jpg", ".jpeg", ".png", ".webp", ".svg"))
        else:
            self.error(deputy, ("photo",), "没有照片", warning=True)
        if deputy.birth:
            born = datetime.date(int(deputy.birth[:4]), int(deputy.birth[5:7]), 1)
            if born > self.today:
                self.error(deputy, ("birth",), f"出生年月「{deputy.birth}」晚于今天")
            elif born.year < self.today.year - 120:
                self.error(deputy, ("birth",), f"出生年月「{deputy.birth}」不合理")
        seen_terms: dict[str, list[int]] = {}
        for index, m in enumerate(deputy.memberships):
            loc = ("memberships", index)
            term = self.terms.get(m.term)
            if self.missing(self.terms, m.term, "data/terms.yaml"):
                self.error(deputy, loc + ("term",), f"届次「{m.term}」不存在于 data/terms.yaml")
            for other in seen_terms.get(m.term, []):
                if self.overlap(m, deputy.memberships[other], term):
                    self.error(deputy, loc + ("start",), f"与第 {other + 1} 条任职记录同属一届且时间重叠（同一届中调整代表团时，前一条须填写 end）")
            seen_terms.setdefault(m.term, []).append(index)
            if m.group is not None:
                group = self.groups.get(m.group)
                if group is None and self.missing(self.groups, m.group, "data/groups.yaml"):
                    self.error(deputy, loc + ("group",), f"代表团/小组「{m.group}」不存在于 data/groups.yaml")
                elif group is not None and group.term != m.term:
                    self.error(deputy, loc + ("group",), f"代表团/小组「{m.group}」属于第 {group.term} 届，不是第 {m.term} 届")
            start = m.start or (term.start if term else None)
            if m.end and start and m.end < start:
                self.error(deputy, loc + ("end",), "结束日期早于开始日期")
            if term and m.start and (m.start < term.start or (term.end and m.start > term.end)):
                self.error(deputy, loc + ("start",), f"开始日期不在{term.name}任期内")
            if m.end and not m.end_reason:
                self.error(deputy, loc + ("end_reason",), "提前终止时须注明原因（辞职、罢免、调离、去世、资格终止）")
            if m.end_reason and not m.end and m.end_reason != "届满":
                self.error(deputy, loc + ("end",), f"注明了终止原因「{m.end_reason}」但缺少结束日期")
            if deputy.birth and start:
                age = start.year - int(deputy.birth[:4])
                if age < 18:
                    self.error(deputy, ("birth",), "按出生年月，任职开始时未满 18 周岁")

    @staticmethod
    def overlap(a, b, term) -> bool:
        """Whether two memberships of one term share a day; open ends run to the end of the term."""
        far = datetime.date.max
        first = term.start if term else datetime.date.min
        last = (term.end if term and term.end else far)
        a_start, b_start = a.start or first, b.start or first
        a_end, b_end = a.end or last, b.end or last
        return a_start <= b_end and b_start <= a_end

    def markdown(self, record, loc: tuple, text: str | None) -> None:
        for target in unsafe_targets(text or ""):
            self.error(record, loc, f"链接「{target[:40]}」不安全：只允许 http、https、mailto 链接或站内相对链接")

    def bulletin_numbers(self) -> None:
        """One issue per number in a year, one per serial number overall. When two files claim a number,
        the one whose file name matches it keeps it and the other is reported."""
        def well_placed(b) -> bool:
            return b.origin.path.endswith(f"/{b.year}/{b.number}.yaml")

        by_number: dict = {}
        by_serial: dict = {}
        for bulletin in sorted(self.c.bulletins, key=lambda b: (not well_placed(b), b.origin.path)):
            first = by_number.setdefault((bulletin.year, bulletin.number), bulletin)
            if first is not bulletin:
                self.error(bulletin, ("number",), f"期号重复：{bulletin.year} 年第 {bulletin.number} 期已见于 {first.origin.path}")
            if bulletin.serial is not None:
                first = by_serial.setdefault(bulletin.serial, bulletin)
                if first is not bulletin:
                    self.error(bulletin, ("serial",), f"期号重复：总第 {bulletin.serial} 期已见于 {first.origin.path}")

    def articles(self) -> None:
        for article in self.c.articles:
            if article.column and not article.meta.source:
                self.error(article.meta, ("source",), "栏目文章宜注明来源（source），如 县人大常委会办公室", warning=True)
            if article.meta.date and article.meta.date > self.today:
                self.error(article.meta, ("date",), f"发布日期「{article.meta.date}」晚于今天")

    def bulletin(self, bulletin, published_by) -> None:
        parts = PurePosixPath(bulletin.origin.path).parts
        if parts[-2:] != (str(bulletin.year), f"{bulletin.number}.yaml"):
            self.error(bulletin, ("number",), f"文件应位于 data/bulletins/{bulletin.year}/{bulletin.number}.yaml（与 year、number 一致）")
        if self.missing(self.terms, bulletin.term, "data/terms.yaml"):
            self.error(bulletin, ("term",), f"届次「{bulletin.term}」不存在于 data/terms.yaml")
        if bulletin.date.year != bulletin.year:
            self.error(bulletin, ("date",), f"出版日期不在 {bulletin.year} 年")
        if bulletin.pdf:
            self.docs_file(bulletin, ("pdf",), bulletin.pdf, "PDF 文件", (".pdf",))
        for index, item in enumerate(bulletin.items):
            loc = ("items", index)
            if item.page:
                self.docs_file(bulletin, loc + ("page",), item.page, "全文页面", (".md",))
            if item.adopted and item.adopted > bulletin.date:
                self.error(bulletin, loc + ("adopted",), f"通过日期晚于本期出版日期（{bulletin.date}）")
            if item.appointments:
                if self.missing(self.lists, item.appointments, f"data/appointments/{item.appointments}.yaml"):
                    self.error(bulletin, loc + ("appointments",), f"任免名单「{item.appointments}」不存在于 data/appointments/")
                else:
                    published_by[item.appointments].append((bulletin, index))
            if item.type == "任免名单" and not item.appointments:
                self.error(bulletin, loc + ("appointments",), "类别为「任免名单」的条目须填写任免名单编号")
            if not item.page and not item.appointments:
                self.error(bulletin, loc + ("page",), "须填写全文页面 page（或任免名单编号 appointments）")

    def appointment(self, appointment) -> None:
        if self.missing(self.terms, appointment.term, "data/terms.yaml"):
            self.error(appointment, ("term",), f"届次「{appointment.term}」不存在于 data/terms.yaml")
        term = self.terms.get(appointment.term)
        if term and (appointment.date < term.start or (term.end and appointment.date > term.end)):
            self.error(appointment, ("date",), f"会议日期不在{term.name}任期内")
        for index, entry in enumerate(appointment.entries):
            if entry.deputy and self.missing(self.deputies, entry.deputy, f"data/deputies/{entry.deputy}.yaml"):
                self.error(appointment, ("entries", index, "deputy"), f"代表编号「{entry.deputy}」不存在于 data/deputies/")
            deputy = self.deputies.get(entry.deputy) if entry.deputy else None
            if deputy and entry.name != deputy.name and entry.name not in deputy.other_names:
                self.error(appointment, ("entries", index, "deputy"),
                           f"姓名「{entry.name}」与代表 {deputy.id} 的姓名「{deputy.name}」不一致，请核对代表编号", warning=True)


def check_content(content: Content, problems: Problems, today: datetime.date | None = None) -> None:
    Checker(content, problems, today or datetime.date.today()).run()

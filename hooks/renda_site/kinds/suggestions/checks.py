"""The rules of a suggestion's handling that types cannot say: where its file is, the office's categories
and result classes, who may file it, and the order of its dates (提出 → 交办 → 答复 → 征询意见 → 办结)."""
from __future__ import annotations

from collections import Counter
from pathlib import PurePosixPath

from ...model.records import SuggestionSettings
from ..deputies import NAME as DEPUTIES
from ..sessions import NAME as SESSIONS
from .model import UNHAPPY, Suggestion

LEADERS = ("常委会主任", "常委会副主任")


def settings_of(config) -> SuggestionSettings:
    return config.suggestions if config is not None else SuggestionSettings()


def check_settings(config, checker) -> None:
    if config is None:
        return
    settings = config.suggestions
    for field, values in (("categories", list(settings.categories)), ("results", [r.code for r in settings.results])):
        counts = Counter(values)
        for index, value in enumerate(values):
            if counts[value] > 1:
                loc = ("suggestions", field, index) + (("code",) if field == "results" else ())
                checker.error(config, loc, f"「{value}」重复")


def check_suggestion(s: Suggestion, checker, settings: SuggestionSettings) -> None:
    _place(s, checker)
    if s.category not in settings.categories:
        checker.error(s, ("category",), f"类别「{s.category}」不在 data/site.yaml 的 suggestions.categories 中"
                      f"（可选：{'、'.join(settings.categories)}）")
    checker.markdown(s, ("text",), s.text)
    _deputies(s, checker)
    _handling(s, checker)
    _replies(s, checker, {r.code for r in settings.results})
    for loc, day in _dates(s):
        if day > checker.today:
            checker.error(s, loc, f"日期「{day}」晚于今天")


def _place(s: Suggestion, checker) -> None:
    folder, name = PurePosixPath(s.origin.path).parts[-2:]
    if folder != s.session:
        checker.error(s, ("session",), f"会议编号「{s.session}」与所在文件夹「{folder}」不一致"
                      f"（文件应位于 data/suggestions/{s.session}/{s.number}.yaml）")
    elif name != f"{s.number}.yaml":
        checker.error(s, ("number",), f"建议编号 {s.number} 与文件名「{name}」不一致（文件名应为 {s.number}.yaml）")
    session = checker.get(SESSIONS, s.session)
    if session is not None and s.filed < session.start:
        checker.error(s, ("filed",), f"提出日期早于会议开幕日期（{session.start}）")


def _deputies(s: Suggestion, checker) -> None:
    session = checker.get(SESSIONS, s.session)
    term = session.term if session is not None else None
    for loc, deputy in [(("lead",), s.lead)] + [(("cosigners", i), d) for i, d in enumerate(s.cosigners)]:
        if (
            term
            and checker.get(DEPUTIES, deputy) is not None
            and checker.serving(DEPUTIES, deputy, term, s.filed) is None
        ):
            checker.error(s, loc, f"代表「{deputy}」在提出日期（{s.filed}）不是第 {term} 届代表")
    seen = {s.lead}
    for index, deputy in enumerate(s.cosigners):
        if deputy in seen:
            checker.error(s, ("cosigners", index), f"代表「{deputy}」重复列出（领衔代表不再列为附议代表）")
        seen.add(deputy)
    if s.supervision and term:
        roles = checker.serving(DEPUTIES, s.supervision.leader, term, s.assigned or s.filed)
        if roles is not None and not any(role.endswith(LEADERS) for role in roles):
            checker.error(
                s, ("supervision", "leader"), f"督办领导「{s.supervision.leader}」不是常委会主任或副主任", warning=True
            )


def _handling(s: Suggestion, checker) -> None:
    if s.assigned and s.assigned < s.filed:
        checker.error(s, ("assigned",), f"交办日期早于提出日期（{s.filed}）")
    if s.assigned and not s.lead_unit:
        checker.error(s, ("lead_unit",), "已交办的建议须填写主办单位 lead_unit")
    if s.lead_unit and not s.assigned:
        checker.error(s, ("assigned",), "填写了主办单位，须同时填写交办日期 assigned")
    seen = {s.lead_unit}
    for index, unit in enumerate(s.co_units):
        if unit in seen:
            checker.error(s, ("co_units", index), f"承办单位「{unit}」重复列出（主办单位不再列为协办单位）")
        seen.add(unit)
    if s.replies and not s.assigned:
        checker.error(s, ("assigned",), "已有答复的建议须填写交办日期 assigned")
    if s.closed:
        last = s.final
        if last is None:
            checker.error(s, ("closed",), "没有答复的建议不能办结")
        elif s.closed < (last.feedback or last.date):
            checker.error(s, ("closed",), f"办结日期早于最后一次答复或征询意见的日期（{last.feedback or last.date}）")


def _replies(s: Suggestion, checker, codes: set[str]) -> None:
    for index, reply in enumerate(s.replies):
        loc = ("replies", index)
        if s.assigned and reply.date < s.assigned:
            checker.error(s, loc + ("date",), f"答复日期早于交办日期（{s.assigned}）")
        if index:
            before = s.replies[index - 1]
            if before.satisfaction != UNHAPPY:
                checker.error(s, loc + ("date",), f"第 {index + 1} 次答复只能在代表对上一次答复不满意、重新办理之后"
                              f"（上一次答复的 satisfaction 为「{before.satisfaction or '空'}」）")
            elif reply.date < (before.feedback or before.date):
                checker.error(s, loc + ("date",), f"再次答复的日期早于上一次征询意见的日期（{before.feedback}）")
        if reply.result not in codes:
            checker.error(s, loc + ("result",), f"办理结果「{reply.result}」不是 data/site.yaml 中 suggestions.results "
                          f"的代码（可选：{'、'.join(sorted(codes))}）")
        if bool(reply.text and reply.text.strip()) == bool(reply.page):
            checker.error(s, loc + ("text",), "答复须填写全文 text 或全文页面 page，二者选一")
        if reply.page:
            checker.docs_file(s, loc + ("page",), reply.page, "答复页面", (".md",))
        checker.markdown(s, loc + ("text",), reply.text)
        if reply.feedback and reply.feedback < reply.date:
            checker.error(s, loc + ("feedback",), f"征询意见日期早于答复日期（{reply.date}）")
        if reply.satisfaction and not reply.feedback:
            checker.error(s, loc + ("satisfaction",), "填写了代表意见，须同时填写征询意见日期 feedback")
        if reply.feedback and not reply.satisfaction:
            checker.error(s, loc + ("feedback",), "填写了征询意见日期，须同时填写代表意见 satisfaction（满意、"
                                                  "基本满意、不满意）")


def _dates(s: Suggestion):
    yield ("filed",), s.filed
    if s.assigned:
        yield ("assigned",), s.assigned
    for index, reply in enumerate(s.replies):
        yield ("replies", index, "date"), reply.date
        if reply.feedback:
            yield ("replies", index, "feedback"), reply.feedback
    if s.closed:
        yield ("closed",), s.closed

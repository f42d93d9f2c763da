"""Synthetic 人大 site of N pages, written through the real data formats, for benchmarks.

    python bench/synth.py N OUTDIR [--seed S]

Not part of the demo. The tree is a complete project (mkdocs.yml, hooks/, overrides/, data/, docs/)
that `mkdocs build` and `python -m renda_site check` accept. Of the N pages about 60 % are dated
articles (800-3,000 Chinese characters with 一、（一）1. structure; some are the full texts of bulletin
items), 25 % deputies (memberships across consecutive terms, groups, some ended early), 10 % bulletin
issues (items linking full texts, 审议意见 and appointment lists) and 5 % appointment lists (entries in
the usual wording, some naming deputies). The text comes from the phrase bank below, not from any real
document. One random.Random(seed) drives everything and nothing iterates a set, so the same N and seed
give a byte-identical tree.
"""
from __future__ import annotations

import argparse
import datetime
import math
import random
import shutil
import sys
from pathlib import Path

import yaml

from synth_handling import Handling, units_of

REPO = Path(__file__).resolve().parent.parent
COPIED = ["mkdocs.yml", "hooks", "overrides"]   # the real adapter, generator and theme overrides
CURRENT_TERM = 18
CURRENT_START = datetime.date(2021, 12, 28)
LAST_DAY = datetime.date(2026, 6, 30)           # nothing is dated after this (check rejects the future)

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
            "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ("建国华明丽军伟芳秀英敏静强磊洋勇艳杰娟涛超平刚桂兰志红玉萍辉霞亮成林文斌春海燕宇鹏飞晓晨雪梅立新永德庆荣振宏"
         "佳琳欣怡浩然子涵思远俊杰雨婷嘉豪婧瑶慧琴淑珍凤云翠兵铁军")
TOWNS = ["城关镇", "石门镇", "柳河镇", "龙泉镇", "东坝镇", "青山乡", "白沙乡", "杏林乡", "双溪镇", "桃源乡",
         "南岭镇", "马坪乡"]
COMMITTEES = ["法制委员会", "财政经济委员会", "社会建设委员会"]
ETHNICITIES = ["汉族"] * 12 + ["回族", "土家族", "苗族", "壮族"]
PARTIES = ["中共党员"] * 7 + ["群众", "群众", "民盟盟员", "九三学社社员", "无党派人士"]
EDUCATION = ["大学", "大学", "研究生", "大专", "大专", "中专", "高中"]
JOBS = ["{town}党委书记", "{town}人民政府镇长", "{town}{village}村党支部书记、村委会主任", "县人民医院副院长",
        "县第一中学教师", "{town}中心小学校长", "清溪县{firm}有限公司董事长", "{town}{village}村农民",
        "县供电公司职工", "{town}卫生院医生", "县农业农村局农艺师", "清溪县{firm}合作社理事长", "个体工商户"]
VILLAGES = ["东山", "石桥", "大湾", "柳树坪", "新华", "红岩", "两河口", "杨家坝", "李家沟", "水口"]
FIRMS = ["宏达建材", "绿源茶业", "清溪食品", "永兴机械", "山泉农业", "鑫源物流", "青禾果业"]
END_REASONS = ["辞职", "调离", "调离", "去世", "罢免"]
COMMITTEE_ROLES = ["县人大常委会主任", "县人大常委会副主任", "县人大常委会委员"]

TOPICS = ["城乡供水一体化建设", "农村人居环境整治", "义务教育优质均衡发展", "养老服务体系建设", "安全生产",
          "食品安全监管", "生态环境保护", "营商环境优化", "国有资产管理", "预算联网监督", "乡村振兴",
          "河湖长制落实", "老旧小区改造", "基层医疗卫生服务", "公共法律服务", "高标准农田建设", "农村公路养护",
          "未成年人保护", "就业创业扶持", "文化旅游融合发展", "耕地保护", "城市停车管理", "城乡污水处理",
          "中小学课后服务", "退役军人服务保障", "农产品冷链物流", "森林防火", "民族团结进步"]
LAWS = ["中华人民共和国安全生产法", "中华人民共和国食品安全法", "中华人民共和国水污染防治法",
        "中华人民共和国未成年人保护法", "中华人民共和国道路交通安全法", "中华人民共和国义务教育法",
        "中华人民共和国农产品质量安全法", "中华人民共和国森林法", "中华人民共和国老年人权益保障法",
        "中华人民共和国土地管理法", "中华人民共和国传染病防治法", "中华人民共和国消防法"]
BUREAUS = ["县教育局", "县住房和城乡建设局", "县农业农村局", "县卫生健康局", "县民政局", "县交通运输局",
           "县生态环境局", "县市场监督管理局", "县水利局", "县自然资源局", "县财政局", "县人力资源和社会保障局"]
SUBJECTS = ["县人大常委会", "常委会组成人员", "县人大各专门委员会", "县人民政府及其有关部门", "各乡镇人大",
            "代表联络站", "执法检查组", "调研组", "县人大代表", "常委会机关", "各代表小组", "承办单位"]
MANNERS = ["坚持问题导向，深入", "聚焦群众关切，认真", "依法履职，持续", "围绕县委中心工作，扎实",
           "采取明察暗访相结合的方式，", "通过听取汇报、实地察看、座谈交流等形式，", "按照年度工作要点，有序",
           "紧扣高质量发展主题，", "坚持全过程人民民主，广泛"]
ACTS = ["开展了", "推进了", "督促落实了", "跟踪监督了", "调研了", "审议了", "检查了"]
TAILS = ["，取得了明显成效。", "，推动解决了一批群众急难愁盼问题。", "，形成了一批可复制的经验做法。",
         "，为下一步工作打下了坚实基础。", "，有关部门高度重视并逐条研究整改。", "，受到基层群众普遍好评。",
         "，各项任务按计划推进。", "，相关制度机制进一步健全。"]
PROBLEMS = ["基础设施建设仍有短板，部分偏远村组的保障水平不高。", "资金投入渠道较为单一，长效管护机制有待完善。",
            "部门之间协调配合不够顺畅，信息共享程度不高。", "基层专业人才缺乏，队伍结构需要进一步优化。",
            "政策宣传还不够深入，群众的知晓率和参与度有待提高。", "监管执法力量相对薄弱，执法手段较为单一。",
            "个别项目推进迟缓，建设质量和进度需要加强督查。", "考核评价体系不够完善，激励约束作用发挥不充分。"]
SUGGESTIONS = ["进一步压实主体责任，建立问题清单、任务清单和责任清单，逐项销号管理。",
               "加大财政投入力度，积极争取上级资金支持，引导社会资本参与。",
               "健全部门联动机制，定期会商研判，形成工作合力。", "加强基层队伍建设，通过培训、引进等方式补齐人才短板。",
               "创新宣传方式，运用群众喜闻乐见的形式普及相关法律法规。",
               "强化监督检查，对发现的问题跟踪督办，确保整改到位。",
               "完善长效管护机制，明确管护主体、管护标准和经费保障。", "注重运用信息化手段，提升管理服务的精细化水平。"]
NUMBERS = ["全年共收到代表建议{a}件，已全部办结，代表满意和基本满意率达{p}%。",
           "共走访群众{a}人次，收集意见建议{b}条，交有关部门研究办理。",
           "累计投入资金{a}万元，完成项目{b}个，惠及群众{c}余户。",
           "组织代表{a}人次参加视察和调研活动，提出意见建议{b}条。",
           "全县共有{b}个代表联络站，今年接待群众{a}人次。"]
HEADINGS = {
    "report": ["基本情况", "主要做法和成效", "存在的主要问题", "意见和建议"],
    "news": ["会议主要议程", "会议要求", "下一步工作安排"],
    "rule": ["总则", "工作职责", "工作程序", "监督保障", "附则"],
}
SUBHEADINGS = ["加强组织领导", "完善制度机制", "强化督促检查", "注重宣传引导", "突出工作重点", "夯实基层基础",
               "加强队伍建设", "保障资金投入", "推动整改落实", "健全长效机制"]

TITLES = {
    "dongtai": ["县人大常委会召开第{n}次主任会议", "县人大常委会组织代表视察{topic}工作",
                "县人大常委会开展{topic}专题调研",
                "县人大常委会召开{topic}工作推进会", "县人大常委会领导到{town}督导{topic}工作"],
    "shenyi": ["县人大常委会关于县人民政府{topic}工作情况报告的审议意见"],
    "jianyi": ["关于加快推进{topic}的建议", "关于进一步加强{topic}的建议", "关于{town}{topic}有关问题的建议"],
    "banli": ["{bureau}关于县人大代表{topic}建议办理情况的答复", "县人大常委会督办{topic}建议工作情况通报"],
    "zhifa": ["县人大常委会执法检查组关于检查《{law}》实施情况的报告", "县人大常委会启动《{law}》执法检查"],
    "daibiaogongzuo": ["{town}代表联络站开展{topic}主题接待活动", "县人大代表围绕{topic}开展集中视察",
                       "县人大常委会举办代表履职培训班"],
    "zhidu": ["清溪县人大常委会关于{topic}监督工作的办法", "清溪县人大常委会机关{topic}工作制度"],
    "fankui": ["县人民政府关于{topic}工作审议意见研究处理情况的报告", "{bureau}关于{topic}审议意见落实情况的报告"],
    "diaoyan": ["关于全县{topic}情况的调研报告", "关于{town}{topic}工作的调查与思考"],
    "zhibu": ["县人大常委会机关党支部开展{topic}主题党日活动", "县人大常委会机关党支部召开专题组织生活会"],
}
SOURCES = ["县人大常委会办公室", "县人大常委会研究室", "县人大常委会代表工作委员会", "县人大常委会法制工作委员会"]
ACTIONS = [("任命", "{bureau}局长"), ("免去", "{bureau}副局长"), ("决定任命", "{bureau}局长"),
           ("决定免去", "{bureau}局长"), ("任命", "县人民法院审判员"), ("任命", "县人民检察院检察员"),
           ("免去", "县人民法院{dept}庭长"), ("任命", "县人民法院{dept}副庭长"), ("接受辞职", "县人大常委会委员"),
           ("批准任命", "{town}人民检察室主任"), ("任命", "县人大常委会{office}主任"), ("决定代理", "{bureau}局长")]
DEPTS = ["刑事审判庭", "民事审判庭", "行政审判庭", "立案庭", "审判监督庭"]
OFFICES = ["办公室", "研究室", "代表工作委员会", "预算工作委员会", "社会建设工作委员会", "法制工作委员会"]


def cn_number(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return f"{'' if tens == 1 else digits[tens]}十{digits[ones] if ones else ''}"
    return str(n)


def q(text: str) -> str:
    """A YAML double-quoted scalar (our phrase bank never holds a quote or a backslash)."""
    assert '"' not in text and "\\" not in text, text
    return f'"{text}"'


class Synth(Handling):
    def __init__(self, n: int, seed: int):
        self.rng = random.Random(seed)
        self.n = n
        self.deputies_count = max(8, round(n * 0.20))
        self.bulletin_count = max(2, round(n * 0.08))              # each issue carries one meeting: 8 % more
        self.list_count = math.ceil(self.bulletin_count / 2)        # every other issue carries a list: 4 %
        self.suggestion_count = max(10, round(n * 0.08))
        self.towns, self.units, self.last_day = TOWNS, units_of(BUREAUS, TOWNS), LAST_DAY
        fixed = len(self.towns) + len(self.units)                  # a station per town, a page per unit
        self.article_count = max(20, n - self.deputies_count - 2 * self.bulletin_count - self.list_count
                                 - self.suggestion_count - fixed)
        # Twenty years of archives; more years when an issue number would pass 99 in a year.
        self.span = max(20, math.ceil(self.bulletin_count / 60))
        self.first_day = datetime.date(LAST_DAY.year - self.span + 1, 1, 1)
        self.files: dict[str, str] = {}                            # relative path -> text, written in order
        self.columns = [c["id"] for c in yaml.safe_load((REPO / "data" / "site.yaml").read_text("utf-8"))["columns"]]

    # --- small helpers ---------------------------------------------------------------------------
    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def name(self) -> str:
        given = self.pick(GIVEN) + (self.pick(GIVEN) if self.rng.random() < 0.7 else "")
        return self.pick(SURNAMES) + given

    def day_between(self, start: datetime.date, end: datetime.date) -> datetime.date:
        return datetime.date.fromordinal(self.rng.randint(start.toordinal(), max(start, end).toordinal()))

    def fill(self, template: str) -> str:
        return template.format(topic=self.pick(TOPICS), town=self.pick(TOWNS), law=self.pick(LAWS),
                               bureau=self.pick(BUREAUS), n=cn_number(self.rng.randint(1, 60)),
                               village=self.pick(VILLAGES), firm=self.pick(FIRMS), dept=self.pick(DEPTS),
                               office=self.pick(OFFICES))

    def sentence(self) -> str:
        r = self.rng.random()
        if r < 0.55:
            return (f"{self.pick(SUBJECTS)}{self.pick(MANNERS)}{self.pick(ACTS)}{self.pick(TOPICS)}"
                    f"工作{self.pick(TAILS)}")
        if r < 0.7:
            return self.pick(NUMBERS).format(a=self.rng.randint(20, 3000), b=self.rng.randint(5, 300),
                                             c=self.rng.randint(100, 20000), p=self.rng.randint(90, 100))
        if r < 0.85:
            return self.pick(PROBLEMS)
        return self.pick(SUGGESTIONS)

    def paragraph(self, sentences: int) -> str:
        return "".join(self.sentence() for _ in range(sentences))

    def body(self, kind: str, length: int, names: list[str]) -> str:
        """Official-text structure: an opening paragraph, then 一、 sections with （一） parts and 1. items."""
        parts = [self.paragraph(self.rng.randint(2, 4))]
        size = len(parts[0])
        headings = HEADINGS[kind]
        for index, heading in enumerate(headings):
            if size >= length and index >= 2:
                break
            parts.append(f"{cn_number(index + 1)}、{heading}")
            for sub in range(self.rng.randint(1, 3)):
                text = f"（{cn_number(sub + 1)}）{self.pick(SUBHEADINGS)}。{self.paragraph(self.rng.randint(2, 5))}"
                if names and self.rng.random() < 0.3:
                    text += f"{self.pick(names)}代表在发言中表示，要{self.pick(SUGGESTIONS)}"
                parts.append(text)
                size += len(text)
                if self.rng.random() < 0.4:
                    items = [f"{i + 1}. {self.pick(SUGGESTIONS)}" for i in range(self.rng.randint(2, 4))]
                    parts.append("\n".join(items))
                    size += sum(len(i) for i in items)
            while index == len(headings) - 1 and size < length:
                text = self.paragraph(self.rng.randint(3, 6))
                parts.append(text)
                size += len(text)
        return "\n\n".join(parts) + "\n"

    def article(self, path: str, title: str, date: datetime.date, kind: str, names: list[str],
                disclosure: str | None = None) -> None:
        meta = [f"title: {q(title)}", f"date: {q(date.isoformat())}", f"source: {q(self.pick(SOURCES))}"]
        if disclosure:
            meta += ["disclosure:", f"  index_no: {q(f'QXRD-{date.year}-{self.rng.randint(1, 99999):05d}')}",
                     f"  publisher: {q('清溪县人大常委会')}", f"  doc_date: {q(date.isoformat())}",
                     f"  category: {q(disclosure)}", f"  scope: {q('全部公开')}",
                     f"  doc_no: {q(f'清人常〔{date.year}〕{self.rng.randint(1, 60)}号')}"]
        text = self.body(kind, self.rng.randint(800, 3000), names)
        self.files[path] = "---\n" + "\n".join(meta) + "\n---\n\n" + text

    # --- records ---------------------------------------------------------------------------------
    def terms(self) -> list[tuple[int, datetime.date, datetime.date | None]]:
        out, number, start = [], CURRENT_TERM, CURRENT_START
        while True:
            end = out[-1][1] - datetime.timedelta(days=1) if out else None
            out.append((number, start, end))
            if start <= self.first_day:
                break
            number, start = number - 1, start.replace(year=start.year - 5)
        out.reverse()
        self.term_list = out
        lines = []
        for number, start, end in out:
            lines += [f"- id: {q(str(number))}", f"  name: 第{cn_number(number)}届", f"  start: {q(start.isoformat())}",
                      f"  end: {q(end.isoformat()) if end else 'null'}"]
        self.files["data/terms.yaml"] = "\n".join(lines) + "\n"
        groups = []
        for number, _, _ in out:
            for index, town in enumerate(TOWNS):
                groups.append((f"t{number}-g{index:02d}", f"{town}代表团", "代表团", number))
            groups.append((f"t{number}-cwh", f"清溪县第{cn_number(number)}届人大常委会", "常委会", number))
            for index, name in enumerate(COMMITTEES):
                groups.append((f"t{number}-zw{index}", name, "专门委员会", number))
        self.groups = groups
        lines = []
        for gid, name, kind, term in groups:
            lines += [f"- id: {q(gid)}", f"  name: {name}", f"  kind: {kind}", f"  term: {q(str(term))}"]
        self.files["data/groups.yaml"] = "\n".join(lines) + "\n"

    def term_of(self, day: datetime.date) -> int:
        for number, start, end in self.term_list:
            if start <= day and (end is None or day <= end):
                return number
        return self.term_list[0][0]

    def deputies(self) -> None:
        terms = self.term_list
        self.deputy_names: dict[str, str] = {}
        self.seats: dict[int, list[str]] = {t[0]: [] for t in terms}
        # term -> (deputy, town index, start, end or None, roles): who can file, preside, sit in a station
        self.seat_info: dict[int, list[tuple]] = {t[0]: [] for t in terms}
        committee: dict[int, int] = {t[0]: 0 for t in terms}
        for index in range(1, self.deputies_count + 1):
            did = f"d{index:05d}"
            name = self.name()
            self.deputy_names[did] = name
            first = self.rng.randrange(len(terms))
            served = terms[first: first + self.rng.choice([1, 1, 2, 2, 3])]
            born = self.rng.randint(terms[first][1].year - 60, terms[first][1].year - 25)
            town = self.rng.randrange(len(TOWNS))
            lines = [f"id: {q(did)}", f"name: {name}"]
            lines.append(f"other_names: [{self.name()}]" if self.rng.random() < 0.03 else "other_names: []")
            lines += [f"gender: {self.pick('男男女')}", f"ethnicity: {self.pick(ETHNICITIES)}",
                      f"birth: {q(f'{born}-{self.rng.randint(1, 12):02d}')}", f"party: {self.pick(PARTIES)}",
                      f"education: {self.pick(EDUCATION)}", f"photo: assets/photos/{did}.svg",
                      "bio: |"]
            job = self.fill(self.pick(JOBS).replace("{town}", TOWNS[town]))
            lines += [(f"  {born}年生，{TOWNS[town]}人。现任{job}。当选代表以来，"
                       f"{self.paragraph(self.rng.randint(1, 2))}"),
                      "memberships:"]
            for position, (term, start, end) in enumerate(served):
                self.seats[term].append(did)
                kind = self.rng.random()
                leading = committee[term] < 3                     # every term has a chair and two more members
                group = (f"t{term}-cwh" if kind < 0.05 or leading
                         else f"t{term}-zw{self.rng.randrange(3)}" if kind < 0.1 else f"t{term}-g{town:02d}")
                roles = []
                if group.endswith("cwh"):
                    roles = [COMMITTEE_ROLES[min(committee[term], len(COMMITTEE_ROLES) - 1)]]
                    committee[term] += 1
                lines += [f"  - term: {q(str(term))}", f"    group: {q(group)}",
                          f"    constituency: {TOWNS[town]}第{cn_number(self.rng.randint(1, 9))}选区",
                          f"    position: {job}", f"    roles: [{', '.join(roles)}]",
                          f"    start: {q(start.isoformat())}"]
                last = position == len(served) - 1
                stop = None
                if last and self.rng.random() < 0.05 and not leading:
                    stop = self.day_between(start + datetime.timedelta(days=200), (end or LAST_DAY))
                    lines += [f"    end: {q(stop.isoformat())}", f"    end_reason: {self.pick(END_REASONS)}"]
                self.seat_info[term].append((did, town, start, stop or end, tuple(roles)))
            self.files[f"data/deputies/{did}.yaml"] = "\n".join(lines) + "\n"
            self.files[f"docs/assets/photos/{did}.svg"] = (
                '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 320" width="240" height="320" role="img">'
                f'<title>{name}照片</title><rect width="240" height="320" fill="#e3ebf3"/>'
                f'<circle cx="120" cy="{self.rng.randint(120, 140)}" r="56" fill="#8a9bb0"/>'
                '<path d="M28 320 C30 258 66 226 120 226 C174 226 210 258 212 320 Z" fill="#6f8299"/></svg>\n')

    def issues(self) -> None:
        """Bulletin issues, their full texts, the 审议意见 they carry and half of them an appointment list."""
        per_year = [self.bulletin_count // self.span + (1 if y < self.bulletin_count % self.span else 0)
                    for y in range(self.span)]
        issues = []
        for offset, count in enumerate(per_year):
            year = self.first_day.year + offset
            days = sorted(self.day_between(datetime.date(year, 1, 15), min(datetime.date(year, 12, 28), LAST_DAY))
                          for _ in range(count))
            issues += [(year, number + 1, day) for number, day in enumerate(days)]
        texts = [self.rng.randint(1, 3) for _ in issues]
        column_articles = max(len(self.columns), self.article_count - sum(texts))
        names = list(self.deputy_names.values())
        # Column articles first: the bulletins link the 审议意见 among them.
        shenyi = []
        for index in range(column_articles):
            column = self.columns[index % len(self.columns)]
            day = self.day_between(self.first_day, LAST_DAY)
            title = self.fill(self.pick(TITLES.get(column, TITLES["dongtai"])))
            kind = ("news" if column in ("dongtai", "daibiaogongzuo", "zhibu")
                    else "rule" if column == "zhidu" else "report")
            path = f"docs/{column}/{day.isoformat()}-a{index:05d}.md"
            self.article(path, title, day, kind, names)
            if column == "shenyi":
                shenyi.append((day, path[5:], title))
        shenyi.sort()
        meeting_of_term: dict[int, int] = {}
        serial = 0
        for (year, number, day), text_count in zip(issues, texts, strict=True):
            serial += 1
            term = self.term_of(day)
            # The meeting whose texts the issue carries: every issue one meeting, a few days before it.
            held = max(day - datetime.timedelta(days=self.rng.randint(3, 20)), self.term_list[0][1])
            meeting_term = self.term_of(held)
            meeting_of_term[meeting_term] = meeting_of_term.get(meeting_term, 0) + 1
            meeting_id = f"{meeting_term}-{meeting_of_term[meeting_term]}"
            items, agenda = [], []
            for k in range(text_count):
                kind, word = self.pick([("决议", "决议"), ("决定", "决定"), ("报告", "报告"), ("公告", "公告"),
                                        ("地方性法规", "规定")])
                topic = self.pick(TOPICS)
                title = (f"清溪县人民代表大会常务委员会关于{topic}的{word}" if kind != "报告"
                         else f"县人民政府关于{topic}工作情况的报告")
                path = f"gongbao/wenjian/{held.year}/{year}-{number:02d}-{k + 1}.md"
                self.article("docs/" + path, title, held, "report" if kind == "报告" else "rule", names,
                             disclosure="决议决定" if kind in ("决议", "决定") else None)
                item = [f"  - title: {title}", f"    type: {kind}", f"    page: {path}"]
                if kind in ("决议", "决定", "地方性法规"):
                    item.append(f"    adopted: {q(held.isoformat())}")
                    agenda.append(("表决" + title + "（草案）", "adopted", path))
                else:
                    agenda.append(("听取和审议" + title if kind == "报告" else "审议" + title, "documents", path))
                items.append(item)
            if shenyi and shenyi[0][0] <= day:
                _, path, title = shenyi.pop(0)
                items.append([f"  - title: {title}", "    type: 审议意见", f"    page: {path}"])
                agenda.append(("审议有关工作报告，形成审议意见", "opinion", path))
            if serial % 2 == 1 and serial // 2 < self.list_count:
                title = (f"清溪县第{cn_number(meeting_term)}届人大常委会"
                         f"第{cn_number(meeting_of_term[meeting_term])}次会议任免名单")
                self.appointment_list(meeting_id, title, meeting_term, held)
                items.append([f"  - title: {title}", "    type: 任免名单", f"    appointments: {q(meeting_id)}"])
                agenda.append(("表决人事任免事项", "appointments", meeting_id))
            self.meeting(meeting_id, meeting_term, meeting_of_term[meeting_term], held, agenda)
            lines = [f"year: {year}", f"number: {number}", f"serial: {serial}", f"date: {q(day.isoformat())}",
                     f"term: {q(str(term))}", "meetings:", f"  - {q(meeting_id)}", "pdf: null", "items:"]
            for item in items:
                lines += item
            self.files[f"data/bulletins/{year}/{number}.yaml"] = "\n".join(lines) + "\n"

    def appointment_list(self, list_id: str, title: str, term: int, day: datetime.date) -> None:
        lines = [f"id: {q(list_id)}", f"title: {title}", f"term: {q(str(term))}",
                 f"date: {q(day.isoformat())}", "entries:"]
        seats = self.seats.get(term) or []
        for _ in range(self.rng.randint(4, 16)):
            action, position = self.pick(ACTIONS)
            position = self.fill(position)
            organization = ("县人民法院" if "法院" in position else "县人民检察院" if "检察" in position
                            else "县人大常委会" if "人大" in position else "县人民政府")
            if seats and self.rng.random() < 0.2:
                deputy = self.pick(seats)
                name, link = self.deputy_names[deputy], f"    deputy: {q(deputy)}"
            else:
                name, link = self.name(), None
            lines += [f"  - action: {action}", f"    name: {name}", f"    position: {position}",
                      f"    organization: {organization}"]
            if link:
                lines.append(link)
            if action == "接受辞职" or self.rng.random() < 0.05:
                lines.append(f"    note: {self.pick(['因工作调动', '因到龄退休', '本人申请'])}")
        self.files[f"data/appointments/{list_id}.yaml"] = "\n".join(lines) + "\n"

    def build(self) -> dict[str, str]:
        self.terms()
        self.deputies()
        self.issues()
        self.handling()
        return self.files


def copy_fixed_parts(out: Path, columns: list[str]) -> None:
    """The project's real adapter and theme, data/site.yaml, and the hand-written pages of docs/ that are
    not articles (人大概况, CSS, …): the synthetic site is built exactly like a real one."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    out.mkdir(parents=True, exist_ok=True)
    for part in COPIED:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, out / part, ignore=ignore)
        else:
            shutil.copyfile(src, out / part)
    (out / "data").mkdir(parents=True)
    # 专题 pages link the demo's own articles, which the synthetic site does not have: neither they nor the
    # home page's links to them are copied.
    site = yaml.safe_load((REPO / "data" / "site.yaml").read_text("utf-8"))
    site.get("home", {}).pop("topics", None)
    (out / "data" / "site.yaml").write_text(yaml.safe_dump(site, allow_unicode=True, sort_keys=False), "utf-8")
    skipped = set(columns) | {"gongbao/wenjian", "assets/photos", "zhuanti"}
    for src in sorted((REPO / "docs").rglob("*")):
        rel = src.relative_to(REPO / "docs").as_posix()
        if src.is_dir() or any(rel == s or rel.startswith(s + "/") for s in skipped):
            continue
        dest = out / "docs" / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)


def write_site(n: int, out: Path, seed: int = 2026) -> dict[str, int]:
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} 不是空目录")
    synth = Synth(n, seed)
    files = synth.build()
    copy_fixed_parts(out, synth.columns)
    for rel, text in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    counts = {"articles": sum(1 for r in files if r.startswith("docs/") and r.endswith(".md")),
              "deputies": synth.deputies_count, "bulletins": sum(1 for r in files if r.startswith("data/bulletins/")),
              "appointment_lists": sum(1 for r in files if r.startswith("data/appointments/")),
              **{kind: sum(1 for r in files if r.startswith(f"data/{kind}/"))
                 for kind in ("meetings", "suggestions", "stations")}}
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="写出一个含 N 个页面的合成人大网站项目（用于性能测试）")
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    counts = write_site(args.n, args.out, args.seed)
    print(" ".join(f"{k}={v}" for k, v in counts.items()), f"total={sum(counts.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

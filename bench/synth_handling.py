"""The synthetic site's meetings, sessions, handling units, deputies' suggestions and liaison stations
(bench/synth.py): written through the real data formats, from the same random generator, so the same N
gives the same bytes. Each bulletin issue carries one Standing Committee meeting, which adopts its texts
and its appointment list; suggestions are filed at the congress sessions (one a year) by deputies
serving then, and answered, some late, a few after a 不满意 twice."""
from __future__ import annotations

import datetime


def units_of(bureaus: list[str], towns: list[str]) -> list[tuple[str, str, str]]:
    """(id, name, kind) of the handling units: the county's bureaus and the towns' governments."""
    return [(f"u{i:02d}", name, "县政府部门") for i, name in enumerate(bureaus, 1)] + \
           [(f"z{i:02d}", f"{town}人民政府", "乡镇") for i, town in enumerate(towns, 1)]

CATEGORIES = ["经济发展", "农业农村", "城乡建设", "交通运输", "生态环境", "教育科技", "医疗卫生", "社会保障"]
SUGGESTION_TOPICS = ["农村公路养护", "城乡供水一体化", "义务教育优质均衡", "乡镇卫生院建设", "老旧小区改造",
                     "高标准农田建设", "农产品冷链物流", "养老服务", "城区停车管理", "河道综合治理"]
PLEASED = ["满意"] * 7 + ["基本满意"] * 2
UNHAPPY_EVERY = 10           # one suggestion in ten is answered twice: 不满意 → 重新办理 → 再次答复


def q(text: str) -> str:
    assert '"' not in text and "\\" not in text, text
    return f'"{text}"'


def block(text: str, indent: str) -> list[str]:
    return ["|"] if not text else [f"{indent}{line}" for line in text.splitlines()]


class Handling:
    """Mixin of bench/synth.py's Synth: uses its rng, seats, terms, towns, units and phrase helpers."""

    # --- whom a record may name ------------------------------------------------------------------
    def serving(self, term: int, day: datetime.date, roles: bool = False) -> list[tuple]:
        seats = [s for s in self.seat_info.get(term, []) if s[2] <= day and (s[3] is None or day <= s[3])]
        return [s for s in seats if s[4]] if roles else seats

    def choose(self, seats: list, count: int) -> list[str]:
        chosen: list[str] = []
        for _ in range(count * 3):
            if len(chosen) == count or not seats:
                break
            deputy = self.pick(seats)[0]
            if deputy not in chosen:
                chosen.append(deputy)
        return chosen

    # --- Standing Committee meetings --------------------------------------------------------------
    def meeting(self, meeting_id: str, term: int, number: int, day: datetime.date, agenda: list[tuple]) -> None:
        committee = self.serving(term, day, roles=True)
        chairs = [s for s in committee if s[4][0].endswith("主任")] or committee
        members = 25
        present = self.rng.randint(19, members)
        present_members = self.choose(committee, min(8, present, len(committee)))
        presiding = self.choose(chairs, 1) or self.choose(self.seat_info[term], 1)
        invited = [d for d in self.choose([s for s in self.serving(term, day) if not s[4]], 3)
                   if d not in present_members]
        lines = [f"id: {q(meeting_id)}", f"term: {q(str(term))}", f"number: {number}", f"start: {q(day.isoformat())}",
                 "place: 县人大常委会机关第一会议室", f"presiding: [{', '.join(q(d) for d in presiding)}]",
                 f"members: {members}", f"present: {present}",
                 f"present_members: [{', '.join(q(d) for d in present_members)}]",
                 f"invited_deputies: [{', '.join(q(d) for d in invited)}]",
                 "observers: [县人民政府有关负责同志, 县监察委员会、县人民法院、县人民检察院有关负责同志]", "agenda:"]
        for title, what, target in agenda:
            lines.append(f"  - title: {title}")
            if what == "documents":
                lines.append(f"    documents: [{target}]")
            elif what in ("adopted", "opinion"):
                lines.append(f"    {what}: {target}")
            else:
                lines.append(f"    appointments: {q(target)}")
            if what in ("adopted", "appointments"):
                against = self.rng.choice([0, 0, 0, 1])
                abstain = self.rng.choice([0, 0, 1, 2])
                lines.append(f"    vote: {{in_favour: {present - against - abstain}, against: {against}, abstain: "
                             f"{abstain}}}")
        self.files[f"data/meetings/{meeting_id}.yaml"] = "\n".join(lines) + "\n"

    # --- sessions, units, suggestions, stations ---------------------------------------------------
    def handling(self) -> None:
        sessions = []
        for number, start, end in self.term_list:
            for k in range(1, 6):
                opens = start + datetime.timedelta(days=2) if k == 1 else datetime.date(start.year + k - 1, 1, 10)
                if opens <= (end or self.last_day) and opens + datetime.timedelta(days=2) <= self.last_day:
                    sessions.append((f"{number}-{k}", number, k, opens))
        self.files["data/sessions.yaml"] = "".join(
            f"- id: {q(sid)}\n  term: {q(str(term))}\n  number: {k}\n  start: {q(day.isoformat())}\n"
            f"  end: {q((day + datetime.timedelta(days=2)).isoformat())}\n  place: 清溪县人民会堂\n"
            for sid, term, k, day in sessions)
        self.files["data/units.yaml"] = "".join(f"- id: {q(uid)}\n  name: {name}\n  kind: {kind}\n"
                                                for uid, name, kind in self.units)
        numbers: dict[str, int] = {}
        for index in range(self.suggestion_count):
            sid, term, _, opens = sessions[-1 - index % len(sessions)]      # the newest first: some still open
            numbers[sid] = numbers.get(sid, 0) + 1
            self.suggestion(sid, numbers[sid], term, opens + datetime.timedelta(days=1), index % UNHAPPY_EVERY == 3)
        self.stations()

    def suggestion(self, sid: str, number: int, term: int, filed: datetime.date, unhappy: bool) -> None:
        serving = self.serving(term, filed)
        deputies = self.choose(serving, self.rng.randint(1, 4))
        if not deputies:
            return
        topic, town = self.pick(SUGGESTION_TOPICS), self.pick(self.towns)
        units = [u[0] for u in self.units]
        lead_unit = self.pick(units)
        co_units = [u for u in self.choose([(u,) for u in units], self.rng.randint(0, 2)) if u != lead_unit]
        assigned = filed + datetime.timedelta(days=self.rng.randint(20, 40))
        lines = [f"session: {q(sid)}", f"number: {number}", f"title: 关于{town}{topic}的建议",
                 f"category: {self.pick(CATEGORIES)}", f"lead: {q(deputies[0])}",
                 f"cosigners: [{', '.join(q(d) for d in deputies[1:])}]", f"filed: {q(filed.isoformat())}", "text: |"]
        lines += block(f"{self.paragraph(2)}\n\n一、{self.pick_suggestion()}\n\n二、{self.pick_suggestion()}", "  ")
        lines += [f"assigned: {q(assigned.isoformat())}", f"lead_unit: {q(lead_unit)}",
                  f"co_units: [{', '.join(q(u) for u in co_units)}]"]
        leaders = [s for s in self.serving(term, assigned, roles=True) if s[4][0].endswith("主任")]
        if leaders and self.rng.random() < 0.05:
            lines += ["supervision:", f"  leader: {q(self.pick(leaders)[0])}"]
        lines.append("replies:")
        last = None
        day = assigned + datetime.timedelta(days=self.rng.randint(30, 100))      # a few after the 3 months
        while day <= self.last_day and len([line for line in lines if line.startswith("  - date:")]) < 2:
            feedback = day + datetime.timedelta(days=self.rng.randint(5, 20))
            satisfaction = "不满意" if unhappy and last is None else self.pick(PLEASED)
            lines += [f"  - date: {q(day.isoformat())}", f"    doc_no: 清政函〔{day.year}〕{self.rng.randint(1, 99)}号",
                      f"    result: {self.pick('AABBBCD')}", "    text: |"]
            lines += block(f"代表：\n\n您提出的建议收悉。现答复如下：{self.paragraph(3)}", "      ")
            if feedback > self.last_day:
                break
            lines += [f"    feedback: {q(feedback.isoformat())}", f"    satisfaction: {satisfaction}"]
            last = (feedback, satisfaction)
            if satisfaction != "不满意":
                break
            day = feedback + datetime.timedelta(days=self.rng.randint(30, 80))
        if lines[-1] == "replies:":
            lines[-1] = "replies: []"
        if last and last[1] != "不满意" and last[0] + datetime.timedelta(days=10) <= self.last_day:
            lines.append(f"closed: {q((last[0] + datetime.timedelta(days=10)).isoformat())}")
        self.files[f"data/suggestions/{sid}/{number}.yaml"] = "\n".join(lines) + "\n"

    def pick_suggestion(self) -> str:
        return self.sentence() + self.sentence()

    def stations(self) -> None:
        term, start, _ = self.term_list[-1]
        serving = list(self.serving(term, self.last_day))
        for index, town in enumerate(self.towns):
            local = [s for s in serving if s[1] == index] or serving     # a town without deputies: any of them
            deputies = self.choose(local, min(4, len(local)))
            self.files[f"data/stations/town-{index:02d}.yaml"] = "\n".join([
                f"id: town-{index:02d}", f"name: {town}人大代表联络站", "kind: 代表联络站", f"town: {town}",
                f"address: {town}便民服务中心二楼", f"reception_days: 每月{self.rng.randint(1, 28)}日",
                "reception_hours: 上午9:00—11:30", f"phone: {q(f'0000-{index + 1:07d}')}",
                f"opened: {q(start.isoformat())}", f"deputies: [{', '.join(q(d) for d in deputies)}]", "intro: |",
                *block(self.paragraph(2), "  ")]) + "\n"

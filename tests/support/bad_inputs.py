"""The corpus of bad inputs: each case is one editor mistake made in a copy of the demo project.

A case edits one file (replacing the first occurrence of `old` with `new`, appending, or writing a whole
file) and says where the error must be reported: the file, the line (found as the first line of that file
containing `at`), the field, and a fragment of the Chinese message.
"""
from __future__ import annotations

from dataclasses import dataclass

APPEND = object()      # `old` sentinel: add `new` at the end of the file
WRITE = None           # `old` sentinel: write `new` as the whole file (a new or replaced file)


@dataclass(frozen=True)
class Copy:
    """`old` sentinel: the file becomes a copy of another file of the project."""

    source: str


@dataclass(frozen=True)
class Link:
    """`old` sentinel: the file becomes a symbolic link to `target`."""

    target: str


@dataclass(frozen=True)
class Make:
    """`old` sentinel: `make(path)` writes the file (a .docx, .xlsx, .pdf or image)."""

    make: object

    def __repr__(self) -> str:
        return f"Make({getattr(self.make, '__name__', self.make)})"


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    old: object
    new: str
    field: str
    fragment: str
    at: str | None = None            # text on the reported line; default: the first line of `new`
    report_file: str | None = None   # where the error is reported; default: `file`
    whole: bool = False              # reported without a line (a file name, a link, a binary file)
    extra: tuple = ()                # further edits (file, old, new) made before this one

    @property
    def where(self) -> str:
        return self.report_file or self.file

    @property
    def marker(self) -> str:
        return self.at if self.at is not None else self.new.strip().splitlines()[0].strip()


D1 = "data/deputies/d0001.yaml"
D2 = "data/deputies/d0002.yaml"
B3 = "data/bulletins/2024/3.yaml"
B2 = "data/bulletins/2024/2.yaml"
A19 = "data/appointments/18-19.yaml"
ART = "docs/dongtai/2017-04-26-changweihui-di3ci-huiyi.md"
S15 = "data/suggestions/18-3/15.yaml"          # two replies: 不满意, then 满意
S41 = "data/suggestions/18-3/41.yaml"          # answered by a page in docs/
M17 = "data/meetings/18-17.yaml"
M19 = "data/meetings/18-19.yaml"
ST = "data/stations/chengguan-renminlu.yaml"
FORMER = "d0004"                                # a deputy of the 17th term only
FIRST_MEMBERSHIP_END = '    start: "2016-12-20"\n    end: null\n    end_reason: null'

NEW_DEPUTY = """id: "d0099"
name: 测试代表
gender: 女
memberships:
{memberships}
"""

CASES = [
    # --- types and enums in a deputy file ---
    Case("gender-latin", D1, "gender: 男", "gender: M", "gender",
         "取值必须为「男」或「女」，实际为「M」。是否应为「男」？"),
    Case("gender-word", D1, "gender: 男", "gender: 男的", "gender", "是否应为「男」"),
    Case("unknown-field-typo", D1, "education: 大学", "educaton: 大学", "educaton", "是否应为「education」"),
    Case("unknown-field-chinese", D1, "education: 大学", "education: 大学\n性别: 男", "性别", "是否应为「gender」",
         at="性别: 男"),
    Case("unknown-field-idcard", D1, "education: 大学", "education: 大学\nidcard: 见档案", "idcard",
         "不允许出现未定义的字段", at="idcard"),
    Case("unknown-field-phone-in-membership", D1, "    roles: [县人大常委会主任]",
         "    roles: [县人大常委会主任]\n    phone: 见通讯录", "memberships 第1项 phone", "未知字段「phone」",
         at="phone:"),
    Case("id-format", D1, 'id: "d0001"', 'id: "D 0001"', "id", "编号只能由小写字母、数字和连字符组成"),
    Case("id-vs-file-name", D1, 'id: "d0001"', 'id: "d0100"', "id", "与文件名「d0001」不一致"),
    Case("duplicate-id", "data/deputies/d0099.yaml", Copy(D1), "", "id", "代表编号「d0001」重复", at='id: "d0001"'),
    Case("birth-format", D1, 'birth: "1964-05"', 'birth: "1964/05"', "birth", "格式应为「1975-03」"),
    Case("birth-future", D1, 'birth: "1964-05"', 'birth: "2090-05"', "birth", "晚于今天"),
    Case("birth-implausible", D1, 'birth: "1964-05"', 'birth: "1850-05"', "birth", "不合理"),
    Case("birth-under-18", D1, 'birth: "1964-05"', 'birth: "2005-05"', "birth", "未满 18 周岁"),
    Case("name-missing", D1, "name: 周明远\n", "", "name", "缺少必填字段「name」（姓名）", at='id: "d0001"'),
    Case("name-empty", D1, "name: 周明远", 'name: ""', "name", "不能为空"),
    Case("other-names-not-list", D1, "other_names: []", "other_names: 周远", "other_names", "应为列表"),
    Case("ethnicity-boolean", D1, "ethnicity: 汉族", "ethnicity: yes", "ethnicity",
         "应为文本，实际为「True」（是/否、日期、数字等请加引号）"),
    Case("duplicate-key", D1, "party: 中共党员", "party: 中共党员\nparty: 群众", "party", "字段重复出现",
         at="party: 群众"),
    Case("memberships-empty", "data/deputies/d0099.yaml", WRITE, NEW_DEPUTY.format(memberships="  []"), "memberships",
         "至少需要一项", at="memberships:"),
    Case("membership-start-not-date", D1, '    start: "2016-12-20"', '    start: "2016-13-40"',
         "memberships 第1项 start", "应为日期"),
    # --- references and dates in a deputy file ---
    Case("membership-term-dangling", D1, '  - term: "17"', '  - term: "19"', "memberships 第1项 term",
         "届次「19」不存在于 data/terms.yaml"),
    Case("membership-group-dangling", D1, 'group: "t17-chengguan"', 'group: "t17-nowhere"', "memberships 第1项 group",
         "不存在于 data/groups.yaml"),
    Case("membership-group-other-term", D1, 'group: "t17-chengguan"', 'group: "t18-chengguan"',
         "memberships 第1项 group", "属于第 18 届，不是第 17 届"),
    Case("membership-end-before-start", D1, FIRST_MEMBERSHIP_END,
         '    start: "2016-12-20"\n    end: "2015-01-01"\n    end_reason: 辞职', "memberships 第1项 end",
         "结束日期早于开始日期", at='end: "2015-01-01"'),
    Case("membership-end-without-reason", D1, FIRST_MEMBERSHIP_END,
         '    start: "2016-12-20"\n    end: "2018-01-01"\n    end_reason: null', "memberships 第1项 end_reason",
         "须注明原因", at="end_reason: null"),
    Case("membership-end-reason-unknown", D1, FIRST_MEMBERSHIP_END,
         '    start: "2016-12-20"\n    end: "2018-01-01"\n    end_reason: 退休', "memberships 第1项 end_reason",
         "取值必须为「届满」或", at="end_reason: 退休"),
    Case("membership-end-reason-did-you-mean", D1, FIRST_MEMBERSHIP_END,
         '    start: "2016-12-20"\n    end: "2018-01-01"\n    end_reason: 辞去', "memberships 第1项 end_reason",
         "是否应为「辞职」", at="end_reason: 辞去"),
    Case("membership-reason-without-end", D1, FIRST_MEMBERSHIP_END,
         '    start: "2016-12-20"\n    end: null\n    end_reason: 调离', "memberships 第1项 end", "缺少结束日期",
         at="end: null"),
    Case("membership-start-outside-term", D1, '    start: "2016-12-20"', '    start: "2023-01-01"',
         "memberships 第1项 start", "不在第十七届任期内"),
    Case("memberships-overlap", D1, APPEND, '  - term: "18"\n    group: "t18-shimen"\n    start: "2023-01-01"',
         "memberships 第3项 start", "与第 2 条任职记录同属一届且时间重叠", at='start: "2023-01-01"'),
    Case("photo-dangling", D1, "photo: assets/photos/d0001.svg", "photo: assets/photos/nobody.jpg", "photo",
         "照片「assets/photos/nobody.jpg」不存在"),
    Case("photo-wrong-type", D1, "photo: assets/photos/d0001.svg", "photo: gaikuang/index.md", "photo", "文件类型应为"),
    Case("photo-absolute", D1, "photo: assets/photos/d0001.svg", "photo: /assets/photos/d0001.svg", "photo",
         "不能以「/」开头"),
    Case("bio-javascript-link", D1, "bio: |\n", "bio: |\n  [主页](javascript:alert(1))\n", "bio", "不安全",
         at="bio: |"),
    # --- privacy ---
    Case("mobile-in-position", D1, "    position: 县人大常委会党组书记、主任",
         "    position: 县人大常委会主任 13812345678", "memberships 第1项 position", "疑似手机号码「138****5678」"),
    Case("mobile-spaced-in-bio", D2, "bio: |\n", "bio: |\n  联系电话 139 1234 5678。\n", "bio", "疑似手机号码",
         at="bio: |"),
    Case("mobile-unquoted-number", D1, "education: 大学", "education: 15912345678", "education", "疑似手机号码"),
    Case("idcard-in-other-names", D1, "other_names: []", "other_names: [\"11010119900307123X\"]", "other_names 第1项",
         "疑似身份证号码「110***********123X」"),
    Case("idcard-in-appointment-note", A19, "note: 因到龄退休", "note: 身份证 110101199003071234", "entries 第1项 note",
         "疑似身份证号码"),
    Case("mobile-in-article-front-matter", ART, "author: 张晓岚", "author: 张晓岚 18612345678", "author",
         "疑似手机号码"),
    Case("mobile-in-site-intro", "data/site.yaml", "intro: |\n", "intro: |\n  值班手机 +86 137-1234-5678\n", "intro",
         "疑似手机号码", at="intro: |"),
    Case("public-number-bad-format", "data/public_numbers.yaml", WRITE, "- number: 值班手机\n  reason: 单位值班\n",
         "第1项 number", "格式不正确"),
    # --- YAML syntax ---
    Case("syntax-tab-indent", D1, "    position: 县人大常委会党组书记、主任", "\tposition: 县人大常委会党组书记、主任",
         "position", "不能用 Tab 键缩进", at="\tposition"),
    Case("syntax-unclosed-quote", D1, 'birth: "1964-05"', 'birth: "1964-05', "birth", "双引号未闭合"),
    Case("syntax-colon-in-value", D1, "party: 中共党员", "party: 中共党员: 兼职", "party", "此处不能出现「: 」"),
    Case("syntax-bad-indent", D1, "    constituency: 城关镇第一选区", "      constituency: 城关镇第一选区",
         "constituency", "缩进不一致", at="constituency"),
    Case("syntax-unclosed-bracket", D1, "    roles: [县人大常委会主任]", "    roles: [县人大常委会主任", "roles",
         "方括号列表「[ ]」未闭合", at="roles: ["),
    Case("terms-not-a-list", "data/terms.yaml", WRITE, "id: \"18\"\nname: 第十八届\n", "（整个文件）",
         "文件内容应为列表"),
    # --- terms and groups ---
    Case("term-end-before-start", "data/terms.yaml", 'end: "2021-12-27"', 'end: "2015-12-27"', "第1项 end",
         "结束日期早于开始日期"),
    Case("term-duplicate-id", "data/terms.yaml", APPEND, '- id: "18"\n  name: 第十八届（重复）\n  start: "2021-12-28"',
         "第2项 id", "届次编号「18」重复", at='- id: "18"'),
    Case("term-start-missing", "data/terms.yaml", '  start: "2016-12-20"\n', "", "第1项 start", "缺少必填字段「start」",
         at='- id: "17"'),
    Case("group-kind-did-you-mean", "data/groups.yaml", "  kind: 代表团", "  kind: 代表组", "第1项 kind",
         "是否应为「代表小组」"),
    Case("group-term-dangling", "data/groups.yaml", '  term: "17"', '  term: "16"', "第1项 term", "届次「16」不存在"),
    # --- bulletins ---
    Case("bulletin-number-duplicate-in-year", B2, "number: 2", "number: 3", "number",
         "期号重复：2024 年第 3 期已见于 data/bulletins/2024/3.yaml"),
    Case("bulletin-serial-duplicate", B2, "serial: 30", "serial: 31", "serial",
         "总第 31 期已见于 data/bulletins/2024/2.yaml", report_file=B3, at="serial: 31"),
    Case("bulletin-file-location", B3, "number: 3", "number: 4", "number", "文件应位于 data/bulletins/2024/4.yaml"),
    Case("bulletin-number-range", B3, "number: 3", "number: 0", "number", "应不小于 1"),
    Case("bulletin-number-not-int", B3, "number: 3", "number: 三", "number", "应为整数"),
    Case("bulletin-date-other-year", B3, 'date: "2024-07-10"', 'date: "2023-07-10"', "date", "出版日期不在 2024 年"),
    Case("bulletin-term-dangling", B3, 'term: "18"', 'term: "81"', "term", "届次「81」不存在"),
    Case("bulletin-pdf-dangling", B3, "pdf: null", "pdf: gongbao/2024-3.pdf", "pdf",
         "PDF 文件「gongbao/2024-3.pdf」不存在"),
    Case("bulletin-item-type", B3, "    type: 决议", "    type: 意见", "items 第1项 type",
         "取值必须为「地方性法规」或"),
    Case("bulletin-item-type-did-you-mean", B3, "    type: 决议", "    type: 法规", "items 第1项 type",
         "是否应为「地方性法规」"),
    Case("bulletin-item-page-dangling", B3, "page: gongbao/wenjian/2024/pizhun-2023-juesuan-jueyi.md",
         "page: gongbao/wenjian/2024/nothing.md", "items 第1项 page",
         "全文页面「gongbao/wenjian/2024/nothing.md」不存在"),
    Case("bulletin-item-page-not-markdown", B3, "page: gongbao/wenjian/2024/pizhun-2023-juesuan-jueyi.md",
         "page: assets/photos/d0001.svg", "items 第1项 page", "文件类型应为 .md"),
    Case("bulletin-item-list-dangling", B3, 'appointments: "18-19"', 'appointments: "18-99"',
         "items 第6项 appointments", "任免名单「18-99」不存在"),
    Case("bulletin-item-list-missing", B3, '    appointments: "18-19"', '    adopted: "2024-06-28"',
         "items 第6项 appointments", "须填写任免名单编号", at="- title: 清溪县第十八届人大常委会第十九次会议任免名单"),
    Case("bulletin-item-without-page", B3, "    page: gongbao/wenjian/2024/pizhun-2023-juesuan-jueyi.md\n", "",
         "items 第1项 page", "须填写全文页面",
         at="- title: 清溪县人民代表大会常务委员会关于批准2023年县级财政决算的决议"),
    Case("bulletin-list-published-twice", B2, 'appointments: "18-17"', 'appointments: "18-19"',
         "items 第6项 appointments", "已由另一期公报刊载", report_file=B3, at='appointments: "18-19"'),
    Case("bulletin-adopted-not-date", B3, 'adopted: "2024-06-28"', 'adopted: "6月28日"', "items 第1项 adopted",
         "应为日期"),
    # --- appointment lists ---
    Case("appointment-action-did-you-mean", A19, "action: 免去", "action: 免职", "entries 第1项 action",
         "是否应为「免去」"),
    Case("appointment-deputy-dangling", A19, 'deputy: "d0012"', 'deputy: "d0999"', "entries 第2项 deputy",
         "代表编号「d0999」不存在"),
    Case("appointment-id-vs-file", A19, 'id: "18-19"', 'id: "18-20"', "id", "与文件名「18-19」不一致"),
    Case("appointment-term-dangling", A19, 'term: "18"', 'term: "x"', "term", "届次「x」不存在"),
    Case("appointment-date-outside-term", A19, 'date: "2024-06-28"', 'date: "2020-06-28"', "date",
         "会议日期不在第十八届任期内"),
    Case("bulletin-adopted-after-issue", B3, 'adopted: "2024-06-28"', 'adopted: "2024-08-28"', "items 第1项 adopted",
         "通过日期晚于本期出版日期"),
    Case("appointment-position-missing", A19, "    position: 县人大常委会代表工作委员会主任\n", "",
         "entries 第1项 position", "缺少必填字段「position」", at="- action: 免去"),
    # --- articles ---
    Case("article-without-date", ART, 'date: "2017-04-26"\n', "", "date", "栏目文章必须注明发布日期", at="title:"),
    Case("article-without-title", ART, "title: 县十七届人大常委会举行第三次会议\n", "", "title",
         "缺少必填字段「title」", at="date:"),
    Case("article-without-front-matter", "docs/dongtai/2026-11-01-wu-yuanshuju.md", WRITE, "县人大常委会召开会议。\n",
         "title", "缺少开头的 --- 元数据块"),
    Case("article-unknown-field", ART, "author: 张晓岚", "auther: 张晓岚", "auther", "是否应为「author」"),
    Case("article-bad-date", ART, 'date: "2017-04-26"', 'date: "2017-02-30"', "date", "应为日期"),
    Case("article-disclosure-unknown-field", ART, "author: 张晓岚",
         "author: 张晓岚\ndisclosure:\n  doc_number: 清人大〔2017〕3号", "disclosure doc_number", "是否应为「doc_no」",
         at="doc_number"),
    Case("article-not-utf8", "docs/dongtai/2026-11-02-gbk.md", WRITE,
         "---\ntitle: 县人大常委会召开会议\ndate: \"2026-11-02\"\n---\n\nGBK: \udcd6\udcd0\n", "（整个文件）",
         "不是 UTF-8 编码", at="GBK"),
    Case("article-syntax-error", ART, "title: 县十七届人大常委会举行第三次会议",
         "title: 县十七届人大常委会: 举行第三次会议", "title", "YAML 语法错误"),
    # --- suggestions and their handling ---
    Case("suggestion-lead-dangling", S15, 'lead: "d0057"', 'lead: "d0999"', "lead",
         "代表编号「d0999」不存在于 data/deputies/"),
    Case("suggestion-unit-dangling", S15, "lead_unit: shuili", "lead_unit: nowhere", "lead_unit",
         "承办单位「nowhere」不存在于 data/units.yaml"),
    Case("suggestion-co-unit-dangling", S15, "co_units: [caizheng]", "co_units: [caizheng, nowhere]", "co_units 第2项",
         "承办单位「nowhere」不存在"),
    Case("suggestion-session-dangling", S15, 'session: "18-3"', 'session: "18-9"', "session",
         "人代会会议「18-9」不存在于 data/sessions.yaml"),
    Case("suggestion-session-vs-folder", S15, 'session: "18-3"', 'session: "18-4"', "session",
         "与所在文件夹「18-3」不一致"),
    Case("suggestion-number-vs-file", S15, "number: 15", "number: 51", "number", "与文件名「15.yaml」不一致"),
    Case("suggestion-category-unknown", S15, "category: 农业农村", "category: 水利建设", "category",
         "不在 data/site.yaml 的 suggestions.categories 中"),
    Case("suggestion-reply-before-assigned", S15, '  - date: "2024-04-11"', '  - date: "2024-01-20"',
         "replies 第1项 date", "答复日期早于交办日期"),
    Case("suggestion-assigned-before-filed", S15, 'assigned: "2024-02-06"', 'assigned: "2024-01-02"', "assigned",
         "交办日期早于提出日期"),
    Case("suggestion-satisfaction-without-feedback", S15, '    feedback: "2024-04-24"\n', "",
         "replies 第1项 satisfaction", "须同时填写征询意见日期 feedback", at="satisfaction: 不满意"),
    Case("suggestion-feedback-without-satisfaction", S15, "    satisfaction: 满意\n", "", "replies 第2项 feedback",
         "须同时填写代表意见 satisfaction", at='feedback: "2024-07-30"'),
    Case("suggestion-feedback-before-reply", S15, '    feedback: "2024-04-24"', '    feedback: "2024-04-01"',
         "replies 第1项 feedback", "征询意见日期早于答复日期"),
    Case("suggestion-second-reply-without-unhappy", S15, "    satisfaction: 不满意", "    satisfaction: 基本满意",
         "replies 第2项 date", "第 2 次答复只能在代表对上一次答复不满意、重新办理之后", at='  - date: "2024-07-18"'),
    Case("suggestion-result-unknown", S15, "    result: C", "    result: E", "replies 第1项 result",
         "不是 data/site.yaml 中 suggestions.results 的代码"),
    Case("suggestion-closed-before-reply", S15, 'closed: "2024-08-08"', 'closed: "2024-07-20"', "closed",
         "办结日期早于最后一次答复或征询意见的日期"),
    Case("suggestion-cosigner-not-serving", S15, 'cosigners: ["d0027", "d0054"]', f'cosigners: ["{FORMER}", "d0054"]',
         "cosigners 第1项", "在提出日期（2024-01-09）不是第 18 届代表"),
    Case("suggestion-lead-also-cosigner", S15, 'cosigners: ["d0027", "d0054"]', 'cosigners: ["d0057", "d0054"]',
         "cosigners 第1项", "重复列出"),
    Case("suggestion-reply-page-dangling", S41, "    page: banli/2024-04-25-jiaoyuju-dafu-kehou-fuwu.md",
         "    page: banli/nothing.md", "replies 第1项 page", "答复页面「banli/nothing.md」不存在"),
    Case("suggestion-reply-without-text", S41, "    page: banli/2024-04-25-jiaoyuju-dafu-kehou-fuwu.md\n", "",
         "replies 第1项 text", "答复须填写全文 text 或全文页面 page", at='  - date: "2024-04-25"'),
    Case("suggestion-filed-in-future", S15, 'filed: "2024-01-09"', 'filed: "2099-01-09"', "filed", "晚于今天"),
    Case("mobile-in-suggestion-text", S15, "text: |\n", "text: |\n  联系人手机 138 1234 5678。\n", "text",
         "疑似手机号码", at="text: |"),
    Case("site-result-code-duplicate", "data/site.yaml", "    - {code: B, name: 正在解决或列入计划}",
         "    - {code: A, name: 正在解决或列入计划}", "suggestions results 第2项 code", "「A」重复"),
    Case("site-reply-months-zero", "data/site.yaml", "  reply_months: 3", "  reply_months: 0",
         "suggestions reply_months", "应不小于 1"),
    Case("unit-name-duplicate", "data/units.yaml", "  name: 国网清溪县供电公司", "  name: 县教育局 ", "第24项 name",
         # the space tells the line apart; YAML drops it
         "单位名称「县教育局」已登记为「jiaoyu」", at="name: 县教育局 "),
    Case("unit-kind-unknown", "data/units.yaml", "  kind: 县直单位", "  kind: 县直机关", "第18项 kind", "取值必须为"),
    Case("session-id-vs-number", "data/sessions.yaml", '- id: "18-3"\n  term: "18"\n  number: 3',
         '- id: "18-3"\n  term: "18"\n  number: 6', "第3项 id", "编号应为「18-6」", at='- id: "18-3"'),
    # --- Standing Committee meetings ---
    Case("meeting-present-above-members", M17, "present: 25", "present: 28", "present", "实到人数 28 超过应到人数"),
    Case("meeting-vote-above-present", M17, "    vote: {in_favour: 25, against: 0, abstain: 0}",
         "    vote: {in_favour: 25, against: 1, abstain: 0}", "agenda 第3项 vote", "表决票数合计 26 超过实到人数 25"),
    Case("meeting-number-used-twice", "data/meetings/18-99.yaml", Copy(M17), "", "number",
         "第 18 届常委会第 17 次会议已见于 data/meetings/18-17.yaml", at="number: 17"),
    Case("meeting-id-vs-file", M17, 'id: "18-17"', 'id: "18-71"', "id", "与文件名「18-17」不一致"),
    Case("meeting-id-vs-number", M17, "number: 17", "number: 71", "id", "编号应为「18-71」", at='id: "18-17"'),
    Case("meeting-end-before-start", M17, 'end: "2024-04-25"', 'end: "2024-04-23"', "end", "结束日期早于开始日期"),
    Case("meeting-presiding-dangling", M17, 'presiding: ["d0001"]', 'presiding: ["d0999"]', "presiding 第1项",
         "代表编号「d0999」不存在"),
    Case("meeting-invited-not-serving", M17, 'invited_deputies: ["d0022", "d0027", "d0053"]',
         f'invited_deputies: ["d0022", "{FORMER}", "d0053"]', "invited_deputies 第2项", "不是第 18 届代表"),
    Case("meeting-document-dangling", M17, "documents: [gongbao/wenjian/2024/2023-huanjing-zhuangkuang-baogao.md]",
         "documents: [gongbao/wenjian/2024/nothing.md]", "agenda 第1项 documents 第1项",
         "文件页面「gongbao/wenjian/2024/nothing.md」不存在"),
    Case("meeting-adopted-not-passed", M17, "    vote: {in_favour: 24, against: 0, abstain: 1}",
         "    vote: {in_favour: 12, against: 12, abstain: 1}", "agenda 第2项 adopted", "表决未通过",
         at="adopted: gongbao/wenjian/2024/2024-yusuan-tiaozheng-fangan-jueyi.md"),
    Case("meeting-list-of-another-meeting", M17, '    appointments: "18-17"', '    appointments: "18-19"',
         "agenda 第5项 appointments", "任免名单编号应与会议编号「18-17」相同"),
    Case("meeting-list-dangling", M17, '    appointments: "18-17"', '    appointments: "18-77"',
         "agenda 第5项 appointments", "任免名单「18-77」不存在"),
    Case("appointment-date-outside-meeting", A19, 'date: "2024-06-28"', 'date: "2024-06-21"',
         "agenda 第5项 appointments", "任免名单「18-19」的通过日期（2024-06-21）不在会议日期内",
         at='appointments: "18-19"', report_file=M19),
    Case("bulletin-meeting-unknown", B2, '  - "18-17"', '  - "18-77"', "meetings 第1项",
         "常委会会议「18-77」不存在于 data/meetings/"),
    Case("bulletin-meeting-after-issue", B2, '  - "18-17"', '  - "18-19"', "meetings 第1项", "在本期出版日期之后"),
    # --- liaison stations ---
    Case("station-mobile-phone", ST, 'phone: "0000-0000001"', 'phone: "13812345678"', "phone",
         "疑似手机号码「138****5678」"),
    Case("station-town-unknown", ST, "town: 城关镇", "town: 城北镇", "town", "不是本届代表团所在的乡镇"),
    Case("station-deputy-dangling", ST, 'deputies: ["d0001", "d0013", "d0028", "d0031"]',
         'deputies: ["d0001", "d0999", "d0028", "d0031"]', "deputies 第2项", "代表编号「d0999」不存在"),
    Case("station-deputy-not-current", ST, 'deputies: ["d0001", "d0013", "d0028", "d0031"]',
         f'deputies: ["d0001", "{FORMER}", "d0028", "d0031"]', "deputies 第2项", "不是本届（第 18 届）现任代表"),
    Case("station-id-vs-file", ST, "id: chengguan-renminlu", "id: chengguan-xinjie", "id",
         "与文件名「chengguan-renminlu」不一致"),
    Case("station-kind-unknown", ST, "kind: 代表联络站", "kind: 联络站", "kind", "取值必须为"),
    # --- site ---
    Case("site-per-page-zero", "data/site.yaml", "    per_page: 10", "    per_page: 0", "columns 第1项 per_page",
         "应不小于 1"),
    Case("site-intro-javascript-link", "data/site.yaml", "intro: |\n", "intro: |\n  [点此](JavaScript:alert(1))\n",
         "intro", "不安全", at="intro: |"),
    Case("site-column-unknown-field", "data/site.yaml", "    per_page: 10", "    per_page: 10\n    pagesize: 10",
         "columns 第1项 pagesize", "未知字段", at="pagesize"),
]


# --- issue 16: attacks an editor's file can carry ------------------------------------------------
# Each is refused with the file (and the line where there is one) and the field named. Binary files
# are written by the functions below with the libraries the check itself reads them with.

def _docx(paragraph: str = "", author: str = "", comment_xml: str = ""):
    def make(path):
        import docx
        document = docx.Document()
        document.add_paragraph(paragraph or "县人大常委会会议材料")
        document.core_properties.author = author or "办公室"
        document.save(str(path))
    make.__name__ = f"docx({paragraph or author})"
    return make


def _xlsx(cell: object):
    def make(path):
        import openpyxl
        book = openpyxl.Workbook()
        book.active["A1"] = "联系电话"
        book.active["B2"] = cell
        book.save(str(path))
    make.__name__ = f"xlsx({cell})"
    return make


def _pdf(text: str = "", author: str = ""):
    def make(path):
        from pypdf import PdfWriter
        from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject
        writer = PdfWriter()
        page = writer.add_blank_page(300, 200)
        font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                                 NameObject("/BaseFont"): NameObject("/Helvetica")})
        fonts = DictionaryObject({NameObject("/F1"): writer._add_object(font)})
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 12 Tf 20 100 Td ({text or 'meeting'}) Tj ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
        if author:
            writer.add_metadata({"/Author": author})
        with open(path, "wb") as handle:
            writer.write(handle)
    make.__name__ = f"pdf({text or author})"
    return make


def _broken_pdf(path):
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")


def _large_yaml(path):
    path.write_text("id: \"d0099\"\nname: 测试\ngender: 女\nbio: |\n" + ("  " + "长" * 200 + "\n") * 30000,
                    encoding="utf-8")


BOMB = ('lol1: &a ["哈","哈","哈","哈","哈","哈","哈","哈","哈"]\n'
        + "".join(f"lol{i + 1}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9) + "]\n" for i in range(1, 9)))
MERGE_BOMB = "m0: &m0 {x: 1}\n" + "".join(f"m{i}: &m{i}\n  <<: [*m{i - 1}, *m{i - 1}]\n  y{i}: 1\n"
                                         for i in range(1, 31))
NEW_ARTICLE = '---\ntitle: 县人大常委会召开主任会议\ndate: "2026-11-05"\nsource: 县人大常委会办公室\n---\n\n'
HOSTILE_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n<rect width="10" height="10"/>\n'
               '{}\n</svg>\n')
PAGE = "gongbao/wenjian/2024/pizhun-2023-juesuan-jueyi.md"

_BEFORE_ISSUE_16 = len(CASES)
CASES += [
    # resource limits: each refused at once (the test runs check with a timeout)
    Case("yaml-alias-bomb", "data/deputies/d0099.yaml", WRITE, 'id: "d0099"\n' + BOMB, "lol6", "展开「&」「*」引用",
         at="lol6:"),
    Case("yaml-merge-bomb", "data/deputies/d0099.yaml", WRITE, MERGE_BOMB, "<<", "展开「&」「*」引用或「<<」合并",
         at="<<: [*m15, *m15]"),
    Case("yaml-nesting-600", D1, "other_names: []", "other_names: " + "[" * 600 + "]" * 600, "other_names",
         "嵌套超过 50 层"),
    Case("yaml-nesting-100000", D1, "other_names: []", "other_names: " + "[" * 100000 + "]" * 100000, "other_names",
         "嵌套超过 50 层"),
    Case("yaml-file-too-large", "data/deputies/d0099.yaml", Make(_large_yaml), "", "（整个文件）", "文件过大",
         whole=True),
    # bad input that used to pass check or break the build
    Case("site-yaml-empty", "data/site.yaml", WRITE, "# 网站配置\n", "（整个文件）", "文件是空的"),
    Case("deputy-file-empty", D2, WRITE, "# 待填写\n", "（整个文件）", "文件是空的"),
    Case("terms-empty", "data/terms.yaml", WRITE, "# 届次\n", "（整个文件）", "文件是空的"),
    Case("yaml-nul-byte", D1, "party: 中共党员", "party: 中共\x00党员", "party", "控制字符（U+0000）"),
    Case("article-nul-byte", ART, "\n---\n", "\n---\n\n会议\x00纪要\n", "（整个文件）", "控制字符（U+0000）",
         at="纪要"),
    Case("article-bell-character", ART, "\n---\n", "\n---\n\n会议\x07纪要\n", "（整个文件）", "控制字符（U+0007）",
         at="纪要"),
    Case("front-matter-empty", "docs/dongtai/2026-11-06-kong.md", WRITE, "---\n---\n\n正文。\n", "（整个文件）",
         "元数据块（两行 --- 之间）是空的", at="---"),
    Case("file-name-hash", "docs/dongtai/2026-11-03-di#1ci.md", WRITE, NEW_ARTICLE, "文件名", "含有「#」", whole=True),
    Case("file-name-question-mark", "docs/dongtai/2026-11-03-shi?fou.md", WRITE, NEW_ARTICLE, "文件名", "含有「?」",
         whole=True),
    Case("file-name-percent", "docs/dongtai/2026-11-03-100%.md", WRITE, NEW_ARTICLE, "文件名", "含有「%」", whole=True),
    Case("template-typo", ART, "author: 张晓岚", "author: 张晓岚\ntemplate: meiyou.html", "template",
         "页面模板「meiyou.html」不存在", at="template:"),
    Case("feed-javascript", ART, "author: 张晓岚", "author: 张晓岚\nfeed: \"javascript:alert(1)\"", "feed",
         "应为站内订阅源文件的路径", at="feed:"),
    # symlinks out of docs/ and data/
    Case("symlink-git-config", "docs/assets/config.txt", Link("../../.git/config"), "", "（整个文件）",
         "不能使用符号链接", whole=True),
    Case("symlink-etc-passwd", "docs/dongtai/passwd.md", Link("/etc/passwd"), "", "（整个文件）", "不能使用符号链接",
         whole=True),
    Case("symlink-folder", "docs/etc", Link("/etc"), "", "（整个文件）", "不能使用符号链接", whole=True),
    Case("symlink-data-file", "data/deputies/d0099.yaml", Link("/etc/hostname"), "", "（整个文件）", "不能使用符号链接",
         whole=True),
    Case("symlink-inside-docs", "docs/dongtai/copy.md", Link(ART.split("/")[-1]), "", "（整个文件）",
         "不能使用符号链接", whole=True),
    # HTML in article bodies (the allow-list, checked as MkDocs converts the body)
    Case("body-script", ART, "\n---\n", "\n---\n\n<script>alert(1)</script>\n", "正文", "不能使用 <script> 标签",
         at="<script>"),
    Case("body-img-onerror", ART, "\n---\n", "\n---\n\n<img src=x alt=图 onerror=alert(1)>\n", "正文", "onerror 属性",
         at="onerror"),
    Case("body-javascript-link", ART, "\n---\n", "\n---\n\n[点此](javascript:alert(1))\n", "正文",
         "链接「javascript:alert(1)」不安全", at="javascript"),
    Case("body-entity-javascript", ART, "\n---\n", '\n---\n\n<a href="&#106;avascript:alert(1)">点此</a>\n', "正文",
         "链接「javascript:alert(1)」不安全", at="&#106;"),
    Case("body-reference-in-blockquote", ART, "\n---\n", "\n---\n\n> [x]: javascript:alert(1)\n>\n> 见[此处][x]\n",
         "正文", "不安全", at="[x]: javascript"),
    Case("body-reference-in-admonition", ART, "\n---\n",
         "\n---\n\n!!! note \"注意\"\n    [x]: javascript:alert(1)\n\n    见[此处][x]\n", "正文", "不安全",
         at="[x]: javascript"),
    Case("body-attr-list-onclick", ART, "\n---\n", "\n---\n\n会议指出。\n{: onclick=\"alert(1)\" }\n", "正文",
         "onclick 属性", at="onclick"),
    Case("body-style-attribute", ART, "\n---\n", '\n---\n\n<p style="position:fixed;top:0">通知</p>\n', "正文",
         "style 属性", at="style="),
    Case("body-iframe-foreign", ART, "\n---\n", '\n---\n\n<iframe src="https://evil.example/"></iframe>\n', "正文",
         "不在 data/site.yaml 的 embed_hosts", at="iframe"),
    Case("body-object", ART, "\n---\n", '\n---\n\n<object data="x.swf"></object>\n', "正文", "不能使用 <object> 标签",
         at="object"),
    Case("body-embed", ART, "\n---\n", '\n---\n\n<embed src="x.swf">\n', "正文", "不能使用 <embed> 标签", at="embed"),
    Case("body-form", ART, "\n---\n", '\n---\n\n<form action="https://evil.example/"><input name="p"></form>\n', "正文",
         "不能使用 <form> 标签", at="form"),
    Case("body-svg-inline", ART, "\n---\n", "\n---\n\n<svg onload=alert(1)></svg>\n", "正文", "不能使用 <svg> 标签",
         at="svg"),
    Case("body-meta-refresh", ART, "\n---\n",
         '\n---\n\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n', "正文", "不能使用 <meta> 标签",
         at="meta"),
    Case("body-base-href", ART, "\n---\n", '\n---\n\n<base href="https://evil.example/">\n', "正文",
         "不能使用 <base> 标签", at="base"),
    Case("body-external-image", ART, "\n---\n", "\n---\n\n![会场](https://evil.example/track.png)\n", "正文",
         "必须是本站 docs/ 中的文件", at="evil"),
    Case("body-data-image", ART, "\n---\n", "\n---\n\n![会场](data:image/svg+xml;base64,PHN2Zz4=)\n", "正文",
         "必须是本站 docs/ 中的文件", at="data:"),
    Case("body-video-foreign", ART, "\n---\n", '\n---\n\n<video src="https://evil.example/a.mp4" controls></video>\n',
         "正文", "必须是本站 docs/ 中的文件", at="video"),
    # Markdown of data fields: a link nested where a line-based filter would not look
    Case("bio-reference-in-blockquote", D1, "bio: |\n", "bio: |\n  > [x]: javascript:alert(1)\n  >\n  > 见[此处][x]\n",
         "bio", "不安全", at="bio: |"),
    Case("intro-reference-in-list", "data/site.yaml", "intro: |\n",
         "intro: |\n  * 说明\n\n      [x]: javascript:alert(1)\n\n      见[此处][x]\n", "intro", "不安全",
         at="intro: |"),
    # SVG files (deputy photos are SVG): only drawing
    Case("svg-script", "docs/assets/photos/d0001.svg", WRITE, HOSTILE_SVG.format("<script>alert(1)</script>"),
         "SVG 内容", "<script> 元素", at="<script>"),
    Case("svg-onload", "docs/assets/photos/d0002.svg", WRITE, HOSTILE_SVG.format('<circle r="1" onload="alert(1)"/>'),
         "SVG 内容", "onload 属性", at="onload"),
    Case("svg-foreign-object", "docs/assets/photos/d0003.svg", WRITE,
         HOSTILE_SVG.format('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'),
         "SVG 内容", "<foreignObject> 元素", at="foreignObject"),
    Case("svg-javascript-link", "docs/assets/photos/d0013.svg", WRITE,
         HOSTILE_SVG.format('<a href="javascript:alert(1)"><text>x</text></a>'), "SVG 内容",
         "链接「javascript:alert(1)」不允许", at="javascript"),
    Case("svg-external-image", "docs/assets/photos/d0014.svg", WRITE,
         HOSTILE_SVG.format('<image href="https://evil.example/t.png"/>'), "SVG 内容", "<image> 的链接", at="evil"),
    Case("svg-entity-bomb", "docs/assets/img/emblem.svg", WRITE,
         '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]>\n'
         '<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>\n', "SVG 内容", "DOCTYPE", at="<!DOCTYPE"),
    Case("svg-set-href", "docs/assets/favicon.svg", WRITE,
         HOSTILE_SVG.format('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a>'), "SVG 内容",
         "<set> 元素", at="<set"),
    # private numbers in the forms that used to slip through
    Case("mobile-full-width", D1, "education: 大学", "education: 大学 １３８１２３４５６７８", "education",
         "疑似手机号码「138****5678」"),
    Case("mobile-nbsp", D1, "education: 大学", "education: 大学 138\u00a01234\u00a05678", "education", "疑似手机号码"),
    Case("mobile-ideographic-space", D1, "education: 大学", "education: 大学 138\u30001234\u30005678", "education",
         "疑似手机号码"),
    Case("mobile-zero-width", D1, "education: 大学", "education: 大学 138\u200b1234\u200b5678", "education",
         "疑似手机号码"),
    Case("mobile-split-over-lines", D2, "bio: |\n", "bio: |\n  联系电话 138\n  1234 5678。\n", "bio", "疑似手机号码",
         at="bio: |"),
    Case("mobile-unquoted-float", D1, "education: 大学", "education: 13812345678.0", "education", "疑似手机号码"),
    Case("mobile-unquoted-hex", D1, "education: 大学", "education: 0x33747ab4e", "education", "疑似手机号码"),
    Case("idcard-spaced", A19, "note: 因到龄退休", "note: 证件 110101 19900307 123X", "entries 第1项 note",
         "疑似身份证号码"),
    Case("mobile-in-article-body", ART, "\n---\n", "\n---\n\n如有意见请拨打 13812345678。\n", "正文", "疑似手机号码",
         at="如有意见"),
    Case("idcard-split-in-body", ART, "\n---\n", "\n---\n\n身份证号 1101011990\n03071234。\n", "正文", "疑似身份证号码",
         at="身份证号"),
    Case("mobile-in-file-name", "docs/dongtai/2026-11-04-13812345678.md", WRITE, NEW_ARTICLE, "文件名", "疑似手机号码",
         whole=True),
    Case("mobile-in-text-file", "docs/assets/tongxunlu.txt", WRITE, "办公室 张三\n电话 139-1234-5678\n", "正文",
         "疑似手机号码", at="电话"),
    Case("mobile-in-csv", "docs/assets/mingdan.csv", WRITE, "姓名,电话\n张三,13912345678\n", "正文", "疑似手机号码",
         at="张三"),
    Case("mobile-in-docx-text", "docs/assets/cailiao.docx", Make(_docx(paragraph="联系人电话 138 1234 5678")), "",
         "第1段", "疑似手机号码", whole=True),
    Case("mobile-in-docx-author", "docs/assets/cailiao2.docx", Make(_docx(author="张三 13912345678")), "",
         "文档属性 作者", "疑似手机号码", whole=True),
    Case("mobile-in-xlsx-number-cell", "docs/assets/mingdan.xlsx", Make(_xlsx(13812345678)), "", "Sheet!B2",
         "疑似手机号码", whole=True),
    Case("idcard-in-pdf-page", "docs/assets/gonggao.pdf", Make(_pdf(text="ID 110101199003071234")), "", "第1页",
         "疑似身份证号码", whole=True),
    Case("mobile-in-pdf-author", "docs/assets/gonggao2.pdf", Make(_pdf(author="zhang 13812345678")), "",
         "文档属性 Author", "疑似手机号码", whole=True),
    Case("pdf-damaged", "docs/assets/sunhuai.pdf", Make(_broken_pdf), "", "（整个文件）", "无法打开此文件", whole=True),
    # drafts and scheduled articles are not published: nothing may point at them
    Case("bulletin-prints-a-draft", f"docs/{PAGE}", "\n---\n", "\ndraft: true\n---\n", "items 第1项 page",
         "是草稿（draft: true）", report_file=B3, at=f"page: {PAGE}"),
    Case("link-to-a-draft", "docs/dongtai/2026-11-07-yinyong.md", WRITE,
         NEW_ARTICLE + "详见[草稿](2026-11-08-caogao.md)。\n", "正文", "是草稿（draft: true）",
         at="详见", extra=(("docs/dongtai/2026-11-08-caogao.md", WRITE,
                            "---\ntitle: 尚未定稿\ndraft: true\n---\n\n正文。\n"),)),
    Case("link-to-a-scheduled-article", "docs/dongtai/2026-11-09-yinyong.md", WRITE,
         NEW_ARTICLE + "详见[通知](2099-01-01-tongzhi.md)。\n", "正文",
         "是定时发布的文章", at="详见", extra=(("docs/dongtai/2099-01-01-tongzhi.md", WRITE,
                                                '---\ntitle: 将来的通知\ndate: "2099-01-01"\n---\n\n正文。\n'),)),
]

# The attacks of issue 16, and the earlier cases that are attacks too (private data, unsafe links).
ATTACKS = CASES[_BEFORE_ISSUE_16:] + [c for c in CASES[:_BEFORE_ISSUE_16]
                                      if c.name.startswith(("mobile-", "idcard-", "unknown-field-idcard",
                                                            "unknown-field-phone"))
                                      or "javascript" in c.name]

# Issue 24: what used to be published because no rule knew it was bad (tests/support/publish_attacks.py).
from support.publish_attacks import CASES as _PUBLISH_CASES  # noqa: E402

CASES += _PUBLISH_CASES
ATTACKS += _PUBLISH_CASES

# Unquoted dates that YAML reads as dates but that do not exist: a located error, never a traceback.
CASES += [
    Case("impossible-date-in-article", "docs/dongtai/2017-04-26-changweihui-di3ci-huiyi.md", 'date: "2017-04-26"',
         "date: 2017-04-31", "date", "日期「2017-04-31」不存在"),
    Case("impossible-date-in-meeting", "data/meetings/18-17.yaml", 'end: "2024-04-25"', "end: 2024-02-30", "end",
         "日期「2024-02-30」不存在"),
    Case("impossible-time-in-suggestion", "data/suggestions/18-3/15.yaml", 'filed: "2024-01-09"',
         "filed: 2024-01-09 25:00:00", "filed", "日期「2024-01-09 25:00:00」不存在"),
]

# Links in article bodies to pages that do not exist: found by check, not only by the build at the end.
CASES += [
    Case("body-link-to-missing-page", "docs/dongtai/2017-04-26-changweihui-di3ci-huiyi.md", "\n---\n",
         "\n---\n\n另见[第二次会议](nosuch.md)。\n", "正文", "链接的页面「dongtai/nosuch.md」不存在", at="另见"),
    Case("body-link-from-the-wrong-folder", "docs/shenyi/2099-12-31-lianjie.md", WRITE,
         '---\ntitle: 关于审议意见的说明\ndate: "2024-05-01"\nsource: 县人大常委会办公室\n---\n\n'
         '见[第三次会议](2017-04-26-changweihui-di3ci-huiyi.md)。\n',
         "正文", "是否应为 docs/dongtai/2017-04-26-changweihui-di3ci-huiyi.md", at="见["),
]

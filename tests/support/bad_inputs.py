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
class Case:
    name: str
    file: str
    old: object
    new: str
    field: str
    fragment: str
    at: str | None = None            # text on the reported line; default: the first line of `new`
    report_file: str | None = None   # where the error is reported; default: `file`

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
    Case("gender-latin", D1, "gender: 男", "gender: M", "gender", "取值必须为「男」或「女」，实际为「M」。是否应为「男」？"),
    Case("gender-word", D1, "gender: 男", "gender: 男的", "gender", "是否应为「男」"),
    Case("unknown-field-typo", D1, "education: 大学", "educaton: 大学", "educaton", "是否应为「education」"),
    Case("unknown-field-chinese", D1, "education: 大学", "education: 大学\n性别: 男", "性别", "是否应为「gender」", at="性别: 男"),
    Case("unknown-field-idcard", D1, "education: 大学", "education: 大学\nidcard: 见档案", "idcard", "不允许出现未定义的字段", at="idcard"),
    Case("unknown-field-phone-in-membership", D1, "    roles: [县人大常委会主任]", "    roles: [县人大常委会主任]\n    phone: 见通讯录",
         "memberships 第1项 phone", "未知字段「phone」", at="phone:"),
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
    Case("ethnicity-boolean", D1, "ethnicity: 汉族", "ethnicity: yes", "ethnicity", "应为文本，实际为「True」（是/否、日期、数字等请加引号）"),
    Case("duplicate-key", D1, "party: 中共党员", "party: 中共党员\nparty: 群众", "party", "字段重复出现", at="party: 群众"),
    Case("memberships-empty", "data/deputies/d0099.yaml", WRITE, NEW_DEPUTY.format(memberships="  []"), "memberships", "至少需要一项", at="memberships:"),
    Case("membership-start-not-date", D1, '    start: "2016-12-20"', '    start: "2016-13-40"', "memberships 第1项 start", "应为日期"),
    # --- references and dates in a deputy file ---
    Case("membership-term-dangling", D1, '  - term: "17"', '  - term: "19"', "memberships 第1项 term", "届次「19」不存在于 data/terms.yaml"),
    Case("membership-group-dangling", D1, 'group: "t17-chengguan"', 'group: "t17-nowhere"', "memberships 第1项 group", "不存在于 data/groups.yaml"),
    Case("membership-group-other-term", D1, 'group: "t17-chengguan"', 'group: "t18-chengguan"', "memberships 第1项 group", "属于第 18 届，不是第 17 届"),
    Case("membership-end-before-start", D1, FIRST_MEMBERSHIP_END, '    start: "2016-12-20"\n    end: "2015-01-01"\n    end_reason: 辞职',
         "memberships 第1项 end", "结束日期早于开始日期", at='end: "2015-01-01"'),
    Case("membership-end-without-reason", D1, FIRST_MEMBERSHIP_END, '    start: "2016-12-20"\n    end: "2018-01-01"\n    end_reason: null',
         "memberships 第1项 end_reason", "须注明原因", at="end_reason: null"),
    Case("membership-end-reason-unknown", D1, FIRST_MEMBERSHIP_END, '    start: "2016-12-20"\n    end: "2018-01-01"\n    end_reason: 退休',
         "memberships 第1项 end_reason", "取值必须为「届满」或", at="end_reason: 退休"),
    Case("membership-end-reason-did-you-mean", D1, FIRST_MEMBERSHIP_END, '    start: "2016-12-20"\n    end: "2018-01-01"\n    end_reason: 辞去',
         "memberships 第1项 end_reason", "是否应为「辞职」", at="end_reason: 辞去"),
    Case("membership-reason-without-end", D1, FIRST_MEMBERSHIP_END, '    start: "2016-12-20"\n    end: null\n    end_reason: 调离',
         "memberships 第1项 end", "缺少结束日期", at="end: null"),
    Case("membership-start-outside-term", D1, '    start: "2016-12-20"', '    start: "2023-01-01"', "memberships 第1项 start", "不在第十七届任期内"),
    Case("memberships-overlap", D1, APPEND, '  - term: "18"\n    group: "t18-shimen"\n    start: "2023-01-01"',
         "memberships 第3项 start", "与第 2 条任职记录同属一届且时间重叠", at='start: "2023-01-01"'),
    Case("photo-dangling", D1, "photo: assets/photos/d0001.svg", "photo: assets/photos/nobody.jpg", "photo", "照片「assets/photos/nobody.jpg」不存在"),
    Case("photo-wrong-type", D1, "photo: assets/photos/d0001.svg", "photo: gaikuang/index.md", "photo", "文件类型应为"),
    Case("photo-absolute", D1, "photo: assets/photos/d0001.svg", "photo: /assets/photos/d0001.svg", "photo", "不能以「/」开头"),
    Case("bio-javascript-link", D1, "bio: |\n", "bio: |\n  [主页](javascript:alert(1))\n", "bio", "不安全", at="bio: |"),
    # --- privacy ---
    Case("mobile-in-position", D1, "    position: 县人大常委会党组书记、主任", "    position: 县人大常委会主任 13812345678",
         "memberships 第1项 position", "疑似手机号码「138****5678」"),
    Case("mobile-spaced-in-bio", D2, "bio: |\n", "bio: |\n  联系电话 139 1234 5678。\n", "bio", "疑似手机号码", at="bio: |"),
    Case("mobile-unquoted-number", D1, "education: 大学", "education: 15912345678", "education", "疑似手机号码"),
    Case("idcard-in-other-names", D1, "other_names: []", "other_names: [\"11010119900307123X\"]", "other_names 第1项", "疑似身份证号码「110***********123X」"),
    Case("idcard-in-appointment-note", A19, "note: 因到龄退休", "note: 身份证 110101199003071234", "entries 第1项 note", "疑似身份证号码"),
    Case("mobile-in-article-front-matter", ART, "author: 张晓岚", "author: 张晓岚 18612345678", "author", "疑似手机号码"),
    Case("mobile-in-site-intro", "data/site.yaml", "intro: |\n", "intro: |\n  值班手机 +86 137-1234-5678\n", "intro", "疑似手机号码", at="intro: |"),
    Case("public-number-bad-format", "data/public_numbers.yaml", WRITE, "- number: 值班手机\n  reason: 单位值班\n", "第1项 number", "格式不正确"),
    # --- YAML syntax ---
    Case("syntax-tab-indent", D1, "    position: 县人大常委会党组书记、主任", "\tposition: 县人大常委会党组书记、主任", "position", "不能用 Tab 键缩进", at="\tposition"),
    Case("syntax-unclosed-quote", D1, 'birth: "1964-05"', 'birth: "1964-05', "birth", "双引号未闭合"),
    Case("syntax-colon-in-value", D1, "party: 中共党员", "party: 中共党员: 兼职", "party", "此处不能出现「: 」"),
    Case("syntax-bad-indent", D1, "    constituency: 城关镇第一选区", "      constituency: 城关镇第一选区", "constituency", "缩进不一致", at="constituency"),
    Case("syntax-unclosed-bracket", D1, "    roles: [县人大常委会主任]", "    roles: [县人大常委会主任", "roles", "方括号列表「[ ]」未闭合", at="roles: ["),
    Case("terms-not-a-list", "data/terms.yaml", WRITE, "id: \"18\"\nname: 第十八届\n", "（整个文件）", "文件内容应为列表"),
    # --- terms and groups ---
    Case("term-end-before-start", "data/terms.yaml", 'end: "2021-12-27"', 'end: "2015-12-27"', "第1项 end", "结束日期早于开始日期"),
    Case("term-duplicate-id", "data/terms.yaml", APPEND, '- id: "18"\n  name: 第十八届（重复）\n  start: "2021-12-28"', "第2项 id", "届次编号「18」重复",
         at='- id: "18"'),
    Case("term-start-missing", "data/terms.yaml", '  start: "2016-12-20"\n', "", "第1项 start", "缺少必填字段「start」", at='- id: "17"'),
    Case("group-kind-did-you-mean", "data/groups.yaml", "  kind: 代表团", "  kind: 代表组", "第1项 kind", "是否应为「代表小组」"),
    Case("group-term-dangling", "data/groups.yaml", '  term: "17"', '  term: "16"', "第1项 term", "届次「16」不存在"),
    # --- bulletins ---
    Case("bulletin-number-duplicate-in-year", B2, "number: 2", "number: 3", "number", "期号重复：2024 年第 3 期已见于 data/bulletins/2024/3.yaml"),
    Case("bulletin-serial-duplicate", B2, "serial: 30", "serial: 31", "serial", "总第 31 期已见于 data/bulletins/2024/2.yaml",
         report_file=B3, at="serial: 31"),
    Case("bulletin-file-location", B3, "number: 3", "number: 4", "number", "文件应位于 data/bulletins/2024/4.yaml"),
    Case("bulletin-number-range", B3, "number: 3", "number: 0", "number", "应不小于 1"),
    Case("bulletin-number-not-int", B3, "number: 3", "number: 三", "number", "应为整数"),
    Case("bulletin-date-other-year", B3, 'date: "2024-07-10"', 'date: "2023-07-10"', "date", "出版日期不在 2024 年"),
    Case("bulletin-term-dangling", B3, 'term: "18"', 'term: "81"', "term", "届次「81」不存在"),
    Case("bulletin-pdf-dangling", B3, "pdf: null", "pdf: gongbao/2024-3.pdf", "pdf", "PDF 文件「gongbao/2024-3.pdf」不存在"),
    Case("bulletin-item-type", B3, "    type: 决议", "    type: 意见", "items 第1项 type", "取值必须为「地方性法规」或"),
    Case("bulletin-item-type-did-you-mean", B3, "    type: 决议", "    type: 法规", "items 第1项 type", "是否应为「地方性法规」"),
    Case("bulletin-item-page-dangling", B3, "page: gongbao/wenjian/2024/pizhun-2023-juesuan-jueyi.md", "page: gongbao/wenjian/2024/nothing.md",
         "items 第1项 page", "全文页面「gongbao/wenjian/2024/nothing.md」不存在"),
    Case("bulletin-item-page-not-markdown", B3, "page: gongbao/wenjian/2024/pizhun-2023-juesuan-jueyi.md", "page: assets/photos/d0001.svg",
         "items 第1项 page", "文件类型应为 .md"),
    Case("bulletin-item-list-dangling", B3, 'appointments: "18-19"', 'appointments: "18-99"', "items 第6项 appointments", "任免名单「18-99」不存在"),
    Case("bulletin-item-list-missing", B3, '    appointments: "18-19"', '    adopted: "2024-06-28"', "items 第6项 appointments", "须填写任免名单编号", at="- title: 清溪县第十八届人大常委会第十九次会议任免名单"),
    Case("bulletin-item-without-page", B3, "    page: gongbao/wenjian/2024/pizhun-2023-juesuan-jueyi.md\n", "", "items 第1项 page", "须填写全文页面",
         at="- title: 清溪县人民代表大会常务委员会关于批准2023年县级财政决算的决议"),
    Case("bulletin-list-published-twice", B2, 'appointments: "18-17"', 'appointments: "18-19"', "items 第6项 appointments", "已由另一期公报刊载",
         report_file=B3, at='appointments: "18-19"'),
    Case("bulletin-adopted-not-date", B3, 'adopted: "2024-06-28"', 'adopted: "6月28日"', "items 第1项 adopted", "应为日期"),
    # --- appointment lists ---
    Case("appointment-action-did-you-mean", A19, "action: 免去", "action: 免职", "entries 第1项 action", "是否应为「免去」"),
    Case("appointment-deputy-dangling", A19, 'deputy: "d0012"', 'deputy: "d0999"', "entries 第2项 deputy", "代表编号「d0999」不存在"),
    Case("appointment-id-vs-file", A19, 'id: "18-19"', 'id: "18-20"', "id", "与文件名「18-19」不一致"),
    Case("appointment-term-dangling", A19, 'term: "18"', 'term: "x"', "term", "届次「x」不存在"),
    Case("appointment-date-outside-term", A19, 'date: "2024-06-28"', 'date: "2020-06-28"', "date", "会议日期不在第十八届任期内"),
    Case("bulletin-adopted-after-issue", B3, 'adopted: "2024-06-28"', 'adopted: "2024-08-28"', "items 第1项 adopted", "通过日期晚于本期出版日期"),
    Case("appointment-position-missing", A19, "    position: 县人大常委会代表工作委员会主任\n", "", "entries 第1项 position", "缺少必填字段「position」",
         at="- action: 免去"),
    # --- articles ---
    Case("article-without-date", ART, 'date: "2017-04-26"\n', "", "date", "栏目文章必须注明发布日期", at="title:"),
    Case("article-without-title", ART, "title: 县十七届人大常委会举行第三次会议\n", "", "title", "缺少必填字段「title」", at="date:"),
    Case("article-without-front-matter", "docs/dongtai/2026-11-01-wu-yuanshuju.md", WRITE, "县人大常委会召开会议。\n", "title", "缺少开头的 --- 元数据块"),
    Case("article-unknown-field", ART, "author: 张晓岚", "auther: 张晓岚", "auther", "是否应为「author」"),
    Case("article-bad-date", ART, 'date: "2017-04-26"', 'date: "2017-02-30"', "date", "应为日期"),
    Case("article-future-date", ART, 'date: "2017-04-26"', 'date: "2099-04-26"', "date", "晚于今天"),
    Case("article-disclosure-unknown-field", ART, "author: 张晓岚", "author: 张晓岚\ndisclosure:\n  doc_number: 清人大〔2017〕3号", "disclosure doc_number",
         "是否应为「doc_no」", at="doc_number"),
    Case("article-not-utf8", "docs/dongtai/2026-11-02-gbk.md", WRITE, "---\ntitle: 县人大常委会召开会议\ndate: \"2026-11-02\"\n---\n\nGBK: \udcd6\udcd0\n",
         "（整个文件）", "不是 UTF-8 编码", at="GBK"),
    Case("article-syntax-error", ART, "title: 县十七届人大常委会举行第三次会议", "title: 县十七届人大常委会: 举行第三次会议", "title", "YAML 语法错误"),
    # --- suggestions and their handling ---
    Case("suggestion-lead-dangling", S15, 'lead: "d0057"', 'lead: "d0999"', "lead", "代表编号「d0999」不存在于 data/deputies/"),
    Case("suggestion-unit-dangling", S15, "lead_unit: shuili", "lead_unit: nowhere", "lead_unit", "承办单位「nowhere」不存在于 data/units.yaml"),
    Case("suggestion-co-unit-dangling", S15, "co_units: [caizheng]", "co_units: [caizheng, nowhere]", "co_units 第2项", "承办单位「nowhere」不存在"),
    Case("suggestion-session-dangling", S15, 'session: "18-3"', 'session: "18-9"', "session", "人代会会议「18-9」不存在于 data/sessions.yaml"),
    Case("suggestion-session-vs-folder", S15, 'session: "18-3"', 'session: "18-4"', "session", "与所在文件夹「18-3」不一致"),
    Case("suggestion-number-vs-file", S15, "number: 15", "number: 51", "number", "与文件名「15.yaml」不一致"),
    Case("suggestion-category-unknown", S15, "category: 农业农村", "category: 水利建设", "category", "不在 data/site.yaml 的 suggestions.categories 中"),
    Case("suggestion-reply-before-assigned", S15, '  - date: "2024-04-11"', '  - date: "2024-01-20"', "replies 第1项 date", "答复日期早于交办日期"),
    Case("suggestion-assigned-before-filed", S15, 'assigned: "2024-02-06"', 'assigned: "2024-01-02"', "assigned", "交办日期早于提出日期"),
    Case("suggestion-satisfaction-without-feedback", S15, '    feedback: "2024-04-24"\n', "", "replies 第1项 satisfaction",
         "须同时填写征询意见日期 feedback", at="satisfaction: 不满意"),
    Case("suggestion-feedback-without-satisfaction", S15, "    satisfaction: 满意\n", "", "replies 第2项 feedback",
         "须同时填写代表意见 satisfaction", at='feedback: "2024-07-30"'),
    Case("suggestion-feedback-before-reply", S15, '    feedback: "2024-04-24"', '    feedback: "2024-04-01"', "replies 第1项 feedback", "征询意见日期早于答复日期"),
    Case("suggestion-second-reply-without-unhappy", S15, "    satisfaction: 不满意", "    satisfaction: 基本满意", "replies 第2项 date",
         "第 2 次答复只能在代表对上一次答复不满意、重新办理之后", at='  - date: "2024-07-18"'),
    Case("suggestion-result-unknown", S15, "    result: C", "    result: E", "replies 第1项 result", "不是 data/site.yaml 中 suggestions.results 的代码"),
    Case("suggestion-closed-before-reply", S15, 'closed: "2024-08-08"', 'closed: "2024-07-20"', "closed", "办结日期早于最后一次答复或征询意见的日期"),
    Case("suggestion-cosigner-not-serving", S15, 'cosigners: ["d0027", "d0054"]', f'cosigners: ["{FORMER}", "d0054"]', "cosigners 第1项",
         "在提出日期（2024-01-09）不是第 18 届代表"),
    Case("suggestion-lead-also-cosigner", S15, 'cosigners: ["d0027", "d0054"]', 'cosigners: ["d0057", "d0054"]', "cosigners 第1项", "重复列出"),
    Case("suggestion-reply-page-dangling", S41, "    page: banli/2024-04-25-jiaoyuju-dafu-kehou-fuwu.md", "    page: banli/nothing.md",
         "replies 第1项 page", "答复页面「banli/nothing.md」不存在"),
    Case("suggestion-reply-without-text", S41, "    page: banli/2024-04-25-jiaoyuju-dafu-kehou-fuwu.md\n", "", "replies 第1项 text",
         "答复须填写全文 text 或全文页面 page", at='  - date: "2024-04-25"'),
    Case("suggestion-filed-in-future", S15, 'filed: "2024-01-09"', 'filed: "2099-01-09"', "filed", "晚于今天"),
    Case("mobile-in-suggestion-text", S15, "text: |\n", "text: |\n  联系人手机 138 1234 5678。\n", "text", "疑似手机号码", at="text: |"),
    Case("site-result-code-duplicate", "data/site.yaml", "    - {code: B, name: 正在解决或列入计划}", "    - {code: A, name: 正在解决或列入计划}",
         "suggestions results 第2项 code", "「A」重复"),
    Case("site-reply-months-zero", "data/site.yaml", "  reply_months: 3", "  reply_months: 0", "suggestions reply_months", "应不小于 1"),
    Case("unit-name-duplicate", "data/units.yaml", "  name: 国网清溪县供电公司", "  name: 县教育局 ", "第24项 name",
         "单位名称「县教育局」已登记为「jiaoyu」", at="name: 县教育局 "),        # the space tells the line apart; YAML drops it
    Case("unit-kind-unknown", "data/units.yaml", "  kind: 县直单位", "  kind: 县直机关", "第18项 kind", "取值必须为"),
    Case("session-id-vs-number", "data/sessions.yaml", '- id: "18-3"\n  term: "18"\n  number: 3', '- id: "18-3"\n  term: "18"\n  number: 6',
         "第3项 id", "编号应为「18-6」", at='- id: "18-3"'),
    # --- Standing Committee meetings ---
    Case("meeting-present-above-members", M17, "present: 25", "present: 28", "present", "实到人数 28 超过应到人数"),
    Case("meeting-vote-above-present", M17, "    vote: {in_favour: 25, against: 0, abstain: 0}", "    vote: {in_favour: 25, against: 1, abstain: 0}",
         "agenda 第3项 vote", "表决票数合计 26 超过实到人数 25"),
    Case("meeting-number-used-twice", "data/meetings/18-99.yaml", Copy(M17), "", "number",
         "第 18 届常委会第 17 次会议已见于 data/meetings/18-17.yaml", at="number: 17"),
    Case("meeting-id-vs-file", M17, 'id: "18-17"', 'id: "18-71"', "id", "与文件名「18-17」不一致"),
    Case("meeting-id-vs-number", M17, "number: 17", "number: 71", "id", "编号应为「18-71」", at='id: "18-17"'),
    Case("meeting-end-before-start", M17, 'end: "2024-04-25"', 'end: "2024-04-23"', "end", "结束日期早于开始日期"),
    Case("meeting-presiding-dangling", M17, 'presiding: ["d0001"]', 'presiding: ["d0999"]', "presiding 第1项", "代表编号「d0999」不存在"),
    Case("meeting-invited-not-serving", M17, 'invited_deputies: ["d0022", "d0027", "d0053"]', f'invited_deputies: ["d0022", "{FORMER}", "d0053"]',
         "invited_deputies 第2项", "不是第 18 届代表"),
    Case("meeting-document-dangling", M17, "documents: [gongbao/wenjian/2024/2023-huanjing-zhuangkuang-baogao.md]",
         "documents: [gongbao/wenjian/2024/nothing.md]", "agenda 第1项 documents 第1项", "文件页面「gongbao/wenjian/2024/nothing.md」不存在"),
    Case("meeting-adopted-not-passed", M17, "    vote: {in_favour: 24, against: 0, abstain: 1}", "    vote: {in_favour: 12, against: 12, abstain: 1}",
         "agenda 第2项 adopted", "表决未通过", at="adopted: gongbao/wenjian/2024/2024-yusuan-tiaozheng-fangan-jueyi.md"),
    Case("meeting-list-of-another-meeting", M17, '    appointments: "18-17"', '    appointments: "18-19"', "agenda 第5项 appointments",
         "任免名单编号应与会议编号「18-17」相同"),
    Case("meeting-list-dangling", M17, '    appointments: "18-17"', '    appointments: "18-77"', "agenda 第5项 appointments", "任免名单「18-77」不存在"),
    Case("appointment-date-outside-meeting", A19, 'date: "2024-06-28"', 'date: "2024-06-21"', "agenda 第5项 appointments",
         "任免名单「18-19」的通过日期（2024-06-21）不在会议日期内", at='appointments: "18-19"', report_file=M19),
    Case("bulletin-meeting-unknown", B2, '  - "18-17"', '  - "18-77"', "meetings 第1项", "常委会会议「18-77」不存在于 data/meetings/"),
    Case("bulletin-meeting-after-issue", B2, '  - "18-17"', '  - "18-19"', "meetings 第1项", "在本期出版日期之后"),
    # --- liaison stations ---
    Case("station-mobile-phone", ST, 'phone: "0000-0000001"', 'phone: "13812345678"', "phone", "疑似手机号码「138****5678」"),
    Case("station-town-unknown", ST, "town: 城关镇", "town: 城北镇", "town", "不是本届代表团所在的乡镇"),
    Case("station-deputy-dangling", ST, 'deputies: ["d0001", "d0013", "d0028", "d0031"]', 'deputies: ["d0001", "d0999", "d0028", "d0031"]',
         "deputies 第2项", "代表编号「d0999」不存在"),
    Case("station-deputy-not-current", ST, 'deputies: ["d0001", "d0013", "d0028", "d0031"]', f'deputies: ["d0001", "{FORMER}", "d0028", "d0031"]',
         "deputies 第2项", "不是本届（第 18 届）现任代表"),
    Case("station-id-vs-file", ST, "id: chengguan-renminlu", "id: chengguan-xinjie", "id", "与文件名「chengguan-renminlu」不一致"),
    Case("station-kind-unknown", ST, "kind: 代表联络站", "kind: 联络站", "kind", "取值必须为"),
    # --- site ---
    Case("site-per-page-zero", "data/site.yaml", "    per_page: 10", "    per_page: 0", "columns 第1项 per_page", "应不小于 1"),
    Case("site-intro-javascript-link", "data/site.yaml", "intro: |\n", "intro: |\n  [点此](JavaScript:alert(1))\n", "intro", "不安全", at="intro: |"),
    Case("site-column-unknown-field", "data/site.yaml", "    per_page: 10", "    per_page: 10\n    pagesize: 10", "columns 第1项 pagesize", "未知字段", at="pagesize"),
]

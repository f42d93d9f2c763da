"""站内搜索 in real headless Chromium: queries typed into the header box of the built demo, served over
HTTP under a sub-path, must put the expected page in the top 5. Prints recall@5 per query class."""
from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from support import urls
from support.browser import static_server
from support.search import first_query_bytes, header_search, status_text

PREFIX = "renda"   # served under a sub-path, as a portal would mount the site

# Terms inside long sentences, title fragments, and mixed Chinese/digit queries -> the page about it.
TERMS = [
    ("执法检查", "zhifa/2024-04-24-anquan-shengchan-fa-jiancha.md"),
    ("预算审查监督", "gaikuang/jigou.md"),
    ("预算联网监督", "gongbao/wenjian/2025/yusuan-lianwang-jiandu-jueding.md"),
    ("安全生产法", "zhifa/2024-04-24-anquan-shengchan-fa-jiancha.md"),
    ("道路交通安全法", "zhifa/2018-05-15-jiaotong-anquan-fa-jiancha.md"),
    ("水污染防治法", "zhifa/2023-08-30-shui-wuran-fangzhi-fa-baogao.md"),
    ("未成年人保护法", "zhifa/2025-06-26-weichengnianren-baohu-fa-baogao.md"),
    ("脱贫攻坚", "dongtai/2019-06-18-shicha-tuopin-gongjian.md"),
    ("养老服务体系建设", "gongbao/wenjian/2025/yanglao-fuwu-tixi-jianshe-baogao.md"),
    ("专题询问", "dongtai/2023-10-26-zhuanti-xunwen-yanglao.md"),
    ("城乡供水一体化", "dongtai/2024-05-22-shicha-chengxiang-gongshui.md"),
    ("高标准农田", "dongtai/2022-08-17-diaoyan-gaobiaozhun-nongtian.md"),
    ("营商环境", "dongtai/2025-03-20-diaoyan-yingshang-huanjing.md"),
    ("老旧小区加装电梯", "jianyi/2025-01-14-laojiu-xiaoqu-jiazhuang-dianti.md"),
    ("冷链物流", "jianyi/2026-01-13-nongchanpin-lenglian-wuliu.md"),
    ("农村公路养护", "jianyi/2023-01-10-nongcun-gonglu-yanghu.md"),
    ("课后服务", "jianyi/2024-01-09-kehou-fuwu.md"),
    ("满意度测评", "banli/2024-11-21-manyidu-ceping.md"),
    ("公益诉讼", "fankui/2025-07-18-jianchayuan-gongyi-susong-fankui.md"),
    ("备案审查办法", "zhidu/2021-04-29-beian-shencha-banfa.md"),
    ("讨论决定重大事项", "zhidu/2019-06-27-zhongda-shixiang-guiding.md"),
    ("国土空间总体规划", "gongbao/wenjian/2025/guotu-kongjian-zongti-guihua-jueyi.md"),
    ("清溪河流域", "gongbao/wenjian/2026/qingxihe-liuyu-zonghe-zhili-baogao.md"),
    ("饮用水水源地", "gongbao/wenjian/2019/yinyongshui-shuiyuandi-baohu-jueding.md"),
    ("法治宣传教育", "gongbao/wenjian/2026/jiuwu-fazhi-xuanchuan-jiaoyu-jueyi.md"),
    ("换届选举", "dongtai/2021-09-24-huanjie-xuanju-bushu.md"),
    ("主题党日", "zhibu/2019-07-02-qiyi-zhuti-dangri.md"),
    ("代表联络站规范化建设", "daibiaogongzuo/2022-11-16-daibiaozhijia-guifanhua-jianshe.md"),
    ("进站履职月", "daibiaogongzuo/2026-07-15-jinzhan-lvzhi-huodong.md"),
    ("常委会主要职权", "gaikuang/zhize.md"),
]
MIXED = [
    ("第十八届第十一号", "gongbao/wenjian/2024/gonggao-18-11.md"),
    ("2024年县级预算调整", "gongbao/wenjian/2024/2024-yusuan-tiaozheng-fangan-jueyi.md"),
    ("2023年度审计工作报告", "shenyi/2024-07-05-shenji-gongzuo-baogao-shenyi-yijian.md"),
    ("十八届三次会议第41号建议", "banli/2024-04-25-jiaoyuju-dafu-kehou-fuwu.md"),
    ("２０２４年第３期", "gongbao/2024/3.md"),      # full-width digits, as Chinese IMEs type them
]


def url_path(src_uri: str) -> str:
    stem = src_uri[:-3]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return f"/{PREFIX}/{stem}"


def query_set(site) -> dict[str, list[tuple[str, set[str]]]]:
    """Every deputy, 曾用名 and appointee of the demo data, plus the term and mixed lists above."""
    by_name: dict[str, set[str]] = {}
    for deputy in site.deputies:
        by_name.setdefault(deputy.name, set()).add(url_path(urls.deputy(deputy.id)))
    classes = {"代表姓名": sorted((n, p) for n, p in by_name.items())}
    classes["曾用名"] = [(other, {url_path(urls.deputy(d.id))}) for d in site.deputies for other in d.other_names or []]
    lists: dict[str, set[str]] = {}
    for appointment in site.appointments:
        for entry in appointment.entries:
            lists.setdefault(entry.name, set()).add(url_path(urls.appointment_list(appointment.id)))
    classes["任免人员"] = sorted(lists.items())
    classes["词语和标题"] = [(q, {url_path(uri)}) for q, uri in TERMS]
    bulletins = [(f"{b.year}年第{b.number}期", {url_path(urls.bulletin(b.year, b.number))}) for b in site.bulletins]
    classes["混合查询"] = bulletins + [(q, {url_path(uri)}) for q, uri in MIXED]
    return classes


@pytest.fixture(scope="module")
def served(built):
    with static_server(built.site, PREFIX) as base:
        yield base


@pytest.fixture()
def page(chromium, served):
    """A page of the demo with every request outside the local server recorded and refused."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.external = []
    page.errors = []
    local = urlparse(served).netloc

    def guard(route):
        page.external.append(route.request.url)
        route.abort()
    context.route(lambda url: urlparse(url).netloc != local, guard)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(served + "dongtai/2024-02-27-changweihui-di16ci-huiyi/")
    yield page
    context.close()


def test_recall_at_5_per_query_class(page, demo, built):
    classes = query_set(demo.site)
    assert sum(len(v) for k, v in classes.items() if k in ("词语和标题", "混合查询")) >= 20
    misses, lines, not_first = [], [], []
    for name, queries in classes.items():
        hits = 0
        for query, expected in queries:
            top5 = header_search(page, query)[:5]
            if expected <= set(top5):
                hits += 1
            else:
                misses.append((name, query, sorted(expected - set(top5)), top5))
            # A deputy's own page (both pages, for a name two deputies share) comes before any mention.
            if name == "代表姓名" and set(top5[:len(expected)]) != expected:
                not_first.append((query, sorted(expected), top5))
        lines.append(f"{name}: recall@5 = {hits}/{len(queries)} = {hits / len(queries):.1%}")
    deputies = len(classes["代表姓名"])
    lines.append(f"代表姓名: own page first = {deputies - len(not_first)}/{deputies}")
    print("\n" + "\n".join(lines))
    for miss in misses:
        print("  未进前5:", miss)
    assert not page.errors and not page.external
    names = [m for m in misses if m[0] in ("代表姓名", "曾用名", "任免人员")]
    assert not names, names                           # every person: 100 %
    assert not not_first, not_first
    others = sum(len(classes[k]) for k in ("词语和标题", "混合查询"))
    assert len(misses) <= others // 20, misses          # terms, titles, mixed: at least 95 %


def test_results_show_title_section_date_and_highlighted_excerpt(page):
    top = header_search(page, "林秀华")
    assert top[0] == f"/{PREFIX}/{urls.served(urls.deputy('d0002'))}"               # the record ranks above mentions
    article = page.locator(".rd-search__item", has=page.locator(
        f'a[href="/{PREFIX}/dongtai/2024-05-22-shicha-chengxiang-gongshui/"]'))
    assert article.locator(".rd-search__info").inner_text() == "文章 · 人大动态 · 2024年5月22日"
    assert article.locator("mark").first.inner_text() == "林秀华"
    assert re.match(r"找到 \d+ 条包含“林秀华”的结果", status_text(page))
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.pathname") == top[0]
    page.keyboard.press("Escape")
    assert page.locator(".rd-search__panel").is_hidden()
    assert page.evaluate("document.activeElement.id") == "rd-search-input"


def test_filters_by_section_and_year(page):
    everything = header_search(page, "执法检查")
    page.click(".rd-search__refine")
    page.wait_for_selector(".rd-search__filters select", state="visible")
    page.select_option('select[data-filter="年份"]', "2024年")
    page.wait_for_selector("[data-rd-search][data-rd-done]", state="attached")
    in_2024 = page.eval_on_selector_all(".rd-search__item > a", "els => els.map(a => a.pathname)")
    assert in_2024 and len(in_2024) < len(everything)
    assert f"/{PREFIX}/zhifa/2024-04-24-anquan-shengchan-fa-jiancha/" in in_2024
    assert f"/{PREFIX}/zhifa/2018-05-15-jiaotong-anquan-fa-jiancha/" not in in_2024


@pytest.mark.parametrize("query, message", [
    ("", "请输入要查找的内容"),
    ("   ", "请输入要查找的内容"),
    ("，。！？、《》……——", "标点符号和特殊字符会被忽略"),
    ("<script>window.hacked=1</script><img src=x onerror=window.hacked=2>", "已忽略标点和符号"),
    ("人大" * 100, "查询内容较长，只按前 38 个字搜索"),
    ("龘", "没有页面包含“龘”"),
])
def test_bad_input_gives_a_message_and_no_markup(page, query, message):
    header_search(page, query)
    assert message in status_text(page)
    assert page.evaluate("window.hacked") is None
    panel_html = page.inner_html(".rd-search__panel")
    assert "<script" not in panel_html and "<img" not in panel_html
    assert not page.errors and not page.external


LATE = """() => {
  // what the browser fetches on its own while a query runs: a new favicon, an image
  document.head.append(Object.assign(document.createElement("link"),
                                     { rel: "icon", href: "../assets/favicon.svg?late" }));
  new Image().src = "../assets/img/emblem.svg?late";
}"""


def test_first_query_bytes_are_reported(chromium, served, built):
    """Only what the query fetched is counted: not the favicon or an image the browser fetches on its own
    meanwhile (a late favicon once made this test fail on a loaded machine)."""
    result = first_query_bytes(chromium, served, "执法检查", "dongtai/", site=built.site,
                               before=lambda page: page.evaluate(LATE))
    names = [name for name, _ in result["files"]]
    assert any(n.endswith("/pagefind.js") for n in names) and any(".pf_index" in n for n in names)
    assert all(n.startswith(f"/{PREFIX}/pagefind/") for n in names), names
    print(f"\n首次查询传输 {result['bytes']:,d} 字节（按文件大小 {result['disk_bytes']:,d}），"
          f"{result['requests']} 个请求")
    assert result["bytes"] <= result["disk_bytes"] + 20_000 and result["disk_bytes"] < 300_000


def test_a_query_in_traditional_characters_finds_what_the_simplified_one_finds(page):
    simplified = header_search(page, "执法检查")
    traditional = header_search(page, "執法檢查")
    assert traditional == simplified and len(simplified) >= 5
    assert "已按简体“执法检查”搜索" in status_text(page)
    assert page.locator(".rd-search__item mark").first.inner_text() == "执法检查"
    assert not page.locator(".rd-search__partial").count()


def test_no_match_is_said_plainly_and_partial_matches_are_labelled(page):
    assert header_search(page, "火星") == []                # on no page
    assert "没有页面包含“火星”" in status_text(page)
    partial = header_search(page, "清溪县火星")           # 清溪县 is on every page, 火星 on none
    status = status_text(page)
    assert status.startswith("没有页面包含“清溪县火星”") and "只包含其中的部分文字" in status
    assert partial and page.locator(".rd-search__partial").count() == page.locator(".rd-search__item").count()
    assert page.locator(".rd-search__partial").first.inner_text() == "部分匹配"
    whole = header_search(page, "清溪县")
    assert whole and not page.locator(".rd-search__partial").count() and "找到" in status_text(page)
    assert not page.locator(".rd-search__apart").count()
    header_search(page, "火星建议")                      # suggests the columns whose names it shares words with
    assert page.locator(".rd-search__columns a").all_inner_texts() == ["代表建议", "建议办理"]
    assert "减少关键词" in status_text(page)


# Forms a reader types for what the pages write otherwise (bench/reader_queries.tsv has them all, by form).
READER_FORMS = [
    ("第32次会议", "huiyi/18-32/"),                                   # the pages write 第三十二次会议
    ("安全生产法执法检查", "zhifa/2024-04-24-anquan-shengchan-fa-jiancha/"),    # 《…》 between on the page
    ("中华人民共和国安全生产法执法检查", "zhifa/2024-04-24-anquan-shengchan-fa-jiancha/"),
    ("第十八届人大四次会议建议办理", "banli/18-4/"),                    # the page writes 十八届人大四次会议
    ("18届代表构成", "daibiao/goucheng-18/"),
    ("第15号建议", "jianyi/18-3/15/"),                                # 第15号 and 建议 apart on its page
    ("龙泉联络站", "daibiaogongzuo/lianluozhan/longquan/"),             # 龙泉镇人大代表联络站
]


def test_reader_forms_find_their_pages(page):
    misses = []
    for query, wanted in READER_FORMS:
        top5 = header_search(page, query)[:5]
        if f"/{PREFIX}/{wanted}" not in top5:
            misses.append((query, top5))
    assert not misses, misses
    header_search(page, "第32次会议")
    assert "也按“第三十二次会议”查找" in status_text(page)          # says what was searched


def test_words_apart_follow_under_a_line(page):
    top = header_search(page, "执法检查报告")          # verbatim in one article only
    status = status_text(page)
    assert re.match(r"找到 1 条包含“执法检查报告”的结果；另有 \d+ 条部分匹配", status), status
    rows = page.eval_on_selector_all(".rd-search__results > li", """els => els.map(li =>
        li.classList.contains('rd-search__apart') ? 'LINE:' + li.textContent
        : (li.querySelector('.rd-search__partial') ? 'partial' : 'exact'))""")
    assert rows[:2] == ["exact", "LINE:以下结果部分匹配"] and set(rows[2:]) == {"partial"}, rows
    # the reports of the 执法检查组 (执法检查 and 报告 apart in their titles) come next
    assert f"/{PREFIX}/gongbao/wenjian/2024/shipin-anquan-fa-zhifa-jiancha-baogao/" in top[1:5]
    top = header_search(page, "养老体系建设")          # nowhere verbatim: 养老服务体系建设
    assert "没有页面包含完整的“养老体系建设”" in status_text(page)
    assert page.locator(".rd-search__results > li").first.inner_text() == "以下结果部分匹配"
    assert f"/{PREFIX}/gongbao/wenjian/2025/yanglao-fuwu-tixi-jianshe-baogao/" in top[:2]


def test_every_result_says_its_kind_and_the_kind_filter_narrows(page):
    everything = header_search(page, "周明远")
    infos = page.locator(".rd-search__info").all_inner_texts()
    from renda_site.build.search_index import OTHER_TYPE
    from renda_site.kinds import KINDS
    labels = {kind.label for kind in KINDS} | {OTHER_TYPE}
    assert infos and all(info.split(" · ")[0] in labels for info in infos), infos
    assert not [info for info in infos if len(info.split(" · ")) != len(set(info.split(" · ")))]
    assert infos[0].startswith("代表")                        # his own page first
    page.click(".rd-search__refine")
    page.wait_for_selector('select[data-filter="类型"]', state="visible")
    options = page.eval_on_selector_all('select[data-filter="类型"] option', "os => os.map(o => o.value)")
    assert "代表" in options and "文章" in options
    page.select_option('select[data-filter="类型"]', "文章")
    page.wait_for_selector("[data-rd-search][data-rd-done]", state="attached")
    articles = page.eval_on_selector_all(".rd-search__item > a", "els => els.map(a => a.pathname)")
    assert articles and f"/{PREFIX}/{urls.served(urls.deputy('d0001'))}" in everything
    assert f"/{PREFIX}/{urls.served(urls.deputy('d0001'))}" not in articles
    assert all(t.startswith("文章") for t in page.locator(".rd-search__info").all_inner_texts())


SAMPLES = ["执法检查", "2024年第3期", "第十八届第十一号", "县人民检察院检察长", "ABC县人大", "周", "人大2024",
           "清溪县人民代表大会常务委员会公报", "２０２４", "第41号建议"]


def test_the_box_cuts_queries_and_restores_text_as_the_indexer_does(page):
    from renda_site.publish.search_words import decode, encode, query_words
    for sample in SAMPLES:
        assert page.evaluate("s => rdSearchWords.words(s)", sample) == query_words(sample), sample
        stored = " ".join(encode(sample).split())
        assert page.evaluate("s => rdSearchWords.decode(s)", stored) == decode(stored) == sample, sample


NUMERALS = {"第32次会议": "第三十二次会议", "第110次会议": "第一百一十次会议", "第105次会议": "第一百零五次会议",
            "18届": "十八届", "2024年第3期": "2024年第3期"}
UNDERSTOOD = {"第十八届人大": "十八届人大", "十八届第16次会议": "十八届 第16次会议", "第18届": "18届",
              "中华人民共和国安全生产法执法检查": "安全生产法 执法检查", "食品安全法检查": "食品安全法 检查",
              "执法检查": "执法检查", "中华人民共和国": "中华人民共和国", "第15号建议": "第15号 建议",
              "2024年第3期": "2024年第3期"}


def test_the_box_rewrites_the_forms_readers_type(page):
    assert page.evaluate("qs => qs.map(rdSearchWords.understood)", list(UNDERSTOOD)) == list(UNDERSTOOD.values())
    assert page.evaluate("qs => qs.map(rdSearchWords.numerals)", list(NUMERALS)) == list(NUMERALS.values())


def test_the_excerpt_starts_at_the_match(page):
    header_search(page, "预算联网监督")
    for excerpt in page.locator(".rd-search__excerpt").all_inner_texts()[:5]:
        start = excerpt.lstrip("…")
        assert "预算联网监督" in start[:40], excerpt          # the hit within its sentence's first words
        assert not start.startswith(("发布日期", "来源"))


def test_offline_copy_says_search_needs_the_online_site(chromium, built):
    page = chromium.new_page()
    page.goto((built.site / "dongtai" / "index.html").as_uri())
    page.click("#rd-search-input")
    assert "离线版不支持站内搜索" in status_text(page)
    header_search(page, "周明远")
    assert "离线版不支持站内搜索" in status_text(page)
    page.close()


def test_header_fits_a_phone(chromium, served):
    page = chromium.new_page(viewport={"width": 390, "height": 844})
    page.goto(served + urls.served(urls.deputy("d0001")))
    box = page.locator(".rd-search__form").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.keyboard.press("Tab")   # reachable by keyboard: the box is in the tab order
    for _ in range(20):          # after the skip link, the reader tool bar (字号, 打印) and the menu
        if page.evaluate("document.activeElement.id") == "rd-search-input":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "rd-search-input"
    header_search(page, "周明远")
    panel = page.locator(".rd-search__panel").bounding_box()
    assert panel["width"] <= 390
    page.close()

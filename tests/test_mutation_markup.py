"""The HTML allow-list of article bodies (safe_html.py) and the SVG check (input/svgcheck.py), rule by rule:
each allowed form passes and each near miss is refused with its own message and line. Written against the
mutants that the other in-process tests let survive (bench/mutation.sh)."""
from __future__ import annotations

import pytest

from renda_site import safe_html
from renda_site.input.svgcheck import svg_problems
from renda_site.safe_html import clean, violations

HOSTS = {"map.example.cn"}


def messages(markdown: str, hosts=frozenset(HOSTS)) -> list[str]:
    return [message for _, message in violations(markdown, hosts)]


# --- inline styles: only a table column's alignment, and nothing after it -------------------------------

@pytest.mark.parametrize("style", ["text-align: left", "text-align:right;", " text-align: center ; "])
def test_a_table_cell_may_carry_its_alignment(style):
    assert violations(f'<table><tr><td style="{style}">x</td><th style="{style}">y</th></tr></table>') == []


@pytest.mark.parametrize("style", [
    "text-align: left; color: red",                 # starts allowed, then adds more
    "text-align: left; background: url(https://evil.example/x.png)",
    "color: red; text-align: left",
    "text-align: justify",
    "TEXT-ALIGN: left",
])
def test_any_other_style_is_refused(style):
    found = violations(f'第一段。\n\n<table><tr><td style="{style}">x</td></tr></table>')
    assert found == [(3, "<td> 的 style 属性不能使用（表格对齐以外的样式请用 class）")]


def test_a_style_on_another_element_is_refused():
    assert messages('<p style="text-align: left">x</p>') == [
        "<p> 的 style 属性不能使用（表格对齐以外的样式请用 class）"]


# --- addresses --------------------------------------------------------------------------------------

@pytest.mark.parametrize("src", ["../assets/img/a.jpg", "/assets/a.png", "a b.png", "#x"])
def test_a_picture_of_the_site_is_allowed(src):
    assert violations(f'<img src="{src}" alt="图">') == []


@pytest.mark.parametrize("src", ["https://evil.example/a.png", "//evil.example/a.png", " //evil.example/a.png",
                                 "\t//evil.example/a.png", "\\\\evil.example\\a.png",
                                 "/\\evil.example/a.png", "\\/evil.example/a.png", " java\tscript:alert(1)",
                                 "data:image/png;base64,AAAA", "HTTP://evil.example/a.png"])
def test_a_picture_from_elsewhere_is_refused(src):
    found = messages(f'<img src="{src}" alt="图">')
    assert len(found) == 1 and found[0].startswith("<img> 的文件「") and "必须是本站 docs/ 中的文件" in found[0]


@pytest.mark.parametrize("tag,attr", [("img", "src"), ("audio", "src"), ("video", "src"), ("video", "poster"),
                                      ("source", "src"), ("track", "src")])
def test_every_media_address_must_be_local(tag, attr):
    html = f'<{tag} {attr}="https://evil.example/x">'
    assert clean(html) == clean(f"<{tag}>")
    assert f'{attr}="../x.mp4"' in clean(f'<{tag} {attr}="../x.mp4">')


@pytest.mark.parametrize("src,allowed", [
    ("https://map.example.cn/embed", True), ("https://MAP.example.cn?x=1", True), ("https://map.example.cn#a", True),
    ("https://map.example.cn", True), (" https://map.example.cn/ ", True),
    ("https://map.example.cn.evil.example/", False), ("https://map.example.cn:8443/", False),
    ("http://map.example.cn/", False), ("https://evil.example/map.example.cn", False),
    ("https://user@map.example.cn/", False),
])
def test_a_frame_only_from_a_listed_host_over_https(src, allowed):
    kept = 'src="' in clean(f'<iframe src="{src}"></iframe>', {" Map.Example.CN "})
    assert kept is allowed


def test_a_frame_without_hosts_is_refused_with_the_reason():
    [message] = messages('<iframe src="https://map.example.cn/"></iframe>', frozenset())
    assert message == ("嵌入的网址「https://map.example.cn/」不在 data/site.yaml 的 embed_hosts（允许嵌入的网站）中，"
                       "且必须是 https 网址")


def test_links_with_allowed_schemes_pass_and_others_are_named():
    assert violations("[a](https://x.example/) [b](mailto:a@b.cn) [c](tel:123) [d](../a.md) [e](HTTP://x.cn)") == []
    [message] = messages('<a href="ftp://x.example/">x</a>')
    assert message == "链接「ftp://x.example/」不安全：只允许 http、https、mailto、tel 链接或站内相对链接"


def test_a_long_address_is_shortened_in_the_message():
    long = "ftp://x.example/" + "a" * 60
    [message] = messages(f'<a href="{long}">x</a>')
    assert f"「{long[:40]}…」" in message
    forty = "ftp://x.example/" + "a" * 24
    assert f"「{forty}」" in messages(f'<a href="{forty}">x</a>')[0]
    assert f"「{forty}a」" not in messages(f'<a href="{forty}a">x</a>')[0]


def test_the_message_of_a_file_from_elsewhere():
    assert messages('<video src="https://evil.example/a.mp4"></video>') == [
        ("<video> 的文件「https://evil.example/a.mp4」必须是本站 docs/ 中的文件"
         "（不能引用其他网站的图片、音频、视频，也不能用 data: 网址）")]


@pytest.mark.parametrize("tag,why", [
    *[(t, "会在读者的浏览器中运行代码或改变整个页面") for t in ("script", "style", "link", "meta", "base")],
    *[(t, "会嵌入其他网站的内容") for t in ("iframe", "object", "embed", "frame", "frameset", "applet")],
    *[(t, "会向读者索取信息") for t in ("form", "input", "button", "select", "textarea")],
    ("marquee", "不在允许的 HTML 范围内"),
])
def test_every_refused_element_says_why(tag, why):
    expected = f"不能使用 <{tag}> 标签：{why}。正文请用 Markdown 和编辑指南中列出的 HTML 标签"
    assert safe_html._tag_message(tag) == expected


@pytest.mark.parametrize("name", ["href", "src", "cite"])
def test_every_link_attribute_is_named_a_link(name):
    assert safe_html._attribute_message("blockquote", name, "ftp://x") == (
        "链接「ftp://x」不安全：只允许 http、https、mailto、tel 链接或站内相对链接")


def test_messages_of_refused_elements_say_why():
    assert messages("<script>x</script>") == [
        ("不能使用 <script> 标签：会在读者的浏览器中运行代码或改变整个页面。"
         "正文请用 Markdown 和编辑指南中列出的 HTML 标签")]
    assert "会嵌入其他网站的内容" in messages("<object data='x'></object>")[0]
    assert "会向读者索取信息" in messages("<form></form>")[0]
    assert "不在允许的 HTML 范围内" in messages("<marquee>x</marquee>")[0]
    assert messages('<p onclick="x()">y</p>') == ["<p> 的 onclick 属性会在读者的浏览器中运行代码，不能使用"]
    assert messages('<p data-x="1">y</p>') == ["<p> 不能使用 data-x 属性"]
    assert messages('<p aria-label="说明">y</p>') == []


def test_an_element_refused_is_said_once_not_again_for_its_attributes():
    assert messages('<form action="x" onsubmit="y()"></form>') == [
        "不能使用 <form> 标签：会向读者索取信息。正文请用 Markdown 和编辑指南中列出的 HTML 标签"]


def test_a_refused_element_does_not_hide_the_attributes_of_others():
    assert violations('<form action="x"></form>\n\n<p onclick="y()">z</p>') == [
        (1, "不能使用 <form> 标签：会向读者索取信息。正文请用 Markdown 和编辑指南中列出的 HTML 标签"),
        (3, "<p> 的 onclick 属性会在读者的浏览器中运行代码，不能使用")]


def test_a_refused_address_is_found_on_its_own_line_not_on_the_first_with_the_attribute():
    text = '<img src="a.png" alt="x">\n\n<img src="https://evil.example/x.png" alt="y">'
    assert [line for line, _ in violations(text)] == [3]
    text = '<a href="a.md">x</a>\n\n<a href="ftp://evil.example/">y</a>'
    assert [line for line, _ in violations(text)] == [3]


def test_the_content_of_a_style_element_goes_with_it():
    assert clean("<style>p{}</style>x") == "x"


def test_the_line_is_that_of_the_value_as_written():
    text = "第一段。\n\n[好](https://a.example/)\n\n第五行\n\n[坏](javascript:alert(1))\n"
    assert [line for line, _ in violations(text)] == [7]
    text = '第一段。\n\n<p\n title="x"\n onclick="y()">z</p>\n'
    assert [line for line, _ in violations(text)] == [5]
    assert [line for line, _ in violations("a\n\n<p>x</p><SCRIPT>y</SCRIPT>")] == [3]
    assert [line for line, _ in violations("[x](java&#115;cript:alert(1))")] == [1]
    assert [line for line, _ in violations("a\n\n[x](java&#115;cript:alert(1))")] == [3]


def test_comments_stay_and_scripts_lose_their_content():
    assert clean("<!-- 备注 --><p>x</p>") == "<!-- 备注 --><p>x</p>"
    assert clean("<script>alert(1)</script>x") == "x"
    assert 'rel=' not in clean('<a href="https://x.example/">x</a>')


# --- SVG --------------------------------------------------------------------------------------------

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 9 9">'
       '\n{}\n</svg>')


def svg(body: str) -> list[tuple[int, str]]:
    return svg_problems(SVG.format(body))


@pytest.mark.parametrize("body", [
    '<rect width="9" height="9" style="fill:red"/>',
    '<a href="https://www.example.gov.cn/"><text>x</text></a>',
    '<a xlink:href="http://www.example.gov.cn/"><text>x</text></a>',
    '<defs><path id="p" d="M0 0"/></defs><use href="#p"/><use xlink:href=" #p"/>',
    '<image href="data:image/png;base64,iVBOR"/><image xlink:href="DATA:image/JPEG;base64,/9j/"/>',
    '<style>rect { fill: url(#g); }</style><rect style="fill: url( \'#g\')"/><rect style=\'fill:url("#g")\'/>',
    '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>',
    '<g xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:label="图层"/>',
    '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"/>',
])
def test_a_drawing_passes(body):
    assert svg(body) == []


@pytest.mark.parametrize("body,message", [
    ('<script>alert(1)</script>', "不能含有 <script> 元素（会运行代码）"),
    ('<foreignObject/>', "不能含有 <foreignObject> 元素（会运行代码）"),
    ('<set attributeName="href" to="javascript:alert(1)"/>', "不能含有 <set> 元素"),
    ('<html:p xmlns:html="http://www.w3.org/1999/xhtml">x</html:p>', "不能含有 <p> 元素"),
    ('<rect onload="alert(1)"/>', "<rect> 的 onload 属性会运行代码，不能使用"),
    ('<rect ONCLICK="alert(1)"/>', "<rect> 的 ONCLICK 属性会运行代码，不能使用"),
    ('<a xlink:href="javascript:alert(1)"><text>x</text></a>',
     "<a> 的链接「javascript:alert(1)」不允许：只能引用本文件内的部分（#…）或 http(s) 网址"),
    ('<a href="java\nscript:alert(1)"><text>x</text></a>',
     "<a> 的链接「java script:alert(1)」不允许：只能引用本文件内的部分（#…）或 http(s) 网址"),
    ('<use xlink:href="https://evil.example/s.svg#x"/>',
     "<use> 的链接「https://evil.example/s.svg#x」不允许：只能引用本文件内的部分（#…）"),
    ('<image xlink:href="https://evil.example/a.png"/>',
     "<image> 的链接「https://evil.example/a.png」不允许：只能引用本文件内的部分（#…）"),
    ('<image href="data:image/svg+xml;base64,PHN2Zz4="/>',
     "<image> 的链接「data:image/svg+xml;base64,PHN2Zz4=」不允许：只能引用本文件内的部分（#…）"),
    ('<rect style="fill: url(https://evil.example/x)"/>', "<rect> 的样式不能引用外部文件（url()、@import）"),
    ('<rect style="fill: url(\'#g\') url(\'x.svg\')"/>', "<rect> 的样式不能引用外部文件（url()、@import）"),
    ('<style>@import "https://evil.example/x.css";</style>', "<style> 中不能引用外部文件（url()、@import）"),
    ('<?xml-stylesheet href="x.css"?>', "不能含有处理指令 <?xml-stylesheet …?>"),
])
def test_what_runs_code_or_loads_another_file_is_refused_at_its_line(body, message):
    assert svg(body) == [(2, message)]


def test_a_long_link_is_shortened_in_the_message():
    link = "https://evil.example/" + "x" * 50
    [(_, message)] = svg(f'<use href="{link}"/>')
    assert f"「{link[:40]}」" in message


def test_an_href_in_another_namespace_is_not_a_link():
    assert svg('<rect xmlns:x="urn:x" x:href="https://evil.example/"/>') == []


def test_text_outside_a_style_element_may_mention_url():
    assert svg("<text>url(https://www.example.gov.cn/)</text>") == []
    assert svg("<style>rect{}</style><text>url(https://x.example/)</text>") == []
    assert svg("<g><style>rect{}</style>url(https://x.example/)</g>") == []      # after the style element ends


@pytest.mark.parametrize("element", ["iframe", "object", "embed"])
def test_elements_that_run_code_say_so(element):
    assert svg(f"<{element}/>") == [(2, f"不能含有 <{element}> 元素（会运行代码）")]


def test_a_file_that_stops_short_is_not_a_valid_svg():
    [(line, message)] = svg_problems('<svg xmlns="http://www.w3.org/2000/svg">\n<g>')
    assert line == 2 and message.startswith("不是有效的 SVG 文件（")


def test_an_svg_without_its_namespace_is_refused():
    assert svg_problems('<svg viewBox="0 0 9 9"/>') == [
        (1, '<svg> 缺少 xmlns="http://www.w3.org/2000/svg"，浏览器不会把它当作 SVG 图片')]


def test_doctype_entities_and_broken_files_are_refused_with_their_line():
    found = svg_problems('<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY x "y">\n]>\n'
                         '<svg xmlns="http://www.w3.org/2000/svg"/>')
    assert found == [(2, "不能含有 DOCTYPE 或实体声明（可用来读取其他文件或耗尽内存）"),
                     (3, "不能含有实体声明（<!ENTITY>）")]
    assert svg_problems('<svg xmlns="http://www.w3.org/2000/svg">\n<rect>\n</svg>') == [
        (3, "不是有效的 SVG 文件（第 3 列：mismatched tag）")]

"""The HTML rule of article bodies (hooks/renda_site/safe_html.py): what it lets through, what it
refuses, and that it converts bodies with exactly the Markdown extensions of mkdocs.yml."""
from __future__ import annotations

import pytest
import yaml

from support.project import ROOT

from renda_site.safe_html import EXTENSION_CONFIGS, MARKDOWN_EXTENSIONS, violations

ALLOWED = [
    "普通段落，**粗体**，[链接](https://www.example.gov.cn/)，[邮箱](mailto:a@example.org)，[电话](tel:0000-0000000)。",
    "| 项目 | 金额 |\n|:--|--:|\n| 一般公共预算 | 12.3 |",
    '<table><tr><th scope="row" colspan="2">合并</th></tr><tr><td rowspan="2">甲</td><td>乙</td></tr></table>',
    '<figure markdown>\n![会场](../assets/img/a.jpg){ width="300" }\n<figcaption>会议现场</figcaption>\n</figure>',
    '<video src="../assets/video/a.mp4" controls poster="../assets/img/a.jpg"></video>',
    '<details><summary>展开</summary>\n\n内容\n\n</details>',
    '<iframe src="https://map.example.cn/embed?x=1" width="600" height="400" title="地图"></iframe>',
    "```html\n<script>alert(1)</script>\n```",
    "行内代码 `<script>` 只是文字",
    "!!! note \"提示\"\n    注意事项。",
    '<p class="rd-passing-note">（2024年1月2日通过）</p>',
    "<!-- 编辑备注：不会显示 -->",
]
REFUSED = [
    ("<script>alert(1)</script>", "<script>"), ('<img src="a.png" alt="图" onerror="alert(1)">', "onerror"),
    ('<a href="vbscript:msgbox(1)">x</a>', "不安全"),
    ('<iframe src="https://map.example.cn.evil.example/"></iframe>', "embed_hosts"),
    ('<iframe src="http://map.example.cn/"></iframe>', "embed_hosts"),
    ('<audio src="//evil.example/a.mp3"></audio>', "本站"),
    ('<table><tr><td style="color:red">x</td></tr></table>', "style"), ("<style>body{display:none}</style>", "<style>"),
    ('<link rel="stylesheet" href="x.css">', "<link>"),
    ("<textarea>x</textarea>", "<textarea>"), ('<button onclick="x()">按钮</button>', "<button>"),
    ("<math><mi>x</mi></math>", "<math>"),
    ('<a href="data:text/html,<b>x</b>">x</a>', "不安全"), ("![x](javascript:alert(1))", "本站"),
]


@pytest.mark.parametrize("text", ALLOWED)
def test_allowed(text):
    assert violations(text, {"map.example.cn"}) == []


@pytest.mark.parametrize("text,fragment", REFUSED)
def test_refused(text, fragment):
    found = violations("第一段。\n\n" + text, {"map.example.cn"})
    assert found and all(line == 3 for line, _ in found), found
    assert any(fragment in message for _, message in found), found


def test_bodies_are_converted_as_mkdocs_converts_them():
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert names == MARKDOWN_EXTENSIONS
    options = {next(iter(e)): next(iter(e.values())) for e in config["markdown_extensions"] if isinstance(e, dict)}
    assert options == EXTENSION_CONFIGS

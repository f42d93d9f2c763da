"""Pictures as files: which formats may be published under which names, how large a picture may be
before reading it costs too much, and what metadata it carries about where and by whom it was taken.

A picture is opened only to read its header (format, pixel size) before anything decodes it: a small
file can declare a billion pixels. The same rules hold for a photo in docs/, for a picture inside a
Word file or a PDF, and for the cleaned copy the build publishes.
"""
from __future__ import annotations

import io
import warnings
from pathlib import Path

# File name endings a browser shows as a picture, and the format the file must really be in.
RASTER = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF", ".ico": "ICO"}
MAX_PIXELS = 80_000_000
MAX_FRAMES = 500
# What Pillow reports in `info` for metadata it read; any of these (or an APPn segment of a JPEG other
# than JFIF, ICC and Adobe's colour marker) means the file has something to remove.
_METADATA_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc", "Raw profile type exif",
                  "Raw profile type iptc", "Raw profile type xmp"}
_HARMLESS_APP = {("APP0", b"JFIF"), ("APP2", b"ICC_PROFILE"), ("APP14", b"Adobe")}
GPS_IFD = 0x8825
# EXIF tags that name a person or a device: artist, copyright holder, Windows author, owner, serial numbers.
_PERSONAL_TAGS = (0x013B, 0x8298, 0x9C9D, 0xA430, 0xA431, 0xA435)
_XMP_PERSONAL = (b"exif:GPS", b"<dc:creator", b"photoshop:AuthorsPosition", b"xmpRights:Owner", b"aux:SerialNumber")


class PictureError(Exception):
    """The file cannot be published as a picture: the message says why, in Chinese."""


def needs_cleaning(image) -> bool:
    if any(key in image.info for key in _METADATA_KEYS):
        return True
    if getattr(image, "text", None):                       # PNG tEXt / zTXt / iTXt chunks
        return True
    for marker, data in getattr(image, "applist", []):
        if not any(marker == m and data.startswith(prefix) for m, prefix in _HARMLESS_APP):
            return True
    return False


ORIENTATION = 0x0112


def metadata_left(image) -> bool:
    """Whether a published picture still carries more than its orientation (what the cleaning keeps)."""
    if (set(image.info) & _METADATA_KEYS) - {"exif"} or getattr(image, "text", None):
        return True
    exif = image.getexif() if "exif" in image.info else {}
    if set(exif) - {ORIENTATION}:
        return True
    for marker, data in getattr(image, "applist", []):
        harmless = any(marker == m and data.startswith(prefix) for m, prefix in _HARMLESS_APP)
        if not harmless and not (marker == "APP1" and data.startswith(b"Exif") and exif):
            return True
    return False


def open_picture(source, expected: str | None = None):
    """The picture at `source` (a path or bytes), opened but not decoded; raises PictureError when it is
    not a picture, not in the `expected` format, or too large to decode safely."""
    from PIL import Image
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PictureError(
            f"图片尺寸过大（超过 {MAX_PIXELS // 10000} 万像素），读取它会耗尽内存。请缩小后再发布"
        ) from None
    except Exception:
        raise PictureError(
            "不是能打开的图片文件（已损坏，或改了扩展名的其他文件）。请换成正常的 JPG、PNG 图片"
        ) from None
    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        raise PictureError(f"图片尺寸过大（{width}×{height} 像素，超过 {MAX_PIXELS // 10000} 万像素），"
                           "读取它会耗尽内存。请缩小后再发布")
    frames = getattr(image, "n_frames", 1) if image.format in ("GIF", "WEBP", "PNG") else 1
    if frames > MAX_FRAMES or frames * width * height > MAX_PIXELS * 4:
        image.close()
        raise PictureError(f"动画有 {frames} 帧、每帧 {width}×{height} 像素，处理它会耗尽内存和时间。"
                           "请换成静态图片或视频（MP4）")
    if expected is not None and image.format != expected:
        found = image.format or "未知"
        image.close()
        raise PictureError(f"文件内容是 {found} 格式，与扩展名不符，读者的浏览器会显示不出来。"
                           f"请用图片软件另存为 {expected} 格式，或改正扩展名")
    return image


def check_picture(path: Path) -> str | None:
    """None when the file can be published as the picture its name says; else the reason, in Chinese."""
    try:
        open_picture(path, RASTER[path.suffix.lower()]).close()
    except PictureError as exc:
        return str(exc)
    return None


def identifying_metadata(data: bytes) -> str | None:
    """What a picture inside a document says about where and by whom it was taken, or None. Pictures
    in Word files and PDFs are published as they are, so only what identifies counts here."""
    try:
        image = open_picture(data)
    except PictureError:
        return None                 # not a picture Pillow reads (a vector drawing): nothing to say
    with image:
        try:
            exif = image.getexif()
        except Exception:
            exif = {}
        if exif and exif.get_ifd(GPS_IFD):
            return "带有拍摄地点（GPS 位置）"
        if exif and any(exif.get(tag) for tag in _PERSONAL_TAGS):
            return "带有拍摄者、版权人或设备序列号等信息"
        xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
        if isinstance(xmp, str):
            xmp = xmp.encode("utf-8", "replace")
        if any(marker in xmp for marker in _XMP_PERSONAL):
            return "带有拍摄地点或作者等 XMP 信息"
    return None

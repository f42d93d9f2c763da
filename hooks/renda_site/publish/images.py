"""Photos are published without what the camera or phone wrote into them: the GPS position, the
owner's name, the device serial number, the date and time, a thumbnail of the uncropped picture, the
editing history (EXIF, XMP, IPTC, comments, PNG text chunks). Only the orientation is kept, so a
portrait photo still stands upright, and the colour profile.

The editor's file in docs/ is never changed: a cleaned copy is written to .cache/images/ (once per
version of the file) and published instead. A file that carries nothing to remove is published as it is.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

RASTER = (".jpg", ".jpeg", ".png", ".webp", ".gif")
ORIENTATION = 0x0112
# What Pillow reports in `info` for metadata it read; any of these (or an APPn segment of a JPEG other
# than JFIF, ICC and Adobe's colour marker) means the file has something to remove.
_METADATA_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc", "Raw profile type exif",
                  "Raw profile type iptc", "Raw profile type xmp"}
_HARMLESS_APP = {("APP0", b"JFIF"), ("APP2", b"ICC_PROFILE"), ("APP14", b"Adobe")}


def needs_cleaning(image) -> bool:
    if any(key in image.info for key in _METADATA_KEYS):
        return True
    if getattr(image, "text", None):                       # PNG tEXt / zTXt / iTXt chunks
        return True
    for marker, data in getattr(image, "applist", []):
        if not any(marker == m and data.startswith(prefix) for m, prefix in _HARMLESS_APP):
            return True
    return False


def clean_image(source: Path, cache: Path) -> Path | None:
    """The path of a cleaned copy of `source`, or None when `source` can be published as it is."""
    from PIL import Image
    stat = source.stat()
    key = hashlib.sha256(f"{source.resolve()}\0{stat.st_mtime_ns}\0{stat.st_size}".encode()).hexdigest()[:32]
    out = cache / f"{key}{source.suffix.lower()}"
    if out.exists():
        return out
    marker = cache / f"{key}.as-is"
    if marker.exists():
        return None
    cache.mkdir(parents=True, exist_ok=True)
    with Image.open(source) as image:
        if not needs_cleaning(image):
            marker.touch()
            return None
        exif = Image.Exif()
        orientation = image.getexif().get(ORIENTATION)
        if orientation and orientation != 1:
            exif[ORIENTATION] = orientation
        options = {"exif": exif.tobytes()} if len(exif) else {}
        if image.info.get("icc_profile"):
            options["icc_profile"] = image.info["icc_profile"]
        kind = image.format
        if kind == "JPEG":
            # The file's own quantisation tables and subsampling: no visible loss from saving again.
            options.update(quality="keep", subsampling="keep", progressive=bool(image.info.get("progressive")))
        elif kind == "WEBP":
            options.update(lossless=bool(image.info.get("lossless")), quality=95)
        elif kind == "GIF":
            options = {"save_all": True}                  # frames and timing kept; no comment, no XMP
        # Pillow writes back what it read (a JPEG's comment, XMP) unless told otherwise: forget it all.
        image.info = {}
        tmp = out.with_name(out.name + f".{os.getpid()}.tmp")
        image.save(tmp, format=kind, **options)
    os.replace(tmp, out)
    return out

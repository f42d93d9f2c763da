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
from typing import Any

from ..input.pictures import RASTER as PICTURE_FORMATS, needs_cleaning, open_picture

RASTER = tuple(PICTURE_FORMATS)
ORIENTATION = 0x0112


def clean_image(source: Path, cache: Path) -> Path | None:
    """The path of a cleaned copy of `source`, or None when `source` can be published as it is."""
    from PIL import Image
    # Keyed by the content, not the name and time: a changed file of the same size and time, or a file
    # copied over another, never gets the clean copy of what was there before.
    key = _content_key(source)
    out = cache / f"{key}{source.suffix.lower()}"
    if out.exists():
        return out
    marker = cache / f"{key}.as-is"
    if marker.exists():
        return None
    cache.mkdir(parents=True, exist_ok=True)
    with open_picture(source) as image:
        if not needs_cleaning(image):
            marker.touch()
            return None
        exif = Image.Exif()
        orientation = image.getexif().get(ORIENTATION)
        if orientation and orientation != 1:
            exif[ORIENTATION] = orientation
        options: dict[str, Any] = {"exif": exif.tobytes()} if len(exif) else {}
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


def _content_key(source: Path) -> str:
    digest = hashlib.sha256()
    with open(source, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:32]

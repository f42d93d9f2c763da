"""Published photos carry no metadata (issue 16, class 3): a JPEG with GPS position, owner, camera
serial, a comment and XMP, a PNG with text chunks and a WebP with EXIF are built into the site; the
published copies have none of it but keep the orientation (a portrait stays upright) and the pixels;
the editor's files in docs/ are unchanged, byte for byte; a clean image is published as it is."""
from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image, ImageChops, ImageStat
from PIL.PngImagePlugin import PngInfo

from support.project import copy_project, mkdocs_build

GPS, ARTIST, SERIAL = 0x8825, 0x013B, 0xA431
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>'
       b'<rdf:Description GPSLatitude="30,15.5N" Creator="Zhang San"/></rdf:RDF></x:xmpmeta>')


def _photo() -> Image.Image:
    """Smooth like a photograph (sharp coloured stripes would exaggerate any JPEG's generation loss)."""
    return Image.merge("RGB", [Image.linear_gradient("L").resize((96, 64)), Image.radial_gradient("L").resize((96, 64)),
                               Image.linear_gradient("L").rotate(90).resize((96, 64))])


def _exif(orientation: int = 6) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[ARTIST] = "Zhang San 13812345678"
    exif[SERIAL] = "CAM-123456"
    exif.get_ifd(GPS).update({1: "N", 2: (30.0, 15.0, 30.0), 3: "E", 4: (120.0, 10.0, 5.0)})
    return exif


def _write(project):
    folder = project / "docs" / "assets" / "img"
    _photo().save(folder / "huichang.jpg", exif=_exif(), comment=b"Zhang San's phone", xmp=XMP, quality=90)
    info = PngInfo()
    info.add_text("Author", "Zhang San")
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    _photo().save(folder / "tubiao.png", pnginfo=info)
    _photo().save(folder / "xianchang.webp", exif=_exif(3), quality=90)
    _photo().save(folder / "ganjing.jpg", quality=90)
    page = project / "docs" / "gaikuang" / "jianjie.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n" + "\n\n".join(
        f"![会场照片{n}](../assets/img/{name})"
        for n, name in enumerate(["huichang.jpg", "tubiao.png", "xianchang.webp", "ganjing.jpg"])) + "\n",
        encoding="utf-8")
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("images") / "p")
    originals = _write(project)
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return project, site, originals


def _published(site, name) -> bytes:
    return (site / "assets" / "img" / name).read_bytes()


def test_jpeg_loses_gps_owner_serial_comment_and_xmp_but_keeps_orientation_and_pixels(build):
    project, site, originals = build
    data = _published(site, "huichang.jpg")
    for secret in (b"Zhang San", b"13812345678", b"CAM-123456", b"GPSLatitude", b"xmpmeta"):
        assert secret not in data and secret in originals["huichang.jpg"], secret
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        assert dict(exif) == {0x0112: 6}
        assert not exif.get_ifd(GPS)
        assert "comment" not in image.info and "xmp" not in image.info
        with Image.open(io.BytesIO(originals["huichang.jpg"])) as before:
            assert image.size == before.size
            difference = ImageStat.Stat(ImageChops.difference(image.convert("RGB"), before.convert("RGB"))).mean
            assert max(difference) < 2, difference      # saved again with its own tables: no visible loss


def test_png_and_webp_are_cleaned_too(build):
    _, site, originals = build
    png = _published(site, "tubiao.png")
    assert b"Zhang San" not in png and b"xmpmeta" not in png and b"Zhang San" in originals["tubiao.png"]
    with Image.open(io.BytesIO(png)) as image:
        assert not getattr(image, "text", {})
    webp = _published(site, "xianchang.webp")
    assert b"Zhang San" not in webp and b"CAM-123456" not in webp
    with Image.open(io.BytesIO(webp)) as image:
        assert dict(image.getexif()) == {0x0112: 3}


def test_editors_files_are_untouched_and_a_clean_image_is_published_as_it_is(build):
    project, site, originals = build
    for name, data in originals.items():
        assert (project / "docs" / "assets" / "img" / name).read_bytes() == data, name
    assert hashlib.sha256(_published(site, "ganjing.jpg")).digest() == hashlib.sha256(originals["ganjing.jpg"]).digest()

"""离线版：生成一个 zip 压缩包，解压后双击 index.html 即可在没有网络的电脑上浏览整个网站。

    bash dev.sh offline                 # 生成 dist/renda-<日期>-offline.zip
    bash dev.sh offline -o 路径.zip      # 指定输出文件

与网络版的区别：链接指向 index.html 文件本身（use_directory_urls: false），因为从 file:// 打开时
浏览器不会把“文件夹/”补成“文件夹/index.html”；404 页面、robots.txt 和站点地图只对网站服务器有用，
不放进离线版。站内搜索要由浏览器读取索引文件，从 file:// 打开时浏览器禁止这样做，搜索框会提示
「离线版不支持站内搜索」，所以离线版不建立搜索索引（RENDA_PAGEFIND=0），压缩包也因此更小。
"""
from __future__ import annotations

import argparse
import shutil
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from variant import build  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from renda_site.clock import beijing_today  # noqa: E402
from renda_site.editors import argparse_zh  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
SERVER_ONLY = ("404.html", "robots.txt", "sitemap.xml", "sitemap.xml.gz")
README = """\ufeff{site_name}（离线版）

使用方法：把整个压缩包解压到电脑上（不要直接在压缩软件里打开），然后双击文件夹中的 index.html，
用浏览器打开即可浏览全部栏目和文章，不需要联网。

离线版生成于 {date}，内容不会自动更新；最新信息请访问网站{online}。
离线版不支持站内搜索，请通过栏目导航和列表查找。
"""


def make_offline(project: Path, output: Path, work: Path | None = None) -> Path:
    """Build the offline edition of `project` and zip it into `output`; returns the zip's path."""
    project = Path(project).resolve()
    today = beijing_today()
    name = output.name[:-len(".zip")] if output.name.endswith(".zip") else output.name
    work = Path(work or project / ".cache" / "offline")
    site = work / name
    if site.exists():
        shutil.rmtree(site)
    result = build(project, site, {"use_directory_urls": False}, name="offline", env={"RENDA_PAGEFIND": "0"})
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit("离线版生成失败：网站构建出错，请按上面的提示修改后再试。")
    for extra in SERVER_ONLY:
        (site / extra).unlink(missing_ok=True)
    config = _config(project)
    online = f"：{config['site_url']}" if config.get("site_url") else ""
    (site / "readme.txt").write_text(README.format(site_name=config.get("site_name", ""), date=today.isoformat(),
                                                   online=online), encoding="utf-8")
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site.rglob("*")):
            archive.write(path, Path(name) / path.relative_to(site))
    tmp.replace(output)
    shutil.rmtree(site)
    return output


def _config(project: Path) -> dict:
    """site_name and site_url from mkdocs.yml (plain YAML read: the !!python tags of Material are not needed)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    data = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader) or {}
    return {key: data.get(key) for key in ("site_name", "site_url")}


def main(argv: list[str] | None = None) -> int:
    argparse_zh.install()
    parser = argparse.ArgumentParser(prog="bash dev.sh offline",
                                     description="生成可在没有网络的电脑上打开的离线版压缩包")
    parser.add_argument("-o", "--output", type=Path, metavar="文件.zip",
                        help="输出的 zip 文件（默认 dist/renda-<日期>-offline.zip）")
    parser.add_argument("--project", type=Path, default=PROJECT, metavar="文件夹",
                        help="网站项目文件夹（默认为本仓库）")
    args = parser.parse_args(argv)
    output = args.output or args.project / "dist" / f"renda-{beijing_today():%Y%m%d}-offline.zip"
    path = make_offline(args.project, output.resolve())
    size = path.stat().st_size
    print(f"离线版已生成：{path}（{size / 1024 / 1024:.1f} MB）。解压后双击其中的 index.html 打开。")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

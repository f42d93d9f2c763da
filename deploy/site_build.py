"""发布用的构建：严格模式生成网站，并在 mkdocs.yml 没有填写 site_url 时使用托管平台提供的网址。

    python deploy/site_build.py <输出文件夹> [--site-url 网址]

GitHub Pages 和 GitLab Pages 的项目网站都在子路径下（如 https://用户名.github.io/仓库名/）。MkDocs 的 404
页面只有在知道 site_url 时才能在子路径下正确显示，站点地图和规范链接也需要它。所以发布流程把平台给出的
网址（GitHub 的 configure-pages 输出 base_url，GitLab 的 CI_PAGES_URL）传进来；mkdocs.yml 中已经填写了
site_url 的（例如使用自己的域名），以 mkdocs.yml 为准。
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from offline import _config  # noqa: E402
from variant import build, normalized_site_url  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="deploy/site_build.py", description="严格模式生成要发布的网站")
    parser.add_argument("output", type=Path, help="输出文件夹，如 public 或 site")
    parser.add_argument("--site-url", default="", help="托管平台给出的网站网址（mkdocs.yml 未填写 site_url 时使用）")
    parser.add_argument("--project", type=Path, default=PROJECT, help="网站项目文件夹（默认为本仓库）")
    args = parser.parse_args(argv)
    configured = _config(args.project).get("site_url")
    platform = normalized_site_url(args.site_url)
    settings = {} if configured or not platform else {"site_url": platform}
    result = build(args.project, args.output, settings, name="publish")
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        print("网站生成失败，请按上面的提示修改后再试。", file=sys.stderr)
        return result.returncode
    used = configured or platform
    print(f"网站已生成到 {args.output}，网址：{used if used else '未设置（子路径部署时 404 页面的样式会丢失）'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Build the site with a few settings changed, without editing mkdocs.yml.

Writes a derived config next to mkdocs.yml (`INHERIT: mkdocs.yml` plus the changed settings: MkDocs
resolves docs_dir, hooks and the generator's data/ relative to the config file, so it must sit in the
project folder), runs a strict build, and removes the derived file again.
Used by the offline edition (use_directory_urls: false), the GitHub/GitLab Pages builds (site_url from
the platform) and the hosting tests (site_url set and unset on purpose).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def build(project: Path, site_dir: Path, settings: dict, name: str = "variant",
          env: dict | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `site_dir` with `settings` overriding mkdocs.yml
    (and `env` added to the environment, e.g. RENDA_PAGEFIND=0)."""
    project = Path(project).resolve()
    derived = project / f".mkdocs-{name}.yml"
    lines = ["# 临时生成的配置文件（构建结束后自动删除），在 mkdocs.yml 的基础上修改以下设置", "INHERIT: mkdocs.yml"]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in settings.items()]
    derived.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    hooks = str(project / "hooks")
    env["PYTHONPATH"] = hooks + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    try:
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(derived),
                               "-d", str(Path(site_dir).resolve())],
                              cwd=project, env=env, capture_output=True, text=True)
    finally:
        derived.unlink(missing_ok=True)


def normalized_site_url(url: str | None) -> str | None:
    """A site_url ends with "/" (MkDocs joins page paths to it); empty means unset."""
    url = (url or "").strip()
    return (url if url.endswith("/") else url + "/") if url else None

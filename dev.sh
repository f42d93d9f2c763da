#!/usr/bin/env bash
# 一条命令完成环境准备和常用操作。用法：
#   bash dev.sh serve    安装依赖并启动本地预览（http://127.0.0.1:8000/，修改后自动刷新）
#   bash dev.sh build    安装依赖并严格模式生成网站到 site/
#   bash dev.sh check    只检查 data/ 和 docs/ 的数据，不生成网站
#   bash dev.sh test     安装测试依赖并运行全部测试
#   bash dev.sh new article --column 栏目 --title 标题   新建栏目文章
#   bash dev.sh new deputy|appointments|bulletin|suggestion|meeting|station …   新建一条记录（-h 查看参数）
#   bash dev.sh import 文件.docx|文件.txt --column 栏目   把公文转为栏目文章
#   bash dev.sh offline  生成离线版压缩包 dist/renda-<日期>-offline.zip（解压后双击 index.html 即可浏览）
#   bash dev.sh hooks    启用提交前检查：以后每次 git commit 前自动运行 check，数据有错误时不让提交
#   bash dev.sh lint     （开发者）检查代码：ruff（hooks/、tests/、bench/、deploy/）和 mypy，设置在 pyproject.toml
set -euo pipefail
cd "$(dirname "$0")"
VENV=${VENV:-.venv}
export NO_MKDOCS_2_WARNING=1 PYTHONPATH="$PWD/hooks${PYTHONPATH:+:$PYTHONPATH}"

PYTHON=${PYTHON:-python3}
COMMAND_LINE="$*"

setup() {  # $1: requirements file
  # Git Bash and Cygwin on Windows: the venv has Scripts\ not bin/, Python is `py`, and no test runs
  # there. Say so in Chinese and name the way that is tested (WSL runs Ubuntu), rather than fail later.
  case "$(uname -s 2>/dev/null)" in
    MINGW*|MSYS*|CYGWIN*)
      echo "这台电脑是 Windows（Git Bash）。本工具包只在 Debian、Ubuntu 等 Linux 系统上测试过，直接在 Windows 上运行还没有测试，" >&2
      echo "所以这里不继续。请使用 Windows 10/11 自带的 WSL：在管理员 PowerShell 中运行 wsl --install（会安装 Ubuntu），重启后" >&2
      echo "打开 Ubuntu 终端，进入仓库文件夹（如 cd /mnt/c/Users/你的用户名/仓库文件夹），再运行同一条命令：bash dev.sh $COMMAND_LINE" >&2
      exit 1 ;;
  esac
  if [ ! -x "$VENV/bin/python" ]; then
    # The pinned packages need Python 3.11 or newer (Debian 12 has 3.11, Ubuntu 24.04 has 3.12).
    if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      found=$("$PYTHON" --version 2>&1) || found="没有找到 $PYTHON"
      echo "需要 Python 3.11 或更高版本，本机是：$found。请安装 Python 3.11 以上（Ubuntu 22.04：sudo apt-get install python3.11 python3.11-venv，" >&2
      echo "然后用 PYTHON=python3.11 bash dev.sh $COMMAND_LINE；Windows：从 python.org 安装 3.11 以上并勾选“Add python.exe to PATH”）。" >&2
      exit 1
    fi
    echo "第一次运行：正在创建 $VENV 并安装所需软件，约需一两分钟，请稍候……" >&2
    if ! "$PYTHON" -m venv "$VENV" >/dev/null 2>&1; then
      rm -rf "$VENV"
      echo "无法创建虚拟环境 $VENV。Debian、Ubuntu、统信UOS、麒麟上请先安装：sudo apt-get install python3-venv，然后重新运行。" >&2
      exit 1
    fi
  fi
  local stamp="$VENV/.installed-$(basename "$1")"
  if [ ! -f "$stamp" ] || [ "$1" -nt "$stamp" ] || [ requirements.txt -nt "$stamp" ]; then
    echo "正在安装 $1 中列出的软件（只在第一次或依赖变化后进行）……" >&2
    "$VENV/bin/python" -m pip install --disable-pip-version-check -q -r "$1"
    touch "$stamp"
    echo "安装完成。" >&2
  fi
}

# MkDocs ends in English ("Aborted with a BuildError!", "... is not found among documentation files.");
# each such line keeps its place and gets a Chinese line beside it, as it arrives (hooks/renda_site/
# editors/explain.py; not an awk filter: Debian's mawk held every line back until the preview stopped).
# The exit status stays MkDocs' own.
mkdocs_explained() {
  "$VENV/bin/python" hooks/renda_site/editors/explain.py "$VENV/bin/mkdocs" "$@"
}

# The code gate (CI, and the pre-commit check where the tools are installed): ruff, then mypy, both with
# the settings in pyproject.toml. Fails on any finding.
lint_code() {
  local failed=0
  "$VENV/bin/python" -m ruff check || failed=1
  "$VENV/bin/python" -m mypy || failed=1
  if [ "$failed" != 0 ]; then
    echo "代码检查未通过（ruff 或 mypy 的发现见上）。" >&2
    return 1
  fi
}

case "${1:-}" in
  serve) setup requirements.txt; shift; mkdocs_explained serve --livereload "$@" ;;
  build) setup requirements.txt; shift; mkdocs_explained build --strict "$@" ;;
  check) setup requirements.txt; shift; exec "$VENV/bin/python" -m renda_site check "$@" ;;
  new|import) setup requirements.txt; exec "$VENV/bin/python" -m renda_site "$@" ;;
  # One worker per core, at most four (each builds the demo and starts a browser); a module's tests
  # stay on one worker (tests/conftest.py). `bash dev.sh test -n 0` runs them in this one process.
  test)  setup requirements-dev.txt; shift; exec "$VENV/bin/python" -m pytest -n auto --maxprocesses 4 --dist loadgroup "$@" ;;
  lint)  setup requirements-dev.txt; shift; lint_code ;;
  offline) setup requirements.txt; shift; exec "$VENV/bin/python" deploy/offline.py "$@" ;;
  hooks) git config core.hooksPath .githooks
         echo "已启用提交前检查：以后每次 git commit 前会运行 bash dev.sh check，数据有错误时提交不会成功并列出错误。"
         echo "（开发者：提交 .py 文件时，如果已用 bash dev.sh test 装好 ruff 和 mypy，还会运行 bash dev.sh lint。）" ;;
  *) [ -n "${1:-}" ] && [ "$1" != help ] && [ "$1" != -h ] && [ "$1" != --help ] && echo "没有「$1」这个命令。可以使用：" >&2
     sed -n '2,/^set -e/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
     [ "${1:-help}" = help ] || [ "$1" = -h ] || [ "$1" = --help ] && exit 0; exit 2 ;;   # the usage comment above
esac

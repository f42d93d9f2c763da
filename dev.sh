#!/usr/bin/env bash
# 一条命令完成环境准备和常用操作。用法：
#   bash dev.sh serve    安装依赖并启动本地预览（http://127.0.0.1:8000/，修改后自动刷新）
#   bash dev.sh build    安装依赖并严格模式生成网站到 site/
#   bash dev.sh check    只检查 data/ 和 docs/ 的数据，不生成网站
#   bash dev.sh test     安装测试依赖并运行全部测试
#   bash dev.sh new deputy|bulletin|appointments|article --column 栏目 --title 标题   新建记录或文章
#   bash dev.sh import 文件.docx|文件.txt --column 栏目   把公文转为栏目文章
#   bash dev.sh offline  生成离线版压缩包 dist/renda-<日期>-offline.zip（解压后双击 index.html 即可浏览）
set -euo pipefail
cd "$(dirname "$0")"
VENV=${VENV:-.venv}
export NO_MKDOCS_2_WARNING=1 PYTHONPATH="$PWD/hooks${PYTHONPATH:+:$PYTHONPATH}"

setup() {  # $1: requirements file
  if [ ! -x "$VENV/bin/python" ]; then
    echo "第一次运行：正在创建 $VENV 并安装所需软件，约需一两分钟，请稍候……" >&2
    python3 -m venv "$VENV"
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
# each such line keeps its place and gets a Chinese line beside it. MkDocs logs to stderr and prints its
# "Aborted" line to stdout: both pass here, in order, to stderr. The exit status stays MkDocs' own
# (pipefail). Ctrl-C is ignored here, so the lines MkDocs prints while stopping still pass.
explain() {
  trap '' INT
  awk '
    function say(text) { print "  说明：" text; fflush() }
    { print; fflush() }
    /^Aborted with a BuildError!/ { say("生成已中止，网站没有更新（已发布的网站保持不变）。原因见上面的 ERROR 行；只检查数据可运行 bash dev.sh check。") }
    /^Aborted with [0-9]+ warnings? in strict mode!/ { match($0, /[0-9]+/); say("有 " substr($0, RSTART, RLENGTH) " 个警告：严格模式下有警告就不生成网站。请按上面 WARNING 行的提示改正后重新运行 bash dev.sh build。") }
    /^Aborted with a configuration error!/ || /configuration warnings in .strict. mode!/ { say("mkdocs.yml 的设置有误，见上面的 ERROR/WARNING 行。") }
    /Doc file .* contains a link .*is not found among documentation files/ {
      split($0, q, "\047"); hint = "文章 docs/" q[2] " 中的链接「" q[4] "」指向的文件不存在"
      if (q[6] != "" && q[5] ~ /target/) hint = hint "（按文章所在文件夹算，应在 docs/" q[6] "）"
      say(hint ($0 ~ /Did you mean/ ? "，是否应为「" q[8] "」？" : "。")) }
    /Doc file .* contains a link .*does not contain an anchor/ { split($0, q, "\047"); say("文章 docs/" q[2] " 中的链接「" q[4] "」所指的小标题在 docs/" q[6] " 中找不到。") }
    /Doc file .* contains an unrecognized relative link/ { split($0, q, "\047"); say("文章 docs/" q[2] " 中的链接「" q[4] "」无法识别：站内链接应指向 .md 文件" ($0 ~ /Did you mean/ ? "，是否应为「" q[6] "」？" : "。")) }
    /Error reading page / { split($0, q, "\047"); say("读取 docs/" q[2] " 出错，见本行后面的原因。") }
    /^Traceback \(most recent call last\)/ { crashed = 1 }
    /Address already in use/ { crashed = 0; say("这个端口已被占用：可能已经有一个预览在运行。关掉它（在那个终端按 Ctrl+C），或换一个端口：bash dev.sh serve -a 127.0.0.1:8001。") }
    /Serving on http/ { say("预览已启动：用浏览器打开上面的地址；修改文件后自动刷新；按 Ctrl+C 结束预览。") }
    END { if (crashed) say("生成程序出错（上面的 Traceback 是给维护人员看的）。请先运行 bash dev.sh check；若检查没有错误，请把上面的全部信息发给网站维护人员。") }
  '
}

mkdocs_explained() {
  "$VENV/bin/mkdocs" "$@" 2>&1 | explain >&2
}

case "${1:-}" in
  serve) setup requirements.txt; shift; mkdocs_explained serve --livereload "$@" ;;
  build) setup requirements.txt; shift; mkdocs_explained build --strict "$@" ;;
  check) setup requirements.txt; shift; exec "$VENV/bin/python" -m renda_site check "$@" ;;
  new|import) setup requirements.txt; exec "$VENV/bin/python" -m renda_site "$@" ;;
  test)  setup requirements-dev.txt; shift; exec "$VENV/bin/python" -m pytest "$@" ;;
  offline) setup requirements.txt; shift; exec "$VENV/bin/python" deploy/offline.py "$@" ;;
  *) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 2 ;;   # the usage comment above
esac

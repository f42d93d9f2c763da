"""MkDocs' own messages are in English ("Aborted with a BuildError!", "... is not found among documentation
files."); here each line passes on as it arrives, and a Chinese line explaining it follows it.

    python -m renda_site.editors.explain mkdocs serve --livereload ...

runs the command, passes its output (stdout and stderr, in order) to stderr line by line, and exits
with the command's own status. Written in Python rather than as an awk filter: Debian's and Ubuntu's awk
(mawk) reads its input in blocks, so the preview's address and every error reached the editor only
after Ctrl-C. Ctrl-C is ignored here: it reaches MkDocs (the same terminal group), whose last lines
still pass before this exits.
"""
from __future__ import annotations

import re
import signal
import subprocess
import sys

PREFIX = "  说明："
_STRICT = re.compile(r"^Aborted with (\d+) warnings? in strict mode!")
_MISSING = re.compile(r"Doc file .* contains a link .*is not found among documentation files")
_ANCHOR = re.compile(r"Doc file .* contains a link .*does not contain an anchor")
_UNRECOGNIZED = re.compile(r"Doc file .* contains an unrecognized relative link")
CRASHED = ("生成程序出错（上面的 Traceback 是给维护人员看的）。请先运行 bash dev.sh check；若检查没有错误，"
           "请把上面的全部信息发给网站维护人员。")


def _quoted(line: str, n: int) -> str:
    """The n-th piece of a line split at its single quotes (1 is the text before the first quote)."""
    pieces = line.split("'")
    return pieces[n - 1] if n <= len(pieces) else ""


def explanation(line: str) -> str | None:
    """The Chinese explanation of one line of MkDocs' output, or None."""
    if line.startswith("Aborted with a BuildError!"):
        return ("生成已中止，网站没有更新（已发布的网站保持不变）。原因见上面的 ERROR 行；"
                "只检查数据可运行 bash dev.sh check。")
    strict = _STRICT.match(line)
    if strict:
        return (f"有 {strict.group(1)} 个警告：严格模式下有警告就不生成网站。"
                "请按上面 WARNING 行的提示改正后重新运行 bash dev.sh build。")
    if line.startswith("Aborted with a configuration error!") or re.search(
        r"configuration warnings in .strict. mode!", line
    ):
        return "mkdocs.yml 的设置有误，见上面的 ERROR/WARNING 行。"
    q = lambda n: _quoted(line, n)             # noqa: E731  (the pieces MkDocs quotes: file, link, target)
    did_you_mean = "Did you mean" in line
    if _MISSING.search(line):
        hint = f"文章 docs/{q(2)} 中的链接「{q(4)}」指向的文件不存在"
        if q(6) and "target" in q(5):
            hint += f"（按文章所在文件夹算，应在 docs/{q(6)}）"
        return hint + (f"，是否应为「{q(8)}」？" if did_you_mean else "。")
    if _ANCHOR.search(line):
        return f"文章 docs/{q(2)} 中的链接「{q(4)}」所指的小标题在 docs/{q(6)} 中找不到。"
    if _UNRECOGNIZED.search(line):
        return f"文章 docs/{q(2)} 中的链接「{q(4)}」无法识别：站内链接应指向 .md 文件" + (
            f"，是否应为「{q(6)}」？" if did_you_mean else "。"
        )
    if "Error reading page " in line:
        return f"读取 docs/{q(2)} 出错，见本行后面的原因。"
    if "Address already in use" in line:
        return ("这个端口已被占用：可能已经有一个预览在运行。关掉它（在那个终端按 Ctrl+C），"
                "或换一个端口：bash dev.sh serve -a 127.0.0.1:8001。")
    if "Serving on http" in line:
        return "预览已启动：用浏览器打开上面的地址；修改文件后自动刷新；按 Ctrl+C 结束预览。"
    return None


def main(argv: list[str]) -> int:
    if not argv:
        print("用法：python -m renda_site.editors.explain 命令 [参数……]", file=sys.stderr)
        return 2
    try:
        process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    except OSError as exc:
        print(f"无法运行 {argv[0]}：{exc}。请先运行 bash dev.sh 安装所需软件。", file=sys.stderr)
        return 127
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # started first: MkDocs keeps the default Ctrl-C
    crashed = False
    out = sys.stderr
    assert process.stdout is not None         # stdout=PIPE
    for raw in iter(process.stdout.readline, b""):
        line = raw.decode("utf-8", "replace").rstrip("\r\n")
        out.write(line + "\n")
        if line.startswith("Traceback (most recent call last)"):
            crashed = True
        text = explanation(line)
        if text is not None:
            if "Address already in use" in line:
                crashed = False
            out.write(PREFIX + text + "\n")
        out.flush()
    status = process.wait()
    if crashed:
        out.write(PREFIX + CRASHED + "\n")
        out.flush()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

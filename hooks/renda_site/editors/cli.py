"""The editors' subcommands of `python -m renda_site`: `new` (a scaffold for each record kind that has
one) and `import` (official documents). Kept apart from __main__.py so that file only gains two lines."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

EDITOR_COMMANDS = ("new", "import")


def add_commands(commands) -> None:
    from .scaffold import scaffolds
    new = commands.add_parser("new", help="新建文章或一条记录（代表、任免名单、公报、代表建议、常委会会议、联络站），"
                                          "每个字段都有中文说明")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="记录类型",
                               description="、".join(scaffolds()) + "：bash dev.sh new 记录类型 -h 查看它的参数")
    for command, kind in scaffolds().items():
        assert kind.scaffold is not None        # scaffolds() holds only kinds that have one
        parser = kinds.add_parser(command, help=kind.scaffold.help)
        for flag, options in kind.scaffold.arguments:
            parser.add_argument(flag, **options)
    imp = commands.add_parser("import", help="把 Word 文档（.docx）或纯文本（.txt）公文转为栏目文章")
    imp.add_argument("file", type=Path, help=".docx 或 .txt 文件")
    imp.add_argument("--column", required=True, help="栏目，即 docs/ 下的文件夹名，如 dongtai")
    imp.add_argument("--slug", help="文件名中日期后面的部分，默认由标题转为拼音")
    imp.add_argument("--date", help="发布日期（如 2024-03-01），默认为文中的成文日期或网页上的发布日期；"
                                    "都没有时写为草稿")
    imp.add_argument("--keep-traditional", action="store_true", help="繁体字文件保留繁体（默认转为简体）")
    imp.add_argument("--stdout", action="store_true", help="只显示转换结果，不写文件")


def run(args: argparse.Namespace) -> int:
    if args.command == "new":
        return _new(args)
    return _import(args)


def _new(args) -> int:
    from .scaffold import Scaffolder, ScaffoldError
    scaffolder = Scaffolder(args.root)
    try:
        made = scaffolder.new(args.kind, args)
    except ScaffoldError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    print(f"已新建 {made.path.relative_to(scaffolder.root).as_posix()}")
    print("请填写标有（必填）的空白项，然后运行 bash dev.sh check 检查。")
    return 0


def _import(args) -> int:
    from .importer import ImportFailed, import_document
    try:
        made = import_document(args.file, args.root, args.column, slug=args.slug, date=args.date,
                               write=not args.stdout, keep_traditional=args.keep_traditional)
    except ImportFailed as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    if args.stdout:
        print(made.markdown)
        return 0
    print(f"已转换为 {made.rel}")
    for note in made.report.lines():
        print(f"  {note}", file=sys.stderr if note.startswith(("警告", "请核对")) else sys.stdout)
    print("请核对标题、日期、层次和表格，然后运行 bash dev.sh check 检查。")
    return 0

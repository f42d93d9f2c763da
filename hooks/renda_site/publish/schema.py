"""JSON Schema for every data file, generated from the pydantic models (the single source of truth).

Editors get autocompletion, Chinese tooltips and red squiggles in VS Code (see .vscode/settings.json);
the committed files in schemas/ are kept equal to this output by tests/test_schema.py, and the open-data
export can publish `schemas()` as it is.

Draft-07 is written on purpose: VS Code's YAML extension validates with draft-07 and only partly
understands 2019-09/2020-12, so pydantic's `$defs` are moved to draft-07's `definitions`.

The schemas are the strict form of the models: the build also accepts an unquoted number where text is
expected (`term: 18`) and a quoted number where a number is expected; the editor marks both, nudging
towards the quoted style the README asks for. Rules across records (references, dates, duplicates)
and text made only of spaces (stripped, then empty) are caught by `check`, not by the editor.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from ..kinds import KINDS
from ..model.records import PUBLIC_NUMBERS, SITE

DRAFT = "http://json-schema.org/draft-07/schema#"


@dataclass(frozen=True)
class DataFile:
    name: str                    # schemas/<name>.schema.json
    model: type[BaseModel]
    many: bool                   # the file is a list of records (terms.yaml) rather than one record
    files: str | None            # glob of the data files it describes, relative to the project root
    title: str


def data_files() -> list[DataFile]:
    """Every kind of data file: the site's configuration, each record kind's sources, the public numbers.
    Page front matter has a schema too: VS Code cannot attach it to Markdown, but open data publishes it."""
    sources = [SITE, *(source for kind in KINDS for source in kind.sources), PUBLIC_NUMBERS]
    return [
        DataFile(s.schema, s.model, s.shape == "list", None if s.shape == "pages" else s.schema_glob, s.schema_title)
        for s in sources
    ]


def _draft07(schema: dict) -> dict:
    """Rename `$defs` to `definitions` and rewrite every `$ref` accordingly."""
    text = json.dumps(schema, ensure_ascii=False).replace('"#/$defs/', '"#/definitions/')
    schema = json.loads(text)
    if "$defs" in schema:
        schema["definitions"] = schema.pop("$defs")
    return schema


def schema_of(data_file: DataFile) -> dict:
    """A fresh copy each call: callers may change it."""
    return json.loads(_schema_text(data_file))


@functools.cache
def _schema_text(data_file: DataFile) -> str:
    """Made once per process: the models do not change while it runs, and pydantic's schema generation
    would otherwise be repeated by every build of the preview and every `check`."""
    record = data_file.model.model_json_schema(mode="validation")
    definitions = record.pop("$defs", {})
    if data_file.many:
        body = {"type": "array", "items": record, "description": record.get("title", "")}
    else:
        body = record
    out = {"$schema": DRAFT, **body, "title": data_file.title}
    if definitions:
        out["$defs"] = definitions
    return json.dumps(_draft07(out), ensure_ascii=False)


def schemas() -> dict[str, dict]:
    """{name: JSON Schema} for every data file kind, e.g. {"site": {...}}. Plain data, ready for json.dump."""
    return {f.name: schema_of(f) for f in data_files()}


def render(schema: dict) -> str:
    """The exact text committed in schemas/: stable key order, Chinese kept readable, final newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = out / f"{name}.schema.json"
        text = render(schema)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def vscode_associations(schema_dir: str = "schemas") -> dict[str, str]:
    """What `.vscode/settings.json` → `yaml.schemas` must hold: schema file → the data files it describes."""
    return {f"./{schema_dir}/{f.name}.schema.json": f.files for f in data_files() if f.files}

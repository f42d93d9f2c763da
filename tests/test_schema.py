"""The JSON Schemas editors use are generated from the models and cannot drift from them."""
from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys

import jsonschema
import pydantic
import pytest
import yaml

from support.project import HOOKS, ROOT

from renda_site.kinds.deputies import Deputy
from renda_site.publish.schema import data_files, render, schemas, vscode_associations

SCHEMA_DIR = ROOT / "schemas"


def test_committed_schemas_equal_the_models():
    """Change a model without `python -m renda_site schema` and this fails: the files must be regenerated."""
    expected = {f"{name}.schema.json": render(schema) for name, schema in schemas().items()}
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.schema.json")}
    assert sorted(committed) == sorted(expected), "schemas/ 与数据模型不一致：请运行 python -m renda_site schema"
    for name, text in expected.items():
        assert committed[name] == text, f"schemas/{name} 已过期：请运行 python -m renda_site schema"


def test_schema_command_writes_what_is_committed(tmp_path):
    result = subprocess.run([sys.executable, "-m", "renda_site", "schema", "--out", str(tmp_path)],
                            cwd=ROOT, env={"PYTHONPATH": str(HOOKS)}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json"))
    for name in written:
        assert (tmp_path / name).read_bytes() == (SCHEMA_DIR / name).read_bytes()


def test_every_schema_is_draft07_with_chinese_titles():
    for name, schema in schemas().items():
        jsonschema.Draft7Validator.check_schema(schema)
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert "$defs" not in json.dumps(schema), name        # VS Code's YAML extension reads draft-07 only
        record = schema.get("items", schema)
        for field, spec in record["properties"].items():
            assert re.search(r"[\u4e00-\u9fff]", spec.get("title", "")), f"{name}.{field} 没有中文标题"
            assert spec.get("description"), f"{name}.{field} 没有说明"


def _glob_regex(pattern: str) -> re.Pattern:
    """VS Code glob: `*` matches within one path segment."""
    return re.compile("^" + re.escape(pattern).replace(r"\*", "[^/]*") + "$")


def test_vscode_settings_map_every_data_file_to_exactly_one_schema():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == vscode_associations()
    for schema_path in settings["yaml.schemas"]:
        assert (ROOT / schema_path).is_file(), schema_path
    extensions = json.loads((ROOT / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]
    data_files = [p.relative_to(ROOT).as_posix() for p in (ROOT / "data").rglob("*.yaml")]
    assert len(data_files) > 60
    for path in data_files:
        matches = [s for s, glob in settings["yaml.schemas"].items() if _glob_regex(glob).match(path)]
        assert len(matches) == 1, f"{path} 对应 {len(matches)} 个 schema"


def _as_json(node):
    """What VS Code's YAML 1.2 parser gives: quoted dates stay strings (the demo quotes every date)."""
    if isinstance(node, dict):
        return {str(k): _as_json(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_as_json(v) for v in node]
    if isinstance(node, datetime.date):
        return node.isoformat()
    return node


def _validator(name: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(schemas()[name], format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def test_demo_data_is_valid_under_the_schemas():
    """No false red squiggle: every demo file the build accepts, the editor's schema accepts too."""
    by_glob = {f.files: f.name for f in data_files() if f.files}
    checked = 0
    for path in sorted((ROOT / "data").rglob("*.yaml")):
        rel = path.relative_to(ROOT).as_posix()
        name = next(n for glob, n in by_glob.items() if _glob_regex(glob).match(rel))
        errors = list(_validator(name).iter_errors(_as_json(yaml.safe_load(path.read_text(encoding="utf-8")))))
        assert not errors, f"{rel}: {errors[0].message}"
        checked += 1
    assert checked > 60


DEPUTY = yaml.safe_load((ROOT / "data/deputies/d0001.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("change", [
    {"gender": "M"}, {"idcard": "x"}, {"id": "D 01"}, {"birth": "1975/03"}, {"memberships": []},
    {"name": ""}, {"photo": "/abs.png"}, {"memberships": [{"term": "18", "end_reason": "退休"}]},
    {"memberships": [{"term": "18", "phone": "x"}]}, {"other_names": "张三"},
])
def test_schema_and_model_reject_the_same_mistakes(change):
    """The editor's squiggle and the build's error agree: both reject, both accept after the fix."""
    record = _as_json({**DEPUTY, **change})
    assert list(_validator("deputy").iter_errors(record)), change
    with pytest.raises(pydantic.ValidationError):
        Deputy.model_validate(record)
    assert not list(_validator("deputy").iter_errors(_as_json(DEPUTY)))

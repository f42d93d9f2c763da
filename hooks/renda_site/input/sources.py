"""Where records come from: the data files a record kind declares, and where each record was found."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal


@dataclass(frozen=True)
class Source:
    """Where a record came from: its file (relative to the project root) and its parsed YAML."""

    path: str
    raw: Any
    loc: tuple = ()           # where the record sits in its file: (3,) for the 4th item of terms.yaml


@dataclass(frozen=True)
class DataSource:
    """Data files holding records of one kind.

    shape: "files" — a folder of YAML files, one record each (data/<kind>/*.yaml);
           "list"  — one YAML file holding a list of records (data/terms.yaml);
           "single" — one YAML file holding one record (data/site.yaml);
           "pages" — every Markdown page under a folder (docs/), its front matter read as `model`.
    """

    kind: str                  # name of the record kind in the registry
    model: type                # the pydantic model of one record
    path: str                  # relative to the project root
    shape: Literal["files", "list", "single", "pages"]
    schema: str                # name of its JSON Schema: schemas/<schema>.schema.json
    schema_title: str          # shown by editors, e.g. 届次（data/terms.yaml）
    required: bool = True      # a missing list/single file is an error
    missing: str = "缺少此数据文件"
    nested: bool = False       # files in one level of sub-folders (data/<kind>/<year>/<n>.yaml)

    @property
    def schema_glob(self) -> str:
        """The data files the schema describes, as VS Code's yaml.schemas wants them."""
        if self.shape == "files":
            depth = "*/*.yaml" if self.nested else "*.yaml"
            return f"{self.path}/{depth}"
        return self.path

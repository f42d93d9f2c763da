"""Model step: the checked records of every kind, with every lookup the pages need, computed once.

Page code only looks things up here; none of it scans all records of another kind, so the cost of a
build grows linearly with the number of records. Built only from content that passed every check, so a
reference always resolves.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..clock import beijing_today
from ..outputs import Link, Section
from ..text import NameFinder
from .references import EVERY, PAGES, located, split, target_of, trie_of
from .relations import Ref, Relation

if TYPE_CHECKING:
    from ..input.load import Loaded
    from .kind import RecordKind
    from .records import SiteConfig

MENTIONABLE, MENTIONABLE_MAX = 2, 30    # the lengths of a name that is looked for in texts


class Catalog:
    def __init__(self, config: SiteConfig, kinds: Iterable[RecordKind], loaded: Loaded) -> None:
        self.config = config                               # data/site.yaml (SiteConfig)
        self.kinds = {kind.name: kind for kind in kinds}
        # The kind whose records are the hand-written pages under docs/ (front matter and text), which
        # the page decoration and the inspection read: known by its source's shape, not by its name.
        self.pages_kind = next((name for name, kind in self.kinds.items()
                                if any(source.shape == "pages" for source in kind.sources)), "")
        self._kind_of_model = {source.model: name for name, kind in self.kinds.items() for source in kind.sources}
        today = loaded.today or beijing_today()
        # Records kept back (drafts, scheduled articles): left out here, so no stage ever sees them.
        self.withheld = {(name, kind.page(r) or kind.key(r)): (r, reason) for name, kind in self.kinds.items()
                         for r in loaded.of(name) if (reason := kind.withheld(r, today))}
        self._records = {
            name: kind.order([r for r in loaded.of(name) if (name, kind.page(r) or kind.key(r)) not in self.withheld])
            for name, kind in self.kinds.items()
        }
        self._by_key = {name: {kind.key(r): r for r in self._records[name]} for name, kind in self.kinds.items()}
        self._refs: dict[tuple[str, str], list[Ref]] = defaultdict(list)
        for name, kind in self.kinds.items():
            for relation in kind.relations:
                for record in self._records[name]:
                    for target, loc, holder, detail in relation.refs(record):
                        ref = Ref(relation, name, record, target, loc, detail, holder)
                        self._refs[(relation.target, target)].append(ref)
        # References found in texts come after the typed ones, so their tables end a record page.
        self._finders: dict[int, tuple[dict[str, str], NameFinder]] = {}
        for name, kind in self.kinds.items():
            for relation in kind.relations:
                if relation.text is not None:
                    self._find_mentions(name, relation)
        self._indexes: dict[str, Any] = {}
        for name, kind in self.kinds.items():              # registry order: a kind may use earlier kinds' indexes
            self._indexes[name] = kind.index(self)

    def withheld_pages(self) -> dict[str, tuple[Any, str]]:
        """Source path -> (record, reason) of every page kept back on this build's date."""
        return {key: held for (_, key), held in self.withheld.items() if key.endswith(".md")}
    def _find_mentions(self, kind: str, relation: Relation) -> None:
        """Every record of `kind` whose text names a record of the relation's target: one scan of each
        text for all names at once (a trie-shaped pattern), so the cost is linear in the texts' length."""
        text = relation.text
        assert text is not None          # called only for a relation with a text
        for record in self._records[kind]:
            for key, name in self.names_in(relation, getattr(record, text) or "").items():
                self._refs[(relation.target, key)].append(Ref(relation, kind, record, key, (), name))

    def _finder(self, relation: Relation) -> tuple[dict[str, str], NameFinder]:
        """The names of the relation's target records that a text may name (name -> key), and their finder."""
        if id(relation) in self._finders:
            return self._finders[id(relation)]
        target = self.kinds[relation.target]
        owners: dict[str, list[str]] = defaultdict(list)
        for record in self._records[relation.target]:
            for name in dict.fromkeys(target.names(record)):
                if MENTIONABLE <= len(name) <= MENTIONABLE_MAX:   # one character matches everywhere
                    owners[name].append(target.key(record))
        unique = {name: keys[0] for name, keys in owners.items() if len(keys) == 1}
        found = self._finders[id(relation)] = (unique, NameFinder(sorted(unique)))
        return found

    def names_in(self, relation: Relation, text: str) -> dict[str, str]:
        """The records that `text` names (key -> the name found), as found for a relation with a `text`:
        the preview asks whether an edited body names other records than before."""
        unique, finder = self._finder(relation)
        return {unique[name]: name for name in finder.find(text or "")}

    @property
    def county(self) -> str:
        """The county (or city, district) whose body this is: 清溪县 for 清溪县人民代表大会常务委员会."""
        return self.body.replace("人民代表大会常务委员会", "")

    @property
    def body(self) -> str:
        """The full name of the body whose site this is (清溪县人民代表大会常务委员会)."""
        return self.config.body

    def records(self, kind: str) -> list[Any]:
        return self._records.get(kind, [])

    def get(self, kind: str, key: str | None) -> Any:
        return self._by_key.get(kind, {}).get(key) if key is not None else None

    def index(self, kind: str) -> Any:
        return self._indexes.get(kind)

    def page(self, kind: str, record: Any) -> str | None:
        return self.kinds[kind].page(record)

    def page_of(self, kind: str, key: str) -> str | None:
        record = self.get(kind, key)
        return self.page(kind, record) if record is not None else None

    def title(self, kind: str, record: Any) -> str:
        return self.kinds[kind].title(record, self)

    def link(self, kind: str, record: Any) -> Link | None:
        return self.kinds[kind].link(record, self)

    def kind_of(self, record: Any) -> str:
        """The registry name of the kind whose model `record` is."""
        return self._kind_of_model[type(record)]

    def follow(self, holder: Any, path: str) -> Any:
        """The record that the reference field at `path` of `holder` (a record, or a part of one) refers
        to, None when the field is empty; a list of them for a path through a list ("cosigners.*"). The
        kind comes from the field's declared type; a page in docs/ is a record of the pages kind."""
        steps = split(path)
        model: type = type(holder)
        target = target_of(model, steps)
        kind = self.pages_kind if target == PAGES else target
        found = [self.get(kind, key) for key, _, _, _ in located(holder, trie_of({path: None}))]
        return found if EVERY in steps else (found[0] if found else None)

    def refs_to(self, kind: str, key: str, relation: str | None = None) -> list[Ref]:
        """Every reference to record `key` of `kind` (or to a page, kind "pages"), in registry and
        record order; only those of one relation name when given."""
        refs = self._refs.get((kind, key), [])
        return [r for r in refs if r.relation.name == relation] if relation else refs

    def references(self) -> Iterable[Ref]:
        """Every reference between records (typed and found in texts), in no particular order."""
        return (ref for refs in self._refs.values() for ref in refs)

    def cite(self, ref: Ref) -> tuple[Link | None, str | None]:
        """How the target of `ref` names the record that refers to it (see Relation.cite)."""
        if ref.relation.cite is not None:
            return ref.relation.cite(self, ref)
        return self.link(ref.kind, ref.source), None

    def feed_title(self, section_title: str) -> str:
        return f"{self.config.name} · {section_title}"

    def sections_about(self, kind: str, key: str) -> list[Section]:
        """The tables other kinds put on this record's page (see Relation.section)."""
        by_relation: dict[int, tuple[Any, list[Ref]]] = {}
        for ref in self.refs_to(kind, key):
            if ref.relation.section is not None:
                by_relation.setdefault(id(ref.relation), (ref.relation, []))[1].append(ref)
        sections = []
        for relation, refs in by_relation.values():
            made = relation.section(self, refs)
            sections += made if isinstance(made, list) else [made] if made is not None else []
        return sections

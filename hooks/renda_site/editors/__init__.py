"""Editors' tools beside the pipeline: scaffolds for new records and the document importer."""

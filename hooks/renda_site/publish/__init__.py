"""Publish: what a build writes beside the pages (output folder, feeds, open data, schemas, search
index, QR codes) and the build session that owns the helper processes."""

"""Render: page specs and templates in, generated Markdown pages out."""

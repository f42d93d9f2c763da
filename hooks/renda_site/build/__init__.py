"""Running one build: the steps around the pipeline (pipeline.py) while MkDocs writes the site.

session.py drives a build from MkDocs' hooks (checks and generates through the pipeline, writes the
pages, cleans the pictures, reports); qr.py draws the QR codes of the pages in a second process;
search_index.py feeds the pages to Pagefind as they are written; staging.py builds beside the published
folder and swaps it in only when the build is complete. They use the published set and the output
audit of publish/, never the other way round.
"""

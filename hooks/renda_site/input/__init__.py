"""Input: read data files and page front matter into typed records, with located problems."""

"""Compare two built sites file by file (before/after a change that should not change the output):

    .venv/bin/python bench/compare_sites.py SITE_A SITE_B

Every file outside pagefind/ byte for byte; pagefind/ by the decompressed content of its fragment files
(Pagefind's filter and meta file names vary between two builds of the same input)."""
import gzip
import hashlib
import sys
from pathlib import Path


def files(root):
    root = Path(root)
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}

def fragments(root):
    out = set()
    for p in Path(root, "pagefind", "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(p.read_bytes())
        out.add(hashlib.sha256(data).hexdigest())
    return out

a, b = sys.argv[1:3]
fa, fb = files(a), files(b)
plain_a = {k for k in fa if not k.startswith("pagefind/")}
plain_b = {k for k in fb if not k.startswith("pagefind/")}
only_a, only_b = sorted(plain_a - plain_b), sorted(plain_b - plain_a)
differ = sorted(k for k in plain_a & plain_b if fa[k].read_bytes() != fb[k].read_bytes())
same = len(plain_a & plain_b) - len(differ)
print(f"files outside pagefind/: {len(plain_a)} vs {len(plain_b)}; identical {same}; differ {len(differ)}; only in A "
      f"{len(only_a)}; only in B {len(only_b)}")
for k in only_a:
    print("  only A:", k)
for k in only_b:
    print("  only B:", k)
for k in differ:
    print("  differ:", k)
ga, gb = fragments(a), fragments(b)
print(f"pagefind fragments: {len(ga)} vs {len(gb)}; identical content {len(ga & gb)}")

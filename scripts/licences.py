#!/usr/bin/env python3
"""Writes ui/views/about/licences.js: the licence of every crate compiled into
the `sundby` binary, with the licence texts the crates ship, and the bundled
fonts' SIL Open Font License texts. The About page ("Om Sund By Partner")
shows it; the app test `licences` checks that it names every crate of the
resolved graph.

Which crates: `cargo metadata --filter-platform <host>`'s resolved graph,
walked from the `sundby` package along normal dependencies only (build and
dev dependencies are not in the binary; proc-macros are kept). Which texts:
the files named LICENSE*, LICENCE*, COPYING*, NOTICE*, UNLICENSE*,
COPYRIGHT* (and `license-file`) in each crate's source, as cargo unpacked it.
A crate that ships no text gets the standard text of its declared licence
from another crate of the list, marked as such. Identical texts are stored
once.

Run after changing dependencies (scripts/licences.sh does the same):
  python3 scripts/licences.py
Standard library only, so it also runs on a Windows or macOS build machine
(where the list differs: other platform crates).
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "ui", "views", "about", "licences.js")
# The bundled fonts: family, folder, files, licence text (all SIL OFL 1.1).
# Lato lives in ui/fonts (the window's @font-face and the PDFs use one copy).
FONTS = [
    ("EB Garamond", os.path.join(ROOT, "src-tauri", "core", "fonts"),
     ["EBGaramond12-Regular.ttf", "EBGaramond12-Italic.ttf"], "OFL-EBGaramond.txt"),
    ("Lato", os.path.join(ROOT, "ui", "fonts"),
     ["Lato-Regular.ttf", "Lato-Light.ttf", "Lato-Bold.ttf"], "OFL-Lato.txt"),
]
LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|notice|unlicense|copyright)", re.I)
# Which standard licence a file name stands for, for crates without a text.
FILE_SPDX = [
    (re.compile(r"apache", re.I), "Apache-2.0"),
    (re.compile(r"mit", re.I), "MIT"),
    (re.compile(r"bsd", re.I), "BSD-3-Clause"),
    (re.compile(r"mpl|mozilla", re.I), "MPL-2.0"),
    (re.compile(r"zlib", re.I), "Zlib"),
    (re.compile(r"unlicense", re.I), "Unlicense"),
]


def host_triple():
    out = subprocess.run(["rustc", "-vV"], check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("host:"):
            return line.split(":", 1)[1].strip()
    sys.exit("licences: rustc -vV names no host")


def metadata(triple):
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", triple],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out)


def binary_crates(meta):
    """The packages reachable from `sundby` along normal dependency edges."""
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root = next(p["id"] for p in meta["packages"] if p["name"] == "sundby" and p["source"] is None)
    seen, stack = set(), [root]
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        for dep in nodes[pid]["deps"]:
            if any(k["kind"] is None for k in dep["dep_kinds"]):
                stack.append(dep["pkg"])
    return sorted((packages[i] for i in seen), key=lambda p: (p["name"], p["version"]))


def read(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", errors="replace").replace("\r\n", "\n").strip() + "\n"


def licence_files(pkg):
    """(file name, text) of each licence file the crate ships."""
    src = os.path.dirname(pkg["manifest_path"])
    names = sorted(n for n in os.listdir(src) if LICENCE_FILE.match(n) and os.path.isfile(os.path.join(src, n)))
    if pkg["source"] is None:
        # Our own crates: the repository's LICENSE.
        return [("LICENSE", read(os.path.join(ROOT, "LICENSE")))]
    if pkg.get("license_file"):
        extra = os.path.normpath(pkg["license_file"])
        if os.path.basename(extra) not in names and os.path.isfile(os.path.join(src, extra)):
            names.append(extra)
    return [(n, read(os.path.join(src, n))) for n in names]


def spdx_ids(expression):
    return [t for t in re.split(r"[\s()/]+", expression or "") if t and t not in ("OR", "AND", "WITH")]


def main():
    triple = host_triple()
    crates = binary_crates(metadata(triple))
    texts, index = [], {}

    def text_id(text):
        key = " ".join(text.split())
        if key not in index:
            index[key] = len(texts)
            texts.append(text)
        return index[key]

    files = {p["id"]: licence_files(p) for p in crates}
    # A standard text per licence: from the first crate (by name) whose
    # licence is that one alone and which ships one file, else from a file
    # named after it (LICENSE-MIT, LICENSE-APACHE, ...).
    standard = {}
    for p in crates:
        ids = spdx_ids(p["license"])
        if p["source"] is not None and len(ids) == 1 and len(files[p["id"]]) == 1:
            standard.setdefault(ids[0], files[p["id"]][0][1])
    for p in crates:
        for name, text in files[p["id"]]:
            for pattern, spdx in FILE_SPDX:
                if pattern.search(name) and spdx in spdx_ids(p["license"]):
                    standard.setdefault(spdx, text)
                    break
    entries = []
    for p in crates:
        entry = {
            "name": p["name"],
            "version": p["version"],
            "licence": p["license"] or "",
            "repository": p.get("repository") or "",
            "texts": [text_id(t) for _, t in files[p["id"]]],
        }
        if not entry["texts"]:
            entry["texts"] = [text_id(standard[s]) for s in spdx_ids(p["license"]) if s in standard]
            entry["standard_text"] = True
        entries.append(entry)
    fonts = [
        {"family": family, "files": names, "licence": "OFL-1.1", "text": text_id(read(os.path.join(folder, lic)))}
        for family, folder, names, lic in FONTS
    ]
    data = {"platform": triple, "crates": entries, "fonts": fonts, "texts": texts}
    body = json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("// Generated by scripts/licences.py from `cargo metadata` and the crates' licence\n")
        f.write("// files: the crates compiled into the sundby binary and the bundled fonts. Do not edit.\n")
        f.write("export default " + body + ";\n")
    missing = [f'{e["name"]} {e["version"]}' for e in entries if not e["texts"]]
    print(f"licences: {len(entries)} crates ({triple}), {len(texts)} distinct texts, "
          f"{os.path.getsize(OUT) // 1024} KiB -> {os.path.relpath(OUT, ROOT)}")
    if missing:
        print("licences: no text found for " + ", ".join(missing), file=sys.stderr)


if __name__ == "__main__":
    main()

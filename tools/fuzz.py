#!/usr/bin/env python3
"""Mutation fuzzer for the definition loader, the CSV reader and the command line.

It drives the real binary (no instrumentation, stable toolchain, standard
library only). Each iteration starts from a small catalogue (the shipped
`indicators/sources/`, the goal-1 result goals and six indicators that read
four small extracts), mutates ONE file (or, for one iteration in ten, draws a
random command line instead) and runs

    ehelse validate --indicators D/indicators
    ehelse validate --indicators D/indicators --data D/data
    ehelse compute --all --indicators D/indicators --data D/data --format csv

with a timeout. A crash is exit code 101, death by a signal, `panicked` or
`internal error` on stderr, or a timeout. Each crash is saved under
`fuzz-crashes/` with the mutated file, the command and stderr. An exit code
outside 0-3 (or, for a command-line error, anything but 2) is counted and
saved as "unexpected".

Iteration N is a pure function of (--seed, N), so a finding is replayed with
`--replay N --seed S`, whatever --jobs was.

    python3 tools/fuzz.py --seconds 60                      # smoke run
    nice -n 10 python3 tools/fuzz.py --cpu-seconds 1800 --jobs 2
    python3 tools/fuzz.py --replay 1234 --seed 1 --keep /tmp/case
"""

import argparse
import multiprocessing as mp
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The catalogue each iteration starts from (paths relative to the repository).
INDICATORS = [
    "indicators/goal-1/velferdsteknologi-antall-kommuner.yaml",
    "indicators/goal-1/velferdsteknologi-antall-kommuner-befolkning.yaml",
    "indicators/goal-1/helsenorge-innlogginger.yaml",
    "indicators/goal-2/himss-emram.yaml",
    "indicators/goal-5/hto-ny-epj.yaml",
    "indicators/goal-5/hto-ny-epj-befolkning.yaml",
    "indicators/structure/goal-1-resultatmal.yaml",
]
DATA = [
    "hdir/rapporterte_tall.csv",
    "kpr/velferdsteknologi_2025.csv",
    "hto/hto_rapportering.csv",
    "ssb/befolkning_07459.csv",
]
# Sources whose files are in DATA: their definitions are mutated more often.
HOT_SOURCES = {
    "hdir-rapporterte-tall.yaml",
    "kpr-velferdsteknologi.yaml",
    "hto-rapportering.yaml",
    "ssb-befolkning.yaml",
}

TIMEOUT = 20.0
ENV_EXTRA = {"EHELSE_NO_CACHE": "1", "EHELSE_TODAY": "2026-07-01", "NO_COLOR": "1"}


def load_catalogue():
    """{relative path in the temp dir: bytes}."""
    files = {}
    for p in sorted((ROOT / "indicators/sources").glob("*.yaml")):
        files[f"indicators/sources/{p.name}"] = p.read_bytes()
    for rel in INDICATORS:
        files[rel] = (ROOT / rel).read_bytes()
    for rel in DATA:
        files[f"data/{rel}"] = (ROOT / "sample-data" / rel).read_bytes()
    return files


# ---------------------------------------------------------------- mutations

INTERESTING_TOKENS = [
    b"NaN", b"nan", b"inf", b"-inf", b"1e309", b"-1e309", b"1e-400",
    b"99999999999999999999999999999999", b"-9223372036854775809",
    b"18446744073709551616", b"0x10", b"0", b"-0", b"-1", b"1.5", b"1,5",
    b"\"\"", b"''", b"\"", b"'", b"~", b"null", b"true", b"no", b"yes",
    b"2026-02-30", b"2026Q9", b"2026-13", b"9999", b"0000", b"2026Q2",
    b":", b".", b"..", b"-", b"x", b"*", b"**", b"../../etc/passwd", b"/",
    b"\x00", b"\xff\xfe", b"\xc3\x28", b"\xef\xbb\xbf", b"\r\n", b"\t",
    b"{", b"}", b"[", b"]", b"&a", b"*a", b"!!binary", b"!!str", b"? ",
    b"%YAML 1.1", b"---", b"...", b"#", b"|", b">", b"<<: *a",
    b"AND", b"OR", b"NOT", b"= ", b"<> ", b">= ", b"(", b")", b"IN ()",
    "æøå ÆØÅ".encode(), "\u202e".encode(), "𝕏".encode(),
]


def pick_line_span(rng, lines):
    if not lines:
        return 0, 0
    i = rng.randrange(len(lines))
    j = min(len(lines), i + 1 + int(rng.expovariate(0.5)))
    return i, j


def m_byte_flip(rng, data, _other):
    if not data:
        return b"\x00"
    b = bytearray(data)
    for _ in range(1 + int(rng.expovariate(0.7))):
        i = rng.randrange(len(b))
        b[i] ^= 1 << rng.randrange(8)
    return bytes(b)


def m_byte_set(rng, data, _other):
    if not data:
        return bytes([rng.randrange(256)])
    b = bytearray(data)
    for _ in range(1 + int(rng.expovariate(0.7))):
        b[rng.randrange(len(b))] = rng.choice([0, 0xFF, 0x7F, 0x80, 0x0A, 0x0D, 0x22, 0x27, 0x3B, 0x2C, 0x3A, 0x20, 0x09, rng.randrange(256)])
    return bytes(b)


def m_delete_bytes(rng, data, _other):
    if not data:
        return data
    i = rng.randrange(len(data))
    n = 1 + int(rng.expovariate(0.05))
    return data[:i] + data[i + n:]


def m_truncate(rng, data, _other):
    return data[: rng.randrange(len(data) + 1)] if data else data


def m_insert_token(rng, data, _other):
    i = rng.randrange(len(data) + 1)
    return data[:i] + rng.choice(INTERESTING_TOKENS) + data[i:]


def m_replace_number(rng, data, _other):
    # Replace a run of digits by an interesting token.
    spans, i = [], 0
    while i < len(data):
        if 48 <= data[i] <= 57:
            j = i
            while j < len(data) and (48 <= data[j] <= 57 or data[j] in b".,"):
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    if not spans:
        return m_insert_token(rng, data, _other)
    for _ in range(1 + int(rng.expovariate(0.5))):
        a, b = rng.choice(spans)
        tok = rng.choice([b"NaN", b"1e309", b"-1e309", b"inf", b"99999999999999999999999999", b"-1", b"0", b"", b"-0", b"1e-400", b"4294967296", b"9223372036854775808", b":", b".", b"..", b"x", b"1 000", b"1,5", b"1.5", b"0,0001"])
        data = data[:a] + tok + data[b:]
        if a >= len(data):
            break
    return data


def m_line_ops(rng, data, _other):
    lines = data.split(b"\n")
    op = rng.randrange(5)
    i, j = pick_line_span(rng, lines)
    if op == 0:  # delete lines
        del lines[i:j]
    elif op == 1:  # duplicate lines
        lines[j:j] = lines[i:j]
    elif op == 2 and len(lines) > 1:  # swap two lines
        k = rng.randrange(len(lines))
        lines[i], lines[k] = lines[k], lines[i]
    elif op == 3:  # move a block
        block = lines[i:j]
        del lines[i:j]
        k = rng.randrange(len(lines) + 1)
        lines[k:k] = block
    else:  # repeat one line many times
        if lines:
            lines[i:i] = [lines[i]] * rng.choice([10, 100, 1000, 5000])
    return b"\n".join(lines)


def m_splice(rng, data, other):
    if not other:
        return data
    a = rng.randrange(len(data) + 1)
    b = rng.randrange(len(other))
    c = min(len(other), b + 1 + int(rng.expovariate(0.01)))
    return data[:a] + other[b:c] + data[a:]


def m_encoding(rng, data, _other):
    op = rng.randrange(7)
    if op == 0:
        return b"\xef\xbb\xbf" + data  # BOM
    if op == 1:
        return data.replace(b"\n", b"\r\n")
    if op == 2:
        return data.replace(b"\n", b"\r")
    if op == 3:
        return data.replace("ø".encode(), b"\xf8").replace("å".encode(), b"\xe5")  # Latin-1 in UTF-8
    if op == 4:
        try:
            return data.decode("utf-8").encode("utf-16")
        except UnicodeDecodeError:
            return b"\xff\xfe" + data
    if op == 5:
        i = rng.randrange(len(data) + 1)
        return data[:i] + b"\x00" * rng.choice([1, 3, 100]) + data[i:]
    i = rng.randrange(len(data) + 1)
    return data[:i] + bytes(rng.randrange(128, 256) for _ in range(rng.randrange(1, 6))) + data[i:]


def m_long(rng, data, _other):
    i = rng.randrange(len(data) + 1)
    fill = rng.choice([b"a", b"9", b"\"", b";", b",", b" ", "ø".encode(), b"[", b"{"])
    return data[:i] + fill * rng.choice([1000, 70000, 1_000_000]) + data[i:]


# YAML-aware mutations (work on lines; the result need not be valid YAML).

def m_yaml_dup_key(rng, data, _other):
    lines = data.split(b"\n")
    keyed = [k for k, l in enumerate(lines) if b":" in l and not l.lstrip().startswith(b"#")]
    if not keyed:
        return m_line_ops(rng, data, _other)
    k = rng.choice(keyed)
    line = lines[k]
    if rng.random() < 0.5:
        lines.insert(k + 1, line)  # the same key twice, same value
    else:
        key = line.split(b":", 1)[0]
        lines.insert(rng.randrange(len(lines) + 1), key + b": " + rng.choice(INTERESTING_TOKENS))
    return b"\n".join(lines)


def m_yaml_indent(rng, data, _other):
    lines = data.split(b"\n")
    i, j = pick_line_span(rng, lines)
    op = rng.randrange(4)
    for k in range(i, j):
        if op == 0:
            lines[k] = b"\t" + lines[k]
        elif op == 1:
            lines[k] = b"  " + lines[k]
        elif op == 2:
            lines[k] = lines[k].lstrip()
        else:
            lines[k] = lines[k].replace(b"  ", b"\t")
    return b"\n".join(lines)


def m_yaml_anchor(rng, data, _other):
    lines = data.split(b"\n")
    keyed = [k for k, l in enumerate(lines) if l.rstrip().endswith(b":") or b": " in l]
    if not keyed:
        return data
    op = rng.randrange(4)
    if op == 0:  # anchor a value, alias it elsewhere
        a = rng.choice(keyed)
        key, _, val = lines[a].partition(b":")
        lines[a] = key + b": &x" + val
        b = rng.choice(keyed)
        bkey = lines[b].partition(b":")[0]
        lines[b] = bkey + b": *x"
    elif op == 1:  # alias of an undefined anchor
        b = rng.choice(keyed)
        lines[b] = lines[b].partition(b":")[0] + b": *nowhere"
    elif op == 2:  # merge key
        b = rng.choice(keyed)
        lines.insert(b, b"<<: *x" if rng.random() < 0.5 else b"<<: {a: 1}")
    else:  # billion laughs (bounded)
        lol = [b"a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        prev = b"a"
        for n in range(rng.randrange(2, 9)):
            name = b"l%d" % n
            lol.append(name + b": &" + name + b" [" + b",".join([b"*" + prev] * 9) + b"]")
            prev = name
        lines = lol + lines
    return b"\n".join(lines)


def m_yaml_nest(rng, data, _other):
    depth = rng.choice([10, 100, 1000, 5000, 20000])
    kind = rng.randrange(3)
    if kind == 0:
        blob = b"[" * depth + b"]" * depth
    elif kind == 1:
        blob = b"{a: " * depth + b"1" + b"}" * depth
    else:
        blob = b"\n".join(b"  " * d + b"k%d:" % d for d in range(min(depth, 2000))) + b" 1"
    lines = data.split(b"\n")
    keyed = [k for k, l in enumerate(lines) if b": " in l]
    if keyed and kind != 2:
        k = rng.choice(keyed)
        lines[k] = lines[k].partition(b":")[0] + b": " + blob
        return b"\n".join(lines)
    return data + b"\n" + blob + b"\n"


def m_yaml_value(rng, data, _other):
    lines = data.split(b"\n")
    keyed = [k for k, l in enumerate(lines) if b": " in l and not l.lstrip().startswith(b"#")]
    if not keyed:
        return m_insert_token(rng, data, _other)
    for _ in range(1 + int(rng.expovariate(0.8))):
        k = rng.choice(keyed)
        key = lines[k].partition(b": ")[0]
        val = rng.choice(INTERESTING_TOKENS + [b"[]", b"{}", b"[1, 2]", b"{ a: b }", b"\"\\u0000\"", b"\"\\xff\"", b"-1", b"1e309", b"NaN", b"\"NaN\"", b"2030-12-31", b"2030-02-30", b"x" * 300])
        lines[k] = key + b": " + val
    return b"\n".join(lines)


def m_yaml_quote(rng, data, _other):
    # Insert or remove quote characters.
    positions = [i for i, c in enumerate(data) if c in b"\"'"]
    if positions and rng.random() < 0.5:
        i = rng.choice(positions)
        return data[:i] + data[i + 1:]
    i = rng.randrange(len(data) + 1)
    return data[:i] + rng.choice([b"\"", b"'", b"\\", b"\"\"", b"''"]) + data[i:]


# CSV-aware mutations.

def _csv_sep(data):
    head = data.split(b"\n", 3)[:3]
    return b";" if sum(l.count(b";") for l in head) >= sum(l.count(b",") for l in head) else b","


def m_csv_cell(rng, data, _other):
    sep = _csv_sep(data)
    lines = data.split(b"\n")
    if not lines:
        return data
    for _ in range(1 + int(rng.expovariate(0.6))):
        k = rng.randrange(len(lines))
        cells = lines[k].split(sep)
        c = rng.randrange(len(cells))
        cells[c] = rng.choice(INTERESTING_TOKENS + [b"", b"NaN", b"1e309", b"-1", b"\"a;b\"", b"\"a\nb\"", b"\"unterminated", b"x" * 100000, b"12345678901234567890"])
        lines[k] = sep.join(cells)
    return b"\n".join(lines)


def m_csv_columns(rng, data, _other):
    sep = _csv_sep(data)
    lines = data.split(b"\n")
    op = rng.randrange(5)
    start = rng.randrange(len(lines)) if lines else 0
    stop = len(lines) if rng.random() < 0.3 else min(len(lines), start + 1 + int(rng.expovariate(0.2)))
    for k in range(start, stop):
        cells = lines[k].split(sep)
        if op == 0:
            cells.append(b"extra")
        elif op == 1 and len(cells) > 1:
            cells.pop(rng.randrange(len(cells)))
        elif op == 2 and len(cells) > 1:
            a, b = rng.randrange(len(cells)), rng.randrange(len(cells))
            cells[a], cells[b] = cells[b], cells[a]
        elif op == 3:
            cells = [b'"' + c + b'"' for c in cells]
        else:
            cells = cells * rng.choice([2, 50])
        lines[k] = sep.join(cells)
    return b"\n".join(lines)


def m_csv_header(rng, data, _other):
    sep = _csv_sep(data)
    lines = data.split(b"\n")
    # The header is the first line with the separator in it after any title line.
    k = next((i for i, l in enumerate(lines[:3]) if sep in l), 0)
    cells = lines[k].split(sep)
    op = rng.randrange(5)
    c = rng.randrange(len(cells))
    if op == 0:
        cells[c] = cells[(c + 1) % len(cells)]  # duplicate column name
    elif op == 1:
        cells[c] = b""
    elif op == 2:
        cells[c] = cells[c].upper()
    elif op == 3:
        cells[c] = b" " + cells[c] + b" "
    else:
        del lines[k]
        return b"\n".join(lines)
    lines[k] = sep.join(cells)
    return b"\n".join(lines)


GENERIC = [m_byte_flip, m_byte_set, m_delete_bytes, m_truncate, m_insert_token, m_replace_number,
           m_line_ops, m_splice, m_encoding, m_long]
YAML_ONLY = [m_yaml_dup_key, m_yaml_indent, m_yaml_anchor, m_yaml_nest, m_yaml_value, m_yaml_quote]
CSV_ONLY = [m_csv_cell, m_csv_columns, m_csv_header, m_replace_number]


def mutate(rng, files, target):
    data = files[target]
    others = [k for k in files if k != target and k.endswith(target[-4:])] or list(files)
    other = files[rng.choice(others)]
    pool = GENERIC + (CSV_ONLY * 2 if target.endswith(".csv") else YAML_ONLY * 2)
    names = []
    for _ in range(1 + int(rng.expovariate(1.0))):  # usually one, sometimes stacked
        m = rng.choice(pool)
        data = m(rng, data, other)
        names.append(m.__name__[2:])
    return data, names


def choose_target(rng, files):
    keys = list(files)
    weights = []
    for k in keys:
        if k.endswith(".csv"):
            weights.append(4)
        elif k.startswith("indicators/sources/"):
            weights.append(4 if Path(k).name in HOT_SOURCES else 1)
        else:
            weights.append(3)
    return rng.choices(keys, weights)[0]


# ---------------------------------------------------------- command lines

SUBCOMMANDS = ["validate", "list", "show", "sources", "compute", "explain", "status",
               "inequality", "report", "dashboard", "docs", "completions", "man", "bogus", ""]
PERIODS = ["latest", "2025", "2026Q2", "2026Q9", "2026Q0", "2026-06", "2026-13", "2026-00", "0",
           "-1", "99999", "2026q2", "2026Q2x", "", " ", "ø", "2026-W10", "18446744073709551616"]
FLAG_VALUES = {
    "--period": PERIODS, "--quarter": PERIODS,
    "--goal": ["1", "5", "6", "0", "O1", "O3", "O4", "x", "", "-1", "01"],
    "--indicator": ["himss-emram", "hto-ny-epj", "nope", "", "../x", "x" * 300],
    "--by": ["region", "county", "omraade", "teknologi", "nope", "", "municipality"],
    "--suppress-below": ["5", "0", "-1", "x", "99999999999999999999", "1e3", ""],
    "--as-of": ["2026-07-01", "2026-02-30", "x", "", "0001-01-01", "9999-12-31", "2026-07-01T00:00"],
    "--split-policy": ["flag", "largest", "x", ""],
    "--lang": ["nb", "en", "sv", ""],
    "--format": ["table", "csv", "json", "human", "yaml", ""],
    "--fail-on": ["stale", "failed,excluded", "suppressed", "x", "", "stale,,"],
    "--csv-dialect": ["standard", "excel-nb", "x"],
    "--source": ["hdir-rapporterte-tall", "nope", ""],
    "--commentary": ["@missing", "@file", "@dir", "@yaml"],
    "--indicators": ["@ind", "@missing", "@file", "@data"],
    "--data": ["@data", "@missing", "@file", "@ind"],
    "--out": ["@out", "@file", "@missing_parent", "@ind", "@newdir"],
    "--output": ["@outfile", "@file", "@missing_parent", "@dir"],
    "-o": ["@outfile", "@missing_parent"],
}
BARE_FLAGS = ["--all", "--force", "--strict", "--check", "--deny-warnings", "-q", "-v", "--quiet",
              "--verbose", "-h", "--help", "-V", "--bogus", "--", "-x"]
POSITIONALS = ["himss-emram", "hto-ny-epj", "nope", "bash", "zsh", "fish", "powershell", "x", ""]


def resolve(v, work):
    table = {
        "@ind": work / "indicators", "@data": work / "data", "@missing": work / "missing",
        "@file": work / "afile", "@dir": work / "adir", "@out": work / "out", "@outfile": work / "out.csv",
        "@missing_parent": work / "no" / "such" / "parent" / "x", "@newdir": work / "newdir",
        "@yaml": work / "commentary.yaml",
    }
    return str(table.get(v, v))


def random_args(rng, work):
    args = []
    sub = rng.choice(SUBCOMMANDS)
    if sub:
        args.append(sub)
    if sub in ("show", "explain", "completions") and rng.random() < 0.9:
        args.append(rng.choice(POSITIONALS))
    # Sensible defaults most of the time, so the run gets past argument parsing.
    if rng.random() < 0.85:
        args += ["--indicators", str(work / "indicators")]
        if sub not in ("validate", "list", "show", "docs", "completions", "man"):
            args += ["--data", str(work / "data")]
    for _ in range(rng.randrange(0, 5)):
        if rng.random() < 0.7:
            flag = rng.choice(list(FLAG_VALUES))
            args += [flag, resolve(rng.choice(FLAG_VALUES[flag]), work)]
        else:
            args.append(rng.choice(BARE_FLAGS))
    if sub == "docs" and "--check" not in args and "--output" not in args:
        args += ["--output", str(work / "catalogue.md")]  # never write into the repository
    return args


# ------------------------------------------------------------------- running

def run(binary, args, cwd):
    env = dict(os.environ, **ENV_EXTRA)
    env.pop("RUST_BACKTRACE", None)
    try:
        p = subprocess.run([binary] + args, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=TIMEOUT,
                           start_new_session=True)
        return p.returncode, p.stderr, False
    except subprocess.TimeoutExpired as e:
        return None, e.stderr or b"", True


def classify(rc, err, timed_out, usage_case):
    """'crash', 'timeout', 'unexpected' or None."""
    if timed_out:
        return "timeout"
    if rc is None or rc < 0 or rc == 101 or b"panicked" in err or b"internal error" in err \
            or b"RUST_BACKTRACE" in err:
        return "crash"
    if rc not in (0, 1, 2, 3):
        return "unexpected"
    if usage_case and b"Usage:" in err and err.startswith(b"error:") and rc != 2:
        return "unexpected"
    return None


def prepare_work(files, work):
    if work.exists():
        shutil.rmtree(work)
    for rel, data in files.items():
        p = work / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    (work / "afile").write_bytes(b"a file, not a folder\n")
    (work / "adir").mkdir()
    (work / "commentary.yaml").write_bytes(b"goals:\n  1: \"x\"\n")


def reset_scratch(work):
    for name in ("out", "out.csv", "newdir", "catalogue.md"):
        p = work / name
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        elif p.exists():
            p.unlink()


def one_case(seed, n, files):
    """What iteration n does: ('file', target, data, mutators) or ('args', args-maker)."""
    rng = random.Random(f"{seed}:{n}")
    if rng.random() < 0.1:
        return ("args", rng)
    target = choose_target(rng, files)
    data, names = mutate(rng, files, target)
    return ("file", target, data, names)


def file_commands(work):
    ind, data = str(work / "indicators"), str(work / "data")
    return [
        ["validate", "--indicators", ind],
        ["validate", "--indicators", ind, "--data", data],
        ["compute", "--all", "--indicators", ind, "--data", data, "--format", "csv"],
    ]


def signature(kind, rc, err):
    """Where it failed, to group findings: the panic location, else the kind and exit code."""
    m = re.search(rb"(?:internal error at|panicked at) ([^;,\s]+)", err)
    if m:
        return f"{kind} at {m.group(1).decode('utf-8', 'replace')}"
    return f"{kind} exit {rc}"


def save_finding(out_dir, kind, seed, n, case, args, rc, err, step):
    d = out_dir / f"{kind}-seed{seed}-iter{n}-{step}"
    d.mkdir(parents=True, exist_ok=True)
    if case[0] == "file":
        (d / Path(case[1]).name).write_bytes(case[2])
        info = f"mutated file: {case[1]}\nmutators: {', '.join(case[3])}\n"
    else:
        info = "command-line case (catalogue unmutated)\n"
    (d / "case.txt").write_text(
        f"{info}command: ehelse {' '.join(args)}\nexit: {rc}\nreplay: python3 tools/fuzz.py --seed {seed} --replay {n}\n")
    (d / "stderr.txt").write_bytes(err[-20000:])


def worker(wid, jobs, seed, binary, deadline, cpu_budget, out_dir, queue, start_n, count):
    files = load_catalogue()
    tmp = Path(tempfile.mkdtemp(prefix=f"ehelse-fuzz-{wid}-"))
    work = tmp / "w"
    prepare_work(files, work)
    stats = {"executions": 0, "iterations": 0, "crash": 0, "timeout": 0, "unexpected": 0, "signatures": {}}
    n = start_n + wid
    try:
        while True:
            if count is not None and n >= start_n + count:
                break
            if time.monotonic() > deadline:
                break
            if cpu_budget is not None:
                ru = resource.getrusage(resource.RUSAGE_CHILDREN)
                if (ru.ru_utime + ru.ru_stime) * jobs >= cpu_budget:
                    break
            case = one_case(seed, n, files)
            if case[0] == "file":
                target = work / case[1]
                target.write_bytes(case[2])
                cmds, usage = file_commands(work), False
            else:
                cmds, usage = [random_args(case[1], work)], True
            for step, args in enumerate(cmds):
                rc, err, to = run(binary, args, work)
                stats["executions"] += 1
                kind = classify(rc, err, to, usage)
                if kind:
                    stats[kind] += 1
                    sig = signature(kind, rc, err)
                    seen = stats["signatures"].get(sig, 0)
                    stats["signatures"][sig] = seen + 1
                    if seen < 5:  # keep the first few inputs of each kind of failure
                        save_finding(out_dir, kind, seed, n, case, args, rc, err, step)
                    first = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
                    print(f"[{kind}] iteration {n}: ehelse {' '.join(args)[:200]} -> {rc}: {first[0][:200]}",
                          file=sys.stderr, flush=True)
            if case[0] == "file":
                (work / case[1]).write_bytes(files[case[1]])
            else:
                reset_scratch(work)
                # A command line may have written into the catalogue; start clean.
                if not (work / "indicators").is_dir() or (work / "afile").is_dir():
                    prepare_work(files, work)
            stats["iterations"] += 1
            n += jobs
    finally:
        ru = resource.getrusage(resource.RUSAGE_CHILDREN)
        stats["child_cpu"] = ru.ru_utime + ru.ru_stime
        me = resource.getrusage(resource.RUSAGE_SELF)
        stats["self_cpu"] = me.ru_utime + me.ru_stime
        shutil.rmtree(tmp, ignore_errors=True)
        queue.put(stats)


def replay(seed, n, binary, keep):
    files = load_catalogue()
    work = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="ehelse-replay-")) / "w"
    prepare_work(files, work)
    case = one_case(seed, n, files)
    if case[0] == "file":
        (work / case[1]).write_bytes(case[2])
        print(f"iteration {n}: mutated {case[1]} with {', '.join(case[3])}")
        cmds = file_commands(work)
    else:
        cmds = [random_args(case[1], work)]
        print(f"iteration {n}: command-line case")
    worst = 0
    for args in cmds:
        rc, err, to = run(binary, args, work)
        kind = classify(rc, err, to, case[0] == "args")
        print(f"$ ehelse {' '.join(args)}\n  exit {rc}{' (timeout)' if to else ''}; {kind or 'ok'}")
        print("  " + err.decode("utf-8", "replace").strip()[-2000:].replace("\n", "\n  "))
        worst = worst or (1 if kind else 0)
    print(f"files kept in {work}")
    return worst


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=60, help="wall-clock budget (default 60)")
    ap.add_argument("--cpu-seconds", type=float, help="also stop when the binary has used this much CPU (user+sys, all jobs)")
    ap.add_argument("--iterations", type=int, help="run exactly this many iterations (from --start)")
    ap.add_argument("--start", type=int, default=0, help="first iteration number (default 0)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bin", default=None, help="ehelse binary (default: $CARGO_TARGET_DIR or target/, release)")
    ap.add_argument("--jobs", type=int, default=1, help="processes in parallel (default 1)")
    ap.add_argument("--crashes", default=str(ROOT / "fuzz-crashes"), help="where findings go")
    ap.add_argument("--replay", type=int, help="rerun one iteration and show what happened")
    ap.add_argument("--keep", help="with --replay: build the case in this folder")
    a = ap.parse_args()

    binary = a.bin or str(Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "ehelse")
    if not os.access(binary, os.X_OK):
        sys.exit(f"fuzz.py: no binary at {binary} (build with `cargo build --release` or pass --bin)")
    binary = str(Path(binary).resolve())

    if a.replay is not None:
        sys.exit(replay(a.seed, a.replay, binary, a.keep))

    out_dir = Path(a.crashes)
    t0, c0 = time.monotonic(), os.times()
    deadline = t0 + (a.seconds if a.iterations is None else 10 ** 9)
    queue = mp.Queue()
    procs = [mp.Process(target=worker, args=(w, a.jobs, a.seed, binary, deadline, a.cpu_seconds,
                                             out_dir, queue, a.start, a.iterations))
             for w in range(a.jobs)]
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    for p in procs:
        p.start()
    signal.signal(signal.SIGINT, old)
    results = []
    try:
        for _ in procs:
            results.append(queue.get())
    except KeyboardInterrupt:
        print("interrupted; collecting the workers' figures", file=sys.stderr)
        for _ in range(len(procs) - len(results)):
            results.append(queue.get())
    for p in procs:
        p.join()
    wall = time.monotonic() - t0
    c1 = os.times()
    sigs = {}
    for r in results:
        for k, v in r.pop("signatures").items():
            sigs[k] = sigs.get(k, 0) + v
    total = {k: sum(r[k] for r in results) for k in results[0]}
    all_cpu = (c1.children_user - c0.children_user) + (c1.children_system - c0.children_system)
    print(f"seed:                {a.seed}")
    print(f"jobs:                {a.jobs}")
    print(f"wall seconds:        {wall:.0f}")
    print(f"iterations:          {total['iterations']}")
    print(f"executions:          {total['executions']}")
    print(f"crashes:             {total['crash']}")
    print(f"timeouts:            {total['timeout']}")
    print(f"unexpected exits:    {total['unexpected']}")
    print(f"CPU s (ehelse):      {total['child_cpu']:.0f}")
    print(f"CPU s (with fuzzer): {all_cpu:.0f}")
    for k, v in sorted(sigs.items(), key=lambda kv: -kv[1]):
        print(f"  {v:6d} x {k}")
    if total["crash"] or total["timeout"] or total["unexpected"]:
        print(f"findings saved under {out_dir}/")
        sys.exit(1)


if __name__ == "__main__":
    main()

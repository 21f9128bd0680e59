"""zdrscan's accuracy, speed and memory. Runs standalone, without Django:

    .venv/bin/python benchmarks/scan.py            # corpus, fetched samples when present, 10,000 files
    .venv/bin/python benchmarks/scan.py --quick    # without the 10,000-file run

1. Precision and recall per endpoint on the labelled corpus (tests/data/scan_corpus/labels.json).
2. The same on two hand-labelled samples of public repositories (benchmarks/scan_labels.py: one
   studied while the scanner was written, one held out), read from
   their stored snapshots (bare git directories under $ZDRSCAN_SNAPSHOTS, default /work/.mirror, as
   <owner>+<name>/repo, or a fork's holding the same commit) at the labelled commit; skipped, and said
   so, when they are not there.
3. A generated 10,000-file repository: wall time and peak memory of `python -m zdrscan` on it.
"""

import io
import json
import os
import random
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from scan_labels import HELD_OUT, SAMPLES  # noqa: E402

from zdrscan import scan_path  # noqa: E402
from zdrscan.accuracy import measure, table  # noqa: E402

SNAPSHOTS = Path(os.environ.get("ZDRSCAN_SNAPSHOTS", "/work/.mirror"))
FILES = 10_000
GOALS = {"precision": 0.95, "recall": 0.90, "seconds": 60, "rss_mb": 500}


def say(line=""):
    sys.stdout.write(line + "\n")


def report(title, accuracy, prefix):
    say(f"\n{title}")
    for row in table(accuracy):
        say("  " + row)
    for label in accuracy.misses:
        say(f"  missed: {label['file']}:{label['line']} {label['endpoint']}")
    for finding in accuracy.extras:
        say(f"  wrong:  {finding['file']}:{finding['line']} {finding['endpoint']}  {finding['snippet']}")
    say(f"bench {prefix}precision: {accuracy.overall.precision:.3f} (goal >= {GOALS['precision']})")
    say(f"bench {prefix}recall: {accuracy.overall.recall:.3f} (goal >= {GOALS['recall']})")
    weakest = min((min(s.precision, s.recall), e) for e, s in accuracy.by_endpoint.items())
    say(f"bench {prefix}weakest_endpoint: {weakest[1]} {weakest[0]:.2f} (goal >= 0.8)")


def corpus():
    folder = ROOT / "tests" / "data" / "scan_corpus"
    labels = json.loads((folder / "labels.json").read_text())
    report("Labelled corpus (tests/data/scan_corpus)", measure(scan_path(folder).findings, labels), "scan_")


def fetched(samples, name, prefix):
    findings, labels, present = [], [], []
    for repo, sample in samples.items():
        # A fork's snapshot holds the same commit when the repository's own is too large to fetch.
        candidates = [SNAPSHOTS / name.replace("/", "+") / "repo" for name in sample.get("snapshots", [repo])]
        gitdir = next((path for path in candidates if path.is_dir()), None)
        if gitdir is None:
            say(f"\n{repo}: no snapshot at {' or '.join(map(str, candidates))}, not measured")
            continue
        with tempfile.TemporaryDirectory(prefix="zdrscan-sample-") as work:
            # Fixed arguments from this file's labels; git is whatever the PATH holds.
            archive = subprocess.run(["git", "--git-dir", str(gitdir), "archive", sample["commit"], "--",  # noqa: S603, S607
                                      *sample["files"]], capture_output=True, check=False)
            if archive.returncode:
                say(f"\n{repo}: commit {sample['commit'][:12]} not in the snapshot, not measured")
                continue
            with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
                tar.extractall(work, filter="data")
            repo_findings = [dict(f.as_dict(), file=f"{repo}/{f.file}") for f in scan_path(work).findings]
        repo_labels = [{"file": f"{repo}/{path}", "line": line, "endpoint": endpoint, "features": features,
                        "models": models} for path, line, endpoint, features, models in sample["labels"]]
        report(f"{name}, {repo} @ {sample['commit'][:12]}: {len(sample['files'])} files, hand-labelled",
               measure(repo_findings, repo_labels), f"{prefix}{repo.split('/')[1].replace('-', '_')}_")
        findings += repo_findings
        labels += repo_labels
        present.append(repo)
    if present:
        report(f"{name}, all repositories ({', '.join(present)})", measure(findings, labels), prefix)
    else:
        say(f"bench {prefix}: not measured (no snapshot present)")


PY_CALL = '''from openai import OpenAI

client = OpenAI()
MODEL = "gpt-4.1-mini"


def handler_{n}(text, image_url):
    content = [{{"type": "input_image", "image_url": image_url}}]
    return client.responses.create(model=MODEL, store=True, tools=[{{"type": "web_search"}}],
                                   input=[{{"role": "user", "content": content}}])
'''
TS_CALL = '''import OpenAI from "openai";

const openai = new OpenAI();

export async function handler{n}(text: string) {{
  return openai.chat.completions.create({{ model: "gpt-4o", messages: [{{ role: "user", content: text }}] }});
}}
'''
PY_PLAIN = '''"""Module {n}: ordinary application code."""

import json


class Record{n}:
    def __init__(self, payload):
        self.payload = json.loads(payload)

    def total(self):
        return sum(item["amount"] for item in self.payload.get("items", []))
'''
TS_PLAIN = '''export interface Row{n} {{ id: number; name: string }}

export function total{n}(rows: Row{n}[]): number {{
  return rows.reduce((sum, row) => sum + row.id, 0);
}}
'''


def generate(folder, files=FILES):
    """A repository of `files` source files: 1 in 5 calls OpenAI, bodies padded to real file sizes,
    plus a node_modules folder that must be skipped."""
    rng = random.Random(17)  # noqa: S311 (file sizes, not secrets)
    for n in range(files):
        package = folder / f"pkg{n % 100:02d}" / f"mod{n // 100:02d}"
        package.mkdir(parents=True, exist_ok=True)
        python = n % 10 < 7
        template = (PY_CALL if python else TS_CALL) if n % 5 == 0 else (PY_PLAIN if python else TS_PLAIN)
        filler = "\n".join(f"# line {i} {rng.random():.6f}" if python else f"// line {i} {rng.random():.6f}"
                           for i in range(rng.randint(40, 160)))
        (package / f"file{n}.{'py' if python else 'ts'}").write_text(template.format(n=n) + filler + "\n")
    vendored = folder / "node_modules" / "openai"
    vendored.mkdir(parents=True)
    for n in range(200):
        (vendored / f"v{n}.js").write_text(TS_CALL.format(n=n))


def speed():
    with tempfile.TemporaryDirectory(prefix="zdrscan-10k-") as work:
        generate(Path(work))
        start = time.perf_counter()
        command = [sys.executable, "-m", "zdrscan", work, "--format", "json", "--output", os.devnull]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)  # noqa: S603
        seconds = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        found = len(scan_path(Path(work) / "pkg00").findings) if done.returncode == 0 else 0
    if done.returncode:
        say(f"scan failed: {done.stderr}")
    say(f"\nGenerated repository: {FILES} files (1 in 5 calling OpenAI) + 200 vendored; "
        f"{found} findings in pkg00 alone")
    say(f"bench scan_10000_files_s: {seconds:.1f} (goal <= {GOALS['seconds']})")
    say(f"bench scan_peak_rss_mb: {peak_mb:.0f} (goal <= {GOALS['rss_mb']})")


if __name__ == "__main__":
    corpus()
    fetched(SAMPLES, "Development sample", "scan_fetched_")
    fetched(HELD_OUT, "Held-out sample", "scan_heldout_")
    if "--quick" not in sys.argv:
        speed()

"""`python -m zdrscan PATH [--format json|sarif|text] [--policy policy.json] [--output FILE]`.

Exit status: 0 when the scan ran (and the policy, if any, allows everything found), 1 when the code
uses an endpoint or feature the policy does not allow, 2 for bad input (no such path, bad policy).
"""

import argparse
import json
import sys
from pathlib import Path

from .policy import PolicyError, policy_load, policy_violations
from .sarif import sarif_log
from .walk import scan_path

EXIT_OK, EXIT_VIOLATIONS, EXIT_USAGE = 0, 1, 2


def build_parser():
    parser = argparse.ArgumentParser(prog="zdrscan", description="Find the OpenAI endpoints and data-retention "
                                     "relevant features a codebase uses.")
    parser.add_argument("path", help="a repository folder or a single file")
    parser.add_argument("--format", choices=("json", "sarif", "text"), default=None,
                        help="output format (default: text, or sarif with --policy)")
    parser.add_argument("--policy", help="policy.json exported by the portal; exit 1 on anything it does not allow")
    parser.add_argument("--output", "-o", help="write the report to this file instead of standard output")
    parser.add_argument("--include-vendored", action="store_true",
                        help="also scan node_modules, .venv, venv, dist, build")
    return parser


def render(result, output_format, violations):
    if output_format == "json":
        return json.dumps([finding.as_dict() for finding in result.findings], indent=2) + "\n"
    if output_format == "sarif":
        return json.dumps(sarif_log(result, violations), indent=2) + "\n"
    return render_text(result, violations)


def render_text(result, violations):
    lines = [f"{finding.file}:{finding.line}: {finding.endpoint}"
             + (f" [{', '.join(finding.features)}]" if finding.features else "")
             + (f" models={','.join(finding.models)}" if finding.models else "")
             + f" ({finding.confidence})" for finding in result.findings]
    endpoints = sorted({finding.endpoint for finding in result.findings})
    lines.append(f"{len(result.findings)} call(s) to {len(endpoints)} endpoint(s) in {result.files_scanned} "
                 f"file(s) mentioning OpenAI: {', '.join(endpoints) or 'none'}")
    lines += [f"not parsed: {item.file}: {item.error}" for item in result.unparsed]
    if violations is not None:
        lines += [f"NOT ALLOWED {v.finding.file}:{v.finding.line}: {v.message}" for v in violations]
        lines.append(f"policy: {len(violations)} violation(s)" if violations else "policy: everything found is allowed")
    return "\n".join(lines) + "\n"


def main(argv=None, stdout=None, stderr=None):
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    args = build_parser().parse_args(argv)
    path = Path(args.path)
    if not path.exists():
        print(f"zdrscan: no such file or folder: {path}", file=stderr)
        return EXIT_USAGE
    policy = None
    if args.policy:
        try:
            policy = policy_load(args.policy)
        except PolicyError as error:
            print(f"zdrscan: {error}", file=stderr)
            return EXIT_USAGE
    result = scan_path(path, skipped_dirs=frozenset({".git"}) if args.include_vendored else None)
    violations = policy_violations(policy, result.findings) if policy else None
    report = render(result, args.format or ("sarif" if policy else "text"), violations)
    if args.output:
        Path(args.output).write_text(report, encoding="utf-8")
    else:
        stdout.write(report)
    if args.format in ("json", "sarif") or args.output:
        for item in result.unparsed:
            print(f"zdrscan: not parsed: {item.file}: {item.error}", file=stderr)
        for violation in violations or []:
            print(f"zdrscan: {violation.finding.file}:{violation.finding.line}: {violation.message}", file=stderr)
    return EXIT_VIOLATIONS if violations else EXIT_OK

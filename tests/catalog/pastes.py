"""Pastes of the provider's endpoint table, written the way OpenAI's "Your data" page words it,
built from the shipped catalog so a test can change a few rows and know what the draft must say."""

import json

from .shipped import SHIPPED

WORDS = {"yes": "Yes", "limited": "Yes, with limitations", "no": "No"}
HEADER = ["Endpoint", "Abuse monitoring retention", "Application state retention", "ZDR eligible",
          "Eyes Off / Safety Retention eligible"]


def shipped_rows():
    """The shipped catalog's rows as the page's cells: path, retentions, ZDR, Eyes Off."""
    rows = []
    for row in json.loads(SHIPPED.read_text())["endpoints"]:
        zdr = WORDS[row["zdr"]] + (f" ({row['zdr_note']})" if row["zdr_note"] else "")
        rows.append([row["path"], row["abuse_monitoring_retention"], row["application_state_retention"], zdr,
                     WORDS[row["eyes_off"]]])
    return rows


def newer_rows():
    """The reference's newest table: /v1/videos gone, /v1/audio/voices added, embeddings now
    eligible for Eyes Off, and moderations' ZDR cell unreadable ("Maybe¹")."""
    rows = [r for r in shipped_rows() if r[0] != "/v1/videos"]
    for row in rows:
        if row[0] == "/v1/embeddings":
            row[4] = "Yes"
        if row[0] == "/v1/moderations":
            row[3] = "Maybe¹"
    rows.append(["/v1/audio/voices", "30 days", "Until deleted", "No", "No"])
    return rows


def markdown(rows, header=HEADER):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(f"`{cell}`" if cell.startswith("/v1/") else cell for cell in row) + " |"
              for row in rows]
    return "Data retention by endpoint\n\n" + "\n".join(lines) + "\n\n* Footnotes follow.\n"


def html(rows, header=HEADER):
    head = "".join(f"<th>{cell}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td><code>{cell}</code></td>" if cell.startswith("/v1/") else f"<td>{cell}</td>"
                         for cell in row) + "</tr>"
        for row in rows
    )
    return (
        "<!doctype html><html><head><style>td{color:red}</style></head><body><nav><a href='/'>Docs</a></nav>"
        "<table><tr><th>Control</th><th>What it keeps</th></tr><tr><td>MAM</td><td>Nothing</td></tr></table>"
        f"<table class='endpoints'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></body></html>"
    )

"""The packet's claims, as tables: each sentence is true of the data it is given, and an
acknowledged blocker is never described as "no blocker"."""

import pytest

from apps.packets import claims

CATALOG = {"features": [{"key": "background_mode", "name": "Background mode"}]}


def blocker(path, *, open_=True, feature=None):
    return {"severity": "blocker", "endpoint_path": path, "feature_key": feature, "is_open": open_}


def warning(path):
    return {"severity": "warning", "endpoint_path": path, "feature_key": None, "is_open": False}


def snapshot(*findings, control="zdr", draft=False, percent=100, blocked_zdr=()):
    return {
        "findings": list(findings),
        "control": control,
        "control_label": control.upper(),
        "requested_control": control,
        "completeness": {"percent": percent},
        "meta": {"is_draft": draft},
        "catalog": CATALOG,
        "blocked_under": {"zdr": list(blocked_zdr)},
    }


@pytest.mark.parametrize(
    ("data", "final", "detail"),
    [
        (snapshot(warning("/v1/responses")), True,
         "Every section is documented, and nothing in use is blocked under ZDR."),
        (snapshot(blocker("/v1/batches", open_=False)), True,
         "Every section is documented. `/v1/batches` is not eligible for ZDR and used anyway, with the team's "
         "justification in section 7."),
        (snapshot(blocker("/v1/batches", open_=False), blocker("/v1/files", open_=False)), True,
         "Every section is documented. `/v1/batches` and `/v1/files` are not eligible for ZDR and used anyway, "
         "with the team's justification in section 7."),
        (snapshot(blocker("/v1/batches"), draft=True, percent=92), False,
         "The request is 92% complete and 1 blocker under ZDR is still open (`/v1/batches`)."),
        (snapshot(blocker("/v1/responses", feature="background_mode"), draft=True), False,
         "1 blocker under ZDR is still open (Background mode on `/v1/responses`)."),
        (snapshot(draft=True, percent=40), False, "The request is 40% complete."),
    ],
)
def test_the_status_says_what_the_findings_and_completeness_say(data, final, detail):
    status = claims.status(data)
    assert (status.final, status.detail) == (final, detail)
    assert status.headline == ("Complete." if final else "Draft, not for submission.")


def test_a_subject_named_twice_by_two_usages_is_listed_once():
    data = snapshot(blocker("/v1/batches", open_=False), blocker("/v1/batches", open_=False))
    assert "`/v1/batches` is not eligible" in claims.status(data).detail


@pytest.mark.parametrize(
    ("data", "keys", "text"),
    [
        (snapshot(), ["yes", "limited"],
         "Under ZDR: 1 eligible, 1 eligible with limitations, 0 not eligible. "
         "No endpoint or feature in use is blocked under ZDR."),
        (snapshot(blocker("/v1/batches", open_=False)), ["limited", "no"],
         "Under ZDR: 0 eligible, 1 eligible with limitations, 1 not eligible. "
         "`/v1/batches` is not eligible; we use it anyway, for the reasons in section 7."),
        (snapshot(blocker("/v1/batches")), ["no"],
         "Under ZDR: 0 eligible, 0 eligible with limitations, 1 not eligible. "
         "`/v1/batches` is not eligible and not yet resolved (section 7)."),
    ],
)
def test_the_eligibility_paragraph_counts_endpoints_and_names_blockers(data, keys, text):
    assert claims.eligibility(data, [{"eligibility_key": key} for key in keys]) == text


def test_inside_the_findings_section_the_reasons_are_below():
    data = snapshot(blocker("/v1/batches", open_=False))
    assert claims.eligibility(data, [{"eligibility_key": "no"}], where="below").endswith(
        "we use it anyway, for the reasons given below.")


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (snapshot(), "Every endpoint and feature we use is eligible for ZDR."),
        (snapshot(blocker("/v1/batches", open_=False)),
         "ZDR covers everything we use except `/v1/batches`, which we use anyway for the reasons in section 7."),
        (snapshot(blocker("/v1/batches"), draft=True),
         "We ask for ZDR; `/v1/batches` must be resolved first (section 7)."),
        (snapshot(control="mam", blocked_zdr=["`/v1/assistants`"]),
         "`/v1/assistants` is not eligible for ZDR. MAM keeps our content out of OpenAI's abuse-monitoring logs "
         "and covers every endpoint and feature we use."),
        (snapshot(control="mam"), "Every endpoint and feature we use is eligible for MAM."),
    ],
)
def test_why_the_control_is_said_with_the_data(data, text):
    why = claims.why_control(data)
    assert why == text
    assert "→" not in why and "recommend" not in why


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Acme Health, Inc.", "Acme Health, Inc."), ("Acme Health", "Acme Health."), ("  ", ""), ("Why?", "Why?")],
)
def test_a_sentence_ends_with_one_full_stop(text, expected):
    assert claims.sentence(text) == expected


@pytest.mark.parametrize(
    ("approximate", "text"), [(True, "2026-09-22 (approximate)"), (False, "2026-09-22"), (None, "2026-09-22")],
)
def test_the_catalog_date_is_printed_as_recorded(approximate, text):
    catalog = {"as_of": "2026-09-22"}
    if approximate is not None:
        catalog["as_of_approximate"] = approximate
    assert claims.as_of(catalog) == text


@pytest.mark.parametrize(
    ("made", "limit", "notice"),
    [("2026-12-01T10:00:00+00:00", 90, True), ("2026-12-01T10:00:00+00:00", 100, False),
     ("2026-10-01T10:00:00+00:00", 90, False), ("2026-12-01T10:00:00+00:00", None, False)],
)
def test_a_catalog_older_than_the_threshold_on_the_day_the_packet_was_made_gets_a_notice(made, limit, notice):
    data = {"catalog": {"as_of": "2026-09-01", "stale_after_days": limit}, "meta": {"generated_at": made}}
    text = claims.catalog_age(data)
    assert bool(text) == notice
    if notice:
        assert text.startswith("The eligibility catalog used here was 91 days old when this packet was made")

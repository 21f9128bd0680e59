"""Every form of the project, found by enumeration, gets random and hostile values: the answer
is a page (never a 500), and a refused submission writes nothing at all."""

from django.apps import apps
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apps.workspace.models import Draft

from .forms import every_form

HOSTILE = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "a\x00b",
        "x" * 20_000,
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "-1",
        "-99999999999999999999",
        "99999999999999999999999",
        "1e309",
        "NaN",
        "0x10",
        "org-",
        "org_abc",
        "proj_",
        "proj-x",
        "../../etc/passwd",
        "'; DROP TABLE workspace_zdrrequest; --",
        "\u202eevil\u202c",
        "e\u0301" * 50,
        "😀" * 300,
        "\ufeff",
        "null",
        "[]",
        "{}",
        "2026-02-30",
        "not-an-email@",
        "http://",
        "javascript:alert(1)",
        "%00",
        "\r\n\r\nInjected: header",
    ]
)
VALUE = st.one_of(HOSTILE, st.text(max_size=300), st.integers().map(str))
# How a refused submission shows itself: field errors, the autosave's refusal, an error message.
ERROR_MARKERS = ("invalid-feedback", "Not saved:", "message-error")
SKIP_TABLES = {
    "sessions.session",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "portal.workerheartbeat",
    "contenttypes.contenttype",
    "auth.permission",
    "admin.logentry",
    "foundation.dataversion",  # counts writes, and a refused form's input is kept as a draft
}


def database_state(skip=()):
    state = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        skipped = label in SKIP_TABLES or label in skip or label.startswith("audit.")
        if skipped or model._meta.label.startswith("Historical"):
            continue
        state[label] = sorted(map(repr, model.objects.values()))
    return state


def work_in(client, organization):
    session = client.session
    session["organization_id"] = organization.pk
    session.save()


def values_for(form, values, picks):
    """Each field gets the next drawn value, or, for a field with options, one of its options
    when the drawn pick says so: what is drawn never depends on the forms found."""
    data = {}
    for n, field in enumerate(f for f in form.fields if f.kind != "file"):
        pick = picks[n % len(picks)]
        if field.options and pick >= 0:
            data[field.name] = field.options[pick % len(field.options)]
        else:
            data[field.name] = values[n % len(values)]
    return data


def test_the_enumeration_finds_the_forms(client_for, alice, alice_world):
    actions = {form.action for form in every_form(client_for(alice), alice_world)}
    assert any(a.endswith("/members/invite/") for a in actions)
    assert any("/steps/organization/" in a for a in actions)
    assert any("/flows/" in a for a in actions) and any("/usages/" in a for a in actions)
    assert any("/steps/safeguards/" in a for a in actions)


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(values=st.lists(VALUE, min_size=16, max_size=16), picks=st.lists(st.integers(-3, 40), min_size=16, max_size=16))
def test_hostile_values_in_every_form_never_break_or_half_save(client_for, alice, bob, alice_world, values, picks):
    client = client_for(alice)
    with transaction.atomic():  # every example starts from the same database
        forms = every_form(client, alice_world)
        # Forms that delete come last, so that every other form still finds its object.
        for form in sorted(forms, key=lambda f: any(w in f.action for w in ("/delete/", "/remove/", "/revoke/"))):
            work_in(client, alice_world)  # an earlier form may have created or switched organizations
            # A refused wizard form keeps what was typed as a draft, and a step saves its valid fields
            # (tests/workspace/test_unsaved_input.py): every other table stays as it was.
            skip = {"workspace.draft"} | ({"workspace.zdrrequest"} if "/steps/" in form.action else set())
            Draft.objects.all().delete()  # an earlier form's draft would show its errors on this form's page
            before = database_state(skip)
            data = values_for(form, values, picks)
            response = client.post(form.action, data, follow=True)
            body = response.content.decode(errors="replace")
            assert response.status_code < 500, f"{form.key} answered {response.status_code}"
            if any(marker in body for marker in ERROR_MARKERS):
                assert database_state(skip) == before, f"{form.key} refused {data!r:.300} but wrote to the database"
        transaction.set_rollback(True)

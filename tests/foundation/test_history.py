from apps.accounts.models import Membership, Role
from apps.foundation.history import update_with_history


def test_only_a_row_the_update_changed_gets_a_history_row(alice, bob, alice_org):
    editors = Membership.objects.filter(organization=alice_org, role=Role.EDITOR)
    before = Membership.history.count()

    assert update_with_history(editors, user=alice, role=Role.REVIEWER) == 1  # bob, not alice (an owner)
    assert update_with_history(editors, user=alice, role=Role.VIEWER) == 0  # nobody matches any more

    (row,) = Membership.history.order_by("-history_id")[: Membership.history.count() - before]
    assert (row.user_id, row.role, row.history_type, row.history_user) == (bob.pk, Role.REVIEWER, "~", alice)
    assert Membership.objects.get(user=bob).role == Role.REVIEWER

"""Which organization a signed-in user works in: their pick is kept in the session, and
CurrentMembershipMiddleware reads it back on every request. The session is the only HTTP state
involved, so it is written and read here and nowhere else."""

SESSION_KEY = "organization_id"


def organization_switch(session, organization_id):
    """Work in `organization_id` from the next request on. The caller has checked the membership."""
    session[SESSION_KEY] = organization_id


def organization_picked(session):
    """The organization picked in this session, if any: the membership selector checks it."""
    return session.get(SESSION_KEY)

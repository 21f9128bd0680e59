"""The one thing to do next on the Review step: a pure function of the request's state, so the
page always ends with a primary action instead of a dead end."""

from dataclasses import dataclass


@dataclass(frozen=True)
class NextAction:
    kind: str  # "choose_control", "fix", "generate", "send_to_review" or "track"
    label: str  # the primary button's words
    text: str  # why this is next
    missing: tuple = ()  # completeness.Missing items to fix, each linked on the page


def review_next_action(completeness, evaluation, *, versions, status):
    """`versions`: how many packet versions the request has; `status`: its tracking status key.

    The team chooses its control first (nothing can be sent without it), then completes what is
    missing, then makes the packet, then sends it to internal review; after that the tracking
    page leads."""
    if not evaluation.chosen:
        return NextAction("choose_control", "Choose ZDR or MAM",
                          "The team chooses the control it asks for; the comparison below says what each leaves "
                          "blocked and what each keeps. Nothing is sent to review, and no packet is made, before.")
    missing = tuple(completeness.missing)
    if missing:
        count = len(missing)
        return NextAction("fix", f"Fix the first: {missing[0].label}",
                          f"{count} thing{'s are' if count > 1 else ' is'} missing before the packet is final; each "
                          "links to its field.", missing)
    if not versions:
        return NextAction("generate", "Generate the packet",
                          "Everything is documented and no blocker is open: make the packet's first version.")
    if status == "draft":
        return NextAction("send_to_review", "Send to internal review",
                          "The packet is made: reviewers check it and sign off the exact version.")
    return NextAction("track", "Open the tracking page", "The request has left the draft stage: the tracking page "
                                                         "says what is next.")

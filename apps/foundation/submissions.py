"""Double submits are harmless: a form that must act once carries a one-time token (the template tag
`{% submission_token %}`), and its view, wrapped in `acts_once`, claims the token in the same
transaction as its work. A repeat of the same submission finds the claim and is sent where the first
one went, with a message; it is never acted on twice, even when both arrive at once (the second waits
on the claim's unique row until the first commits)."""

import re
import uuid
from datetime import timedelta
from functools import wraps

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from .models import Submission

FIELD = "submission_token"
TOKEN = re.compile(r"[0-9a-f]{32}")
KEPT = timedelta(days=1)  # long enough for any resend; older claims are pruned as new ones come
REPEATED = "That form was sent twice: it was acted on once, and this is where the first one went."


def new_token():
    return uuid.uuid4().hex


def acts_once(view):
    """Wrap a POST view so that its form's token is acted on once. A POST without a token (an older
    page, a client of its own) is handled as before; an answer that is not a redirect (the form again,
    with errors) releases the token, since nothing was done and the corrected form may be sent."""

    @wraps(view)
    def once(request, *args, **kwargs):
        token = request.POST.get(FIELD, "") if request.method == "POST" else ""
        if not TOKEN.fullmatch(token) or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        with transaction.atomic():
            try:
                with transaction.atomic():
                    claim = Submission.objects.create(user=request.user, token=token)
            except IntegrityError:
                return _repeat(request, token)
            response = view(request, *args, **kwargs)
            if response.status_code in (301, 302, 303):
                claim.location = response["Location"]
                claim.save(update_fields=["location"])
            else:
                claim.delete()
        Submission.objects.filter(user=request.user, created_at__lt=timezone.now() - KEPT).delete()
        return response

    return once


def _repeat(request, token):
    location = Submission.objects.filter(user=request.user, token=token).values_list("location", flat=True).first()
    if not location:
        referer = request.META.get("HTTP_REFERER", "")
        safe = url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()})
        location = referer if safe else "/"
    messages.info(request, REPEATED)
    return redirect(location)

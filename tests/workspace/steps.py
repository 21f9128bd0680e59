def step_url(zdr_request, step):
    return f"/requests/{zdr_request.pk}/steps/{step}/"

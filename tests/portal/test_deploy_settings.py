import json
import os
import subprocess
import sys

from django.conf import settings


def test_production_settings_pass_the_deploy_checklist():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},  # set for Playwright only
        "DJANGO_SETTINGS_MODULE": "zdrportal.settings.production",
        "SECRET_KEY": "k" * 20 + "a-long-random-production-secret-value-0123456789",
        "ALLOWED_HOSTS": "zdr.example.com",
        "SITE_URL": "https://zdr.example.com",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "zdrportal.settings.production"
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR, env=env,
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def _local_settings(**env):
    """Settings as `make run` loads them: the environment (PORT, DEBUG, ...) of that command only."""
    environment = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SITE_URL", "PORT", "SECRET_KEY")}
    environment.update(DJANGO_SETTINGS_MODULE="zdrportal.settings.local", **env)
    code = ("import django, json; django.setup(); from django.conf import settings as s; "
            "from django.test import Client; css = Client().get('/static/css/portal.css', HTTP_HOST='127.0.0.1'); "
            "print(json.dumps([s.DEBUG, s.SITE_URL, s.CSRF_TRUSTED_ORIGINS, css.status_code]))")
    result = subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, env=environment,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_make_run_links_follow_its_port():
    debug, site_url, origins, _ = _local_settings(PORT="18802")
    assert site_url == "http://127.0.0.1:18802" and origins == ["http://127.0.0.1:18802"]


def test_make_run_shows_the_styled_error_pages_unless_debug_is_asked_for():
    debug, _, _, static = _local_settings()
    assert debug is False and static == 200  # the styles still load
    assert _local_settings(DEBUG="1")[0] is True

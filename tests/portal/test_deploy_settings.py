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

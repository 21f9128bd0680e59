from django.apps import AppConfig


class FoundationConfig(AppConfig):
    """The bottom layer: what every app may import. It imports no app of the project."""

    name = "apps.foundation"
    label = "foundation"

    def ready(self):
        from . import changes  # noqa: F401 - connects the write watcher to every database connection

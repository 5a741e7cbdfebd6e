from django.apps import AppConfig


class WireConfig(AppConfig):
    name = "nashra.wire"
    label = "nashra_wire"
    verbose_name = "Wire desk"
    default_auto_field = "django.db.models.BigAutoField"

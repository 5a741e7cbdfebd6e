"""The UAE's published Jumu'ah times: 13:15 since the 2022 weekend change, 12:45 from 2026."""

import datetime as dt

from django.db import migrations

SEED = [
    (dt.date(2022, 1, 7), dt.time(13, 15), "UAE weekend change: Friday prayer at 1.15 PM"),
    (dt.date(2026, 1, 2), dt.time(12, 45), "GAIAE: Friday prayer moved to 12.45 PM"),
]


def seed(apps, schema_editor):
    JumuahTime = apps.get_model("prayer", "JumuahTime")
    for starts_on, time, note in SEED:
        JumuahTime.objects.get_or_create(starts_on=starts_on, defaults={"time": time, "note": note})


def unseed(apps, schema_editor):
    JumuahTime = apps.get_model("prayer", "JumuahTime")
    JumuahTime.objects.filter(starts_on__in=[s[0] for s in SEED]).delete()


class Migration(migrations.Migration):
    dependencies = [("prayer", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]

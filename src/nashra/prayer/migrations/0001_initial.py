from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="JumuahTime",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("starts_on", models.DateField(unique=True, verbose_name="starts on")),
                ("time", models.TimeField(verbose_name="time")),
                ("note", models.CharField(blank=True, max_length=200, verbose_name="note")),
            ],
            options={
                "verbose_name": "Jumu'ah time",
                "verbose_name_plural": "Jumu'ah times",
                "ordering": ["starts_on"],
            },
        ),
    ]

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0010_breaking_news_snippet")]

    operations = [
        migrations.CreateModel(
            name="DemoLoad",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("loaded_at", models.DateTimeField(auto_now_add=True)),
                (
                    "content_loaded",
                    models.BooleanField(
                        default=True,
                        help_text=(
                            "False when the site already had content and the demo was skipped"
                        ),
                    ),
                ),
            ],
        ),
    ]

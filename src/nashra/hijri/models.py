"""Editors' corrections to Umm al-Qura, one row per Hijri month the UAE observes differently."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from nashra.engines.hijri import MAX_OFFSET, MONTHS_EN


class HijriMonth(models.IntegerChoices):
    MUHARRAM = 1, MONTHS_EN[0]
    SAFAR = 2, MONTHS_EN[1]
    RABI_AL_AWWAL = 3, MONTHS_EN[2]
    RABI_AL_THANI = 4, MONTHS_EN[3]
    JUMADA_AL_AWWAL = 5, MONTHS_EN[4]
    JUMADA_AL_THANI = 6, MONTHS_EN[5]
    RAJAB = 7, MONTHS_EN[6]
    SHABAN = 8, MONTHS_EN[7]
    RAMADAN = 9, MONTHS_EN[8]
    SHAWWAL = 10, MONTHS_EN[9]
    DHU_AL_QIDAH = 11, MONTHS_EN[10]
    DHU_AL_HIJJAH = 12, MONTHS_EN[11]


class HijriMonthOffset(models.Model):
    year = models.PositiveSmallIntegerField(
        _("Hijri year"), validators=[MinValueValidator(1343), MaxValueValidator(1500)]
    )
    month = models.PositiveSmallIntegerField(_("Hijri month"), choices=HijriMonth.choices)
    offset = models.SmallIntegerField(
        _("offset in days"),
        validators=[MinValueValidator(-MAX_OFFSET), MaxValueValidator(MAX_OFFSET)],
        help_text=_(
            "Days the month begins later in the UAE than in Umm al-Qura (negative: earlier)."
        ),
    )

    panels = [FieldPanel("year"), FieldPanel("month"), FieldPanel("offset")]

    class Meta:
        verbose_name = _("Hijri month offset")
        verbose_name_plural = _("Hijri month offsets")
        ordering = ["-year", "-month"]
        constraints = [
            models.UniqueConstraint(fields=["year", "month"], name="hijri_one_offset_per_month"),
            models.CheckConstraint(
                condition=models.Q(offset__gte=-MAX_OFFSET, offset__lte=MAX_OFFSET),
                name="hijri_offset_within_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_month_display()} {self.year}: {self.offset:+d}"

"""The observed Hijri date: the engine's Umm al-Qura dates plus the editors' offsets."""

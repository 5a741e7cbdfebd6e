"""Reader-facing search: /search/ over both editions, through Wagtail's search backend."""

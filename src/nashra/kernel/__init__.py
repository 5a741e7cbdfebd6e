"""The kernel: what every Nashra app stands on, importing no app.

`cache` (every cache key and the one purge), `clock` (Dubai time), `env` (typed settings
readers), `database` (DATABASE_URL), `urls` (absolute public URLs), `conditional`
(ETag/Last-Modified), `errors` (`CommandError`) and `bootstrap` (starting Django from the
command line). Apps import the kernel; the kernel imports Django, Wagtail and the
engines, never an app or the shell (`tests/test_layers.py` keeps it so).
"""

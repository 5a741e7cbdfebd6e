"""The wire desk: agency copy (NewsML-G2, NITF, NewsML 1.2, ninjs, RSS/Atom) read by the
pure engine in `nashra.engines.wire`, and its `nashra wire` commands."""

"""The newsroom's read API: published articles and sections as JSON (see docs/search-feeds-api.md).

- `endpoints`: the three operations, thin;
- `schemas`: what OpenAPI publishes; `serialise`: articles and sections as those shapes;
- `listing`: parameters to one page of articles; `cursor`: the opaque page cursor;
- `body`: the article body as sanitised HTML and as blocks;
- `freshness`: the cheap fingerprint behind ETag and Last-Modified.
What counts as published lives in `nashra.newsroom.published`.
"""

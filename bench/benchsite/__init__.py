"""A Django site for the benchmark only: Vitrin plus two reference points (see docs/performance.md).

- `/bench/ceiling/`: a bare Django view answering a constant small JSON through the same server,
  middleware and settings — what the framework can do at all.
- `/bench/naive/...`: the same endpoints as Vitrin's, written the plain way (DRF `ModelViewSet`,
  nested `ModelSerializer`s, `PageNumberPagination` with its COUNT, no cache, no annotations).

Never part of the product's URLs: only `bench/run.py` serves this site.
"""

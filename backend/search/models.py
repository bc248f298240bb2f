"""Search has no models of its own: it indexes products (see migrations/ and sqlite_index.py)."""

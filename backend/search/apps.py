from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "search"

    def ready(self) -> None:
        from search.sqlite_index import ensure_sqlite_search_index

        post_migrate.connect(ensure_sqlite_search_index, sender=self, dispatch_uid="search-sqlite-index")

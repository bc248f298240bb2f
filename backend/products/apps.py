from django.apps import AppConfig


class ProductsConfig(AppConfig):
    name = "products"

    def ready(self) -> None:
        import products.schema  # noqa: F401  (registers the schema extension of StringListField)

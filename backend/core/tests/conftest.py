import pytest

from products.services import product_view_counts_take


@pytest.fixture(autouse=True)
def _no_views_left_from_other_tests() -> None:
    """Views counted by earlier tests wait in this process's buffer (on the in-process cache),
    under ids that the products of this test may reuse."""
    product_view_counts_take()

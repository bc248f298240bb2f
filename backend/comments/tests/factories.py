"""Test data. Factories write rows directly, so they leave `Product.comment_count` alone:
tests of the counter create and delete comments through the API."""

import factory

from comments.models import Comment
from products.models import Product
from products.tests.factories import ProductFactory
from users.tests.factories import UserFactory


class CommentFactory(factory.django.DjangoModelFactory[Comment]):
    """A top-level comment, or with `parent=` a reply in the parent's thread and product."""

    class Meta:
        model = Comment

    parent = None
    product = factory.Maybe(
        "parent",
        yes_declaration=factory.SelfAttribute("parent.product"),
        no_declaration=factory.SubFactory(ProductFactory),
    )
    root = factory.LazyAttribute(
        lambda comment: None if comment.parent is None else comment.parent.root or comment.parent
    )
    author = factory.SubFactory(UserFactory)
    content = factory.Sequence(lambda n: f"Comment number {n}.")


def thread_factory(*, product: Product, size: int, depth: int) -> Comment:
    """A thread of `size` comments, its top-level one included, whose deepest reply sits
    `depth` levels under it: a chain of `depth` replies, the rest spread along that chain."""
    assert size > depth
    chain = [CommentFactory.create(product=product)]
    for _ in range(depth):
        chain.append(CommentFactory.create(parent=chain[-1]))
    for number in range(size - 1 - depth):
        CommentFactory.create(parent=chain[number % len(chain)])
    return chain[0]

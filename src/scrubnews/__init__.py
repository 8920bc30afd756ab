r"""scrubnews: turn raw scraped news articles into clean archival records.

    >>> import scrubnews
    >>> article = scrubnews.clean(b"A headline\n\nBy Jo Bloggs\n\nThe article text goes here.")
    >>> article.title
    'A headline'
"""

from scrubnews.article import Article, Block, Removal, Source
from scrubnews.config import Config
from scrubnews.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    ScrubnewsError,
    TooLargeInputError,
)
from scrubnews.pipeline import clean

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BinaryInputError",
    "Block",
    "Config",
    "EmptyInputError",
    "InputError",
    "Removal",
    "ScrubnewsError",
    "Source",
    "TooLargeInputError",
    "__version__",
    "clean",
]

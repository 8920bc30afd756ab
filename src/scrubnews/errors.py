"""Typed errors raised by the core; the CLI turns each into one clean line."""


class ScrubnewsError(Exception):
    """Base class of every error scrubnews raises on purpose."""


class InputError(ScrubnewsError):
    """The input cannot be cleaned; the message says why, in a few words."""


class EmptyInputError(InputError):
    """The input holds no text at all."""

    def __init__(self) -> None:
        super().__init__("empty input: no text to clean")


class BinaryInputError(InputError):
    """The input is binary data (an image, a PDF, an archive), not text."""

    def __init__(self, what: str) -> None:
        super().__init__(f"binary input ({what}), not a text dump or HTML page")


class TooLargeInputError(InputError):
    """The input is larger than ``Config.max_input_bytes``."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"input too large (over {limit / 2**20:g} MB), not a news article")

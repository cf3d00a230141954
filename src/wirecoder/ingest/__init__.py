"""Reading inputs: files, folders, stdin, JSON Lines, HTML pages and WARC archives.

``iter_inputs`` turns paths into :class:`Input` items, one per article, in
order. An input that cannot be read still yields an ``Input`` whose ``error``
is set, so that the output keeps one line per input. ``prepare`` turns an
``Input`` into a :class:`~wirecoder.record.Record` with its final ``text``.
"""

from .inputs import Input
from .readers import Reader, iter_inputs
from .prepare import prepare

__all__ = ["Input", "Reader", "iter_inputs", "prepare"]

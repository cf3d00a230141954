"""wirecoder: who said what, and who did what to whom, when and where, in news text.

The library comes first; the CLI, the HTTP API and the Spark job are thin shells over it::

    import wirecoder
    record = wirecoder.code("MOSCOW, September 29. /TASS/. The Kremlin said ...")
    record.statements, record.events
"""

__version__ = "0.7.0"

from .errors import ArticleTimeout, InputError, ModelNotFound, StoreError, WirecoderError  # noqa: E402
from .record import ErrorRecord, Event, Record, Span, Statement  # noqa: E402
from .settings import Settings  # noqa: E402
from .pipeline import Coder, code, code_many  # noqa: E402

__all__ = [
    "__version__",
    "Coder",
    "code",
    "code_many",
    "Record",
    "ErrorRecord",
    "Span",
    "Statement",
    "Event",
    "Settings",
    "WirecoderError",
    "InputError",
    "ArticleTimeout",
    "ModelNotFound",
    "StoreError",
]

"""Accuracy measures against annotated data, one module per data set (``naeb``, ``polnear``, ``cameo``).

Each module has ``evaluate(...) -> dict`` and ``format_table(dict) -> str``;
``wirecoder eval <name>`` prints one or the other (``--json``).
"""

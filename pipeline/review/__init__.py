"""The systematic-review step: tables for spreadsheets (``export``), an HTML page to read the
extraction beside the text (``html``), evaluation reports with plots (``report``) and the filters a
review needs (``filters``)."""

from .filters import RecordFilter  # noqa: F401

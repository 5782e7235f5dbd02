"""Web UI and REST API over a store (FastAPI + Jinja2); ``create_app`` and ``serve`` live in ``app``."""

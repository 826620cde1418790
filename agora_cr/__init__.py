"""agora-cr: a typed client for Agora Cloud Recording (REST v1)."""

__version__ = "0.1.0"

"""A client library for accessing Agora Cloud Recording RESTful API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)

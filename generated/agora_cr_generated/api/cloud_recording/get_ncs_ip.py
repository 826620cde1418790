from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.gateway_error import GatewayError
from ...models.ncs_ip_response import NcsIpResponse
from ...models.service_error import ServiceError
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/ncs/ip",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GatewayError | ServiceError | NcsIpResponse | None:
    if response.status_code == 200:
        response_200 = NcsIpResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:

        def _parse_response_401(data: object) -> GatewayError | ServiceError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_body_type_0 = ServiceError.from_dict(data)

                return componentsschemas_error_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_body_type_1 = GatewayError.from_dict(data)

            return componentsschemas_error_body_type_1

        response_401 = _parse_response_401(response.json())

        return response_401

    if response.status_code == 404:

        def _parse_response_404(data: object) -> GatewayError | ServiceError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_body_type_0 = ServiceError.from_dict(data)

                return componentsschemas_error_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_body_type_1 = GatewayError.from_dict(data)

            return componentsschemas_error_body_type_1

        response_404 = _parse_response_404(response.json())

        return response_404

    if response.status_code == 429:

        def _parse_response_429(data: object) -> GatewayError | ServiceError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_body_type_0 = ServiceError.from_dict(data)

                return componentsschemas_error_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_body_type_1 = GatewayError.from_dict(data)

            return componentsschemas_error_body_type_1

        response_429 = _parse_response_429(response.json())

        return response_429

    if response.status_code == 500:

        def _parse_response_500(data: object) -> GatewayError | ServiceError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_body_type_0 = ServiceError.from_dict(data)

                return componentsschemas_error_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_body_type_1 = GatewayError.from_dict(data)

            return componentsschemas_error_body_type_1

        response_500 = _parse_response_500(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GatewayError | ServiceError | NcsIpResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[GatewayError | ServiceError | NcsIpResponse]:
    """List the IP addresses of the message-notification (NCS) servers.

     Agora rotates these addresses; re-query at least every 24 hours and update the firewall
    allow-list. Only `primaryIP` matters. Some sources give the path as `/v2/ncs/ip`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GatewayError | ServiceError | NcsIpResponse]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> GatewayError | ServiceError | NcsIpResponse | None:
    """List the IP addresses of the message-notification (NCS) servers.

     Agora rotates these addresses; re-query at least every 24 hours and update the firewall
    allow-list. Only `primaryIP` matters. Some sources give the path as `/v2/ncs/ip`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GatewayError | ServiceError | NcsIpResponse
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[GatewayError | ServiceError | NcsIpResponse]:
    """List the IP addresses of the message-notification (NCS) servers.

     Agora rotates these addresses; re-query at least every 24 hours and update the firewall
    allow-list. Only `primaryIP` matters. Some sources give the path as `/v2/ncs/ip`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GatewayError | ServiceError | NcsIpResponse]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> GatewayError | ServiceError | NcsIpResponse | None:
    """List the IP addresses of the message-notification (NCS) servers.

     Agora rotates these addresses; re-query at least every 24 hours and update the firewall
    allow-list. Only `primaryIP` matters. Some sources give the path as `/v2/ncs/ip`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GatewayError | ServiceError | NcsIpResponse
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed


# Public handles used by agora_cr (codegen/templates/endpoint_module.py.jinja): the handwritten client
# sends with its own httpx clients (failover needs per-host URLs) and takes these from here.
OPERATION_ID = "getNcsIp"
METHOD = "GET"
PATH = "/v1/ncs/ip"
PATH_PARAMETERS: tuple[str, ...] = ()


def path() -> str:
    """The request path with every parameter percent-encoded (unreserved characters need no encoding)."""
    return PATH


def parse(
    status_code: int, data: object
) -> GatewayError | ServiceError | NcsIpResponse | None:
    """The documented model for an already decoded JSON body; ``None`` for an undocumented status."""
    if status_code == 200:
        response_200 = NcsIpResponse.from_dict(data)

        return response_200

    if status_code == 401:

        def _parse_response_401(data: object) -> GatewayError | ServiceError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_body_type_0 = ServiceError.from_dict(data)

                return componentsschemas_error_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_body_type_1 = GatewayError.from_dict(data)

            return componentsschemas_error_body_type_1

        response_401 = _parse_response_401(data)

        return response_401

    if status_code == 404:

        def _parse_response_404(data: object) -> GatewayError | ServiceError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_body_type_0 = ServiceError.from_dict(data)

                return componentsschemas_error_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_body_type_1 = GatewayError.from_dict(data)

            return componentsschemas_error_body_type_1

        response_404 = _parse_response_404(data)

        return response_404

    if status_code == 429:

        def _parse_response_429(data: object) -> GatewayError | ServiceError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_body_type_0 = ServiceError.from_dict(data)

                return componentsschemas_error_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_body_type_1 = GatewayError.from_dict(data)

            return componentsschemas_error_body_type_1

        response_429 = _parse_response_429(data)

        return response_429

    if status_code == 500:

        def _parse_response_500(data: object) -> GatewayError | ServiceError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_body_type_0 = ServiceError.from_dict(data)

                return componentsschemas_error_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_body_type_1 = GatewayError.from_dict(data)

            return componentsschemas_error_body_type_1

        response_500 = _parse_response_500(data)

        return response_500

    return None

from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.acquire_request import AcquireRequest
from ...models.acquire_response import AcquireResponse
from ...models.acquire_web_request import AcquireWebRequest
from ...models.gateway_error import GatewayError
from ...models.service_error import ServiceError
from ...types import Response


def _get_kwargs(
    appid: str,
    *,
    body: AcquireRequest | AcquireWebRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/apps/{appid}/cloud_recording/acquire".format(
            appid=quote(str(appid), safe=""),
        ),
    }

    if isinstance(body, AcquireRequest):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AcquireResponse | GatewayError | ServiceError | None:
    if response.status_code == 200:
        response_200 = AcquireResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:

        def _parse_response_400(data: object) -> GatewayError | ServiceError:
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

        response_400 = _parse_response_400(response.json())

        return response_400

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

    if response.status_code == 504:

        def _parse_response_504(data: object) -> GatewayError | ServiceError:
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

        response_504 = _parse_response_504(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AcquireResponse | GatewayError | ServiceError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    appid: str,
    *,
    client: AuthenticatedClient | Client,
    body: AcquireRequest | AcquireWebRequest,
) -> Response[AcquireResponse | GatewayError | ServiceError]:
    """Acquire a resource ID for one recording session.

     Returns a resource ID valid for 5 minutes; call `start` with it (ideally within 2 seconds).
    Not idempotent: each call yields a new resource ID. Web mode must use `scene: 1`.

    Args:
        appid (str):
        body (AcquireRequest | AcquireWebRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AcquireResponse | GatewayError | ServiceError]
    """

    kwargs = _get_kwargs(
        appid=appid,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appid: str,
    *,
    client: AuthenticatedClient | Client,
    body: AcquireRequest | AcquireWebRequest,
) -> AcquireResponse | GatewayError | ServiceError | None:
    """Acquire a resource ID for one recording session.

     Returns a resource ID valid for 5 minutes; call `start` with it (ideally within 2 seconds).
    Not idempotent: each call yields a new resource ID. Web mode must use `scene: 1`.

    Args:
        appid (str):
        body (AcquireRequest | AcquireWebRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AcquireResponse | GatewayError | ServiceError
    """

    return sync_detailed(
        appid=appid,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    appid: str,
    *,
    client: AuthenticatedClient | Client,
    body: AcquireRequest | AcquireWebRequest,
) -> Response[AcquireResponse | GatewayError | ServiceError]:
    """Acquire a resource ID for one recording session.

     Returns a resource ID valid for 5 minutes; call `start` with it (ideally within 2 seconds).
    Not idempotent: each call yields a new resource ID. Web mode must use `scene: 1`.

    Args:
        appid (str):
        body (AcquireRequest | AcquireWebRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AcquireResponse | GatewayError | ServiceError]
    """

    kwargs = _get_kwargs(
        appid=appid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appid: str,
    *,
    client: AuthenticatedClient | Client,
    body: AcquireRequest | AcquireWebRequest,
) -> AcquireResponse | GatewayError | ServiceError | None:
    """Acquire a resource ID for one recording session.

     Returns a resource ID valid for 5 minutes; call `start` with it (ideally within 2 seconds).
    Not idempotent: each call yields a new resource ID. Web mode must use `scene: 1`.

    Args:
        appid (str):
        body (AcquireRequest | AcquireWebRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AcquireResponse | GatewayError | ServiceError
    """

    return (
        await asyncio_detailed(
            appid=appid,
            client=client,
            body=body,
        )
    ).parsed


# Public handles used by agora_cr (codegen/templates/endpoint_module.py.jinja): the handwritten client
# sends with its own httpx clients (failover needs per-host URLs) and takes these from here.
OPERATION_ID = "acquire"
METHOD = "POST"
PATH = "/v1/apps/{appid}/cloud_recording/acquire"
PATH_PARAMETERS: tuple[str, ...] = ("appid",)
# RFC 3986 unreserved characters: a value made only of these is its own percent-encoding.
import re as _re

_UNRESERVED = _re.compile(r"[A-Za-z0-9._~-]*")


def path(
    appid: str,
) -> str:
    """The request path with every parameter percent-encoded (unreserved characters need no encoding)."""
    return PATH.format(
        appid=appid if _UNRESERVED.fullmatch(appid) else quote(appid, safe=""),
    )


def parse(
    status_code: int, data: object
) -> AcquireResponse | GatewayError | ServiceError | None:
    """The documented model for an already decoded JSON body; ``None`` for an undocumented status."""
    if status_code == 200:
        response_200 = AcquireResponse.from_dict(data)

        return response_200

    if status_code == 400:

        def _parse_response_400(data: object) -> GatewayError | ServiceError:
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

        response_400 = _parse_response_400(data)

        return response_400

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

    if status_code == 504:

        def _parse_response_504(data: object) -> GatewayError | ServiceError:
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

        response_504 = _parse_response_504(data)

        return response_504

    return None

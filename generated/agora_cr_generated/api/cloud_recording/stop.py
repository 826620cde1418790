from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.gateway_error import GatewayError
from ...models.mode import Mode
from ...models.service_error import ServiceError
from ...models.stop_request import StopRequest
from ...models.stop_response import StopResponse
from ...types import Response


def _get_kwargs(
    appid: str,
    resourceid: str,
    sid: str,
    mode: Mode,
    *,
    body: StopRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/stop".format(
            appid=quote(str(appid), safe=""),
            resourceid=quote(str(resourceid), safe=""),
            sid=quote(str(sid), safe=""),
            mode=quote(str(mode), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GatewayError | ServiceError | ServiceError | StopResponse | None:
    if response.status_code == 200:
        response_200 = StopResponse.from_dict(response.json())

        return response_200

    if response.status_code == 206:
        response_206 = ServiceError.from_dict(response.json())

        return response_206

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
) -> Response[GatewayError | ServiceError | ServiceError | StopResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    appid: str,
    resourceid: str,
    sid: str,
    mode: Mode,
    *,
    client: AuthenticatedClient | Client,
    body: StopRequest,
) -> Response[GatewayError | ServiceError | ServiceError | StopResponse]:
    """Stop recording and leave the channel.

     To record again, acquire a new resource ID. A repeated stop (or a task already exiting)
    answers `400 {code: 49}`; a synchronous stop whose upload exceeds ~20 s may answer code 50 or
    HTTP 206.

    Args:
        appid (str):
        resourceid (str):
        sid (str):
        mode (Mode): Recording mode.
        body (StopRequest): Stop body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GatewayError | ServiceError | ServiceError | StopResponse]
    """

    kwargs = _get_kwargs(
        appid=appid,
        resourceid=resourceid,
        sid=sid,
        mode=mode,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appid: str,
    resourceid: str,
    sid: str,
    mode: Mode,
    *,
    client: AuthenticatedClient | Client,
    body: StopRequest,
) -> GatewayError | ServiceError | ServiceError | StopResponse | None:
    """Stop recording and leave the channel.

     To record again, acquire a new resource ID. A repeated stop (or a task already exiting)
    answers `400 {code: 49}`; a synchronous stop whose upload exceeds ~20 s may answer code 50 or
    HTTP 206.

    Args:
        appid (str):
        resourceid (str):
        sid (str):
        mode (Mode): Recording mode.
        body (StopRequest): Stop body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GatewayError | ServiceError | ServiceError | StopResponse
    """

    return sync_detailed(
        appid=appid,
        resourceid=resourceid,
        sid=sid,
        mode=mode,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    appid: str,
    resourceid: str,
    sid: str,
    mode: Mode,
    *,
    client: AuthenticatedClient | Client,
    body: StopRequest,
) -> Response[GatewayError | ServiceError | ServiceError | StopResponse]:
    """Stop recording and leave the channel.

     To record again, acquire a new resource ID. A repeated stop (or a task already exiting)
    answers `400 {code: 49}`; a synchronous stop whose upload exceeds ~20 s may answer code 50 or
    HTTP 206.

    Args:
        appid (str):
        resourceid (str):
        sid (str):
        mode (Mode): Recording mode.
        body (StopRequest): Stop body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GatewayError | ServiceError | ServiceError | StopResponse]
    """

    kwargs = _get_kwargs(
        appid=appid,
        resourceid=resourceid,
        sid=sid,
        mode=mode,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appid: str,
    resourceid: str,
    sid: str,
    mode: Mode,
    *,
    client: AuthenticatedClient | Client,
    body: StopRequest,
) -> GatewayError | ServiceError | ServiceError | StopResponse | None:
    """Stop recording and leave the channel.

     To record again, acquire a new resource ID. A repeated stop (or a task already exiting)
    answers `400 {code: 49}`; a synchronous stop whose upload exceeds ~20 s may answer code 50 or
    HTTP 206.

    Args:
        appid (str):
        resourceid (str):
        sid (str):
        mode (Mode): Recording mode.
        body (StopRequest): Stop body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GatewayError | ServiceError | ServiceError | StopResponse
    """

    return (
        await asyncio_detailed(
            appid=appid,
            resourceid=resourceid,
            sid=sid,
            mode=mode,
            client=client,
            body=body,
        )
    ).parsed


# Public handles used by agora_cr (codegen/templates/endpoint_module.py.jinja): the handwritten client
# sends with its own httpx clients (failover needs per-host URLs) and takes these from here.
OPERATION_ID = "stop"
METHOD = "POST"
PATH = "/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/stop"
PATH_PARAMETERS: tuple[str, ...] = (
    "appid",
    "resourceid",
    "sid",
    "mode",
)
# RFC 3986 unreserved characters: a value made only of these is its own percent-encoding.
import re as _re

_UNRESERVED = _re.compile(r"[A-Za-z0-9._~-]*")


def path(
    appid: str,
    resourceid: str,
    sid: str,
    mode: str,
) -> str:
    """The request path with every parameter percent-encoded (unreserved characters need no encoding)."""
    return PATH.format(
        appid=appid if _UNRESERVED.fullmatch(appid) else quote(appid, safe=""),
        resourceid=resourceid
        if _UNRESERVED.fullmatch(resourceid)
        else quote(resourceid, safe=""),
        sid=sid if _UNRESERVED.fullmatch(sid) else quote(sid, safe=""),
        mode=mode if _UNRESERVED.fullmatch(mode) else quote(mode, safe=""),
    )


def parse(
    status_code: int, data: object
) -> GatewayError | ServiceError | ServiceError | StopResponse | None:
    """The documented model for an already decoded JSON body; ``None`` for an undocumented status."""
    if status_code == 200:
        response_200 = StopResponse.from_dict(data)

        return response_200

    if status_code == 206:
        response_206 = ServiceError.from_dict(data)

        return response_206

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

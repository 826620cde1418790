"""Point the official ``agora-rest-client`` 0.2.0 at the emulator, inside the harness process only.

What the official SDK does on its own, and what this module changes (nothing else is touched):

* ``Domain.run`` resolves ``api-us-west-1.agora.io`` / ``...sd-rtn.com`` with ``socket.gethostbyname`` in
  one thread per suffix, keeps the fastest suffix, and starts a *non-daemon* thread that re-probes DNS
  every 30 s forever (``schedule`` + ``while True``), so a process using it never exits by itself.
  Replaced by: set the logger and a one-entry domain list (``127.0.0.1:PORT`` of the emulator); no DNS,
  no probing thread. Probing happens once per client build, not per call, so this does not change the
  per-call cost we compare.
* ``Client.get_api_url`` hard-codes ``https://``; replaced by the same formatting with ``http://`` (the
  emulator serves plain HTTP on loopback).

Left as shipped, because they are the SDK's per-call cost: ``requests.request`` per call (a new TCP
connection each time, no ``Session``), ``func_timeout`` (a new thread per call), ``uuid.uuid1()`` trace
IDs, debug-log calls, ``RequestObject.to_dict`` (``dir()`` walks), response-object construction.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from common import APP_ID, CUSTOMER_ID, CUSTOMER_SECRET, RECORDING_CONFIG, STORAGE_CONFIG, TOKEN


def patch_official(base_url: str) -> None:
    from agora_rest_client.core import client as core_client
    from agora_rest_client.core import domain as core_domain

    host = urlsplit(base_url).netloc  # "127.0.0.1:PORT"

    def run(self: Any, logger: Any) -> None:
        if self._logger is not None:  # same "avoid duplicate run" guard as the original
            return
        self.set_logger(logger)
        self._domain_list = [host]

    def get_api_url(self: Any, host: str, url: str, service_region: Any = None) -> str:
        return f"http://{host}{url}" if service_region is None else f"http://{host}/{service_region}{url}"

    core_domain.Domain.run = run
    core_client.Client.get_api_url = get_api_url


class OfficialMix:
    """The official mix-recording client, built the way its README shows, on the emulator."""

    def __init__(self, base_url: str) -> None:
        patch_official(base_url)
        from agora_rest_client.core.domain import Domain, EndpointRegion
        from agora_rest_client.services.cloud_recording.v1.mix_recording import api_start
        from agora_rest_client.services.cloud_recording.v1.mix_recording.mix_recording_client import (
            MixRecordingClient,
        )

        self.client = (
            MixRecordingClient.new_builder()
            .with_app_id(APP_ID)
            .with_credential_basic_auth(CUSTOMER_ID, CUSTOMER_SECRET)
            .with_domain(Domain(EndpointRegion.US.value))
            .with_http_timeout_seconds(10)
            .build()
        )
        # Built once, like an application holding its storage/recording settings.
        self.storage_config = api_start.StorageConfig(**STORAGE_CONFIG)
        self.recording_config = api_start.RecordingConfig(**RECORDING_CONFIG)

    def acquire(self, cname: str, uid: str) -> str:
        return str(self.client.acquire(cname, uid).resourceId)

    def start(self, resource_id: str, cname: str, uid: str) -> str:
        response = self.client.start(
            resource_id, cname, uid, TOKEN, self.storage_config, recording_config=self.recording_config
        )
        return str(response.sid)

    def query(self, resource_id: str, sid: str) -> Any:
        return self.client.query(resource_id, sid)

    def stop(self, resource_id: str, sid: str, cname: str, uid: str) -> Any:
        return self.client.stop(resource_id, sid, cname, uid)

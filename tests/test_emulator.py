"""The emulator over real HTTP: auth, routing, validation, examples, state machine, responses."""

from __future__ import annotations

import base64
import copy
import json
import re
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from agora_cr.testing import Emulator
from agora_cr_generated.models import AcquireResponse, QueryResponse, SessionResponse, StopResponse

EXAMPLES = Path(__file__).parent / "data" / "reference_examples"
if not EXAMPLES.is_dir():  # pragma: no cover - fall back to the shared reference material
    EXAMPLES = Path("/work/shared/reference/examples")
DELETE = object()


def example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text())
    return data


def with_change(body: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """Copy of ``body`` with the field at dotted ``path`` (``[i]`` for indices) set or deleted."""
    changed = copy.deepcopy(body)
    keys: list[str | int] = [int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", path)]
    node: Any = changed
    for key in keys[:-1]:
        node = node[key]
    if value is DELETE:
        del node[keys[-1]]
    else:
        node[keys[-1]] = value
    return changed


class Api:
    """Thin raw-HTTP helper around one emulator."""

    def __init__(self, emu: Emulator, client: httpx.Client) -> None:
        self.emu = emu
        self.http = client
        self.app = emu.app_id

    def acquire(self, cname: str = "demo_channel", uid: str = "527841", **client: Any) -> httpx.Response:
        body = {"cname": cname, "uid": uid, "clientRequest": client}
        return self.http.post(f"/v1/apps/{self.app}/cloud_recording/acquire", json=body)

    def rid(self, cname: str = "demo_channel", uid: str = "527841", **client: Any) -> str:
        response = self.acquire(cname, uid, **client)
        assert response.status_code == 200, response.text
        return str(response.json()["resourceId"])

    def start(self, rid: str, mode: str, body: dict[str, Any]) -> httpx.Response:
        return self.http.post(
            f"/v1/apps/{self.app}/cloud_recording/resourceid/{rid}/mode/{mode}/start", json=body
        )

    def started(self, mode: str, body: dict[str, Any]) -> tuple[str, str]:
        rid = self.rid(body["cname"], body["uid"], scene=1 if mode == "web" else 0)
        response = self.start(rid, mode, body)
        assert response.status_code == 200, response.text
        return rid, str(response.json()["sid"])

    def url(self, rid: str, sid: str, mode: str, op: str) -> str:
        return f"/v1/apps/{self.app}/cloud_recording/resourceid/{rid}/sid/{sid}/mode/{mode}/{op}"

    def query(self, rid: str, sid: str, mode: str) -> httpx.Response:
        return self.http.get(self.url(rid, sid, mode, "query"))

    def post(self, rid: str, sid: str, mode: str, op: str, body: dict[str, Any]) -> httpx.Response:
        return self.http.post(self.url(rid, sid, mode, op), json=body)

    def stop(
        self, rid: str, sid: str, mode: str, cname: str = "demo_channel", uid: str = "527841"
    ) -> httpx.Response:
        return self.post(rid, sid, mode, "stop", {"cname": cname, "uid": uid, "clientRequest": {}})


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(qps_limit=None) as emulator:
        yield emulator


@pytest.fixture
def api(emu: Emulator) -> Iterator[Api]:
    with httpx.Client(base_url=emu.base_url, auth=emu.auth, timeout=10) as client:
        yield Api(emu, client)


def names(response: httpx.Response, field: str) -> bool:
    """The 400 code 2 reason starts with the field's JSON path (or an item of it)."""
    reason = str(response.json()["reason"])
    return reason.startswith((field + ":", field + "["))


def error(response: httpx.Response) -> tuple[int, Any]:
    body = response.json()
    return response.status_code, body.get("code", body.get("message"))


# ---------------------------------------------------------------------------------------- basics
def test_starts_fast_with_random_or_given_credentials() -> None:
    began = time.perf_counter()
    with Emulator() as first, Emulator(app_id="app1", customer_id="cid", customer_secret="sec") as second:
        assert time.perf_counter() - began < 1.0
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", first.base_url)
        assert first.base_url != second.base_url
        assert len({first.app_id, first.customer_id, first.customer_secret}) == 3
        assert (second.app_id, second.customer_id, second.customer_secret) == ("app1", "cid", "sec")
        assert second.auth == ("cid", "sec")
        assert second.authorization == "Basic " + base64.b64encode(b"cid:sec").decode()
        assert first.hosts == {"primary": first.base_url}


def test_close_releases_the_port() -> None:
    emu = Emulator().start()
    url = emu.base_url
    emu.close()
    with pytest.raises(httpx.ConnectError):
        httpx.get(url + "/v1/ncs/ip", timeout=2)
    with pytest.raises(RuntimeError):
        _ = emu.base_url


@pytest.mark.parametrize("path", ["/v1/ncs/ip", "/v2/ncs/ip"])
def test_ncs_ip(api: Api, path: str) -> None:
    response = api.http.get(path)
    assert response.status_code == 200
    assert [h["primaryIP"] for h in response.json()["data"]["service"]["hosts"]]


# ------------------------------------------------------------------------------------------ auth
@pytest.mark.parametrize(
    ("auth", "message"),
    [
        (None, "Unauthorized"),
        ("Basic " + base64.b64encode(b"nobody:wrong").decode(), "Invalid authentication credentials"),
        ("Bearer abc", "Invalid authentication credentials"),
        ("Basic !!!not-base64", "Invalid authentication credentials"),
    ],
)
def test_auth_failures(emu: Emulator, auth: str | None, message: str) -> None:
    headers = {"Authorization": auth} if auth else {}
    response = httpx.post(
        f"{emu.base_url}/v1/apps/{emu.app_id}/cloud_recording/acquire",
        json=example("acquire__request__1"),
        headers=headers,
    )
    assert response.status_code == 401
    assert response.json() == {"message": message}


def test_unknown_app_id_is_unauthorized(api: Api) -> None:
    response = api.http.post(
        "/v1/apps/someoneelse/cloud_recording/acquire", json=example("acquire__request__1")
    )
    assert (response.status_code, response.json()) == (401, {"message": "Invalid authentication credentials"})


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/v1/apps/x/cloud_recording/nothing"),
        ("GET", "/v1/apps/x/cloud_recording/acquire"),
        ("POST", "/"),
    ],
)
def test_no_route(api: Api, method: str, path: str) -> None:
    response = api.http.request(method, path)
    assert (response.status_code, response.json()) == (404, {"message": "no Route matched with those values"})


def test_content_type_and_json_errors_are_code_8(api: Api) -> None:
    url = f"/v1/apps/{api.app}/cloud_recording/acquire"
    wrong_type = api.http.post(
        url, content=json.dumps(example("acquire__request__1")), headers={"Content-Type": "text/plain"}
    )
    bad_json = api.http.post(url, content=b"{not json", headers={"Content-Type": "application/json"})
    assert error(wrong_type) == (400, 8)
    assert error(bad_json) == (400, 8)


# ------------------------------------------------------------------------------ every example accepted
START_EXAMPLES = [
    (1, "individual"),
    (2, "individual"),
    (3, "individual"),
    (4, "individual"),
    (5, "mix"),
    (6, "web"),
    (7, "web"),
]


@pytest.mark.parametrize("number", [1, 2])
def test_acquire_examples_accepted(api: Api, number: int) -> None:
    response = api.http.post(
        f"/v1/apps/{api.app}/cloud_recording/acquire", json=example(f"acquire__request__{number}")
    )
    assert response.status_code == 200, response.text
    parsed = AcquireResponse.from_dict(response.json())
    assert len(parsed.resource_id) >= 64 and re.fullmatch(r"[A-Za-z0-9_-]+", parsed.resource_id)


@pytest.mark.parametrize(("number", "mode"), START_EXAMPLES)
def test_start_examples_accepted_and_stop_example(api: Api, number: int, mode: str) -> None:
    rid, sid = api.started(mode, example(f"start__request__{number}"))
    assert re.fullmatch(r"[0-9a-f]{32}", sid)
    stop = api.post(rid, sid, mode, "stop", example("stop__request__1"))
    assert stop.status_code == 200, stop.text
    StopResponse.from_dict(stop.json())


@pytest.mark.parametrize(
    ("number", "start", "mode"),
    [(1, 1, "individual"), (4, 1, "individual"), (1, 5, "mix"), (4, 5, "mix"), (2, 6, "web"), (3, 7, "web")],
)
def test_update_examples_accepted(api: Api, number: int, start: int, mode: str) -> None:
    rid, sid = api.started(mode, example(f"start__request__{start}"))
    response = api.post(rid, sid, mode, "update", example(f"update__request__{number}"))
    assert response.status_code == 200, response.text
    assert SessionResponse.from_dict(response.json()).sid == sid


def test_update_layout_example_accepted(api: Api) -> None:
    rid, sid = api.started("mix", example("start__request__5"))
    response = api.post(rid, sid, "mix", "updateLayout", example("updateLayout__request__1"))
    assert response.status_code == 200, response.text
    assert api.emu.sessions[0].layout["mixedVideoLayout"] == 3


# ------------------------------------------------------------------------------ one broken field -> code 2
BROKEN_START = [
    (1, "individual", "clientRequest.recordingConfig.maxIdleTime", 3),
    (2, "individual", "clientRequest.recordingConfig.streamMode", "fancy"),
    (3, "individual", "clientRequest.snapshotConfig.fileType", ["png"]),
    (4, "individual", "clientRequest.storageConfig.secretKey", DELETE),
    (5, "mix", "clientRequest.recordingConfig.transcodingConfig.width", 5000),
    (5, "mix", "clientRequest.recordingFileConfig.avFileType", ["mp4"]),
    (5, "mix", "clientRequest.storageConfig.vendor", 99),
    (5, "mix", "cname", "bad/channel*name"),
    (6, "web", "clientRequest.extensionServiceConfig.extensionServices[0].serviceParam.videoWidth", 100),
    (6, "web", "clientRequest.extensionServiceConfig.extensionServices[0].serviceParam.url", "ftp://x"),
    (
        7,
        "web",
        "clientRequest.extensionServiceConfig.extensionServices[1].serviceParam.outputs[0].rtmpUrl",
        "http://x",
    ),
    (7, "web", "clientRequest.storageConfig.bucket", ""),
    (6, "web", "uid", "0"),
]


@pytest.mark.parametrize(("number", "mode", "field", "value"), BROKEN_START)
def test_start_with_one_broken_field_names_it(
    api: Api, number: int, mode: str, field: str, value: Any
) -> None:
    body = with_change(example(f"start__request__{number}"), field, value)
    rid = api.rid(scene=1 if mode == "web" else 0)
    response = api.start(rid, mode, body)
    assert error(response) == (400, 2)
    assert names(response, field), response.json()


def test_accepted_client_request_still_checks_cname_uid_and_extra_fields(api: Api) -> None:
    """A clientRequest the emulator accepted once is not walked again, but every body still is
    checked whole: the same configuration with a bad cname or uid is refused, an extra field is a lint."""
    good = example("start__request__5")
    assert api.start(api.rid(good["cname"], good["uid"]), "mix", good).status_code == 200
    for field, value in [("cname", "bad/channel*name"), ("uid", "0"), ("uid", 7)]:
        body = with_change(good, field, value)
        response = api.start(api.rid(), "mix", body)
        assert error(response) == (400, 2), (field, response.text)
        assert names(response, field), response.json()
    body = with_change(good, "uid", DELETE)
    assert names(api.start(api.rid(), "mix", body), "uid")
    extra = with_change(with_change(good, "extra", 1), "uid", "527842")
    response = api.start(api.rid(uid="527842"), "mix", extra)
    assert response.status_code == 200 and response.headers["x-agora-cr-lint"] == "extra: unknown field"


#: Bodies the service takes though the spec documents them otherwise: taken with a lint (in the
#: request log and the X-Agora-CR-Lint header), refused only by Emulator(strict=True).
#: (start example, mode, operation, example of the operation or None for start, field, value)
LINTS = [
    (1, "individual", "start", None, "clientRequest.recordingConfig.transcodingConfig", {"width": 640}),
    (6, "web", "start", None, "clientRequest.unknownField", 1),
    (6, "web", "start", None, "clientRequest.extensionServiceConfig.errorHandlePolicy", ""),
    (5, "mix", "start", None, "clientRequest.recordingConfig.transcodingConfig.width", 8),
    (1, "individual", "update", "update__request__1", "clientRequest.streamSubscribe.audioUidList.subscribeAudioUids", []),
    (1, "individual", "update", "update__request__2", "clientRequest.webRecordingConfig", {"onhold": True}),
    (6, "web", "update", "update__request__1", "clientRequest.streamSubscribe", {}),
]  # fmt: skip


def _lint_case(api: Api, start: int, mode: str, op: str, name: str | None, field: str, value: Any) -> Any:
    if op == "start":
        body = with_change(example(f"start__request__{start}"), field, value)
        return api.start(api.rid(scene=1 if mode == "web" else 0), mode, body)
    rid, sid = api.started(mode, example(f"start__request__{start}"))
    return api.post(rid, sid, mode, op, with_change(example(str(name)), field, value))


@pytest.mark.parametrize(("start", "mode", "op", "name", "field", "value"), LINTS)
def test_a_lint_is_taken_reported_and_refused_when_strict(
    api: Api, start: int, mode: str, op: str, name: str | None, field: str, value: Any
) -> None:
    response = _lint_case(api, start, mode, op, name, field, value)
    assert response.status_code == 200, response.text
    assert response.headers["x-agora-cr-lint"].startswith(field)
    assert api.emu.requests[-1].warnings[0].startswith(field)
    with (
        Emulator(qps_limit=None, strict=True) as strict,
        httpx.Client(base_url=strict.base_url, auth=strict.auth, timeout=10) as http,
    ):
        response = _lint_case(Api(strict, http), start, mode, op, name, field, value)
    assert error(response) == (400, 2)
    assert names(response, field), response.json()


def test_documented_defaults_need_no_field(api: Api) -> None:
    """Without subscribeUidGroup, recordingFileConfig or even recordingConfig, the service applies its
    defaults (both of Agora's OpenAPI files require only storageConfig)."""
    for field in ("clientRequest.recordingConfig.subscribeUidGroup", "clientRequest.recordingFileConfig",
                  "clientRequest.recordingConfig"):  # fmt: skip
        body = with_change(example("start__request__1"), field, DELETE)
        uid = str(600000 + len(api.emu.requests))
        response = api.start(api.rid(uid=uid), "individual", with_change(body, "uid", uid))
        assert response.status_code == 200 and "x-agora-cr-lint" not in response.headers, response.text


@pytest.mark.parametrize(
    ("number", "field", "value"),
    [
        (1, "clientRequest.resourceExpiredHour", 0),
        (1, "clientRequest.scene", 5),
        (1, "uid", "0"),
        (1, "uid", 527841),
        (1, "cname", "bad/name"),
        (2, "clientRequest.resourceExpiredHour", 721),
        (2, "clientRequest.region", "MARS"),
        (2, "cname", DELETE),
    ],
)
def test_acquire_with_one_broken_field_names_it(api: Api, number: int, field: str, value: Any) -> None:
    body = with_change(example(f"acquire__request__{number}"), field, value)
    response = api.http.post(f"/v1/apps/{api.app}/cloud_recording/acquire", json=body)
    assert error(response) == (400, 2)
    assert names(response, field), response.json()


BROKEN_OTHER = [
    ("update__request__4", 5, "mix", "update", "clientRequest.storageConfig.region", 99),
    ("update__request__2", 6, "web", "update", "clientRequest.webRecordingConfig.onhold", "yes"),
    (
        "update__request__3",
        7,
        "web",
        "update",
        "clientRequest.rtmpPublishConfig.outputs[0].rtmpUrl",
        "http://x",
    ),
    ("updateLayout__request__1", 5, "mix", "updateLayout", "clientRequest.layoutConfig[0].x_axis", 2),
    ("updateLayout__request__1", 5, "mix", "updateLayout", "clientRequest.backgroundColor", "red"),
    ("updateLayout__request__1", 5, "mix", "updateLayout", "clientRequest.mixedVideoLayout", 2),
    ("stop__request__1", 5, "mix", "stop", "clientRequest.async_stop", "no"),
    ("stop__request__1", 1, "individual", "stop", "uid", DELETE),
]


@pytest.mark.parametrize(("name", "start", "mode", "op", "field", "value"), BROKEN_OTHER)
def test_session_calls_with_one_broken_field_name_it(
    api: Api, name: str, start: int, mode: str, op: str, field: str, value: Any
) -> None:
    rid, sid = api.started(mode, example(f"start__request__{start}"))
    response = api.post(rid, sid, mode, op, with_change(example(name), field, value))
    # mixedVideoLayout 2 is valid alone but needs maxResolutionUid, which is then the named field.
    expected_field = "clientRequest.maxResolutionUid" if field.endswith("mixedVideoLayout") else field
    assert error(response) == (400, 2)
    assert names(response, expected_field), response.json()


def test_path_parameters_are_validated(api: Api) -> None:
    rid = api.rid()
    assert error(api.start(rid, "raw", example("start__request__1"))) == (400, 2)
    assert api.start(rid, "raw", example("start__request__1")).json()["reason"].startswith("mode:")
    rid, sid = api.started("individual", example("start__request__1"))
    outside_mix = api.post(rid, sid, "individual", "updateLayout", example("updateLayout__request__1"))
    assert error(outside_mix) == (400, 2)
    assert outside_mix.json()["reason"].startswith("mode:")


# ------------------------------------------------------------------------------------ state machine
def test_repeated_start_is_code_7_and_conflict_is_53(api: Api) -> None:
    body = example("start__request__1")
    rid, sid = api.started("individual", body)
    assert error(api.start(rid, "individual", body)) == (201, 7)
    assert error(api.start(api.rid(), "individual", body)) == (400, 53)
    other_uid = with_change(body, "uid", "1002")
    assert api.start(api.rid(uid="1002"), "individual", other_uid).status_code == 200
    assert api.stop(rid, sid, "individual").status_code == 200
    assert api.start(api.rid(), "individual", body).status_code == 200  # conflict gone after stop


def test_stop_then_404_then_49_then_404(api: Api) -> None:
    mode, body = "mix", example("start__request__5")
    rid, sid = api.started(mode, body)
    assert api.stop(rid, sid, mode).status_code == 200
    assert api.emu.session_phase(sid) == "exiting"
    assert error(api.query(rid, sid, mode)) == (404, 404)
    assert api.query(rid, sid, mode).json()["reason"] == "failed to find worker"
    assert error(api.post(rid, sid, mode, "update", example("update__request__1"))) == (404, 404)
    assert error(api.post(rid, sid, mode, "updateLayout", example("updateLayout__request__1"))) == (404, 404)
    assert error(api.stop(rid, sid, mode)) == (400, 49)
    api.emu.advance_time(11)
    assert api.emu.session_phase(sid) == "gone"
    assert error(api.stop(rid, sid, mode)) == (404, 404)


def test_unknown_or_mismatched_session_is_404(api: Api) -> None:
    rid, sid = api.started("mix", example("start__request__5"))
    assert error(api.query(rid, "0" * 32, "mix")) == (404, 404)
    assert error(api.query(api.rid(uid="7"), sid, "mix")) == (404, 404)
    assert error(api.stop(rid, sid, "mix", uid="999")) == (404, 404)
    wrong_mode = api.query(rid, sid, "individual")
    assert error(wrong_mode) == (400, 2)
    assert wrong_mode.json()["reason"].startswith("mode:")


def test_resource_ttl_expiry_is_433(api: Api) -> None:
    rid = api.rid()
    api.emu.advance_time(299)
    fresh = api.rid(uid="2")
    api.emu.advance_time(2)
    assert error(api.start(rid, "individual", example("start__request__1"))) == (400, 433)
    assert (
        api.start(fresh, "individual", with_change(example("start__request__1"), "uid", "2")).status_code
        == 200
    )


def test_short_resource_ttl_in_real_time() -> None:
    with (
        Emulator(resource_ttl=0.05, qps_limit=None) as emu,
        httpx.Client(base_url=emu.base_url, auth=emu.auth) as c,
    ):
        api = Api(emu, c)
        rid = api.rid()
        time.sleep(0.1)
        assert error(api.start(rid, "individual", example("start__request__1"))) == (400, 433)


def test_start_checks_resource_scene_identity_and_start_parameter(api: Api) -> None:
    web = example("start__request__6")
    assert error(api.start(api.rid(scene=0), "web", web)) == (400, 2)
    assert error(api.start(api.rid(scene=1), "individual", example("start__request__1"))) == (400, 2)
    assert error(api.start("unknown-resource", "mix", example("start__request__5"))) == (400, 1001)
    assert error(api.start(api.rid(uid="42"), "mix", example("start__request__5"))) == (400, 432)
    declared = example("start__request__5")["clientRequest"]
    rid = api.rid(startParameter=declared)
    assert error(
        api.start(rid, "mix", with_change(example("start__request__5"), "clientRequest.token", "x"))
    ) == (400, 2)
    assert api.start(api.rid(startParameter=declared), "mix", example("start__request__5")).status_code == 200


def test_idle_channel_exits_after_max_idle_time(api: Api) -> None:
    rid, sid = api.started("individual", example("start__request__1"))  # maxIdleTime 30
    api.emu.advance_time(29)
    assert api.query(rid, sid, "individual").status_code == 200
    api.emu.advance_time(2)
    assert error(api.query(rid, sid, "individual")) == (404, 404)
    assert error(api.stop(rid, sid, "individual")) == (400, 49)
    api.emu.advance_time(10)
    assert error(api.stop(rid, sid, "individual")) == (404, 404)


def test_users_keep_the_session_alive_until_they_leave(api: Api) -> None:
    api.emu.set_channel_users("demo_channel", 2)
    rid, sid = api.started("mix", example("start__request__5"))
    api.emu.advance_time(3600)
    assert api.query(rid, sid, "mix").status_code == 200
    api.emu.set_channel_users("demo_channel", 0)
    api.emu.advance_time(29)
    assert api.query(rid, sid, "mix").status_code == 200
    api.emu.advance_time(2)
    assert error(api.query(rid, sid, "mix")) == (404, 404)


def test_web_sessions_ignore_idle_but_end_at_max_recording_hour(api: Api) -> None:
    rid, sid = api.started("web", example("start__request__6"))  # maxRecordingHour 1
    api.emu.advance_time(3599)
    assert api.query(rid, sid, "web").status_code == 200
    api.emu.advance_time(2)
    assert error(api.query(rid, sid, "web")) == (404, 404)


def test_resource_expired_hour_ends_access(api: Api) -> None:
    api.emu.set_channel_users("demo_channel", 1)
    rid = api.rid(resourceExpiredHour=1)
    sid = api.start(rid, "mix", example("start__request__5")).json()["sid"]
    api.emu.advance_time(3590)
    assert api.query(rid, sid, "mix").status_code == 200
    api.emu.advance_time(20)
    assert error(api.query(rid, sid, "mix")) == (404, 404)
    assert error(api.stop(rid, sid, "mix")) == (404, 404)


# ------------------------------------------------------------------------------------ responses
def queries(api: Api, rid: str, sid: str, mode: str, count: int) -> list[dict[str, Any]]:
    out = []
    for _ in range(count):
        response = api.query(rid, sid, mode)
        assert response.status_code == 200, response.text
        QueryResponse.from_dict(response.json())
        out.append(response.json()["serverResponse"])
    return out


def test_individual_query_progression_and_stop(api: Api) -> None:
    api.emu.set_channel_users("demo_channel", 2)
    rid, sid = api.started("individual", example("start__request__1"))
    first, second, third = queries(api, rid, sid, "individual", 3)
    assert [first["status"], second["status"], third["status"]] == [1, 4, 5]
    assert "fileList" not in first
    assert third["fileListMode"] == "json"
    assert {f["uid"] for f in third["fileList"]} == {"1001", "1002"}
    assert all(
        f["fileName"].endswith(".m3u8") and f["trackType"] == "audio_and_video" for f in third["fileList"]
    )
    assert isinstance(third["sliceStartTime"], int)
    stop = api.stop(rid, sid, "individual").json()["serverResponse"]
    assert stop["uploadingStatus"] == "uploaded" and stop["fileListMode"] == "json"


def test_status_progresses_with_emulated_time(api: Api) -> None:
    rid, sid = api.started("mix", example("start__request__5"))
    api.emu.advance_time(4.5)
    assert queries(api, rid, sid, "mix", 1)[0]["status"] == 5


def test_mix_file_list_modes(api: Api) -> None:
    hls_only = with_change(
        example("start__request__5"), "clientRequest.recordingFileConfig.avFileType", ["hls"]
    )
    rid, sid = api.started("mix", hls_only)
    last = queries(api, rid, sid, "mix", 3)[-1]
    assert last["fileListMode"] == "string" and last["fileList"].endswith(".m3u8")
    stop = api.stop(rid, sid, "mix").json()["serverResponse"]
    assert (stop["fileListMode"], stop["uploadingStatus"]) == ("string", "uploaded")
    both = with_change(example("start__request__5"), "uid", "9")
    rid, sid = api.started("mix", both)
    last = queries(api, rid, sid, "mix", 3)[-1]
    assert last["fileListMode"] == "json"
    assert sorted(f["fileName"].rsplit(".", 1)[1] for f in last["fileList"]) == ["m3u8", "mp4"]
    assert all(f["uid"] == "0" and f["mixedAllUser"] for f in last["fileList"])


def test_snapshot_only_individual_stops_with_uploading_status_only(api: Api) -> None:
    rid, sid = api.started("individual", example("start__request__3"))
    last = queries(api, rid, sid, "individual", 3)[-1]
    assert "fileList" not in last and last["status"] == 5
    stop = api.stop(rid, sid, "individual")
    assert stop.json()["serverResponse"] == {"uploadingStatus": "uploaded"}
    StopResponse.from_dict(stop.json())


def test_web_query_update_and_stop(api: Api) -> None:
    rid, sid = api.started("web", example("start__request__7"))
    states = queries(api, rid, sid, "web", 3)
    final = {s["serviceName"]: s["payload"] for s in states[-1]["extensionServiceState"]}
    assert final["web_recorder_service"]["state"] == "inProgress"
    assert final["web_recorder_service"]["onhold"] is False
    assert final["web_recorder_service"]["fileList"][0]["filename"]
    assert final["rtmp_publish_service"]["outputs"] == [
        {"rtmpUrl": "rtmp://example.com/live/stream", "status": "publishing"}
    ]
    pause = with_change(example("update__request__2"), "clientRequest.webRecordingConfig.onhold", True)
    assert api.post(rid, sid, "web", "update", pause).status_code == 200
    assert api.post(rid, sid, "web", "update", example("update__request__3")).status_code == 200
    after = {
        s["serviceName"]: s["payload"] for s in queries(api, rid, sid, "web", 1)[0]["extensionServiceState"]
    }
    assert after["web_recorder_service"]["onhold"] is True
    assert after["rtmp_publish_service"]["outputs"] == [
        {"rtmpUrl": "rtmp://example.com/live/new", "status": "onhold"}
    ]
    stop = api.stop(rid, sid, "web")
    StopResponse.from_dict(stop.json())
    ended = {s["serviceName"]: s["payload"] for s in stop.json()["serverResponse"]["extensionServiceState"]}
    assert ended["upload_service"] == {"uploadingStatus": "uploaded"}
    assert ended["web_recorder_service"]["state"] == "exit"


def test_web_without_rtmp_has_only_the_recorder_state(api: Api) -> None:
    rid, sid = api.started("web", example("start__request__6"))
    names = [s["serviceName"] for s in queries(api, rid, sid, "web", 1)[0]["extensionServiceState"]]
    assert names == ["web_recorder_service"]


# ------------------------------------------------------------------------------------ request log
def test_requests_are_recorded_with_secrets_masked(api: Api) -> None:
    body = with_change(example("start__request__5"), "clientRequest.recordingConfig.decryptionMode", 1)
    body = with_change(body, "clientRequest.recordingConfig.secret", "decrypt-me")
    body = with_change(body, "clientRequest.storageConfig.stsToken", "sts-secret")
    api.started("mix", body)
    start = [r for r in api.emu.requests if r.operation == "start"][-1]
    assert (start.method, start.mode, start.status, start.code, start.host) == (
        "POST",
        "mix",
        200,
        None,
        "primary",
    )
    assert start.url == api.emu.base_url and start.path.endswith("/mode/mix/start")
    assert start.headers["authorization"] == "Basic ***"
    dumped = json.dumps(start.body) + json.dumps(dict(start.headers))
    for secret in ("AKDEMO", "SKDEMO", "demo-token", "decrypt-me", "sts-secret", api.emu.customer_secret):
        assert secret not in dumped
    assert start.body["clientRequest"]["storageConfig"]["accessKey"] == "***"
    assert start.body["clientRequest"]["storageConfig"]["bucket"] == "demo-bucket"
    api.emu.clear_requests()
    assert api.emu.requests == []
    api.acquire(uid="0")
    (bad,) = api.emu.requests
    assert (bad.operation, bad.status, bad.code) == ("acquire", 400, 2)


# ------------------------------------------------------------------------------------ fixture and CLI
def test_pytest_fixture_yields_a_running_emulator(agora_emulator: Emulator) -> None:
    response = httpx.get(agora_emulator.base_url + "/v1/ncs/ip", auth=agora_emulator.auth)
    assert response.status_code == 200
    assert agora_emulator.qps_limit == 10


def test_cli_serves_until_terminated() -> None:
    """The CLI prints `export NAME=value` lines (for a shell) and exits 128 + SIGTERM when terminated."""
    process = subprocess.Popen(
        [sys.executable, "-m", "agora_cr.testing.cli", "--port", "0", "--no-qps-limit"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        exports = [shlex.split(process.stdout.readline()) for _ in range(4)]
        assert all(words[0] == "export" for words in exports), exports
        lines = dict(words[1].split("=", 1) for words in exports)
        auth = (lines["AGORA_CUSTOMER_ID"], lines["AGORA_CUSTOMER_SECRET"])
        response = httpx.post(
            f"{lines['AGORA_BASE_URL']}/v1/apps/{lines['AGORA_APP_ID']}/cloud_recording/acquire",
            json=example("acquire__request__1"),
            auth=auth,
        )
        assert response.status_code == 200
    finally:
        process.terminate()
        assert process.wait(timeout=5) == 128 + signal.SIGTERM

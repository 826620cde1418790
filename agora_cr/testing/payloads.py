"""Plausible ``serverResponse`` bodies (status, file lists, extension states) for query and stop."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from agora_cr.testing.state import Session

# Status reported by successive queries (initialised, all components ready, in progress).
STATUS_PROGRESSION = (1, 4, 5)
_TRACK = {0: ("audio", "audio"), 1: ("video", "video"), 2: ("audio_and_video", "av")}


def _subscribed_uids(session: Session, users: int) -> list[str]:
    recording = session.client_request.get("recordingConfig") or {}
    explicit: list[str] = []
    for key in ("subscribeAudioUids", "subscribeVideoUids"):
        explicit += [uid for uid in recording.get(key, []) if uid != "#allstream#" and uid not in explicit]
    if explicit:
        return explicit
    return [str(1000 + index) for index in range(1, max(users, 1) + 1)]


def _file_types(session: Session) -> list[str]:
    return list((session.client_request.get("recordingFileConfig") or {}).get("avFileType", ["hls"]))


def records_files(session: Session) -> bool:
    """False for individual screenshot-only sessions (snapshotConfig without recordingFileConfig);
    without either, the service records HLS (its documented default)."""
    request = session.client_request
    screenshots_only = "snapshotConfig" in request and "recordingFileConfig" not in request
    return not (session.mode == "individual" and screenshots_only)


def file_fields(session: Session, users: int) -> dict[str, Any]:
    """``fileListMode`` and ``fileList`` of an individual or mix session."""
    base = f"{session.sid}_{session.cname}"
    if session.mode == "individual":
        recording = session.client_request.get("recordingConfig") or {}
        track, suffix = _TRACK.get(int(recording.get("streamTypes", 2)), _TRACK[2])
        files = [
            {
                "fileName": f"{base}__uid_s_{uid}__uid_e_{suffix}.m3u8",
                "trackType": track,
                "uid": uid,
                "mixedAllUser": False,
                "isPlayable": True,
                "sliceStartTime": session.slice_start_ms,
            }
            for uid in _subscribed_uids(session, users)
        ]
        return {"fileListMode": "json", "fileList": files}
    types = _file_types(session)
    if types == ["hls"]:
        return {"fileListMode": "string", "fileList": f"{base}.m3u8"}
    files = [
        {
            "fileName": f"{base}.{'m3u8' if kind == 'hls' else 'mp4'}",
            "trackType": "audio_and_video",
            "uid": "0",
            "mixedAllUser": True,
            "isPlayable": True,
            "sliceStartTime": session.slice_start_ms,
        }
        for kind in types
    ]
    return {"fileListMode": "json", "fileList": files}


def _web_files(session: Session) -> list[dict[str, Any]]:
    names = [
        f"{session.sid}_{session.cname}_0.{'m3u8' if kind == 'hls' else 'mp4'}"
        for kind in _file_types(session)
    ]
    return [{"filename": name, "sliceStartTime": session.slice_start_ms} for name in names]


def _web_recorder_state(session: Session, status: int, state: str) -> dict[str, Any]:
    files = _web_files(session) if status == 5 or state == "exit" else []
    return {
        "serviceName": "web_recorder_service",
        "payload": {"fileList": files, "onhold": session.onhold, "state": state},
    }


def _rtmp_state(session: Session, status: int) -> dict[str, Any] | None:
    if not session.rtmp_urls:
        return None
    output_status = "connecting" if status < 4 else ("onhold" if session.onhold else "publishing")
    outputs = [{"rtmpUrl": url, "status": output_status} for url in session.rtmp_urls]
    state = "init" if status < 4 else "inProgress"
    return {"serviceName": "rtmp_publish_service", "payload": {"outputs": outputs, "state": state}}


def query_server_response(session: Session, status: int, users: int) -> dict[str, Any]:
    """``serverResponse`` of a query at the given status."""
    body: dict[str, Any] = {"status": status}
    if session.mode == "web":
        states = [_web_recorder_state(session, status, "init" if status < 4 else "inProgress")]
        rtmp = _rtmp_state(session, status)
        if rtmp is not None:
            states.append(rtmp)
        body["extensionServiceState"] = states
        return body
    if status == 5 and records_files(session):
        body.update(file_fields(session, users))
    body["sliceStartTime"] = session.slice_start_ms
    return body


def stop_server_response(session: Session, users: int) -> dict[str, Any]:
    """``serverResponse`` of a successful stop."""
    if session.mode == "web":
        return {
            "extensionServiceState": [
                {"serviceName": "upload_service", "payload": {"uploadingStatus": "uploaded"}},
                _web_recorder_state(session, 8, "exit"),
            ]
        }
    body: dict[str, Any] = {}
    if records_files(session):
        body.update(file_fields(session, users))
    body["uploadingStatus"] = "uploaded"
    return body

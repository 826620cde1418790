"""Cross-field rules: what the request schemas cannot express (``mp4`` alone, canvas size, decryption
keys, extension services per mode, S3-compatible endpoint). Each raises :class:`ValidationError` with
the JSON path of the field before anything is sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._validation import fail, schema_check, validate

MAX_TRANSCODING_PIXELS = 1920 * 1080
MAX_WEB_PIXELS = 2_073_600
MAX_FILE_NAME_PREFIX = 128


def check_storage_rules(storage: Mapping[str, Any], path: str, operation: str) -> None:
    prefix = storage.get("fileNamePrefix")
    if isinstance(prefix, list) and prefix and len("/".join(str(p) for p in prefix)) > MAX_FILE_NAME_PREFIX:
        raise fail(
            f"{path}.fileNamePrefix",
            f"joined with '/' it must be at most {MAX_FILE_NAME_PREFIX} characters",
            operation,
        )
    if storage.get("vendor") == 11:
        params = storage.get("extensionParams")
        if not isinstance(params, Mapping) or not params.get("endpoint"):
            raise fail(
                f"{path}.extensionParams.endpoint",
                "required when vendor is 11 (S3-compatible storage)",
                operation,
            )


def check_layout_rules(layout: Mapping[str, Any], path: str, operation: str) -> None:
    if layout.get("mixedVideoLayout") == 2 and not layout.get("maxResolutionUid"):
        raise fail(
            f"{path}.maxResolutionUid", "required when mixedVideoLayout is 2 (vertical layout)", operation
        )


def check_recording_rules(config: Mapping[str, Any], path: str, operation: str) -> None:
    mode = config.get("decryptionMode", 0)
    if mode not in (0, None) and not config.get("secret"):
        raise fail(f"{path}.secret", "required when decryptionMode is not 0", operation)
    if mode in (7, 8) and not config.get("salt"):
        raise fail(f"{path}.salt", "required when decryptionMode is 7 or 8", operation)
    transcoding = config.get("transcodingConfig")
    if isinstance(transcoding, Mapping):
        tpath = f"{path}.transcodingConfig"
        width = transcoding.get("width", 360)
        height = transcoding.get("height", 640)
        if width * height > MAX_TRANSCODING_PIXELS:
            raise fail(
                f"{tpath}.width",
                f"width x height must be at most 1920x1080 = {MAX_TRANSCODING_PIXELS} pixels "
                f"(got {width}x{height})",
                operation,
            )
        check_layout_rules(transcoding, tpath, operation)


def check_start_rules(
    client_request: Mapping[str, Any], mode: str, operation: str, base: str = "clientRequest"
) -> None:
    """Rules of ``start`` the schema cannot express."""
    storage = client_request.get("storageConfig")
    if isinstance(storage, Mapping):
        check_storage_rules(storage, f"{base}.storageConfig", operation)
    recording = client_request.get("recordingConfig")
    if isinstance(recording, Mapping):
        check_recording_rules(recording, f"{base}.recordingConfig", operation)
    files = client_request.get("recordingFileConfig")
    if isinstance(files, Mapping) and files.get("avFileType") == ["mp4"]:
        raise fail(
            f"{base}.recordingFileConfig.avFileType",
            '["mp4"] alone is rejected by the service; use ["hls", "mp4"]',
            operation,
        )
    snapshot = client_request.get("snapshotConfig")
    if snapshot is not None:
        rec = recording if isinstance(recording, Mapping) else {}
        if rec.get("streamTypes", 2) not in (1, 2):
            raise fail(
                f"{base}.recordingConfig.streamTypes",
                "snapshots need video: streamTypes must be 1 or 2 with snapshotConfig",
                operation,
            )
        if "subscribeAudioUids" in rec and "subscribeVideoUids" not in rec:
            raise fail(
                f"{base}.recordingConfig.subscribeVideoUids",
                "required with snapshotConfig when subscribeAudioUids is set",
                operation,
            )
    services = client_request.get("extensionServiceConfig")
    if isinstance(services, Mapping):
        _check_services(services, f"{base}.extensionServiceConfig", mode, operation)


_SERVICE_PARAMS = {
    "web_recorder_service": "WebRecorderParam",
    "rtmp_publish_service": "RtmpPublishParam",
    "aliyun_vod_service": "AliyunVodParam",
}


def _check_services(config: Mapping[str, Any], path: str, mode: str, operation: str) -> None:
    services = config.get("extensionServices") or []
    names = [s.get("serviceName") for s in services if isinstance(s, Mapping)]
    if mode == "web":
        if names.count("web_recorder_service") != 1:
            raise fail(
                f"{path}.extensionServices", "web mode needs exactly one web_recorder_service", operation
            )
        if "aliyun_vod_service" in names:
            raise fail(
                f"{path}.extensionServices", "aliyun_vod_service is not available in web mode", operation
            )
    elif any(name != "aliyun_vod_service" for name in names):
        raise fail(
            f"{path}.extensionServices", f"only aliyun_vod_service is accepted in {mode} mode", operation
        )
    for index, service in enumerate(services):
        if not isinstance(service, Mapping):
            continue
        spath = f"{path}.extensionServices[{index}]"
        param_schema = _SERVICE_PARAMS.get(str(service.get("serviceName")))
        if param_schema is not None:
            validate(
                schema_check(param_schema), service.get("serviceParam"), f"{spath}.serviceParam", operation
            )
        param = service.get("serviceParam")
        if service.get("serviceName") == "web_recorder_service" and isinstance(param, Mapping):
            width, height = param.get("videoWidth", 0), param.get("videoHeight", 0)
            if width * height > MAX_WEB_PIXELS:
                raise fail(
                    f"{spath}.serviceParam.videoWidth",
                    f"videoWidth x videoHeight must be at most {MAX_WEB_PIXELS} pixels "
                    f"(got {width}x{height})",
                    operation,
                )

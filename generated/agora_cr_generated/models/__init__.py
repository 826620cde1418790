"""Contains all the data models used in inputs/outputs"""

from .acquire_client_request import AcquireClientRequest
from .acquire_client_request_scene import AcquireClientRequestScene
from .acquire_client_request_start_parameter import AcquireClientRequestStartParameter
from .acquire_region import AcquireRegion
from .acquire_request import AcquireRequest
from .acquire_response import AcquireResponse
from .acquire_web_client_request import AcquireWebClientRequest
from .acquire_web_client_request_scene import AcquireWebClientRequestScene
from .acquire_web_request import AcquireWebRequest
from .aliyun_vod_param import AliyunVodParam
from .apps_collection import AppsCollection
from .apps_collection_combination_policy import AppsCollectionCombinationPolicy
from .audio_profile import AudioProfile
from .audio_uid_list import AudioUidList
from .channel_type import ChannelType
from .cloud_recording_error_details import CloudRecordingErrorDetails
from .cloud_recording_file_infos_details import CloudRecordingFileInfosDetails
from .cloud_recording_status_update_details import CloudRecordingStatusUpdateDetails
from .cloud_recording_warning_details import CloudRecordingWarningDetails
from .decryption_mode import DecryptionMode
from .download_failed_details import DownloadFailedDetails
from .extension_params import ExtensionParams
from .extension_params_sse import ExtensionParamsSse
from .extension_service import ExtensionService
from .extension_service_config import ExtensionServiceConfig
from .extension_service_config_error_handle_policy import (
    ExtensionServiceConfigErrorHandlePolicy,
)
from .extension_service_error_handle_policy import ExtensionServiceErrorHandlePolicy
from .extension_service_payload import ExtensionServicePayload
from .extension_service_service_param_type_3 import ExtensionServiceServiceParamType3
from .extension_service_state import ExtensionServiceState
from .file_info import FileInfo
from .gateway_error import GatewayError
from .individual_recording_config import IndividualRecordingConfig
from .layout_region import LayoutRegion
from .media_container import MediaContainer
from .mix_mode import MixMode
from .mix_recording_config import MixRecordingConfig
from .mixed_video_layout import MixedVideoLayout
from .mode import Mode
from .named_file import NamedFile
from .ncs_ip_response import NcsIpResponse
from .ncs_ip_response_data import NcsIpResponseData
from .ncs_ip_response_data_service import NcsIpResponseDataService
from .ncs_ip_response_data_service_hosts_item import NcsIpResponseDataServiceHostsItem
from .notification_details import NotificationDetails
from .notification_event import NotificationEvent
from .notification_payload import NotificationPayload
from .postpone_transcode_final_result_details import PostponeTranscodeFinalResultDetails
from .query_response import QueryResponse
from .query_server_response import QueryServerResponse
from .query_server_response_sub_service_status import (
    QueryServerResponseSubServiceStatus,
)
from .recorder_leave_details import RecorderLeaveDetails
from .recorder_slice_start_details import RecorderSliceStartDetails
from .recorder_snapshot_file_details import RecorderSnapshotFileDetails
from .recorder_started_details import RecorderStartedDetails
from .recorder_stream_state_changed_details import RecorderStreamStateChangedDetails
from .recording_file_config import RecordingFileConfig
from .recording_file_config_av_file_type_item import RecordingFileConfigAvFileTypeItem
from .region_affinity import RegionAffinity
from .render_mode import RenderMode
from .rtmp_output import RtmpOutput
from .rtmp_output_state import RtmpOutputState
from .rtmp_publish_config import RtmpPublishConfig
from .rtmp_publish_param import RtmpPublishParam
from .rtmp_publish_status_details import RtmpPublishStatusDetails
from .service_error import ServiceError
from .session_exit_details import SessionExitDetails
from .session_failover_details import SessionFailoverDetails
from .session_response import SessionResponse
from .snapshot_config import SnapshotConfig
from .snapshot_config_file_type_item import SnapshotConfigFileTypeItem
from .start_individual_client_request import StartIndividualClientRequest
from .start_individual_request import StartIndividualRequest
from .start_mix_client_request import StartMixClientRequest
from .start_mix_request import StartMixRequest
from .start_web_client_request import StartWebClientRequest
from .start_web_request import StartWebRequest
from .stop_client_request import StopClientRequest
from .stop_request import StopRequest
from .stop_response import StopResponse
from .stop_server_response import StopServerResponse
from .storage_config import StorageConfig
from .storage_vendor import StorageVendor
from .stream_mode import StreamMode
from .stream_subscribe import StreamSubscribe
from .stream_types import StreamTypes
from .subscribe_uid_group import SubscribeUidGroup
from .transcode_options import TranscodeOptions
from .transcode_options_audio import TranscodeOptionsAudio
from .transcode_options_audio_bitrate import TranscodeOptionsAudioBitrate
from .transcode_options_audio_channels import TranscodeOptionsAudioChannels
from .transcode_options_audio_sample_rate import TranscodeOptionsAudioSampleRate
from .transcode_options_container import TranscodeOptionsContainer
from .transcode_options_container_format import TranscodeOptionsContainerFormat
from .transcode_options_trans_config import TranscodeOptionsTransConfig
from .transcode_options_trans_config_trans_mode import (
    TranscodeOptionsTransConfigTransMode,
)
from .transcoder_completed_details import TranscoderCompletedDetails
from .transcoder_completed_details_uids_item import TranscoderCompletedDetailsUidsItem
from .transcoder_started_details import TranscoderStartedDetails
from .transcoding_config import TranscodingConfig
from .update_client_request import UpdateClientRequest
from .update_layout_client_request import UpdateLayoutClientRequest
from .update_layout_request import UpdateLayoutRequest
from .update_request import UpdateRequest
from .uploaded_details import UploadedDetails
from .uploaded_file import UploadedFile
from .uploader_started_details import UploaderStartedDetails
from .uploading_progress_details import UploadingProgressDetails
from .user_background import UserBackground
from .video_stream_type import VideoStreamType
from .video_uid_list import VideoUidList
from .vod_api_data import VodApiData
from .vod_api_data_video_data import VodApiDataVideoData
from .vod_started_details import VodStartedDetails
from .vod_started_details_ali_vod_info import VodStartedDetailsAliVodInfo
from .vod_triggered_details import VodTriggeredDetails
from .web_file_info import WebFileInfo
from .web_recorder_capability_limit_details import WebRecorderCapabilityLimitDetails
from .web_recorder_param import WebRecorderParam
from .web_recorder_reload_details import WebRecorderReloadDetails
from .web_recorder_started_details import WebRecorderStartedDetails
from .web_recorder_stopped_details import WebRecorderStoppedDetails
from .web_recording_config import WebRecordingConfig
from .web_stopped_file import WebStoppedFile

__all__ = (
    "AcquireClientRequest",
    "AcquireClientRequestScene",
    "AcquireClientRequestStartParameter",
    "AcquireRegion",
    "AcquireRequest",
    "AcquireResponse",
    "AcquireWebClientRequest",
    "AcquireWebClientRequestScene",
    "AcquireWebRequest",
    "AliyunVodParam",
    "AppsCollection",
    "AppsCollectionCombinationPolicy",
    "AudioProfile",
    "AudioUidList",
    "ChannelType",
    "CloudRecordingErrorDetails",
    "CloudRecordingFileInfosDetails",
    "CloudRecordingStatusUpdateDetails",
    "CloudRecordingWarningDetails",
    "DecryptionMode",
    "DownloadFailedDetails",
    "ExtensionParams",
    "ExtensionParamsSse",
    "ExtensionService",
    "ExtensionServiceConfig",
    "ExtensionServiceConfigErrorHandlePolicy",
    "ExtensionServiceErrorHandlePolicy",
    "ExtensionServicePayload",
    "ExtensionServiceServiceParamType3",
    "ExtensionServiceState",
    "FileInfo",
    "GatewayError",
    "IndividualRecordingConfig",
    "LayoutRegion",
    "MediaContainer",
    "MixedVideoLayout",
    "MixMode",
    "MixRecordingConfig",
    "Mode",
    "NamedFile",
    "NcsIpResponse",
    "NcsIpResponseData",
    "NcsIpResponseDataService",
    "NcsIpResponseDataServiceHostsItem",
    "NotificationDetails",
    "NotificationEvent",
    "NotificationPayload",
    "PostponeTranscodeFinalResultDetails",
    "QueryResponse",
    "QueryServerResponse",
    "QueryServerResponseSubServiceStatus",
    "RecorderLeaveDetails",
    "RecorderSliceStartDetails",
    "RecorderSnapshotFileDetails",
    "RecorderStartedDetails",
    "RecorderStreamStateChangedDetails",
    "RecordingFileConfig",
    "RecordingFileConfigAvFileTypeItem",
    "RegionAffinity",
    "RenderMode",
    "RtmpOutput",
    "RtmpOutputState",
    "RtmpPublishConfig",
    "RtmpPublishParam",
    "RtmpPublishStatusDetails",
    "ServiceError",
    "SessionExitDetails",
    "SessionFailoverDetails",
    "SessionResponse",
    "SnapshotConfig",
    "SnapshotConfigFileTypeItem",
    "StartIndividualClientRequest",
    "StartIndividualRequest",
    "StartMixClientRequest",
    "StartMixRequest",
    "StartWebClientRequest",
    "StartWebRequest",
    "StopClientRequest",
    "StopRequest",
    "StopResponse",
    "StopServerResponse",
    "StorageConfig",
    "StorageVendor",
    "StreamMode",
    "StreamSubscribe",
    "StreamTypes",
    "SubscribeUidGroup",
    "TranscodeOptions",
    "TranscodeOptionsAudio",
    "TranscodeOptionsAudioBitrate",
    "TranscodeOptionsAudioChannels",
    "TranscodeOptionsAudioSampleRate",
    "TranscodeOptionsContainer",
    "TranscodeOptionsContainerFormat",
    "TranscodeOptionsTransConfig",
    "TranscodeOptionsTransConfigTransMode",
    "TranscoderCompletedDetails",
    "TranscoderCompletedDetailsUidsItem",
    "TranscoderStartedDetails",
    "TranscodingConfig",
    "UpdateClientRequest",
    "UpdateLayoutClientRequest",
    "UpdateLayoutRequest",
    "UpdateRequest",
    "UploadedDetails",
    "UploadedFile",
    "UploaderStartedDetails",
    "UploadingProgressDetails",
    "UserBackground",
    "VideoStreamType",
    "VideoUidList",
    "VodApiData",
    "VodApiDataVideoData",
    "VodStartedDetails",
    "VodStartedDetailsAliVodInfo",
    "VodTriggeredDetails",
    "WebFileInfo",
    "WebRecorderCapabilityLimitDetails",
    "WebRecorderParam",
    "WebRecorderReloadDetails",
    "WebRecorderStartedDetails",
    "WebRecorderStoppedDetails",
    "WebRecordingConfig",
    "WebStoppedFile",
)

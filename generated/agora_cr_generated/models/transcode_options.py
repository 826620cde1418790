from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.transcode_options_audio import TranscodeOptionsAudio
    from ..models.transcode_options_container import TranscodeOptionsContainer
    from ..models.transcode_options_trans_config import TranscodeOptionsTransConfig


T = TypeVar("T", bound="TranscodeOptions")


@_attrs_define
class TranscodeOptions:
    """Legacy postponed processing options (individual mode).

    Attributes:
        trans_config (TranscodeOptionsTransConfig): Processing kind.
        container (TranscodeOptionsContainer | Unset): Output container.
        audio (TranscodeOptionsAudio | Unset): Audio options (audio mixing only).
    """

    trans_config: TranscodeOptionsTransConfig
    container: TranscodeOptionsContainer | Unset = UNSET
    audio: TranscodeOptionsAudio | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        trans_config = self.trans_config.to_dict()

        container: dict[str, Any] | Unset = UNSET
        if not isinstance(self.container, Unset):
            container = self.container.to_dict()

        audio: dict[str, Any] | Unset = UNSET
        if not isinstance(self.audio, Unset):
            audio = self.audio.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "transConfig": trans_config,
            }
        )
        if container is not UNSET:
            field_dict["container"] = container
        if audio is not UNSET:
            field_dict["audio"] = audio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.transcode_options_audio import TranscodeOptionsAudio
        from ..models.transcode_options_container import TranscodeOptionsContainer
        from ..models.transcode_options_trans_config import TranscodeOptionsTransConfig

        d = dict(src_dict)
        trans_config = TranscodeOptionsTransConfig.from_dict(d.pop("transConfig"))

        _container = d.pop("container", UNSET)
        container: TranscodeOptionsContainer | Unset
        if isinstance(_container, Unset):
            container = UNSET
        else:
            container = TranscodeOptionsContainer.from_dict(_container)

        _audio = d.pop("audio", UNSET)
        audio: TranscodeOptionsAudio | Unset
        if isinstance(_audio, Unset):
            audio = UNSET
        else:
            audio = TranscodeOptionsAudio.from_dict(_audio)

        transcode_options = cls(
            trans_config=trans_config,
            container=container,
            audio=audio,
        )

        return transcode_options


from ..types import masked_repr  # noqa: E402

#: Python attribute -> JSON key, in schema order (codegen/templates/model.py.jinja).
TranscodeOptions.__wire_names__ = {
    "trans_config": "transConfig",
    "container": "container",
    "audio": "audio",
}
#: Attributes whose values are secrets (the schema's ``x-agora-secret-fields``): never shown by repr.
TranscodeOptions.__secret_fields__ = frozenset(())
TranscodeOptions.__repr__ = masked_repr

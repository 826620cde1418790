"""The surface of Agora's official Python SDK, as its users' code calls it:
the request blocks ``api_start``/``api_update``, the ``*_recording_client`` modules and the builder
(``XRecordingClient.new_builder().with_app_id(...)...build()``). Re-exported by ``agora_cr``."""

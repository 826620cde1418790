"""Run the supervisor's flow: in the caller's thread (``with``) or in the caller's task (``async with``).
No thread of ours: the sync supervisor works while :meth:`SyncSupervisor.run` runs."""

from __future__ import annotations

from types import TracebackType
from typing import Any

from ..exceptions import ClientException
from ._flow import Call, Flow, Supervisor


class SyncSupervisor(Supervisor):
    """``with client.supervise(...) as sup: sup.run(3600)``; the session is stopped on the way out and
    ``sup.manifest`` lists everything it recorded."""

    def __enter__(self) -> SyncSupervisor:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._drive(self.finish_flow())

    def run(self, seconds: float | None = None) -> str:
        """Supervise for ``seconds`` (``None``: until :meth:`request_stop`, the recording ends or the
        supervisor gives up); returns the state then."""
        self._drive(self.run_flow(seconds))
        return self.state

    def _drive(self, flow: Flow) -> None:
        client, sleep = self.client, self.settings.sleep
        try:
            action = next(flow)
            while True:
                if isinstance(action, Call):
                    try:
                        result: Any = getattr(client, action.name)(*action.args, **action.kwargs)
                    except ClientException as exc:
                        result = exc
                    action = flow.send(result)
                else:
                    sleep(action.seconds)
                    action = flow.send(None)
        except StopIteration:
            pass
        finally:
            flow.close()


class AsyncSupervisor(Supervisor):
    """``async with client.supervise(...) as sup: await sup.run(3600)``; the session is stopped on the
    way out (also when the task is cancelled) and ``sup.manifest`` lists everything it recorded."""

    async def __aenter__(self) -> AsyncSupervisor:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self._drive(self.finish_flow(), finish=True)

    async def run(self, seconds: float | None = None) -> str:
        """Supervise for ``seconds`` (see :meth:`SyncSupervisor.run`)."""
        await self._drive(self.run_flow(seconds))
        return self.state

    async def _drive(self, flow: Flow, *, finish: bool = False) -> None:
        from .._transport import _finish

        client, asleep = self.client, self.settings.asleep
        cancelled = None
        try:
            action = next(flow)
            while True:
                if isinstance(action, Call):
                    try:  # (an input the client refuses is an answer too, as in the sync driver)
                        call = getattr(client, action.name)(*action.args, **action.kwargs)
                        if finish or action.name == "start":
                            # runs to its end even under cancellation: a started session is recorded
                            # (and stopped on the way out), a final stop completes
                            result, late = await _finish(call)
                            cancelled = cancelled or late
                        else:
                            result = await call
                    except ClientException as exc:
                        result = exc
                    if cancelled is not None and not finish:
                        flow.send(result)  # (the flow records what the call did)
                        break
                    action = flow.send(result)
                else:
                    await asleep(action.seconds)
                    action = flow.send(None)
        except StopIteration:
            pass
        finally:
            flow.close()
        if cancelled is not None:
            raise cancelled

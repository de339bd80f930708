"""Whether work may be shared with a forked copy of this process.

Three places use a second core: ``mantelkaart validate`` (:meth:`Dataset.check`),
the open-data export (:mod:`mantelkaart.opendata.hsds.files`) and the build
(:mod:`mantelkaart.build.production`). They all fork, and forking is only safe and
useful when:

* the platform can fork (not Windows);
* no other thread runs: ``mkdocs serve`` runs a file watcher and a web server, and
  a lock one of them holds at the moment of the fork stays locked in the copy;
* this process is not itself such a copy (those are daemonic, and Python does not
  let a daemonic process have children);
* there is more than one core.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import threading
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any


def count() -> int:
    return os.cpu_count() or 1


def may_fork(one_core_too: bool = False) -> bool:
    """Whether forking is safe here, and (unless ``one_core_too``, for tests) useful."""
    return (
        "fork" in mp.get_all_start_methods()
        and threading.active_count() == 1
        and not mp.current_process().daemon
        and (one_core_too or count() > 1)
    )


def claims(counter: Any, count: int) -> Iterator[int]:
    """Numbers from ``0`` to ``count - 1`` not yet taken by the other process, until none are
    left. ``counter`` is a ``multiprocessing.Value("i")`` shared with the forked copy, so the
    two processes share out chunks of work and finish at about the same time."""
    while True:
        with counter.get_lock():
            number = int(counter.value)
            counter.value = number + 1
        if number >= count:
            return
        yield number


class Copy:
    """A forked, daemonic copy of this process that runs ``work(counter)`` and sends back
    what it returns. ``counter`` is shared, for :func:`claims`. :meth:`result` gives
    ``None`` if the copy raised or died: the caller then does that share itself, so a real
    error surfaces in this process, as it would have without the copy."""

    def __init__(self, work: Callable[[Any], Any]) -> None:
        fork = mp.get_context("fork")
        self.counter = fork.Value("i", 0)
        self._receiver, sender = fork.Pipe(duplex=False)
        self._process = fork.Process(target=_run, args=(sender, work, self.counter, os.getpid()), daemon=True)
        self._process.start()
        sender.close()

    def result(self) -> Any:
        """What ``work`` returned, once it is done; ``None`` if it failed."""
        try:
            answer = self._receiver.recv()
        except (EOFError, OSError):  # the copy died (killed, out of memory) before it answered
            return None
        return answer[1] if isinstance(answer, tuple) and answer[0] == "made" else None

    def close(self) -> None:
        self._receiver.close()
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()


def _die_with_parent(parent: int) -> None:
    """On Linux, the kernel stops this copy when its parent dies (SIGKILL included), so a
    copy is never orphaned, blocked on a pipe, holding the build's output open."""
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before that took effect
        os._exit(1)


def _run(sender: Connection, work: Callable[[Any], Any], counter: Any, parent: int) -> None:
    _die_with_parent(parent)
    try:
        sender.send(("made", work(counter)))
    except BaseException:  # the parent does this share itself, and reports any real error
        with contextlib.suppress(BaseException):  # if not even this goes, the parent sees the pipe close
            sender.send(("failed",))
    finally:
        sender.close()

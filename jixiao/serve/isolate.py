"""Run one function in a child process with a time limit and a memory cap; never in the server.

Part of ``jixiao/serve``: the page images of an upload are drawn here (pypdfium2 and Pillow on a
file from anyone), so a malformed file that hangs, crashes or balloons the renderer costs a child
process, not the server. Reading files uses the batch runner's supervised workers instead
(:func:`jixiao.batch.pool.run_supervised`); both start from the same ``forkserver``.
"""
from __future__ import annotations

from typing import Callable, Optional

from jixiao.batch.pool import mp_context


class IsolatedError(Exception):
    """The child failed: timed out, died, or raised (the message says which)."""


def call_isolated(fn: Callable, args: tuple, timeout: float, memory_mb: Optional[int] = None):
    """``fn(*args)`` in a fresh child process; its return value (picklable), or IsolatedError."""
    ctx = mp_context()
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(sender, fn, args, memory_mb), daemon=True, name="jixiao-isolated")
    process.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise IsolatedError(f"stopped after {timeout:g} s")
        try:
            ok, value = receiver.recv()
        except (EOFError, OSError):
            process.join(2)
            raise IsolatedError(f"the process ended unexpectedly (exit code {process.exitcode})") from None
        if not ok:
            raise IsolatedError(value)
        return value
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        receiver.close()


def _child(sender, fn, args, memory_mb) -> None:
    if memory_mb:
        try:
            import resource

            limit = int(memory_mb) * 1024 * 1024
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
        except (ImportError, ValueError, OSError):
            pass
    try:
        message = (True, fn(*args))
    except MemoryError:
        message = (False, "ran out of memory")
    except Exception as e:  # reported to the parent as one line
        message = (False, f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"[:300])
    try:
        sender.send(message)
    finally:
        sender.close()

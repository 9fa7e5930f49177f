"""A kernel in the chapter's own process, for papermill (the warm pool's way of executing).

A fresh kernel costs a chapter about half a second: starting a process, opening five ZeroMQ
sockets, waiting for the kernel to answer, sending every output as a message between processes,
and stopping it again. In the warm pool (:mod:`analysis.pipeline.warm`) each chapter already runs
in a process of its own, forked from one that has every library loaded, so the kernel can live in
that process: ipykernel's own in-process kernel, with the same shell class as a real kernel
(``ZMQInteractiveShell``), the same message session and the same output streams. Papermill still
executes the notebook: its parameters cell, then cell by cell through nbclient, which receives
the kernel's messages exactly as from a kernel in another process. Only the transport differs,
so the executed notebooks are byte-identical to those from a fresh kernel (``tests/test_warm.py``
compares every chapter of the book).

ipykernel's in-process classes were written for an older jupyter_client; the subclasses here
take the arguments nbclient passes (``timeout``, ``now``), wait for the kernel only as long as it
takes to answer (the original waits 0,2 s on an empty channel and prints what it drains), and
send what a cell prints with the request it belongs to.
"""

from __future__ import annotations

from queue import Empty
from typing import Any

from ipykernel.inprocess.blocking import BlockingInProcessKernelClient
from ipykernel.inprocess.ipkernel import InProcessKernel
from ipykernel.inprocess.manager import InProcessKernelManager
from ipykernel.zmqshell import ZMQInteractiveShell
from IPython.core.shellapp import InteractiveShellApp
from traitlets.config import Config

#: How long the client waits for the kernel's first answer (it runs in this process: at once).
READY_TIMEOUT = 60.0


class InProcessClient(BlockingInProcessKernelClient):
    """The client nbclient talks to: ipykernel's blocking in-process client, with nbclient's
    ``wait_for_ready(timeout=…)``."""

    def wait_for_ready(self, timeout: float | None = None) -> None:
        """Ask the kernel for its info and wait for the answer and the end of its work.

        Raises
        ------
        RuntimeError
            When the kernel does not answer within ``timeout`` seconds.
        """
        limit = READY_TIMEOUT if timeout is None else timeout
        self.kernel_info()
        try:
            reply = self.shell_channel.get_msg(block=True, timeout=limit)
            self._handle_kernel_info_reply(reply)
            while True:  # the request's status messages: busy, then idle
                msg = self.iopub_channel.get_msg(block=True, timeout=limit)
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    return
        except Empty as exc:
            raise RuntimeError("de kernel in dit proces antwoordt niet") from exc


class _Kernel(InProcessKernel):
    """ipykernel's in-process kernel whose output streams know the request they belong to.

    A kernel process has its output streams as ``sys.stdout`` and ``sys.stderr`` all the time, so
    the shell tells them the current request; the in-process kernel swaps them in only while it
    executes, after that moment, and what a cell prints would go out with no request (and
    nbclient would drop it). This kernel tells its streams itself.
    """

    def set_parent(self, ident: Any, parent: Any, channel: str = "shell") -> None:  # noqa: ANN401
        """Make ``parent`` the current request, for the shell and the output streams."""
        super().set_parent(ident, parent, channel)
        if channel == "shell":
            self.stdout.set_parent(parent)
            self.stderr.set_parent(parent)


class InProcessManager(InProcessKernelManager):
    """ipykernel's in-process kernel manager, with the arguments nbclient passes."""

    def start_kernel(self, **kwargs: Any) -> None:  # noqa: ANN401 - jupyter_client's signature
        """Start the kernel in this process, with a real kernel's shell class."""
        self.kernel = _Kernel(parent=self, session=self.session, shell_class=ZMQInteractiveShell)

    def client(self, **kwargs: Any) -> InProcessClient:  # type: ignore[override]  # noqa: ANN401
        """A client for this process's kernel."""
        return InProcessClient(parent=self, session=self.session, kernel=self.kernel, **kwargs)

    def shutdown_kernel(self, now: bool = False, restart: bool = False) -> None:
        """Stop the kernel's output thread and forget it."""
        super().shutdown_kernel()


def start_kernel() -> InProcessManager:
    """A started in-process kernel, configured as the build's fresh kernels are.

    Its history stays in memory (as ``--HistoryManager.hist_file=:memory:`` for a kernel
    process), and the working folder joins ``sys.path`` where every IPython kernel puts it
    (IPython's own ``init_path``: the empty string, before the first ``site-packages``).

    Examples
    --------
    >>> km = start_kernel()
    >>> km.kernel.shell.__class__.__name__
    'ZMQInteractiveShell'
    >>> km.shutdown_kernel()
    """
    config = Config()
    config.HistoryManager.hist_file = ":memory:"
    InteractiveShellApp(config=config).init_path()
    km = InProcessManager(config=config)
    km.start_kernel()
    return km

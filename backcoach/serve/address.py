"""Where a phone on the same network can reach this machine."""

from __future__ import annotations

import socket

LOOPBACK = "127.0.0.1"


def lan_address() -> str | None:
    """The address this machine uses towards the network: a UDP socket's connect sends no packet, it
    only picks the route. None with no network (loopback only)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere, needs no answer
            address: str = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address

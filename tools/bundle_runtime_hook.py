"""Runs first in the bundled program (a PyInstaller run-time hook); see docs/packaging.md."""

import os
import sys


def _input_method() -> None:
    # The bundle's Qt brings input-method plugins for IBus and the compose key only. The
    # desktops of 统信UOS and 银河麒麟 ask Qt for Fcitx, whose plugin would have to match this
    # Qt exactly; Fcitx 5 also serves IBus clients, so ask for IBus rather than get no
    # Chinese input at all.
    if sys.platform.startswith("linux") and os.environ.get("QT_IM_MODULE", "").startswith("fcitx"):
        os.environ["QT_IM_MODULE"] = "ibus"


_input_method()

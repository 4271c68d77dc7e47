"""``streamlit run dashboard/app.py`` with a warm-up: ``python -m dashboard.serve [streamlit options]``.

Streamlit runs nothing until the first browser session arrives, so that session would also pay for
importing the page helpers and attaching to the graph store. Here a thread does both while the
server starts; the store lands in the same ``st.cache_resource`` the pages use (one store per
process). ``lawgraph dashboard`` starts the dashboard this way.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from pathlib import Path

APP = Path(__file__).resolve().parent / "app.py"


def warm_up(wait_s: float = 10.0) -> None:
    """Import the query layer and open the store (errors are left for the first page to report)."""
    from streamlit import runtime

    deadline = time.monotonic() + wait_s
    while not runtime.exists() and time.monotonic() < deadline:  # the pages' caches live in the runtime
        time.sleep(0.01)
    try:
        # not the graph widget: st-link-analysis registers its frontend on import, which must happen in a run
        from dashboard import state

        state.store()
    except Exception as exc:  # the first page shows the store error with its message
        logging.getLogger(__name__).warning("dashboard warm-up: %s", exc)


def main(options: list[str]) -> None:
    threading.Thread(target=warm_up, name="dashboard-warm-up", daemon=True).start()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *options]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])

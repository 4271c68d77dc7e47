"""lawgraph dashboard: explore, explain and teach platform liability law from the knowledge graph.

Run ``lawgraph dashboard`` (or ``streamlit run dashboard/app.py`` in the project's venv: the pages import
``lawgraph.*``, which the install maps to these folders). It reads the embedded store built
from the bundled data, or Neo4j when ``NEO4J_URI`` is set, and says which in the sidebar. This file is
the frame around every page: language toggle, store, navigation.
"""

from __future__ import annotations

import streamlit as st
from lawgraph.dashboard import state, url_state
from lawgraph.dashboard.i18n import LANG_KEY, LANGUAGES, note_language, t
from lawgraph.ingest.errors import BuildRefused, DataError
from lawgraph.stores.base import StoreError

# the scales as a Material icon, not the emoji ⚖️: an emoji icon makes Streamlit load its emoji catalogue and
# compile a regular expression over it (50–70 ms of start-up)
st.set_page_config(page_title="lawgraph", page_icon=":material/balance:", layout="wide")

url_state.seed(LANG_KEY, "lang", LANGUAGES)
st.session_state.setdefault(LANG_KEY, "en")
with st.sidebar:
    lang = st.segmented_control(t("app.language"), list(LANGUAGES), format_func=LANGUAGES.__getitem__,
                                key=LANG_KEY, required=True)
url_state.publish("lang", None if lang == "en" else lang)
note_language()

PAGES = {
    "section.analyse": [("app_pages/outcome.py", "page.outcome", ":material/gavel:", "outcome"),
                        ("app_pages/explore.py", "page.explore", ":material/hub:", "explore")],
    "section.browse": [("app_pages/statutes.py", "page.statutes", ":material/menu_book:", "statutes"),
                       ("app_pages/cases.py", "page.cases", ":material/account_balance:", "cases"),
                       ("app_pages/debates.py", "page.debates", ":material/forum:", "debates")],
    "section.learn": [("app_pages/teach.py", "page.teach", ":material/school:", "teach"),
                      ("app_pages/console.py", "page.console", ":material/terminal:", "cypher")],
}
page = st.navigation({
    t(section): [st.Page(path, title=t(title), icon=icon, url_path=url, default=url == "outcome")
                 for path, title, icon, url in pages]
    for section, pages in PAGES.items()
})

kind, where = state.backend_summary()
st.sidebar.caption(f"{t('app.backend')}: **{t('app.backend.' + kind)}**  \n`{where}`")

try:
    state.store()
except (StoreError, BuildRefused, DataError) as exc:  # bad data or no store: say why, no traceback
    st.error(f"{t('app.store_error')}: {exc}")
    st.stop()
if state.stale():  # the store is not rebuilt from a read: say so, and keep answering from it
    st.sidebar.warning(t("app.stale"), icon=":material/update:")

st.title(page.title)
try:
    page.run()
except StoreError as exc:  # a query the store refused or could not finish: say why, no traceback
    st.error(str(exc))

"""Page scripts of the dashboard, run by st.navigation in dashboard/app.py (not named pages/: Streamlit treats
a pages/ folder next to the entrypoint as a legacy multipage app)."""

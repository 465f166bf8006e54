"""Streamlit entry point: `streamlit run app.py` (or `timeline app`)."""

from timeline.views.dashboard import main

main()

"""Streamlit entry point: `streamlit run app.py` (or `timeline app`)."""

from timeline.dashboard import main

main()

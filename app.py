"""Streamlit entry point: `streamlit run app.py` (or `timeline app`)."""

# Streamlit runs this file as __main__; a worker process the dashboard spawns imports it
# again as __mp_main__, and must neither start a dashboard nor load one
if __name__ == "__main__":
    from timeline.views.dashboard import main

    main()

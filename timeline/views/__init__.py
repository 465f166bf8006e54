"""What a person looks at: the figure, its layout, and the Streamlit dashboard."""

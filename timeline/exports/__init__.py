"""Writing a timeline out: one module per format, every file through ``timeline.io.files``."""

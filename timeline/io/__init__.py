"""Reading documents (files, directories, JSONL, web pages, the seeds) and writing files safely."""

"""Stories from a stream: store, ingest, near-duplicates, story clustering."""

"""The Textual front end. Imported lazily by the CLI; the core never imports it."""

"""JSON Schema validation with located messages, its closure-compiled fast path, and the bundled schemas."""

"""Reading input: bounded, strict YAML loading into a Document with the place of every node."""

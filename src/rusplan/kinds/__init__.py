"""Document kinds: each kind of plan rusplan can check lives in its own subpackage."""

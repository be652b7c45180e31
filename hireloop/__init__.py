"""HireLoop: a self-hosted AI interview system."""

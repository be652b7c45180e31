"""Pages. Each view parses input, calls a service and renders; rules live in the services."""

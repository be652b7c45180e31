"""A raw dump of the test database, as an attacker with a copy of it would see it."""

import shutil
import subprocess

from django.db import connection


def raw_database_dump() -> str:
    """``sqlite3 .dump`` or ``pg_dump`` of the current database, as text.

    Only committed rows are visible to pg_dump: call it from a ``transaction=True`` test.
    """
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return "\n".join(connection.connection.iterdump())
    if connection.vendor == "postgresql":
        pg_dump = shutil.which("pg_dump")
        if pg_dump is None:
            raise RuntimeError("pg_dump is not installed; it comes with the PostgreSQL client.")
        params = connection.get_connection_params()
        command = [pg_dump, "--data-only", "--no-owner", "-d", params["dbname"]]
        for flag, key in (("-h", "host"), ("-p", "port"), ("-U", "user")):
            if params.get(key):
                command += [flag, str(params[key])]
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout
    raise RuntimeError(f"No raw dump for the {connection.vendor} backend.")

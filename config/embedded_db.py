"""The embedded PostgreSQL used when no DATABASE_URL is given.

One server per checkout, its data in ``.pgdata/`` (git-ignored). The first process that needs
it starts it; every later process (server, tests, manage.py commands) finds it running through
``postmaster.pid`` and reuses it. It is left running on exit so that the next command starts
in milliseconds; ``make db-stop`` stops it.
"""

import logging
import os
import sys
import threading
import warnings
from pathlib import Path

DB_NAME = "ckb"
logger = logging.getLogger(__name__)
_reviving = threading.Lock()


class EmbeddedDatabaseError(RuntimeError):
    pass


def database_url(base_dir: Path) -> str:
    """Start (or reuse) the embedded server and return a URL for the project's database."""
    pgdata = base_dir / ".pgdata"
    # pgserver logs every step at INFO; only failures matter to us.
    logging.getLogger("pgserver").setLevel(logging.WARNING)
    try:
        with warnings.catch_warnings():
            # platformdirs warns when XDG_RUNTIME_DIR is unset; its /tmp fallback is fine.
            warnings.simplefilter("ignore")
            import pgserver

            server = pgserver.get_server(pgdata, cleanup_mode=None)
        exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DB_NAME}';")
        if "(1 row)" not in exists:
            server.psql(f"CREATE DATABASE {DB_NAME};")
        return server.get_uri(DB_NAME)
    except Exception as exc:  # noqa: BLE001 - any failure is reported as one clear line
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        message = (
            f"Embedded PostgreSQL could not start in {pgdata} ({reason}). "
            "Set DATABASE_URL to use another PostgreSQL 15+, or see its log in .pgdata/log."
        )
        print(message, file=sys.stderr)
        raise EmbeddedDatabaseError(message) from None


def postmaster_running(pgdata: Path) -> bool:
    """Whether the server's postmaster (the pid on the first line of ``postmaster.pid``) lives."""
    try:
        pid = int((pgdata / "postmaster.pid").read_text().split("\n", 1)[0])
    except (OSError, ValueError):
        return False
    try:
        os.kill(pid, 0)
    except PermissionError:
        return True  # alive, another user's
    except OSError:
        return False
    return True


def revive(pgdata: Path) -> threading.Thread | None:
    """Start the embedded server again, in the background, when a connection failed and its
    postmaster is gone (stopped by hand, killed, the machine's OOM killer). One attempt at a time
    in a process; pgserver's own lock keeps two processes from starting it twice. Returns the
    thread that starts it, or None when it runs or is being started already."""
    if postmaster_running(pgdata) or not _reviving.acquire(blocking=False):
        return None

    def start():
        try:
            if postmaster_running(pgdata):
                return
            logger.warning("The embedded PostgreSQL in %s is not running: starting it again.", pgdata)
            logging.getLogger("pgserver").setLevel(logging.WARNING)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                from pgserver import postgres_server

                # get_server() hands back the handle of the server it started before, stopped
                # or not; a new handle checks and starts it.
                postgres_server.PostgresServer._instances.pop(Path(pgdata).expanduser().resolve(), None)
                postgres_server.get_server(pgdata, cleanup_mode=None)
        except Exception:
            logger.exception("The embedded PostgreSQL in %s could not be started again.", pgdata)
        finally:
            _reviving.release()

    thread = threading.Thread(target=start, name="embedded-db-revive", daemon=True)
    thread.start()
    return thread


def stop(base_dir: Path) -> None:
    """Stop the embedded server if it runs (`make db-stop`)."""
    import os

    from pgserver import pg_ctl

    pgdata = base_dir / ".pgdata"
    if not (pgdata / "postmaster.pid").exists():
        print("The embedded PostgreSQL is not running.")
        return
    # As root, pgserver runs the server as its own "pgserver" system user.
    user = "pgserver" if hasattr(os, "geteuid") and os.geteuid() == 0 else None
    pg_ctl(["-w", "stop"], pgdata=pgdata, user=user)
    print("The embedded PostgreSQL has stopped.")


if __name__ == "__main__":
    if sys.argv[1:] == ["stop"]:
        stop(Path(__file__).resolve().parent.parent)
    else:
        sys.exit("usage: python -m config.embedded_db stop")

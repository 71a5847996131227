"""What running a large meeting costs (issue 19): the list of participants of the benchmark's large
meeting as a PDF, rendered from scratch in each language, and the staff accreditation page's
queries with every delegation invited and nominated.

    python -m benchmarks.nominations [--renders N]

On the data `make bench` or `make bench-quick` generates (benchmarks/data/; generated when
missing), the large meeting (200 delegations, 2,000 participants) gets an invitation for each
delegation and a nomination of 10 members each (2,000 nominated members), once. Then, in
process (the Flask test client, as benchmarks/inprocess.py):

- the list of participants PDF in en, fr and es, built every time (`CACHE_TYPE=NullCache`):
  wall milliseconds, the first render and the median of N;
- the accreditation page, signed in as a staff member: its SQL queries (the app's
  X-Query-Count) with 3 delegations invited and with all 200: bounded, whatever their number.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from datetime import UTC, datetime, timedelta

from benchmarks.dataset import ensure_data
from benchmarks.generate import DATA, DEFAULT_BLOBS, DEFAULT_DATABASE, LARGE

STAFF = "bench-staff@iom.test"
PASSWORD = "bench-staff-password-1"
MEMBERS = 10


def nominate_every_delegation(app) -> int:
    """An invitation and a 10-member nomination for each delegation of the large meeting that
    has none yet; the number of delegations invited."""
    from sqlalchemy import select

    from iom_events.accounts.auth import hash_password
    from iom_events.accounts.models import User, UserRole
    from iom_events.delegations.models import Delegation
    from iom_events.events.models import Event
    from iom_events.extensions import db
    from iom_events.nominations.models import Invitation, NominationRole, NominationVersion

    with app.app_context():
        if db.session.scalar(select(User).where(User.email == STAFF)) is None:
            db.session.add(
                User(email=STAFF, password_hash=hash_password(PASSWORD), role=UserRole.ADMIN)
            )
        event = db.session.scalar(select(Event).where(Event.slug == LARGE))
        invited = set(
            db.session.scalars(
                select(Invitation.delegation_id).where(Invitation.event_id == event.id)
            )
        )
        delegations = db.session.scalars(select(Delegation).where(Delegation.event_id == event.id))
        deadline = datetime.now(UTC) + timedelta(days=365)
        for delegation in delegations:
            if delegation.id in invited:
                continue
            members = [
                {
                    "key": f"{delegation.id:06x}{n:04x}",
                    "title": "Ms" if n % 2 else "Mr",
                    "name": f"Member {n} of delegation {delegation.id}",
                    "function": "Adviser, Ministry of Foreign Affairs",
                    "role": (
                        NominationRole.HEAD_OF_DELEGATION if n == 0 else NominationRole.DELEGATE
                    ).value,
                    "email": f"member{n}.{delegation.id}@example.org",
                    "phone": "",
                    "public": True,
                }
                for n in range(MEMBERS)
            ]
            invitation = Invitation(
                event_id=event.id,
                delegation_id=delegation.id,
                focal_point_name=f"Focal point {delegation.id}",
                focal_point_email=f"focal.{delegation.id}@example.org",
                language="fr",
                deadline=deadline,
                latest_number=1,
            )
            invitation.versions.append(
                NominationVersion(
                    number=1, members=members, sent_by=f"focal.{delegation.id}@example.org"
                )
            )
            db.session.add(invitation)
        db.session.commit()
        return len(
            list(db.session.scalars(select(Invitation.id).where(Invitation.event_id == event.id)))
        )


def render_ms(client, path: str, renders: int) -> tuple[float, float]:
    """(first render, median of `renders` more) in wall milliseconds."""
    times = []
    for _ in range(renders + 1):
        started = time.perf_counter()
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        times.append((time.perf_counter() - started) * 1000)
    return times[0], statistics.median(times[1:])


def staff_client(app):
    client = app.test_client()
    html = client.get("/en/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)[1]
    signed = client.post(
        "/en/sign-in", data={"email": STAFF, "password": PASSWORD, "csrf_token": token}
    )
    assert signed.status_code == 302, signed.status_code
    return client


def accreditation_queries(app, client) -> int:
    response = client.get(f"/en/manage/events/{LARGE}/nominations/")
    assert response.status_code == 200, response.status_code
    return int(response.headers["X-Query-Count"])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--renders", type=int, default=3, help="renders a language after the first")
    args = parser.parse_args(argv)
    DATA.mkdir(exist_ok=True)
    ensure_data(DEFAULT_DATABASE, DEFAULT_BLOBS, 1000)

    from sqlalchemy import delete, select

    from iom_events import create_app
    from iom_events.events.models import Event
    from iom_events.extensions import db
    from iom_events.nominations.models import Invitation

    base = {
        "SQLALCHEMY_DATABASE_URI": DEFAULT_DATABASE,
        "BLOB_DIR": DEFAULT_BLOBS,
        "QUERY_COUNT_HEADER": True,
    }
    app = create_app({**base, "CACHE_TYPE": "NullCache"})
    invited = nominate_every_delegation(app)
    print(f"large meeting: {invited} delegations invited, {invited * MEMBERS:,} members nominated")
    client = app.test_client()
    for lang in ("en", "fr", "es"):
        first, median = render_ms(client, f"/{lang}/events/{LARGE}/participants.pdf", args.renders)
        print(
            f"list of participants PDF, {lang}: first {first:,.0f} ms, "
            f"then {median:,.0f} ms (median)"
        )
    staff = staff_client(app)
    with_all = accreditation_queries(app, staff)
    with app.app_context():  # the same page with 3 invitations: the count must not move
        event_id = db.session.scalar(select(Event.id).where(Event.slug == LARGE))
        kept = list(
            db.session.scalars(
                select(Invitation.id).where(Invitation.event_id == event_id).limit(3)
            )
        )
        db.session.execute(
            delete(Invitation).where(Invitation.event_id == event_id, Invitation.id.not_in(kept))
        )
        db.session.commit()
    with_three = accreditation_queries(app, staff)
    print(f"accreditation page: {with_all} queries with {invited} delegations, {with_three} with 3")
    nominate_every_delegation(app)  # as it was
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

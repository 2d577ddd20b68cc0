"""Synthetic but realistic data sets, generated deterministically from a seed.

People have names, companies and places drawn from small vocabularies; interactions
lean towards the inner circle and towards recent months, as a real history does.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from pathlib import Path

FIRST = [
    "Ada",
    "Grace",
    "Alan",
    "Mira",
    "Tomas",
    "Lena",
    "Ravi",
    "Chen",
    "Amara",
    "Kofi",
    "Ines",
    "Yuki",
    "Omar",
    "Sofia",
    "Liam",
    "Noor",
    "Pavel",
    "Zara",
    "Diego",
    "Hana",
    "Felix",
    "Maya",
]
LAST = [
    "Okafor",
    "Silva",
    "Novak",
    "Tanaka",
    "Haddad",
    "Moreau",
    "Larsen",
    "Kowalski",
    "Mensah",
    "Ibrahim",
    "Costa",
    "Nguyen",
    "Rossi",
    "Schmidt",
    "Patel",
    "Duarte",
    "Berg",
    "Quinn",
]
COMPANIES = [
    "Northwind",
    "Contoso",
    "Fabrikam",
    "Initech",
    "Globex",
    "Umbrella Labs",
    "Hooli",
    "Vandelay",
    "Stark Analytics",
    "Wayne Data",
    "Acme Cloud",
    "Tyrell Bio",
]
INDUSTRIES = [
    "Software",
    "Finance",
    "Health",
    "Education",
    "Energy",
    "Retail",
    "Media",
    "Public sector",
]
PLACES = [
    "London, UK",
    "Berlin, DE",
    "Lisbon, PT",
    "Lagos, NG",
    "Toronto, CA",
    "Austin, US",
    "Singapore, SG",
    "Sydney, AU",
    "Nairobi, KE",
    "Warsaw, PL",
    "Tokyo, JP",
    "Bogota, CO",
]
TOPICS = [
    "pricing",
    "open banking",
    "hiring",
    "design systems",
    "data platforms",
    "fundraising",
    "product strategy",
    "developer tools",
    "climate tech",
    "mentoring",
    "machine learning",
    "payments",
]
KINDS = ["coffee", "call", "video", "meeting", "email", "message", "linkedin", "intro"]
VALUES = ["give"] * 7 + ["share"] * 2 + ["ask"]
SENIORITY = ["junior", "mid", "senior", "executive"]
BOARD = ["sponsor", "mentor", "coach", "connector", "peer"]


def _contact(rng: random.Random, index: int, name: str, today: dt.date) -> str:
    circle = rng.choices(["inner", "middle", "outer"], weights=[2, 10, 88])[0]
    met = today - dt.timedelta(days=rng.randint(30, 2000))
    lines = [
        "# yaml-language-server: $schema=../../schemas/contact.schema.json",
        f"name: {name}",
        f"circle: {circle}",
        f"company: {rng.choice(COMPANIES)}",
        f"role: {rng.choice(['Engineer', 'Designer', 'Manager', 'Founder', 'Analyst'])}",
        f"industry: {rng.choice(INDUSTRIES)}",
        f"location: {rng.choice(PLACES)}",
        f"seniority: {rng.choice(SENIORITY)}",
        f"met: {{on: {met.isoformat()}, how: Met at a meetup}}",
        f"influence: {rng.randint(1, 5)}",
        f"accessibility: {rng.randint(1, 5)}",
        f"tags: [{rng.choice(['python', 'data', 'design', 'leadership'])}]",
        f"dates: {{birthday: '{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}'}}",
        "private:",
        f"  email: person{index}@example.com",
        f"  phone: '+44 20 7946 {index % 10000:04d}'",
    ]
    interests = rng.sample(TOPICS, k=rng.randint(0, 3))
    if interests:
        lines.append(f"interests: [{', '.join(interests)}]")
    if rng.random() < 0.4:
        lines.append(f"can_help_them: Intros in {rng.choice(TOPICS)}")
        lines.append(f"can_help_me: Advice on {rng.choice(TOPICS)}")
    if index % 40 == 0:
        lines.append(f"board_role: {BOARD[(index // 40) % 5]}")
    if index % 7 == 0:
        lines.append("trust: {credibility: 7, reliability: 8, intimacy: 5, self_orientation: 3}")
    return "\n".join(lines) + "\n"


def _interaction(rng: random.Random, day: dt.date, people: list[str], ids: list[str]) -> str:
    item = [
        f"- date: {day.isoformat()}",
        f"  with: [{', '.join(people)}]",
        f"  kind: {rng.choice(KINDS)}",
        f"  value: {rng.choice(VALUES)}",
        f"  initiated: {rng.choice(['me', 'them'])}",
        "  summary: Caught up on projects and shared a few links",
    ]
    if rng.random() < 0.05:
        others = [rng.choice(ids) for _ in range(3)]
        item.append(f"  introduced: [{next((o for o in others if o not in people), others[0])}]")
    if rng.random() < 0.05:
        item.append(f"  outcomes: [{rng.choice(['referral', 'job_lead', 'collaboration'])}]")
    if rng.random() < 0.1:
        due = (day + dt.timedelta(days=3)).isoformat()
        item.append(f"  follow_ups:\n    - {{do: Send the notes, due: {due}}}")
    return "\n".join(item) + "\n"


def generate(
    root: Path, *, contacts: int, interactions: int, events: int, today: dt.date, seed: int = 7
) -> Path:
    """Write a data folder of the given size under `root` and return it."""
    rng = random.Random(seed)
    (root / "contacts").mkdir(parents=True, exist_ok=True)
    (root / "interactions").mkdir(exist_ok=True)
    (root / "settings.yml").write_text("owner: Sam Example\nroadmap_start: 2026-01-01\n")
    ids = []
    for index in range(contacts):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {index}"
        contact_id = name.lower().replace(" ", "-")
        ids.append(contact_id)
        (root / "contacts" / f"{contact_id}.yml").write_text(_contact(rng, index, name, today))
    by_year: dict[int, list[str]] = defaultdict(list)
    for _ in range(interactions):
        day = today - dt.timedelta(days=int(rng.expovariate(1 / 200)) % 1500)
        people = rng.sample(ids, k=1 if rng.random() < 0.9 else min(2, len(ids)))
        by_year[day.year].append(_interaction(rng, day, people, ids))
    for year, items in by_year.items():
        text = "# yaml-language-server: $schema=../../schemas/interactions.schema.json\n"
        (root / "interactions" / f"{year}.yml").write_text(text + "".join(items))
    event_lines = []
    for index in range(events):
        day = today - dt.timedelta(days=rng.randint(0, 700))
        met = ", ".join(rng.sample(ids, k=min(3, len(ids))))
        event_lines.append(
            f"- {{id: event-{index}, name: Meetup {index}, date: {day.isoformat()}, "
            f"kind: {rng.choice(['conference', 'meetup', 'workshop'])}, met: [{met}]}}\n"
        )
    (root / "events.yml").write_text("".join(event_lines) or "[]\n")
    (root / "goals.yml").write_text(
        "roadmap:\n  - phase: Foundation\n    months: 1-3\n    targets:\n"
        "      - {metric: new_contacts, target: 20}\n      - {metric: gives, target: 30}\n"
        "habits:\n  - {every: week, metric: interactions, target: 5}\n"
    )
    return root

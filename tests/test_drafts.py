"""Message drafts: every built-in template fills from the data, markers mark the rest."""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import cache
from pathlib import Path

import pytest

from site_builder.drafts import BUILT_IN, DraftError, draft, templates
from site_builder.drafts.facts import in_words, inline, joined, pitch_text
from site_builder.loading.loader import load
from site_builder.models import Dataset
from site_builder.models.settings import Pitch, Publish
from site_builder.models.templates import MARKER, PLACEHOLDERS, MessageTemplate
from tests.conftest import WriteData

REPO = Path(__file__).resolve().parent.parent
DEMO_TODAY = dt.date(2026, 11, 23)
LINKEDIN_NOTE_LIMIT = 300
REQUIRED_IDS = {
    "cold_outreach",
    "ask_intro",
    "event_follow_up",
    "linkedin_peer",
    "linkedin_leader",
    "linkedin_mentor",
    "reconnect",
    "check_in",
    "follow_up",
    "birthday",
    "congratulate",
    "thank_you",
    "give",
    "intro_both",
    "confirm",
    "support",
}

ADA = """\
    name: Ada Lovelace
    circle: inner
    company: Analytical Engines
    role: Principal Engineer
    interests: [compilers, mentoring, chess]
    can_help_them: Reviews for her compiler.
    met: {on: 2026-01-10, event: pycon}
    private: {family: Partner Charles, hobbies: [sailing, chess, opera]}
    """
FILES = {
    "contacts/ada-lovelace.yml": ADA,
    "contacts/grace-hopper.yml": "name: Grace Hopper\ncircle: middle\ncompany: Navy\n",
    "contacts/lone.yml": "name: Lone Wolf\ncircle: outer\n",
    "events.yml": "- {id: pycon, name: PyCon 2026, date: 2026-01-10, met: [ada-lovelace]}\n",
    "interactions/2026.yml": """\
        - date: 2026-02-01
          with: [ada-lovelace]
          kind: coffee
          summary: Talked about the new IR.
          follow_ups:
            - {do: Send the MLIR paper, due: 2026-02-10}
            - {do: Introduce her to Grace}
        - {date: 2026-03-01, with: [ada-lovelace], kind: call, summary: Chess openings}
        """,
}


@cache
def demo() -> Dataset:
    return load(REPO / "data").dataset


def small(write_data: WriteData, **settings: str) -> Dataset:
    lines = "".join(f"{key}: {value}\n" for key, value in settings.items())
    root = write_data({**FILES, "settings.yml": "owner: Alex Rivera\n" + lines})
    result = load(root)
    assert result.ok, result.problems
    return result.dataset


def markers(*texts: str | None) -> tuple[str, ...]:
    found = [m.group(1) for text in texts if text for m in MARKER.finditer(text)]
    return tuple(dict.fromkeys(found))


def test_the_built_in_templates_are_the_documented_ones() -> None:
    ids = [template.id for template in BUILT_IN]
    assert set(ids) == REQUIRED_IDS
    assert len(ids) == len(set(ids))
    assert all(template.title and template.when for template in BUILT_IN)


@pytest.mark.parametrize("template_id", sorted(REQUIRED_IDS))
def test_every_built_in_fills_for_every_demo_contact(template_id: str) -> None:
    dataset = demo()
    for contact_id in dataset.contacts:
        made = draft(dataset, template_id, contact_id, DEMO_TODAY, other_id="helena-marchetti")
        whole = f"{made.subject or ''}\n{made.text}"
        assert not set("{}[]") & set(whole), (contact_id, whole)
        assert made.to_write == markers(made.subject, made.text)
        assert made.template == template_id


@pytest.mark.parametrize("template_id", ["linkedin_peer", "linkedin_leader", "linkedin_mentor"])
def test_linkedin_notes_fit_the_note_limit_for_every_demo_contact(template_id: str) -> None:
    dataset = demo()
    lengths = [
        len(draft(dataset, template_id, contact_id, DEMO_TODAY).text)
        for contact_id in dataset.contacts
    ]
    assert max(lengths) <= LINKEDIN_NOTE_LIMIT
    assert draft(dataset, template_id, "helena-marchetti", DEMO_TODAY).subject is None


def test_placeholders_are_filled_from_the_contact_history_event_and_owner(
    write_data: WriteData,
) -> None:
    dataset = small(write_data)
    values = {
        "first_name": "Ada",
        "company": "Analytical Engines",
        "interests": "compilers and mentoring",
        "last_topic": "chess openings",
        "last_date": "1 March 2026",
        "event": "PyCon 2026",
        "event_date": "10 January 2026",
        "promise": "send the MLIR paper",
        "other_name": "Grace Hopper",
        "other_company": "Navy",
        "can_help_them": "reviews for her compiler",
        "owner_first_name": "Alex",
    }
    body = " | ".join(f"{{{name}}}" for name in values)
    dataset = dataclasses.replace(dataset, templates={"probe": _template(body)})
    made = draft(dataset, "probe", "ada-lovelace", dt.date(2026, 3, 5), other_id="grace-hopper")
    assert made.text == " | ".join(values.values())
    assert made.to_write == ()


def test_what_the_data_lacks_becomes_a_marker_listed_in_to_write(write_data: WriteData) -> None:
    dataset = dataclasses.replace(
        small(write_data), templates={"probe": _template("{company}, {event}: {pitch} ‹mine›")}
    )
    made = draft(dataset, "probe", "lone", dt.date(2026, 3, 5))
    assert (
        made.text
        == "‹their company›, ‹the event where you met›: ‹your 30-second introduction› ‹mine›"
    )
    assert made.to_write == (
        "their company",
        "the event where you met",
        "your 30-second introduction",
        "mine",
    )


def test_every_placeholder_has_a_marker_and_a_source() -> None:
    assert all(p.marker and p.source for p in PLACEHOLDERS.values())
    assert {"first_name", "other_name", "pitch", "promise", "hobbies"} <= set(PLACEHOLDERS)


def test_private_details_are_quoted_only_when_published(write_data: WriteData) -> None:
    hidden = dataclasses.replace(
        small(write_data), templates={"probe": _template("{hobbies}; {family}")}
    )
    made = draft(hidden, "probe", "ada-lovelace", DEMO_TODAY)
    assert made.text == "‹their hobbies›; ‹their family›"
    assert made.to_write == ("their hobbies", "their family")
    settings = hidden.settings.model_copy(update={"publish": Publish(private_details=True)})
    shown = draft(
        dataclasses.replace(hidden, settings=settings), "probe", "ada-lovelace", DEMO_TODAY
    )
    assert shown.text == "sailing and chess; Partner Charles"
    assert shown.to_write == ()


def test_the_demo_birthday_draft_keeps_hobbies_private() -> None:
    made = draft(demo(), "birthday", "helena-marchetti", DEMO_TODAY)
    assert "Verdi" not in made.text
    assert "their hobbies" in made.to_write


def test_a_template_from_the_data_wins_and_keeps_what_it_leaves_out(
    write_data: WriteData,
) -> None:
    dataset = small(write_data)
    override = _template("Hello {first_name}!", title=None, when=None)
    custom = dataclasses.replace(dataset, templates={"check_in": override})
    made = draft(custom, "check_in", "ada-lovelace", DEMO_TODAY)
    built_in = templates(dataset)["check_in"]
    assert made.text == "Hello Ada!"
    assert made.title == built_in.title
    assert templates(custom)["check_in"].when == built_in.when
    assert made.subject == built_in.subject


def test_an_empty_subject_drops_the_built_in_one(write_data: WriteData) -> None:
    custom = dataclasses.replace(small(write_data), templates={"give": _template("Hi", subject="")})
    assert draft(custom, "give", "ada-lovelace", DEMO_TODAY).subject is None


def test_a_new_template_id_gets_a_title_from_its_id(write_data: WriteData) -> None:
    custom = dataclasses.replace(
        small(write_data),
        templates={"holiday_greeting": _template("Happy holidays!", title=None, when=None)},
    )
    made = draft(custom, "holiday_greeting", "ada-lovelace", DEMO_TODAY)
    assert (made.title, made.text) == ("Holiday greeting", "Happy holidays!")
    assert templates(custom)["holiday_greeting"].when == ""
    assert list(templates(custom))[-1] == "holiday_greeting"


def test_the_demo_overrides_check_in() -> None:
    dataset = demo()
    assert "check_in" in dataset.templates
    made = draft(dataset, "check_in", "helena-marchetti", DEMO_TODAY)
    assert made.text.startswith("Hi Helena,")
    assert made.text != next(t for t in BUILT_IN if t.id == "check_in").body
    assert "Warmly" in made.text


def test_unknown_ids_raise_a_clear_error(write_data: WriteData) -> None:
    dataset = small(write_data)
    with pytest.raises(DraftError, match=r"unknown template 'nope'; the templates are: .*check_in"):
        draft(dataset, "nope", "ada-lovelace", DEMO_TODAY)
    with pytest.raises(DraftError, match="unknown contact 'nobody'"):
        draft(dataset, "check_in", "nobody", DEMO_TODAY)
    with pytest.raises(DraftError, match="unknown event 'nope'; the events are: pycon"):
        draft(dataset, "check_in", "ada-lovelace", DEMO_TODAY, event_id="nope")
    with pytest.raises(DraftError, match="unknown contact 'nobody'"):
        draft(dataset, "intro_both", "ada-lovelace", DEMO_TODAY, other_id="nobody")


def test_values_from_the_data_cannot_pose_as_markers(write_data: WriteData) -> None:
    dataset = small(write_data)
    contact = dataset.contacts["lone"].model_copy(update={"company": "‹Acme›"})
    custom = dataclasses.replace(
        dataset,
        contacts={**dataset.contacts, "lone": contact},
        templates={"probe": _template("{company}")},
    )
    made = draft(custom, "probe", "lone", DEMO_TODAY)
    assert (made.text, made.to_write) == ("<Acme>", ())


def test_the_pitch_joins_who_what_and_hook() -> None:
    pitch = Pitch(who="Alex, a product manager", what="I price things", hook="Ask me why")
    assert pitch_text(pitch) == "I'm Alex, a product manager. I price things. Ask me why."
    assert pitch_text(Pitch(who="I am Alex.", what="X!", hook="Y?")) == "I am Alex. X! Y?"
    assert pitch_text(None) is None


def test_the_demo_pitch_reaches_cold_outreach() -> None:
    made = draft(demo(), "cold_outreach", "marcus-lindqvist", DEMO_TODAY)
    assert "I'm Alex, a senior product manager at Ledgerline." in made.text
    assert "your 30-second introduction" not in made.to_write


def test_words_for_dates_lists_and_notes() -> None:
    assert in_words(dt.date(2026, 5, 4)) == "4 May 2026"
    assert joined([]) is None
    assert joined(["a"]) == "a"
    assert joined(["a", "b", "c"]) == "a, b and c"
    assert inline("Send the deck.") == "send the deck"
    assert inline("UK edtech contacts") == "UK edtech contacts"
    assert inline("") is None


def _template(
    body: str,
    *,
    title: str | None = "Probe",
    when: str | None = "Tests",
    subject: str | None = None,
) -> MessageTemplate:
    return MessageTemplate(title=title, when=when, subject=subject, body=body)


def test_an_introduction_without_the_other_person_asks_for_them() -> None:
    made = draft(demo(), "intro_both", "helena-marchetti", DEMO_TODAY)
    assert made.subject == "Introduction: Helena, meet ‹the other person's first name›"
    assert made.to_write[:2] == ("the other person's first name", "who to introduce")


def test_the_guide_lists_every_template_and_placeholder() -> None:
    guide = (REPO / "docs" / "guide" / "drafts.md").read_text(encoding="utf-8")
    assert [t.id for t in BUILT_IN if f"| `{t.id}` | {t.title} |" not in guide] == []
    assert [name for name in PLACEHOLDERS if f"`{{{name}}}`" not in guide] == []
    always_known = {"first_name", "name", "owner", "owner_first_name"}
    markers = [p.marker for name, p in PLACEHOLDERS.items() if name not in always_known]
    assert [marker for marker in markers if f"‹{marker}›" not in guide] == []
    assert "guide/drafts.md" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")

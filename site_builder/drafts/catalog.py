"""The built-in message templates, and the catalogue your `data/templates.yml` adjusts.

Each body uses `{placeholders}` for what the data knows and `‹markers›` for what only
you can write. The LinkedIn notes stay well under LinkedIn's 300-character limit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from site_builder.drafts.errors import DraftError
from site_builder.models import Dataset
from site_builder.models.templates import MessageTemplate


@dataclass(frozen=True)
class Template:
    """A message template: its id, a title, when to use it, a subject and a body."""

    id: str
    title: str
    when: str
    subject: str | None
    body: str


BUILT_IN: tuple[Template, ...] = (
    Template(
        "cold_outreach",
        "First message",
        "Someone you have not met yet, whose work you would like to learn from.",
        "A question about {interests}",
        "Hi {first_name},\n\n"
        "Your ‹talk, article or project› caught my eye, in particular ‹what impressed you›.\n\n"
        "{pitch}\n\n"
        "I would value your view on ‹one specific question›. Could you spare 20 minutes "
        "for a video call in the coming weeks? I am happy to fit around your diary.\n\n"
        "Thanks for reading,\n{owner_first_name}",
    ),
    Template(
        "ask_intro",
        "Ask for an introduction",
        "Someone you know well enough to ask to introduce you to a person they know.",
        "Could you introduce me to {other_first_name}?",
        "Hi {first_name},\n\n"
        "A small favour, and do say no if it is awkward: I would like to meet {other_name} "
        "at {other_company}. I am working on ‹what you are working on›, and "
        "{other_first_name} knows ‹what you hope to learn from them›.\n\n"
        "If you are comfortable putting us in touch, I will send you two lines about me "
        "that you can forward as they are.\n\n"
        "Thank you either way,\n{owner_first_name}",
    ),
    Template(
        "event_follow_up",
        "After the event",
        "Within a day or two of meeting someone at an event (connect in 24 hours, send what "
        "you promised in 48, meet within 7 days).",
        "Good to meet you at {event}",
        "Hi {first_name},\n\n"
        "Thank you for the conversation at {event}; ‹what stayed with you› has been on my "
        "mind since.\n\n"
        "I said I would {promise}: ‹the link, file or name›.\n\n"
        "Shall we carry on over a coffee or a call next week? ‹two times that suit you› "
        "would work for me.\n\n"
        "Best,\n{owner_first_name}",
    ),
    Template(
        "linkedin_peer",
        "LinkedIn note: a fellow professional",
        "A connection request to someone who does work like yours.",
        None,
        "Hi {first_name}, your ‹post or project› on {interests} was a useful read. I work "
        "on similar problems and would enjoy comparing notes. Shall we connect, and maybe "
        "have a short video chat? {owner_first_name}",
    ),
    Template(
        "linkedin_leader",
        "LinkedIn note: an industry leader",
        "A connection request to someone well known in your field.",
        None,
        "Hi {first_name}, I have followed your work at {company} for a while: ‹what you "
        "admire› changed how I think. I would be grateful to connect, and for 15 minutes "
        "one day on one focused question. {owner_first_name}",
    ),
    Template(
        "linkedin_mentor",
        "LinkedIn note: a possible mentor",
        "A connection request to someone whose path you hope to follow.",
        None,
        "Hi {first_name}, your path to {role} is the one I hope to take. I would love to "
        "connect and, when you have time, hear how you ‹the step you want to learn about›. "
        "{owner_first_name}",
    ),
    Template(
        "reconnect",
        "Reconnect",
        "Someone you have not been in touch with for a long time (dormant).",
        "It has been a while",
        "Hi {first_name},\n\n"
        "It has been too long since we last spoke, on {last_date} ({last_topic}). You came "
        "to mind when ‹what reminded you of them›.\n\n"
        "How are things at {company}? What are you working on these days?\n\n"
        "On my side: ‹a short update about you›.\n\n"
        "If you have time, I would love to catch up over a call in the coming weeks.\n\n"
        "{owner_first_name}",
    ),
    Template(
        "check_in",
        "Check in",
        "Someone due for their regular touch.",
        "Checking in",
        "Hi {first_name},\n\n"
        "A quick hello: how is everything at {company}? Anything new on {interests}?\n\n"
        "‹something useful to share: an article, an event, an opening›\n\n"
        "If there is anything I can help with, just say.\n\n"
        "{owner_first_name}",
    ),
    Template(
        "follow_up",
        "Keep a promise",
        "You promised to send or do something and it is still open.",
        "As promised",
        "Hi {first_name},\n\n"
        "Following up on our conversation: I said I would {promise}. Here it is: ‹the link, "
        "file or note›.\n\n"
        "Let me know whether it helps, or whether something else would be more useful.\n\n"
        "{owner_first_name}",
    ),
    Template(
        "birthday",
        "Birthday",
        "On their birthday.",
        "Happy birthday, {first_name}!",
        "Hi {first_name},\n\n"
        "Happy birthday! I hope you find time for {hobbies} today, and that the year ahead "
        "is a good one.\n\n"
        "{owner_first_name}",
    ),
    Template(
        "congratulate",
        "Congratulations",
        "A work anniversary, a new role, a launch or other good news.",
        "Congratulations!",
        "Hi {first_name},\n\n"
        "I just saw ‹the news› and wanted to say congratulations: well deserved.\n\n"
        "I would love to hear how things are going at {company} when you have a moment.\n\n"
        "{owner_first_name}",
    ),
    Template(
        "support",
        "Support",
        "Someone who lost their job, or is going through a hard patch at work.",
        "Thinking of you",
        "Hi {first_name},\n\n"
        "I heard about ‹the news› and wanted to say I am sorry; it says nothing about the "
        "work you did.\n\n"
        "If it would help, I can ‹an introduction, a reference, a read of your CV›. No need "
        "to reply: the offer stands whenever it is useful.\n\n"
        "{owner_first_name}",
    ),
    Template(
        "thank_you",
        "Thank you",
        "After someone helped you.",
        "Thank you",
        "Hi {first_name},\n\n"
        "Thank you for ‹what they did for you›. It made a real difference: ‹what came of it›.\n\n"
        "If there is ever anything I can do in return, I would be glad to.\n\n"
        "{owner_first_name}",
    ),
    Template(
        "give",
        "Offer help",
        "Giving first: offer what you can do for them, expecting nothing back.",
        "Something that might help",
        "Hi {first_name},\n\n"
        "I have been thinking about your work at {company}, and I would like to help if it "
        "is useful. Here is what I can offer: {can_help_them}.\n\n"
        "No need for anything in return. ‹when or how you could do it›\n\n"
        "{owner_first_name}",
    ),
    Template(
        "intro_both",
        "Introduce two people",
        "Introducing two people to each other (and checking in with both afterwards).",
        "Introduction: {first_name}, meet {other_first_name}",
        "Hi {first_name} and {other_first_name},\n\n"
        "I would like you to meet.\n\n"
        "{first_name}, {other_name} works at {other_company} and ‹why they are worth "
        "meeting›.\n\n"
        "{other_first_name}, {name} is {role} at {company} and ‹why this person is worth "
        "meeting›.\n\n"
        "I think you would both enjoy talking about ‹what you have in common›. I will leave "
        "it with you, and check in with you both in a couple of weeks.\n\n"
        "{owner_first_name}",
    ),
    Template(
        "confirm",
        "Thanks and next step",
        "After a meeting: thank them and put the next step in writing.",
        "Thank you, and next steps",
        "Hi {first_name},\n\n"
        "Thank you for your time on {last_date}. I came away with ‹what you took from it›.\n\n"
        "To confirm the next step: ‹who does what, by when›. On my side, I will {promise}.\n\n"
        "Speak soon,\n{owner_first_name}",
    ),
)


def _title_of(template_id: str) -> str:
    """`check_in` -> `Check in`: the title of a template that was given none."""
    return template_id.replace("_", " ").capitalize()


def _merged(template_id: str, base: Template | None, override: MessageTemplate) -> Template:
    """Your template over the built-in one: the keys you left out keep the built-in's."""
    inherited = base.subject if base else None
    subject = override.subject if override.subject is not None else inherited
    return Template(
        id=template_id,
        title=override.title or (base.title if base else _title_of(template_id)),
        when=override.when or (base.when if base else ""),
        subject=subject or None,
        body=override.body,
    )


def templates(dataset: Dataset) -> Mapping[str, Template]:
    """Every template by id: the built-in ones, overridden or added to by the data's."""
    found = {template.id: template for template in BUILT_IN}
    for template_id, override in dataset.templates.items():
        found[template_id] = _merged(template_id, found.get(template_id), override)
    return found


def template(dataset: Dataset, template_id: str) -> Template:
    """The template with this id; an unknown id is a `DraftError` listing the known ones."""
    known = templates(dataset)
    if template_id not in known:
        raise DraftError(f"unknown template {template_id!r}; the templates are: {', '.join(known)}")
    return known[template_id]

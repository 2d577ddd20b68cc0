"""The encrypted build: every page locked with one password (mkdocs-encryptcontent-plugin,
AES in the browser through WebCrypto), for a site on a free static host with no login in
front of it. `netdash build --encrypt` adds the plugin, with the password from
$NETDASH_SITE_PASSWORD; a `mkdocs.yml` may list it too (after `netdash`).

In that mode nothing personal is written outside encrypted content: the netdash plugin
gives pages named from the data a plain title, leaves out the calendar feed, drops the
person pages from the sitemap and makes every page's parts before the page is encrypted;
the encryption plugin keeps the encrypted pages out of the search index."""

from __future__ import annotations

import gzip
import os
import re
from collections.abc import Iterable
from typing import Any

PLUGIN = "encryptcontent"
ENV_PASSWORD = "NETDASH_SITE_PASSWORD"  # noqa: S105 - the name of a variable
PERSON_TITLE = "Person"
"""The title of every person page in an encrypted build (a name stays inside)."""
_LOCS = re.compile(r"\s*<url>\s*<loc>([^<]*)</loc>.*?</url>", re.DOTALL)


class PasswordMissingError(Exception):
    """The encrypted build was asked for without a password."""


def password_from_environment() -> str:
    """The site's password, from $NETDASH_SITE_PASSWORD."""
    password = os.environ.get(ENV_PASSWORD, "")
    if not password.strip():
        raise PasswordMissingError(
            f"an encrypted build needs a password: set {ENV_PASSWORD} (in GitHub Actions, "
            "from a repository secret)"
        )
    return password


def plugin_options(password: str) -> dict[str, Any]:
    """mkdocs-encryptcontent-plugin's options for netdash: every page locked with
    `password`, its pages out of the search index, no cache of keys written beside
    mkdocs.yml, no "[Protected]" before each title, the keys kept for the browser's
    session once the password is given (one password for the whole site)."""
    return {
        "global_password": password,
        "search_index": "encrypted",
        "cache_file": "",
        "title_prefix": "",
        "summary": "This page is locked",
        "encryption_info_message": "Enter the site's password to open it.",
        "placeholder": "Password",
        "password_button": True,
        "password_button_text": "Open",
        "decryption_failure_message": "That is not the password.",
        "remember_keys": True,
        "session_storage": True,
        "webcrypto": True,
        "tag_encrypted_page": False,  # every page is locked: no lock icon in the nav
    }


def is_person_url(url: str, site_url: str) -> bool:
    """Whether a sitemap address is a person's page (`.../people/<id>/`)."""
    path = url.removeprefix(site_url).strip("/")
    parts = path.removesuffix(".html").split("/")
    return len(parts) == 2 and parts[0] == "people" and parts[1] not in ("", "index")


def public_sitemap(xml: str, site_url: str) -> str:
    """The sitemap without the person pages (their address is the contact's id)."""
    return _LOCS.sub(lambda m: "" if is_person_url(m.group(1), site_url) else m.group(0), xml)


def gzipped(text: str) -> bytes:
    """`text` gzip'd with no name and no time in the header: the same bytes every build."""
    return gzip.compress(text.encode("utf-8"), mtime=0)


def order_problem(plugins: Iterable[str]) -> str | None:
    """What is wrong with the order of the plugins for an encrypted build, if anything:
    the encryption must come after netdash, which makes the pages it encrypts."""
    names = list(plugins)
    if PLUGIN in names and "netdash" in names and names.index(PLUGIN) < names.index("netdash"):
        return f"list {PLUGIN} after netdash in mkdocs.yml's plugins"
    return None

"""Built-in English texts of the policy document (overridable per catalogue).

Placeholders: ``{site}``, ``{site_url}``, ``{controller}``, ``{consent_lifetime}``.
Paragraphs are separated by a blank line.
"""

from __future__ import annotations

from typing import Final

SECTIONS: Final[dict[str, str]] = {
    "title": "Cookie policy",
    "intro": (
        "This page explains which cookies and similar technologies {site} uses, what they are "
        "for, and how you can accept, refuse or withdraw your consent at any time."
    ),
    "what_is_a_cookie_title": "What is a cookie?",
    "what_is_a_cookie": (
        "A cookie is a small piece of information, identified by a name, that a website asks "
        "your browser to keep. The browser stores it for a set time and sends it back to the "
        "website on each later visit, so that the site can recognise your device.\n\n"
        "Cookies have many uses: keeping you signed in, remembering your language or the "
        "contents of a basket, measuring how a site is used, or following your browsing to "
        "show you advertising. Other techniques work the same way and follow the same rules: "
        "browser storage (local storage, session storage, IndexedDB) and tracking pixels. In "
        'this policy, "cookies" covers them all.'
    ),
    "kinds_of_cookies_title": "Kinds of cookies",
    "kinds_of_cookies": (
        "Necessary cookies make the site work: they keep a session open, protect forms "
        "against forgery or remember the choices you made about cookies. The service you "
        "asked for cannot be provided without them, so they are set without asking for your "
        "consent.\n\n"
        "Statistics cookies count visits and show how pages are used. They need your consent, "
        "unless the measurement only serves to run the site and produces anonymous figures "
        "that cannot be traced back to you.\n\n"
        "First-party cookies are set by the site you are visiting, under its own domain. "
        "Besides the necessary ones, they can remember preferences, measure the audience or "
        "personalise content; when they are not necessary, they need your consent.\n\n"
        "Third-party cookies are set by another company (an analytics service, a video "
        "platform, an advertising network...) through content embedded in the page. They let "
        "that company recognise your browser on every site that uses it, and they always need "
        "your consent."
    ),
    "cookies_used_title": "Cookies used on {site}",
    "cookies_used": (
        "The tables below list, category by category, every service that stores or reads "
        "information on your device when you visit {site}: who provides it, what it does and "
        "which cookies it sets."
    ),
    "manage_consent_title": "Managing and withdrawing your consent",
    "manage_consent": (
        "On your first visit, a banner asks whether you accept the cookies that need your "
        "consent. Refusing is as easy as accepting, and refusing does not stop you from using "
        "the site.\n\n"
        "You can change your choices at any time by opening the cookie settings of {site} "
        "again: withdrawing consent is as simple as giving it. Your choices are kept for "
        "{consent_lifetime}; after that, or when the list of cookies changes, you are asked "
        "again."
    ),
    "browser_settings_title": "Configuring your browser",
    "browser_settings": (
        "Every browser lets you see the cookies it keeps, delete them, and block all cookies "
        "or only third-party ones. These settings are usually in the privacy or security part "
        "of its preferences; its help pages explain the steps.\n\n"
        "Blocking every cookie may stop parts of {site} from working, such as signing in or "
        "remembering your language."
    ),
    "controller_contact_title": "Controller and contact",
    "changes_title": "Changes to this policy",
    "controller_contact": (
        "The controller of the personal data collected through these cookies is "
        "{controller}. For any question about this policy, or to exercise your "
        "rights of access, rectification, erasure and objection, use the contact details "
        "below. You may also lodge a complaint with your data protection authority."
    ),
}

LABELS: Final[dict[str, str]] = {
    "this_site": "this website",
    "the_controller": "the publisher of this website",
    "other_title": "Other cookies",
    "consent_required": "These cookies are set only after you have agreed to them.",
    "consent_not_required": (
        "These cookies are necessary for the site to work; they are set without asking for "
        "your consent."
    ),
    "no_services": "No service in this category sets cookies at the moment.",
    "colon": ": ",
    "controller": "Controller",
    "contact": "Contact",
    "website": "Website",
    "last_updated": "Last updated",
    "table_caption": "{category}: {services} and {cookies}",
    "services_1": "1 service",
    "services_n": "{n} services",
    "cookies_1": "1 cookie",
    "cookies_n": "{n} cookies",
    "first": "First party",
    "third": "Third party",
    "yes": "yes",
    "no": "no",
    "http_cookie": "HTTP cookie",
    "local_storage": "Local storage",
    "session_storage": "Session storage",
    "indexed_db": "IndexedDB",
    "pixel": "Tracking pixel",
    "any_cookie": "any cookie",
    "any_entry": "any entry",
    "starting": "{any} starting with {a}",
    "ending": "{any} ending with {b}",
    "containing": "{any} containing {a}",
    "starting_ending": "{any} starting with {a} and ending with {b}",
    "matching": "{any} matching {a} (* stands for any characters)",
    "all_title": "All cookies",
    "group_first": "First-party cookies",
    "group_third": "Third-party cookies",
    "group_http_cookie": "HTTP cookies",
    "group_local_storage": "Local storage",
    "group_session_storage": "Session storage",
    "group_indexed_db": "IndexedDB",
    "group_pixel": "Tracking pixels",
    "duration_session": "session",
    "duration_persistent": "persistent",
}

COLUMNS: Final[dict[str, str]] = {
    "provider": "Service provider's name",
    "function_location": "Function and location",
    "cookies": "Cookie name(s)",
    "purposes": "Purposes",
    "duration": "Duration",
    "type": "Type",
    "party": "Party",
    "domain": "Domain",
    "description": "Description",
    "privacy_policy": "Privacy policy",
    "service": "Service",
    "function": "Function",
    "location": "Location",
    "category": "Category",
    "purpose_titles": "Purposes",
    "path": "Path",
    "cookie_description": "Description",
    "service_description": "Service description",
    "country": "Country",
    "safeguard": "Transfer safeguard",
}

MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date(day: int, month: int, year: int) -> str:
    return f"{day} {MONTHS[month - 1]} {year}"


CSV: Final[dict[str, str]] = {
    "service": "Service",
    "provider": "Provider",
    "category": "Category",
    "consent": "Consent required",
    "purposes": "Purposes",
    "cookie": "Cookie",
    "pattern": "Matches",
    "type": "Type",
    "domain": "Domain",
    "path": "Path",
    "duration": "Duration",
    "duration_seconds": "Duration (seconds)",
    "duration_note": "Duration note",
    "party": "Party",
    "description": "Description",
    "privacy_policy": "Privacy policy",
    "country": "Country",
}


# Sentences ``consent-tui diff --changelog`` drafts a changelog entry from, by change
# rule. Placeholders: {service}, {cookie}, {purpose}, {category}, {duration}, {country},
# {numbers}; "other" closes an entry whose other changes have no sentence of their own.
CHANGELOG: Final[dict[str, str]] = {
    "service-added": "New service: {service}.",
    "service-removed": "{service} is no longer used.",
    "service-moved": "{service} is now in the category {category}.",
    "cookie-added": "New cookie: {cookie} ({service}).",
    "cookie-removed": "The cookie {cookie} ({service}) is no longer used.",
    "cookie-moved": "The cookie {cookie} is now set by {service}.",
    "purpose-added": "New purpose: {purpose}.",
    "purpose-removed": "The purpose {purpose} is no longer pursued.",
    "service-purpose-added": "{service} is now also used for: {purpose}.",
    "service-purpose-removed": "{service} is no longer used for: {purpose}.",
    "legal-basis-consent": "{purpose} now relies on your consent.",
    "tcf-purpose-added": "{purpose} now covers IAB TCF purposes {numbers}.",
    "category-needs-consent": (
        "Cookies in the category {category} are now set only with your consent."
    ),
    "category-consent-dropped": (
        "Cookies in the category {category} are now set without asking for your consent."
    ),
    "lifetime": "The cookie {cookie} ({service}) is now kept for {duration}.",
    "lifetime-renewed": (
        "The lifetime of the cookie {cookie} ({service}) now starts again on each visit."
    ),
    "third-party": "{service} is now provided by a third party.",
    "transfer-country": (
        "{service} now processes data in {country}, outside the European Economic Area."
    ),
    "consent-lifetime": "Your choices are now kept for {duration}.",
    "other": "Other details of this policy were updated.",
}

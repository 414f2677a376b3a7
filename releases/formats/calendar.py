"""A media advisory's event as an iCalendar file (RFC 5545)."""

import icalendar
from django.utils import timezone

from ..mailing import site_host


def event_calendar(release, url):
    """The advisory's event as a VCALENDAR with one VEVENT, its times in the event's own zone."""
    event = release.event
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Coalition Press Room//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    entry = icalendar.Event()
    entry.add("uid", f"release-{release.pk}-event@{site_host()}")
    entry.add("dtstamp", timezone.now().astimezone(timezone.UTC))
    entry.add("summary", release.headline)
    entry.add("dtstart", event.local_start)
    if event.local_end:
        entry.add("dtend", event.local_end)
    place = ", ".join(part for part in (event.place_name, event.address) if part)
    if place or event.online_url:
        entry.add("location", place or event.online_url)
    description = "\n\n".join(part for part in (release.summary, event.online_url, url) if part)
    entry.add("description", description)
    entry.add("url", url)
    calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()

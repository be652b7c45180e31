"""Calendar files (RFC 5545) for messages that name a time, built with icalendar."""

from datetime import datetime, timedelta

from django.utils import timezone
from icalendar import Alarm, Calendar, Event

# A deadline is a moment, which calendars draw poorly as a zero-length event: the event is the
# last hour before it (the room needs 20 to 40 minutes for a usual plan), with a reminder a
# day ahead so the candidate is not surprised by it.
DEADLINE_EVENT_LENGTH = timedelta(hours=1)
REMINDER_BEFORE = timedelta(days=1)


def deadline_calendar(
    *, uid: str, summary: str, description: str, deadline: datetime, url: str
) -> bytes:
    """An .ics file with one event that ends at ``deadline`` and links to ``url``."""
    calendar = Calendar()
    calendar.add("prodid", "-//HireLoop//notify//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", deadline - DEADLINE_EVENT_LENGTH)
    event.add("dtend", deadline)
    event.add("summary", summary)
    event.add("description", f"{description}\n{url}")
    event.add("url", url)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", -(REMINDER_BEFORE + DEADLINE_EVENT_LENGTH))
    event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical()

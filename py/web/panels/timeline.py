"""The profile's dated events (crs.timeline) as a list and a chart (web.charts), and the
coming ones as a calendar file the person downloads (crs.calendar, made on the device).
Shell: timeline.html."""

from crs import formats
from web.dom import LANG, by_id, document, el, set_svg
from web.panels import Base


CHANGES_SCORE = ("birthday", "language_stale", "eca_stale", "spouse_eca_stale")


class Panel(Base):
    body_id = "timeline-list"

    def __init__(self, page):
        super().__init__(page)
        self.events = []          # the timeline last shown: what the calendar file holds
        button = by_id("timeline-ics")
        if button is not None:
            page.listen(button, "click", self.on_ics)

    def failed(self):
        self.events = []
        by_id("timeline-ics-box").hidden = True

    def on_ics(self, event=None):
        """"Add these dates to my calendar (.ics)": the file is written here, in the page's
        language, and saved through a Blob's object URL (no request)."""
        from crs import calendar
        if calendar.dated(self.events):
            self.page.download(calendar.ics(self.events, LANG), self.page.t("ics_file"),
                               "text/calendar;charset=utf-8")

    def fill(self, reading, day, total):
        from crs import timeline
        from web import charts
        tl = timeline.timeline(reading)
        if "errors" in tl:
            raise ValueError("timeline: %r" % (tl["errors"][:1],))
        # For a score that changes on a date (a costly birthday, a result going stale): what
        # the past 12 months' rounds the candidate can be invited in say for it.
        from crs import categories, rounds
        types = categories.round_types(reading)
        snapshot = rounds.shipped_snapshot()["rounds"]
        submitted = reading.profile.extra.get("submitted_at")
        ol = by_id("timeline-list")
        ol.replaceChildren()
        sep = formats.colon(LANG)
        for event in tl["events"]:
            li = el("li")
            li.setAttribute("data-kind", event["kind"])
            time = el("time", self.page.date_text(event["date"]))
            time.setAttribute("datetime", event["date"])
            li.appendChild(time)
            text = sep + event["label"]
            if event.get("total") is not None:
                li.appendChild(document.createTextNode(text + " "))
                li.appendChild(el("span", "(" + self.page.t("timeline_score",
                                                        total=self.page.num(event["total"])) + ")",
                                   cls="timeline__score"))
                if event["kind"] in CHANGES_SCORE and snapshot:
                    past = categories.past_rounds(types, snapshot, event["total"], submitted)
                    if past["round_types"]:
                        words = self.page.t(
                            "timeline_rounds", k=self.page.num(past["at_or_above"]),
                            n=self.page.num(past["count"])) if past["count"] else \
                            self.page.t("timeline_no_rounds")
                        li.appendChild(el("span", words, cls="timeline__rounds"))
                        li.setAttribute("data-rounds-12", str(past["count"]))
                        li.setAttribute("data-at-or-above-12", str(past["at_or_above"]))
            else:
                li.appendChild(document.createTextNode(text))
            ol.appendChild(li)
        # Core-generated, escaped markup (labels are the core's own words and numbers).
        set_svg(by_id("timeline-svg"), charts.timeline(tl["events"], LANG))
        from crs import calendar
        self.events = tl["events"]
        by_id("timeline-ics-box").hidden = not calendar.dated(self.events)

"""The profile's dated events (crs.timeline) as a list and a chart (web.charts).
Shell: timeline.html."""

from crs import formats
from web.dom import LANG, by_id, document, el, set_svg
from web.panels import Base


class Panel(Base):
    body_id = "timeline-list"

    def fill(self, reading, day, total):
        from crs import timeline
        from web import charts
        tl = timeline.timeline(reading)
        if "errors" in tl:
            raise ValueError("timeline: %r" % (tl["errors"][:1],))
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
            else:
                li.appendChild(document.createTextNode(text))
            ol.appendChild(li)
        # Core-generated, escaped markup (labels are the core's own words and numbers).
        set_svg(by_id("timeline-svg"), charts.timeline(tl["events"], LANG))

"""The printed page's data dates (index.html #print-facts, shown only in print: static/site.css
@media print): how recent the rounds snapshot is and which category set is in force on the
evaluation date, in the words the rounds panel uses. Run after the panels when the document
or the day changed (web/page.py show_panels); in py/later.zip with them, as it reads the
rounds snapshot. The day printed and the rule set are web/page.py's (fill_print)."""

from web.dom import by_id, set_text


def fill(page, reading, day):
    from crs import categories, rounds
    set_text(by_id("print-rounds"), rounds_line(page, rounds.shipped_snapshot()))
    set_id = categories.round_types(reading)["category_set"]
    if set_id:
        first = next(s["in_force"] for s in categories.data()["sets"] if s["id"] == set_id)
        text = page.t("types_set", set=set_id, date=page.date_text(first))
    else:
        text = page.t("types_no_set", date=page.date_text(day))
    set_text(by_id("print-categories"), text)


def rounds_line(page, snapshot):
    """"Round data as of …" (the rounds panel's sentence), or that they could not be read."""
    from web.panels.rounds import data_as_of
    if snapshot.get("errors") or not snapshot.get("rounds"):
        return page.t("rounds_unavailable")
    return data_as_of(page, snapshot) or ""

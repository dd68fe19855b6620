"""What would raise the score (crs.whatif), largest first, and the next birthday's loss.
Shell: whatif.html."""

from web.dom import by_id, el, set_text
from web.panels import Base


class Panel(Base):
    body_id = "whatif-list"

    def fill(self, reading, day, total):
        from crs import whatif
        w = reading.part("what_ifs", whatif.what_ifs)     # the scenarios panel asks it too
        if "errors" in w:
            raise ValueError("what_ifs: %r" % (w["errors"][:1],))
        ol = by_id("whatif-list")
        ol.replaceChildren()
        for option in w["options"]:
            li = el("li", self.page.t("whatif_item", label=option["label"],
                                  points=self.page.num(option["points"]),
                                  total=self.page.num(option["total"])))
            li.setAttribute("data-option", option["id"])
            li.setAttribute("data-points", str(int(option["points"])))
            ol.appendChild(li)
        if not w["options"]:
            ol.appendChild(el("li", self.page.t("whatif_none")))
        birthday = by_id("whatif-birthday")
        nb = w.get("next_birthday")
        if nb:
            points = int(nb["points"])
            shown = ("\u2212" + self.page.num(-points)) if points < 0 else ("+" + self.page.num(points))
            set_text(birthday, self.page.t("whatif_birthday", label=nb["label"], points=shown,
                                       total=self.page.num(nb["total"])))
            birthday.setAttribute("data-points", str(points))
        birthday.hidden = not nb

"""Filling the form as a person would: field by field, only what is visible, in page order."""

from web import form

from .conftest import poll


def visible(page, fid):
    return page.evaluate("""id => { const el = document.getElementById(id);
        return !!el && el.getClientRects().length > 0; }""", fid)


def type_profile(page, profile, as_of=None):
    """Answer every question of `profile` in the page's form, the way a person would."""
    fields = form.fields_from_profile(profile)
    for fid in form.FIELD_IDS:
        value = fields[fid]
        if fid in form.RADIO_IDS:
            if value and value != page.evaluate(
                    "n => (document.querySelector(`input[name='${n}']:checked`) || {}).value", fid):
                if visible(page, fid):
                    page.locator("input[name='%s'][value='%s']" % (fid, value)).check()
            continue
        if not value or not visible(page, fid):
            continue
        tag = page.evaluate("id => document.getElementById(id).tagName", fid)
        if tag == "SELECT":
            page.select_option("#" + fid, value)
        else:
            page.fill("#" + fid, value)
    if as_of:
        page.fill("#as_of", as_of)


def representable(profile):
    """The form shows this profile without loss for scoring: the core scores the form's
    version the same way."""
    import crs
    again = form.profile_from_fields(form.fields_from_profile(profile))
    if form.extras_of(profile):
        return False
    a, b = crs.score(profile, as_of="2026-11-23"), crs.score(again, as_of="2026-11-23")
    return "errors" not in a and a.get("total") == b.get("total") and a.get("sections") == b.get("sections")


def total(page):
    return page.get_attribute("[data-crs-total]", "data-crs-total")


def wait_total(page, expected, timeout=10.0):
    poll(page, "document.querySelector('[data-crs-total]').getAttribute('data-crs-total') === %r"
         % str(expected), timeout)

"""Hypothesis strategies: valid profiles (profile-format.md) and broken documents."""

from hypothesis import strategies as st

ABILITIES = ("speaking", "listening", "reading", "writing")
EDUCATION = ("none", "secondary", "one_year", "two_year", "bachelors", "two_or_more",
             "masters", "doctorate")
CANADIAN_EDUCATION = ("none", "secondary", "one_or_two_year", "three_year_or_more")
SINGLE = ("never_married", "divorced_or_separated", "legally_separated", "widowed", "annulled")

level = st.integers(0, 12)


def clb_result(test):
    return st.fixed_dictionaries({"test": st.just(test), **{a: level for a in ABILITIES}})


def test_result(language):
    """A result in any test of that language, with scores valid for the test."""
    if language == "en":
        return st.one_of(
            clb_result("clb"), clb_result("celpip_g"),
            st.fixed_dictionaries({"test": st.just("ielts_gt"),
                                   **{a: st.integers(0, 18).map(lambda n: n / 2)
                                      for a in ABILITIES}}),
            st.fixed_dictionaries({"test": st.just("pte_core"),
                                   **{a: st.integers(10, 90) for a in ABILITIES},
                                   "test_date": st.just("2025-06-01")}))
    return st.one_of(
        clb_result("nclc"),
        st.fixed_dictionaries({"test": st.just("tef_canada"),
                               **{a: st.integers(0, 699) for a in ABILITIES},
                               "test_date": st.just("2025-06-01")}),
        st.fixed_dictionaries({"test": st.just("tef_canada"),
                               "speaking": st.integers(0, 450), "listening": st.integers(0, 360),
                               "reading": st.integers(0, 300), "writing": st.integers(0, 450),
                               "test_date": st.just("2023-01-10")}),
        st.fixed_dictionaries({"test": st.just("tcf_canada"),
                               "speaking": st.integers(0, 20), "listening": st.integers(0, 699),
                               "reading": st.integers(0, 699), "writing": st.integers(0, 20)}))


@st.composite
def languages(draw):
    first = draw(st.sampled_from(("en", "fr")))
    other = "fr" if first == "en" else "en"
    second = draw(st.one_of(st.none(), test_result(other)))
    return draw(test_result(first)), second


spouse = st.fixed_dictionaries({
    "canadian_citizen_or_pr": st.booleans(),
    "accompanying": st.booleans(),
    "education": st.one_of(st.none(), st.sampled_from(EDUCATION)),
    "canadian_work_years": st.integers(0, 10),
    "language": st.one_of(st.none(), test_result("en"), test_result("fr")),
})


@st.composite
def profiles(draw, marital=None):
    status = marital or draw(st.sampled_from(SINGLE + ("married", "common_law")))
    first, second = draw(languages())
    doc = {
        "marital_status": status,
        "age": draw(st.integers(0, 80)),
        "education": draw(st.sampled_from(EDUCATION)),
        "canadian_education": draw(st.sampled_from(CANADIAN_EDUCATION)),
        "first_language": first,
        "second_language": second,
        "canadian_work_years": draw(st.integers(0, 10)),
        "foreign_work_years": draw(st.integers(0, 10)),
        "certificate_of_qualification": draw(st.booleans()),
        "job_offer": draw(st.sampled_from((None, "teer_0_major_group_00", "teer_0_1_2_3"))),
        "provincial_nomination": draw(st.booleans()),
        "sibling_in_canada": draw(st.booleans()),
    }
    if status in ("married", "common_law"):
        doc["spouse"] = draw(spouse)
    return doc


as_of = st.dates(min_value=__import__("datetime").date(2015, 1, 1),
                 max_value=__import__("datetime").date(2030, 12, 31)).map(lambda d: d.isoformat())

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
              st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30)),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(max_size=12), children, max_size=4)),
    max_leaves=20)


# --- Hostile numbers (fault 10): any integer JSON can carry, and every float ---------------
# JSON has no limit on a number's digits; Python reads 1e999 as inf (and accepts NaN). Each
# numeric field must refuse these as out of range, never raise.

numbers = st.one_of(
    st.integers(-10**1000, 10**1000),
    st.integers(-10**20, 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([10**308, 10**309, -10**309, 2**1024, -2**1024, 10**1000, -10**1000,
                     1e308, -1e308, float("inf"), float("-inf"), float("nan"), 2**63, -1]))

period = st.fixed_dictionaries(
    {"where": st.sampled_from(("canada", "abroad")), "teer": st.integers(0, 5),
     "start": st.just("2019-01-01")},
    optional={"end": st.just("2024-06-30"), "hours_per_week": st.integers(1, 80),
              "noc": st.just("72010"), "paid": st.booleans()})

offer = st.fixed_dictionaries({}, optional={"full_time": st.booleans(), "teer": st.integers(0, 3),
                                            "at_least_one_year": st.booleans()})


@st.composite
def full_profiles(draw):
    """A valid profile with the optional fields of docs/profile-format-extensions.md."""
    doc = draw(profiles())
    doc.update(draw(st.fixed_dictionaries({}, optional={
        "work_history": st.lists(period, max_size=3),
        "job_offer_details": offer,
        "settlement_funds": st.integers(0, 10**6),
        "family_size": st.integers(1, 20),
        "submitted_at": st.just("2026-01-15T10:31:00Z")})))
    if doc.get("spouse"):
        # The spouse's principal-applicant facts (crs.couple swaps them in).
        doc["spouse"].update(draw(st.fixed_dictionaries({}, optional={
            "age": st.integers(0, 80),
            "canadian_education": st.sampled_from(CANADIAN_EDUCATION),
            "foreign_work_years": st.integers(0, 10),
            "certificate_of_qualification": st.booleans(),
            "provincial_nomination": st.booleans(),
            "work_history": st.lists(period, max_size=2)})))
        held = doc["spouse"].get("language")
        if held is not None and draw(st.booleans()):
            other = "en" if held["test"] in ("tef_canada", "tcf_canada", "nclc") else "fr"
            doc["spouse"]["second_language"] = draw(test_result(other))
    return doc


def numeric_paths(doc):
    """Paths (tuples of keys) of every numeric field the document has or could have."""
    paths = [("age",), ("canadian_work_years",), ("foreign_work_years",),
             ("settlement_funds",), ("family_size",)]
    for key in ("first_language", "second_language"):
        if doc.get(key):
            paths += [(key, a) for a in ABILITIES]
    spouse = doc.get("spouse")
    if spouse:
        paths += [("spouse", "canadian_work_years"), ("spouse", "age"),
                  ("spouse", "foreign_work_years")]
        for key in ("language", "second_language"):
            if spouse.get(key):
                paths += [("spouse", key, a) for a in ABILITIES]
        for i, _ in enumerate(spouse.get("work_history") or ()):
            paths.append(("spouse", "work_history", i, "hours_per_week"))
    for i, _ in enumerate(doc.get("work_history") or ()):
        paths += [("work_history", i, "teer"), ("work_history", i, "hours_per_week")]
    if doc.get("job_offer_details") is not None:
        paths.append(("job_offer_details", "teer"))
    return paths


# Submission times (fault 17): the datetime limits, other ISO 8601 grammars, any datetime.
timestamps = st.one_of(
    st.sampled_from(["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00",
                     "2026-W03-4T10:31:00Z", "2026-01-15 10:31:00Z", "2026-01-15T10:31:00+01:00:30",
                     "20260115T103100Z", "2100-12-31T23:59:59-23:59", "1900-01-01T00:00:00+23:59"]),
    st.datetimes().map(lambda d: d.isoformat() + "+01:00"),
    st.datetimes().map(lambda d: d.isoformat() + "Z"), json_values)


@st.composite
def hostile_profiles(draw):
    """A full profile with one or more numeric fields replaced by a hostile number (and maybe
    a hostile submission time)."""
    import copy
    doc = copy.deepcopy(draw(full_profiles()))
    if draw(st.booleans()):
        doc["submitted_at"] = draw(timestamps)
    paths = numeric_paths(doc)
    for path in draw(st.lists(st.sampled_from(paths), min_size=1, max_size=4, unique=True)):
        holder = doc
        for key in path[:-1]:
            holder = holder[key]
        holder[path[-1]] = draw(numbers)
    return doc


# Any evaluation date a caller could pass (fault 15): in range, out of it (years 1-9999), in
# other ISO grammars, or not a date at all.
any_as_of = st.one_of(
    as_of, st.none(), st.dates().map(lambda d: d.isoformat()), st.dates(),
    st.dates().map(lambda d: d.strftime("%Y%m%d")), st.datetimes(), json_values,
    st.sampled_from(["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01", "2026-W23-1"]))


def is_error(e, lang=None):
    """An error as docs/api.md gives it: {field, code, message}, and from the core's reader also
    {label, text} with message = label + the language's colon + text."""
    if set(e) == {"field", "code", "message"}:
        return bool(e["message"])
    if set(e) != {"field", "code", "label", "text", "message"}:
        return False
    return e["message"] in (e["label"] + ": " + e["text"], e["label"] + " : " + e["text"])


# --- Scenarios (docs/profile-format-extensions.md, "Scenarios"): valid and broken ----------

WHAT_IF_OPTIONS = ("weakest_plus_one", "first_clb_9", "first_clb_10", "french_nclc_7",
                   "english_clb_5", "second_language_9", "swap_languages",
                   "canadian_work_plus_one", "foreign_work_plus_one", "canadian_credential",
                   "canadian_credential_short", "education_next", "spouse_test",
                   "spouse_education", "spouse_canadian_work", "certificate", "nomination")

scenario = st.one_of(
    st.fixed_dictionaries({"kind": st.just("what_if"),
                           "option": st.one_of(st.sampled_from(WHAT_IF_OPTIONS), json_values)},
                          optional={"name": st.one_of(st.text(max_size=70), json_values)}),
    st.fixed_dictionaries({"kind": st.just("later"), "as_of": st.one_of(
        as_of, st.dates().map(lambda d: d.isoformat()), json_values,
        st.sampled_from(["0001-01-01", "9999-12-31", "1899-12-31", "2100-12-31", "2026-02-29"]))}),
    st.fixed_dictionaries({"kind": st.just("swapped")}, optional={"as_of": as_of}),
    st.fixed_dictionaries({"kind": st.just("copy"),
                           "profile": st.one_of(profiles(), hostile_profiles(), json_values)}),
    st.fixed_dictionaries({"kind": json_values}), json_values)

scenario_lists = st.one_of(st.lists(scenario, max_size=6), json_values)

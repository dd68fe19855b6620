"""The jobs (work_history, a Repeated group of web/questions.py) through web/form.py under
CPython: form <-> profile both ways, ids, error targets, removal, the language switch."""

import crs
from web import form, questions

GROUP = questions.REPEATED[[g.id for g in questions.REPEATED].index("work_history")]
PERIODS = [
    {"where": "canada", "teer": 1, "noc": "21231", "start": "2022-01-10", "end": None,
     "hours_per_week": 37.5, "paid": True, "self_employed": False,
     "while_full_time_student": False},
    {"where": "abroad", "teer": 2, "noc": "72200", "start": "2018-03-01", "end": "2021-12-31",
     "hours_per_week": 30, "paid": False, "self_employed": True, "while_full_time_student": True},
]
BASE = {"marital_status": "never_married", "age": 29, "education": "bachelors",
        "first_language": {"test": "clb", "speaking": 9, "listening": 9, "reading": 9,
                           "writing": 9}}


def round_trip(profile):
    return form.with_extras(form.profile_from_fields(form.fields_from_profile(profile)),
                            form.extras_of(profile))


def test_the_groups_are_declared_once():
    # The candidate's jobs and the spouse's (the same questions, questions.JOB_ITEMS).
    assert sorted(r.path for r in questions.REPEATED) == ["spouse.work_history", "work_history"]
    spouse = questions.REPEATED[[g.id for g in questions.REPEATED].index("spouse-work_history")]
    assert [q.id for q in spouse.items] == [q.id for q in GROUP.items]
    assert spouse.entry(0)[0].id == "spouse-work_history-0-where"
    assert spouse.entry(0)[0].path == "spouse.work_history.0.where"
    assert GROUP.max == 30 and GROUP.finder == "noc"
    assert [q.id for q in GROUP.entry(1)][:3] == [
        "work_history-1-where", "work_history-1-noc", "work_history-1-teer"]
    assert "work_history" in form.PROFILE_KEYS and "work_history" in form.OPTIONAL_GROUPS
    # Every field of a period the core reads, and no other.
    assert sorted(q.path for q in GROUP.items) == sorted(crs.profile.PERIOD_FIELDS)


def _spouse_profile(**spouse):
    return dict(BASE, marital_status="married", spouse=dict(
        {"canadian_citizen_or_pr": False, "accompanying": True}, **spouse))


def test_the_spouses_jobs_round_trip_and_are_read_only_with_an_accompanying_spouse():
    profile = _spouse_profile(work_history=PERIODS)
    assert round_trip(profile)["spouse"]["work_history"] == PERIODS
    fields = form.fields_from_profile(profile)
    assert fields["spouse-work_history-1-where"] == "abroad"
    spouse_group = questions.REPEATED[[g.id for g in questions.REPEATED].index(
        "spouse-work_history")]
    assert form.entry_count(fields, spouse_group) == 2
    assert form.entry_count(fields, GROUP) == 0
    # The same fields with the spouse a citizen: the spouse's questions are hidden, their
    # jobs are not in the profile (the core would score them for nobody).
    hidden = dict(fields, **{"spouse-canadian_citizen_or_pr": "yes"})
    assert "work_history" not in form.profile_from_fields(hidden).get("spouse", {})
    single = dict(fields, marital_status="never_married")
    assert "spouse" not in form.profile_from_fields(single)
    # An error in a spouse's job points to its field, inside the collapsed section it opens.
    assert form.error_target("spouse.work_history.1.start", lambda fid: True) == \
        "spouse-work_history-1-start"
    assert form.collapsed_holding(["spouse.work_history.1.start"]) == ["spouse-principal"]
    assert form.collapsed_holding(["spouse.age"]) == ["spouse-principal"]
    assert form.collapsed_holding(["work_history.0.noc"]) == ["optional"]
    assert form.collapsed_answered(profile) == ["spouse-principal"]


def test_work_history_round_trips():
    profile = dict(BASE, work_history=PERIODS)
    assert round_trip(profile)["work_history"] == PERIODS
    fields = form.fields_from_profile(profile)
    assert fields["work_history-0-end"] == "" and fields["work_history-1-paid"] == "no"
    assert fields["work_history-1-where"] == "abroad" and fields["work_history-0-teer"] == "1"
    assert form.entry_count(fields, GROUP) == 2


def test_defaults_of_a_period():
    short = [{"where": "canada", "teer": 3, "start": "2024-05-01"}]
    again = round_trip(dict(BASE, work_history=short))["work_history"]
    assert again == [{"where": "canada", "teer": 3, "start": "2024-05-01", "end": None,
                      "hours_per_week": 30, "paid": True, "self_employed": False,
                      "while_full_time_student": False}]
    empty = form.profile_from_fields(form.entry_defaults(GROUP, 0))["work_history"]
    assert empty == [{"end": None, "hours_per_week": 30, "paid": True, "self_employed": False,
                      "while_full_time_student": False}]
    assert "work_history" not in form.profile_from_fields({})


def test_no_period_no_key_and_a_wrong_one_is_kept_for_the_core():
    assert "work_history" not in round_trip(BASE)
    assert round_trip(dict(BASE, work_history="lots"))["work_history"] == "lots"


def test_errors_land_on_the_period_input():
    present = set(form.entry_field_ids(GROUP, 2)) | {"work_history"}
    assert form.error_target("work_history.0.start", present) == "work_history-0-start"
    assert form.error_target("work_history.1.where", present) == "work_history-1-where"
    assert form.error_target("work_history", present) == "work_history"
    reading, errors = crs.read(dict(BASE, work_history=[{"where": "canada", "teer": 1}]),
                               as_of="2026-11-23", lang="fr")
    (start,) = [e for e in errors if e["field"].startswith("work_history")]
    assert form.error_target(start["field"], present) == "work_history-0-start"
    assert "période 1" in start["message"] and "date de début" in start["message"]


def test_removing_a_period_moves_the_later_ones_up():
    fields = form.fields_from_profile(dict(BASE, work_history=PERIODS))
    after = form.without_entry(fields, GROUP, 0)
    assert form.profile_from_fields(after)["work_history"] == PERIODS[1:]
    assert form.moved_ids({"work_history-1-start", "work_history-0-noc", "age"}, GROUP, 0) == {
        "work_history-0-start", "age"}


def test_field_ids_of_entries():
    assert form.is_field("work_history-29-start") and not form.is_field("work_history-30-start")
    assert not form.is_field("work_history-0-colour") and not form.is_field("work_history-01-end")
    assert form.is_radio("work_history-2-paid") and not form.is_radio("work_history-2-start")


def test_the_language_switch_carries_the_periods():
    fields = form.fields_from_profile(dict(BASE, work_history=PERIODS))
    text = form.encode_switch(fields, "2026-11-23", {}, {"work_history-1-noc"}, "fr", 1000)
    carried, as_of, extras, touched = form.decode_switch(text, "fr", 2000)
    assert form.profile_from_fields(carried)["work_history"] == PERIODS
    assert touched == ["work_history-1-noc"]


def test_a_shared_profile_with_periods_loads_again():
    doc = dict(BASE, work_history=PERIODS)
    form.check_outgoing(doc)
    assert form.decode_share(form.encode_share(doc)) == doc

"""The form's questions, declared once (plain Python, no `js`: the build reads it too).

Each question has its id (the profile path with "." written "-"), its kind, the profile path it
answers (None for the form's own yes/no questions, which only open others), its words by key
in the page's catalogue (web/words/*.json), its options from the core's own enumerations, and
where it sits: inside a `Shown` group, which says on which answers it is shown. From this list
come the form's HTML and the CSS-only disclosure rules (tools/build/pages.py: `disclosure_css`,
which static/site.css must hold, tests/e2e/test_form_unit.py), the field mapping and the error
targets (web/form.py). What only the build needs is in the build, not shipped in py/app.zip.

A new question: one entry below (in the place where the page shows it) and its words in both
catalogue files; `spouse-eca_date` was added that way.
"""

from crs import clb as _clb, profile as _profile, tables as _tables

ABILITIES = _clb.ABILITIES
TESTS_EN = tuple(t for t, (language, _name) in _clb.TESTS.items() if language == "en")
TESTS_FR = tuple(t for t, (language, _name) in _clb.TESTS.items() if language == "fr")
WITH_SPOUSE = _profile.WITH_SPOUSE
# Levels typed directly, not a test taken: no test date asked (the core has no list of these).
LEVEL_TESTS = ("clb", "nclc")
YES_NO = (("yes", "yes"), ("no", "no"))

# How a shown question's empty answer reaches the profile: left out; null (the core reads the
# key as asked and unanswered); or passed on as "" (the core then says which answers exist).
OMIT, NULL, KEEP = "omit", "null", "keep"
LEFT_OUT = type("LeftOut", (), {"__repr__": lambda self: "LEFT_OUT"})()   # no key in the profile


class Question:
    """kind: "select", "text", "radios" or "language" (a test with its date and four scores).

    read (text and select): "text" (stripped), "number" (form.number), "amount" (form.amount);
    (radios) "value": the answer's value itself, not a boolean (left out until answered).
    default: a text field's value in an empty form.
    hidden: what the profile holds while the question is not shown (LEFT_OUT: no key);
    a yes/no radio with a path is a boolean, with no `checked` answer it is optional (left out
    until answered)."""

    def __init__(self, kind, fid, path, label, hint=None, options=(), empty="o_choose",
                 choices=YES_NO, checked="no", inline=True, body=(), read="text",
                 if_empty=OMIT, hidden=LEFT_OUT, width=3, inputmode="numeric", type_="text",
                 label_class="label", default=""):
        self.kind, self.id, self.path, self.label, self.hint = kind, fid, path, label, hint
        self.options, self.empty, self.choices, self.checked = options, empty, choices, checked
        self.inline, self.body, self.read, self.if_empty = inline, tuple(body), read, if_empty
        self.hidden, self.width, self.inputmode, self.type_ = hidden, width, inputmode, type_
        self.label_class, self.default = label_class, default

    def radio_id(self, value):
        """The first answer's input carries the question's id (a label and an error link
        point to it); the others add their value."""
        return self.id if value == self.choices[0][0] else "%s--%s" % (self.id, value)

    def field_ids(self):
        if self.kind == "language":
            return [self.id + "-test", self.id + "-test_date"] + [
                self.id + "-" + a for a in ABILITIES]
        return [self.id]


class Shown:
    """Questions shown only on some answers: `when` is ((question id, (answers...)), ...), all
    of them holding. The form's HTML wraps them in <div class="conditional" id=...>."""

    def __init__(self, gid, when, items):
        self.id, self.when, self.items = gid, tuple(when), tuple(items)


class Repeated:
    """A list in the profile (`path`, e.g. work_history), whose entries the person adds and
    removes, each the same questions (`items`, with ids and paths relative to an entry).

    Entry n's questions are the items with the id "<id>-<n>-<item id>" and the path
    "<path>.<n>.<item path>" (`entry(n)`): work_history-0-start is work_history.0.start written
    with "-", so the core's errors find their input as every other question's do. The form's
    HTML (tools/build/pages.py: repeated_html) is the group's heading, no entry, a <template> of
    one entry (n written __N__, its number __NUM__), from which web/work.py adds entries, and
    the add button; `max` entries at most (the core's limit). `entry_label` names an entry
    ("Job {n}"), `add`/`remove` its buttons, `finder` the item the NOC finder fills."""

    def __init__(self, gid, path, heading, hint, items, entry_label, add, remove, max,
                 finder=None):
        self.id, self.path, self.heading, self.hint = gid, path, heading, hint
        self.items, self.entry_label, self.add, self.remove = tuple(items), entry_label, add, remove
        self.max, self.finder = max, finder
        self._entries = {}

    def prefix(self, n):
        return "%s-%s-" % (self.id, n)

    def entry(self, n):
        """The questions of entry `n` (n may be the template's "__N__")."""
        if n not in self._entries:
            import copy
            out = []
            for q in self.items:
                c = copy.copy(q)
                c.id = self.prefix(n) + q.id
                c.path = "%s.%s.%s" % (self.path, n, q.path)
                out.append(c)
            self._entries[n] = out
        return self._entries[n]


class Section:
    """A part of the form with its heading; `when` as for Shown (then hidden like one).
    kind "details": the optional questions, collapsed, with an introduction."""

    def __init__(self, sid, heading, items, when=(), kind="section", intro=None):
        self.id, self.heading, self.items, self.when = sid, heading, tuple(items), tuple(when)
        self.kind, self.intro = kind, intro


def _options(values, prefix, leave_out=()):
    return [(v, prefix + v) for v in values if v not in leave_out]


def _text(fid, label, hint=None, **kw):
    return Question("text", fid, fid.replace("-", "."), label, hint, **kw)


def _date(fid, label, hint=None, **kw):
    return _text(fid, label, hint, type_="date", width="date", **kw)


def _boolean(fid, legend, hint=None, **kw):
    return Question("radios", fid, fid.replace("-", "."), legend, hint, **kw)


def _optional_boolean(fid, legend, hint=None):
    return _boolean(fid, legend, hint, checked=None)


EDUCATION_OPTIONS = _options(_tables.EDUCATION_LEVELS, "o_edu_")
TEST_OPTIONS = [("og_english", _options(TESTS_EN, "o_")), ("og_french", _options(TESTS_FR, "o_"))]
SPOUSE_SHOWN = (("marital_status", WITH_SPOUSE), ("spouse-canadian_citizen_or_pr", ("no",)),
                ("spouse-accompanying", ("yes",)))

# A job's questions (the candidate's jobs and the spouse's: the same work period,
# docs/profile-format-extensions.md).
JOB_ITEMS = (
    Question("radios", "where", "where", "q_job_where", checked=None,
             read="value", choices=(("canada", "o_where_canada"),
                                    ("abroad", "o_where_abroad"))),
    Question("text", "noc", "noc", "q_job_noc", "h_job_noc", width=4),
    Question("select", "teer", "teer", "q_job_teer", "h_job_teer",
             read="number", options=[(str(t), "o_teer_%d" % t)
                                     for t in range(6)]),
    _date("start", "q_job_start"),
    _date("end", "q_job_end", "h_job_end", if_empty=NULL),
    Question("text", "hours_per_week", "hours_per_week", "q_job_hours",
             "h_job_hours", width=3, inputmode="decimal", read="number",
             default="30"),
    _boolean("paid", "q_job_paid", checked="yes"),
    _boolean("self_employed", "q_job_self_employed"),
    _boolean("while_full_time_student", "q_job_student", "h_job_student"),
)

FORM = (
    Section("you", "sec_you", [
        # The official tool lists marital statuses in alphabetical order (of the English ids).
        Question("select", "marital_status", "marital_status", "q_marital_status",
                 options=_options(sorted(_profile.MARITAL_STATUSES), "o_ms_"),
                 label_class="label label--m"),
        Shown("cond-spouse", SPOUSE_SHOWN[:1], [
            _boolean("spouse-canadian_citizen_or_pr", "q_spouse_citizen", body=[
                Shown("cond-accompanying", SPOUSE_SHOWN[1:2], [
                    _boolean("spouse-accompanying", "q_spouse_accompanying",
                             "h_spouse_accompanying")])])]),
        Question("radios", "age_by", None, "q_age", "h_age", inline=False, checked="age",
                 choices=(("age", "o_age_by_age"), ("date_of_birth", "o_age_by_dob")), body=[
                     Shown("cond-age", [("age_by", ("age",))], [
                         _text("age", "l_age", read="number")]),
                     Shown("cond-dob", [("age_by", ("date_of_birth",))], [
                         _date("date_of_birth", "l_date_of_birth", "h_date_of_birth")])]),
    ]),
    Section("education-section", "sec_education", [
        Question("select", "education", "education", "q_education", "h_education",
                 options=EDUCATION_OPTIONS, label_class="label label--m"),
        _date("eca_date", "l_eca_date", "h_eca_date"),
        Question("radios", "has_canadian_education", None, "q_has_canadian_education",
                 "h_has_canadian_education", body=[
                     Shown("cond-cedu", [("has_canadian_education", ("yes",))], [
                         # "none" is the answer "no" above.
                         Question("select", "canadian_education", "canadian_education",
                                  "q_canadian_education", if_empty=KEEP, hidden="none",
                                  options=_options(_tables.CANADIAN_EDUCATION, "o_cedu_",
                                                   leave_out=("none",)))])]),
    ]),
    Section("languages", "sec_language", [
        Question("language", "first_language", "first_language", "q_first_language",
                 "h_first_language"),
        Question("language", "second_language", "second_language", "q_second_language",
                 "h_second_language", empty="o_no_test"),
    ]),
    Section("work", "sec_work", [
        _text("canadian_work_years", "q_canadian_work_years", "h_canadian_work_years", width=2,
              label_class="label label--m", read="number"),
        _text("foreign_work_years", "q_foreign_work_years", "h_foreign_work_years", width=2,
              label_class="label label--m", read="number"),
    ]),
    Section("other", "sec_other", [
        _boolean("certificate_of_qualification", "q_certificate", "h_certificate"),
        Question("radios", "has_job_offer", None, "q_has_job_offer", "h_has_job_offer", body=[
            Shown("cond-job", [("has_job_offer", ("yes",))], [
                Question("select", "job_offer", "job_offer", "q_job_offer", if_empty=KEEP, hidden=None,
                         options=_options([j for j in _profile.JOB_OFFERS if j], "o_"))])]),
        _boolean("provincial_nomination", "q_provincial_nomination"),
        _boolean("sibling_in_canada", "q_sibling", "h_sibling"),
    ]),
    Section("spouse-section", "sec_spouse", when=SPOUSE_SHOWN, items=[
        Question("select", "spouse-education", "spouse.education", "q_spouse_education",
                 options=EDUCATION_OPTIONS, empty="o_spouse_no_education", if_empty=NULL,
                 label_class="label label--m"),
        _date("spouse-eca_date", "l_spouse_eca_date", "h_spouse_eca_date"),
        _text("spouse-canadian_work_years", "q_spouse_canadian_work_years",
              "h_canadian_work_years", width=2, label_class="label label--m", read="number"),
        Question("language", "spouse-language", "spouse.language", "q_spouse_language",
                 "h_spouse_language", empty="o_no_spouse_test", if_empty=NULL),
        # The facts the spouse would be scored on as principal applicant (crs.couple; the
        # couple panel): optional, they never change the score as filed.
        Section("spouse-principal", "sec_spouse_principal", kind="details",
                intro="spouse_principal_intro", items=[
            Question("radios", "spouse-age_by", None, "q_spouse_age", inline=False,
                     checked="age", choices=(("age", "o_age_by_age"),
                                             ("date_of_birth", "o_age_by_dob")), body=[
                Shown("cond-spouse-age", [("spouse-age_by", ("age",))], [
                    _text("spouse-age", "l_age", read="number")]),
                Shown("cond-spouse-dob", [("spouse-age_by", ("date_of_birth",))], [
                    _date("spouse-date_of_birth", "l_date_of_birth", "h_date_of_birth")])]),
            Question("select", "spouse-canadian_education", "spouse.canadian_education",
                     "q_spouse_canadian_education", "h_spouse_canadian_education",
                     empty="o_spouse_no_cedu",
                     options=_options(_tables.CANADIAN_EDUCATION, "o_cedu_",
                                      leave_out=("none",))),
            Question("language", "spouse-second_language", "spouse.second_language",
                     "q_spouse_second_language", "h_spouse_second_language", empty="o_no_test"),
            _text("spouse-foreign_work_years", "q_spouse_foreign_work_years",
                  "h_foreign_work_years", width=2, label_class="label label--m", read="number"),
            _optional_boolean("spouse-certificate_of_qualification", "q_spouse_certificate",
                              "h_certificate"),
            _optional_boolean("spouse-provincial_nomination", "q_spouse_nomination"),
            # The spouse's jobs: the round types the swapped couple can be invited in (a
            # spouse's occupation may open a category the candidate's does not).
            Repeated("spouse-work_history", "spouse.work_history", "q_spouse_jobs",
                     "h_spouse_jobs", entry_label="spouse_job_n", add="b_add_spouse_job",
                     remove="b_remove_spouse_job", max=_profile.MAX_PERIODS, finder="noc",
                     items=JOB_ITEMS),
        ]),
    ]),
    # docs/profile-format-extensions.md: they do not change the score (eligibility only).
    Section("optional", "opt_summary", kind="details", intro="opt_intro", items=[
        Repeated("work_history", "work_history", "q_jobs", "h_jobs", entry_label="job_n",
                 add="b_add_job", remove="b_remove_job", max=_profile.MAX_PERIODS,
                 finder="noc", items=JOB_ITEMS),
        _optional_boolean("intends_to_live_in_quebec", "q_quebec", "h_quebec"),
        _optional_boolean("authorized_to_work_in_canada", "q_authorized", "h_authorized"),
        _text("settlement_funds", "q_funds", "h_funds", width=4, inputmode="decimal",
              read="amount"),
        _text("family_size", "q_family_size", "h_family_size", width=2, read="number"),
        _optional_boolean("studied_in_canada", "q_studied"),
        _optional_boolean("relative_in_canada", "q_relative", "h_relative"),
    ]),
)


def walk(items=FORM, when=()):
    """(question, the conditions under which it is shown) in page order (not the questions of
    a Repeated group: `repeated()`)."""
    for item in items:
        if isinstance(item, Repeated):
            continue
        if isinstance(item, Question):
            yield item, when
            yield from walk(item.body, when)
        else:
            yield from walk(item.items, when + item.when)


def repeated_when(items=FORM, when=()):
    """{Repeated group id: the conditions under which it is shown}."""
    out = {}
    for item in items:
        if isinstance(item, Repeated):
            out[item.id] = when
        elif isinstance(item, Question):
            out.update(repeated_when(item.body, when))
        else:
            out.update(repeated_when(item.items, when + item.when))
    return out


def repeated(items=FORM, section=None):
    """(Repeated group, the Section it is in) in page order."""
    for item in items:
        if isinstance(item, Repeated):
            yield item, section
        elif not isinstance(item, Question):
            yield from repeated(item.items, item if isinstance(item, Section) else section)


QUESTIONS = [q for q, _ in walk()]
REPEATED = [r for r, _ in repeated()]
BY_ID = {q.id: q for q in QUESTIONS}

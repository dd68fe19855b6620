"""The CRS formulas: one small function per factor, each naming the article it applies.

`lines(profile, rule_set)` returns the rows of the official tool's result page in order, as
(id, points, maximum, reference). Column 0 of a two-column table is "with an accompanying
spouse", column 1 "without" (tables.py).
"""

from . import tables as T

# --- A. Core / human capital (MI s.8(1)(a)) -----------------------------------------------


def age(p, col):
    """MI s.10(1)."""
    return T.AGE[col][min(p.age, T.AGE_TOP)]


def education(p, col):
    """MI s.11(1)."""
    return T.EDUCATION[col][p.education]


def first_language(p, col):
    """MI s.13(1): per ability, summed."""
    table = T.FIRST_LANGUAGE[col]
    s, l, r, w = p.first.clb
    return table[s] + table[l] + table[r] + table[w]


def second_language(p, col):
    """MI s.14(1)-(3): per ability, summed, capped at 22 (accompanied) or 24."""
    if p.second is None:
        return 0
    s, l, r, w = p.second.clb
    t = T.SECOND_LANGUAGE
    return min(T.SECOND_LANGUAGE_CAP[col], t[s] + t[l] + t[r] + t[w])


def canadian_work(p, col):
    """MI s.15(1)."""
    return T.CANADIAN_WORK[col][min(p.canadian_work_years, T.CANADIAN_WORK_TOP)]


# --- B. Accompanying spouse (MI s.8(1)(b)); zero unless accompanied ------------------------


def spouse_education(p):
    """MI s.17(1); no ECA or not given: 0."""
    return T.SPOUSE_EDUCATION[p.spouse_education] if p.spouse_education else 0


def spouse_language(p):
    """MI s.18(4)-(6): the spouse's first official language, per ability."""
    if p.spouse_language is None:
        return 0
    s, l, r, w = p.spouse_language.clb
    t = T.SPOUSE_LANGUAGE
    return t[s] + t[l] + t[r] + t[w]


def spouse_canadian_work(p):
    """MI s.19(1)."""
    return T.SPOUSE_CANADIAN_WORK[min(p.spouse_canadian_work_years, T.CANADIAN_WORK_TOP)]


# --- C. Skill transferability (MI s.8(1)(c)); thresholds on the weakest first-language ability


def education_language(edu_tier, lang_tier):
    """MI s.21(1)."""
    return T.TRANSFER_GRID[edu_tier][lang_tier]


def education_canadian_work(edu_tier, cdn_tier):
    """MI s.22(1)."""
    return T.TRANSFER_GRID[edu_tier][cdn_tier]


def foreign_work_language(foreign_tier, lang_tier):
    """MI s.23."""
    return T.TRANSFER_GRID[foreign_tier][lang_tier]


def foreign_work_canadian_work(foreign_tier, cdn_tier):
    """MI s.24(1)."""
    return T.TRANSFER_GRID[foreign_tier][cdn_tier]


def certificate(p, weakest):
    """MI s.26(1)."""
    return T.CERTIFICATE[weakest] if p.certificate else 0


# --- D. Additional points (MI s.8(1)(d)); values by rule set ------------------------------


def provincial_nomination(p, rs):
    """MI s.28(1)."""
    return rs.provincial_nomination if p.nomination else 0


def job_offer(p, rs):
    """MI s.29 (200/50 from 2016-11-19; 600 before; 0 from 2025-03-25)."""
    return rs.job_offer[p.job_offer] if p.job_offer else 0


def canadian_education(p, rs):
    """MI s.30(1): only the highest Canadian credential counts."""
    return rs.canadian_education[p.canadian_education]


def sibling(p, rs):
    """MI s.31(1): the candidate's or the accompanying spouse's sibling (one award)."""
    return rs.sibling if p.sibling else 0


def french(p, rs):
    """MI s.32(1): NCLC 7+ in all four French abilities; more with CLB 5+ in all four English.

    Independent of which language is first (crs-rules.md §3.2, §3.5).
    """
    fr = p.french
    if fr is None or min(fr.clb) < 7:
        return 0
    en = p.english
    if en is not None and min(en.clb) >= 5:
        return rs.french[1]
    return rs.french[0]


# --- The result page ----------------------------------------------------------------------

REF = {
    "core.age": "MI s.10(1)",
    "core.education": "MI s.11(1)",
    "core.first_language": "MI s.13(1)",
    "core.second_language": "MI s.14(1)-(3)",
    "core.canadian_work": "MI s.15(1)",
    "spouse.education": "MI s.17(1)",
    "spouse.language": "MI s.18(4)-(6)",
    "spouse.canadian_work": "MI s.19(1)",
    "transferability.education.language": "MI s.21(1)",
    "transferability.education.canadian_work": "MI s.22(1)",
    "transferability.education": "MI s.27(a)",
    "transferability.foreign_work.language": "MI s.23",
    "transferability.foreign_work.canadian_work": "MI s.24(1)",
    "transferability.foreign_work": "MI s.27(b)",
    "transferability.certificate": "MI s.26(1)",
    "additional.provincial_nomination": "MI s.28(1)",
    "additional.job_offer": "MI s.29",
    "additional.canadian_education": "MI s.30(1)",
    "additional.sibling": "MI s.31(1)",
    "additional.french": "MI s.32(1)",
}
LINE_IDS = tuple(REF)


def score(p, rs):
    """All lines and the four sections. Returns (lines, sections, maxima)."""
    acc = p.accompanied
    col = 0 if acc else 1

    a_age = age(p, col)
    a_edu = education(p, col)
    a_first = first_language(p, col)
    a_second = second_language(p, col)
    a_cdn = canadian_work(p, col)
    core = a_age + a_edu + a_first + a_second + a_cdn

    if acc:
        b_edu = spouse_education(p)
        b_lang = spouse_language(p)
        b_cdn = spouse_canadian_work(p)
    else:
        b_edu = b_lang = b_cdn = 0
    spouse = b_edu + b_lang + b_cdn

    weakest = min(p.first.clb)
    edu_tier = T.EDUCATION_TIER[p.education]
    lang_tier = T.LANGUAGE_TIER[weakest]
    cdn_tier = T.CANADIAN_WORK_TIER[min(p.canadian_work_years, T.CANADIAN_WORK_TOP)]
    foreign_tier = T.FOREIGN_WORK_TIER[min(p.foreign_work_years, T.FOREIGN_WORK_TOP)]
    c_edu_lang = education_language(edu_tier, lang_tier)
    c_edu_cdn = education_canadian_work(edu_tier, cdn_tier)
    c_edu = min(T.TRANSFER_PAIR_CAP, c_edu_lang + c_edu_cdn)          # s.27(a)
    c_for_lang = foreign_work_language(foreign_tier, lang_tier)
    c_for_cdn = foreign_work_canadian_work(foreign_tier, cdn_tier)
    c_for = min(T.TRANSFER_PAIR_CAP, c_for_lang + c_for_cdn)          # s.27(b)
    c_coq = certificate(p, weakest)
    transferability = min(T.TRANSFER_CAP, c_edu + c_for + c_coq)      # s.27, s.8(2)(c)

    d_pn = provincial_nomination(p, rs)
    d_job = job_offer(p, rs)
    d_cdn = canadian_education(p, rs)
    d_sib = sibling(p, rs)
    d_fr = french(p, rs)
    additional = min(T.ADDITIONAL_MAX, d_pn + d_job + d_cdn + d_sib + d_fr)  # s.8(2)(d)

    job_max = max(rs.job_offer.values())
    values = (
        (a_age, T.AGE[col][29]),
        (a_edu, T.EDUCATION[col]["doctorate"]),
        (a_first, 4 * T.FIRST_LANGUAGE[col][10]),
        (a_second, T.SECOND_LANGUAGE_CAP[col]),
        (a_cdn, T.CANADIAN_WORK[col][5]),
        (b_edu, 10 if acc else 0),
        (b_lang, 20 if acc else 0),
        (b_cdn, 10 if acc else 0),
        (c_edu_lang, 50), (c_edu_cdn, 50), (c_edu, 50),
        (c_for_lang, 50), (c_for_cdn, 50), (c_for, 50),
        (c_coq, 50),
        (d_pn, rs.provincial_nomination),
        (d_job, job_max),
        (d_cdn, rs.canadian_education["three_year_or_more"]),
        (d_sib, rs.sibling),
        (d_fr, rs.french[1]),
    )
    lines = [{"id": i, "points": v, "max": m, "ref": REF[i]}
             for i, (v, m) in zip(LINE_IDS, values)]
    sections = {"core": core, "spouse": spouse, "transferability": transferability,
                "additional": additional}
    maxima = {"core": T.CORE_MAX[col], "spouse": T.SPOUSE_MAX if acc else 0,
              "transferability": T.TRANSFER_CAP, "additional": T.ADDITIONAL_MAX,
              "total": T.TOTAL_MAX}
    return lines, sections, maxima

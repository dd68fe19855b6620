"""crs.formats: a score line's article written in each language."""

from crs import factors, formats, rules


def test_every_line_article_reads_in_french():
    refs = {line.ref for rule_set in rules.RULE_SETS for line in rule_set.lines}
    assert refs >= {line.ref for line in factors.LINES}
    for ref in refs:
        assert formats.article(ref, "en") == ref
        fr = formats.article(ref, "fr")
        assert fr.startswith("IM, ") and "MI" not in fr and " s." not in fr, (ref, fr)


def test_french_provisions():
    cases = {"MI s.10(1)": "IM, par. 10(1)", "MI s.23": "IM, art. 23",
             "MI s.27(a)": "IM, al. 27a)", "MI s.14(1)-(3)": "IM, par. 14(1) à (3)",
             "MI s.8(2)(d)(iii)": "IM, sous-al. 8(2)d)(iii)", "MI s.8(2)(i)": "IM, al. 8(2)i)",
             "MI ss.21(1)": "IM, par. 21(1)"}
    for ref, fr in cases.items():
        assert formats.article(ref, "fr") == fr
    assert formats.article("IRPA s.10.3", "fr") == "IRPA s.10.3"     # another form: as it is

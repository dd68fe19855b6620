"""Every message the core gives, in English and French.

Messages name the field in words (not only its path), say what is allowed and echo what was
given (shortened, as plain text: callers must still write it as text, never as HTML). French
follows IRCC's terms (shared/reference/ecosystem.md §4.3): NCLC, conjoint de fait, Système de
classement global, diplôme canadien, certificat de compétence...
"""

import re as _re

LANGS = ("en", "fr")

# Labels of the profile's fields, by path (language results are built from parts below).
FIELDS = {
    "profile": ("The profile", "Le profil"),
    "file": ("Input file", "Fichier d'entrée"),
    "profiles": ("The pool of profiles", "Le bassin de profils"),
    "id": ("Profile id", "Identifiant du profil"),
    "as_of": ("Score as of", "Date d'évaluation"),
    "rules": ("Rule set", "Ensemble de règles"),
    "marital_status": ("Marital status", "État matrimonial"),
    "spouse": ("Spouse or common-law partner", "Époux ou conjoint de fait"),
    "spouse.canadian_citizen_or_pr": (
        "Is your spouse or common-law partner a Canadian citizen or permanent resident?",
        "Votre époux ou conjoint de fait est-il citoyen canadien ou résident permanent?"),
    "spouse.accompanying": (
        "Will your spouse or common-law partner come with you to Canada?",
        "Votre époux ou conjoint de fait vous accompagnera-t-il au Canada?"),
    "spouse.education": ("Spouse's level of education",
                         "Niveau de scolarité de l'époux ou du conjoint de fait"),
    "spouse.canadian_work_years": ("Spouse's years of skilled work in Canada",
                                   "Années d'expérience de travail qualifié au Canada de l'époux "
                                   "ou du conjoint de fait"),
    "spouse.language": ("Spouse's language test", "Test linguistique de l'époux ou du conjoint de fait"),
    "age": ("Age", "Âge"),
    "date_of_birth": ("Date of birth", "Date de naissance"),
    "education": ("Level of education", "Niveau de scolarité"),
    "eca_date": ("Date of the educational credential assessment",
                 "Date de l'évaluation des diplômes d'études (EDE)"),
    "spouse.eca_date": ("Date of the spouse's educational credential assessment",
                        "Date de l'évaluation des diplômes d'études (EDE) de l'époux ou du "
                        "conjoint de fait"),
    "canadian_education": ("Canadian degree, diploma or certificate", "Diplôme canadien"),
    "first_language": ("First official language", "Première langue officielle"),
    "second_language": ("Second official language", "Seconde langue officielle"),
    "canadian_work_years": ("Years of skilled work in Canada",
                            "Années d'expérience de travail qualifié au Canada"),
    "foreign_work_years": ("Years of skilled work outside Canada",
                           "Années d'expérience de travail qualifié à l'étranger"),
    "certificate_of_qualification": ("Certificate of qualification", "Certificat de compétence"),
    "job_offer": ("Job offer", "Offre d'emploi"),
    "provincial_nomination": ("Provincial or territorial nomination",
                              "Désignation provinciale ou territoriale"),
    "sibling_in_canada": ("Brother or sister in Canada", "Frère ou sœur au Canada"),
    "spouse.studied_in_canada": ("Spouse's two years of full-time study in Canada",
                                 "Deux années d'études à temps plein au Canada de l'époux ou du "
                                 "conjoint de fait"),
    "work_history": ("Work history", "Antécédents de travail"),
    "job_offer_details": ("Job offer details", "Détails de l'offre d'emploi"),
    "settlement_funds": ("Settlement funds", "Fonds d'établissement"),
    "family_size": ("Family size", "Taille de la famille"),
    "intends_to_live_in_quebec": ("Plan to live in Quebec", "Intention de vivre au Québec"),
    "authorized_to_work_in_canada": ("Authorized to work in Canada",
                                     "Autorisé à travailler au Canada"),
    "studied_in_canada": ("Two years of full-time study in Canada",
                          "Deux années d'études à temps plein au Canada"),
    "relative_in_canada": ("Relative in Canada", "Membre de la parenté au Canada"),
    "submitted_at": ("Profile submission date and time",
                     "Date et heure de soumission du profil"),
}

PERIOD_PARTS = {
    "where": ("where", "lieu"), "teer": ("TEER category", "catégorie FÉER"),
    "noc": ("NOC code", "code CNP"), "start": ("start date", "date de début"),
    "end": ("end date", "date de fin"), "hours_per_week": ("hours per week", "heures par semaine"),
    "paid": ("paid", "rémunéré"), "self_employed": ("self-employed", "travailleur autonome"),
    "while_full_time_student": ("while a full-time student", "pendant des études à temps plein"),
    "full_time": ("full time", "temps plein"), "non_seasonal": ("non-seasonal", "non saisonnier"),
    "at_least_one_year": ("at least one year", "au moins un an"),
    "lmia_or_exempt": ("LMIA or LMIA-exempt", "EIMT ou dispense d'EIMT"),
}

LANGUAGE_PARTS = {
    "test": ("test", "test"),
    "test_date": ("test date", "date du test"),
    "speaking": ("speaking", "expression orale"),
    "listening": ("listening", "compréhension de l'oral"),
    "reading": ("reading", "compréhension de l'écrit"),
    "writing": ("writing", "expression écrite"),
}

# Allowed values of enumerations, as words.
CHOICES = {
    "marital_status": {
        "never_married": ("never married / single", "jamais marié(e) / célibataire"),
        "married": ("married", "marié(e)"),
        "common_law": ("common-law", "conjoint de fait"),
        "divorced_or_separated": ("divorced / separated", "divorcé(e) / séparé(e)"),
        "legally_separated": ("legally separated", "séparé(e) légalement"),
        "widowed": ("widowed", "veuf / veuve"),
        "annulled": ("annulled marriage", "mariage annulé"),
    },
    "education": {
        "none": ("none, or less than secondary", "aucun, ou moins que le secondaire"),
        "secondary": ("secondary diploma", "diplôme d'études secondaires"),
        "one_year": ("one-year post-secondary program", "programme postsecondaire d'un an"),
        "two_year": ("two-year post-secondary program", "programme postsecondaire de deux ans"),
        "bachelors": ("bachelor's degree or three-year program",
                      "baccalauréat ou programme de trois ans"),
        "two_or_more": ("two or more credentials, one of three years or more",
                        "deux diplômes ou plus, dont un de trois ans ou plus"),
        "masters": ("master's or professional degree", "maîtrise ou diplôme professionnel"),
        "doctorate": ("doctoral degree (PhD)", "doctorat (Ph. D.)"),
    },
    "canadian_education": {
        "none": ("no Canadian credential", "aucun diplôme canadien"),
        "secondary": ("secondary or less", "secondaire ou moins"),
        "one_or_two_year": ("one- or two-year diploma or certificate",
                            "diplôme ou certificat d'un an ou de deux ans"),
        "three_year_or_more": ("three years or more, or a master's, professional or doctoral "
                               "degree", "trois ans ou plus, une maîtrise, un doctorat ou un "
                               "diplôme professionnel"),
    },
    "where": {"canada": ("in Canada", "au Canada"), "abroad": ("outside Canada", "à l'étranger")},
    "job_offer": {
        None: ("none (null)", "aucune (null)"),
        "teer_0_major_group_00": ("NOC TEER 0 Major Group 00",
                                  "FÉER 0, grand groupe 00 de la CNP"),
        "teer_0_1_2_3": ("NOC TEER 1, 2 or 3, or TEER 0 other than Major Group 00",
                         "FÉER 1, 2 ou 3, ou FÉER 0 autre que le grand groupe 00"),
    },
    "test": {
        "celpip_g": ("CELPIP-General", "CELPIP-General"),
        "ielts_gt": ("IELTS General Training", "IELTS formation générale"),
        "pte_core": ("PTE Core", "PTE Core"),
        "tef_canada": ("TEF Canada", "TEF Canada"),
        "tcf_canada": ("TCF Canada", "TCF Canada"),
        "clb": ("CLB levels", "niveaux CLB"),
        "nclc": ("NCLC levels", "niveaux NCLC"),
    },
}

KINDS = {
    "integer": ("a whole number", "un nombre entier"),
    "number": ("a number", "un nombre"),
    "boolean": ("true or false", "true ou false (vrai ou faux)"),
    "date": ("a date written YYYY-MM-DD", "une date écrite AAAA-MM-JJ"),
    "object": ("an object", "un objet"),
    "object_or_null": ("an object or null", "un objet ou null"),
    "string": ("text", "du texte"),
    "list": ("a list", "une liste"),
}

OFFICIAL_LANGUAGE = {"en": ("English", "l'anglais"), "fr": ("French", "le français")}

# Error messages: "{label}: {text}". Placeholders are filled by `error`.
ERRORS = {
    "required": ("this answer is required.", "cette réponse est obligatoire."),
    # {allowed} is bounded (see UNKNOWN_FIELD_HINTS): it used to list the 25 top-level fields
    # in every error, repeated for every profile of a batch.
    "unknown_field": ("this field is not part of the profile format; {allowed}.",
                      "ce champ ne fait pas partie du format de profil; {allowed}."),
    "wrong_type": ("must be {kind}; got {got}.", "doit être {kind}; reçu {got}."),
    "not_allowed": ("must be one of: {allowed}; got {got}.",
                    "doit être l'une des valeurs suivantes : {allowed}; reçu {got}."),
    "out_of_range": ("{allowed}; got {got}.", "{allowed}; reçu {got}."),
    "invalid_date": ("must be a real date written YYYY-MM-DD, from {low} to {high} (a date "
                     "and time: YYYY-MM-DDTHH:MM:SSZ); got {got}.",
                     "doit être une date réelle écrite AAAA-MM-JJ, du {low} au {high} (date et "
                     "heure : AAAA-MM-JJTHH:MM:SSZ); reçu {got}."),
    "not_applicable": ("must be empty (null) when the marital status is {status}: only married "
                       "and common-law candidates give spouse details.",
                       "doit être vide (null) lorsque l'état matrimonial est « {status} » : "
                       "seuls les candidats mariés ou conjoints de fait décrivent leur époux ou "
                       "conjoint de fait."),
    "same_language": ("must be a test of the other official language ({other}): the first "
                      "official language is {first}. Allowed: {allowed}.",
                      "doit être un test de l'autre langue officielle ({other}) : la première "
                      "langue officielle est {first}. Permis : {allowed}."),
    "conflict": ("give either the age or the date of birth, not both.",
                 "indiquez l'âge ou la date de naissance, pas les deux."),
    "invalid_json": ("the text is not valid JSON ({detail}).",
                     "le texte n'est pas du JSON valide ({detail})."),
    "too_large": ("the document is too large or too deeply nested ({detail}).",
                  "le document est trop volumineux ou trop imbriqué ({detail})."),
    "too_many": ("too many: {detail}.", "trop nombreux : {detail}."),
    "unreadable": ("cannot be read ({detail}).", "illisible ({detail})."),
    "invalid_text": ("must be valid Unicode text, but holds a lone surrogate code point "
                     "(\\uD800 to \\uDFFF, half of a pair); got {got}.",
                     "doit être du texte Unicode valide, mais contient un point de code de "
                     "substitution isolé (\\uD800 à \\uDFFF, moitié d'une paire); reçu {got}."),
}

# The bounded "what is allowed" of unknown_field: the names when the object has few fields,
# otherwise where they are listed.
UNKNOWN_FIELD_HINTS = {
    "few": ("allowed here: {names}", "champs permis ici : {names}"),
    "many": ("the allowed fields are listed in shared/profile-format.md and "
             "docs/profile-format-extensions.md",
             "les champs permis sont énumérés dans shared/profile-format.md et "
             "docs/profile-format-extensions.md"),
}
FEW_FIELDS = 9

# Details of the limit errors (too_large, too_many, invalid_json, unreadable), filled by
# `detail`.
DETAILS = {
    "bytes": ("{size} bytes, at most {limit}", "{size} octets, au plus {limit}"),
    "depth": ("nested more than {limit} levels deep", "imbriqué sur plus de {limit} niveaux"),
    "nesting": ("nested too deeply", "imbriqué trop profondément"),
    "nodes": ("{size} JSON objects and arrays, at most {limit} ({per} a profile)",
              "{size} objets et tableaux JSON, au plus {limit} ({per} par profil)"),
    "profiles": ("{size} profiles, at most {limit} at once: split them",
                 "{size} profils, au plus {limit} à la fois : divisez-les"),
    "problems": ("{size} problems in all, only the first {limit} are listed",
                 "{size} problèmes en tout, seuls les {limit} premiers sont indiqués"),
    "not_utf8": ("not UTF-8 text", "pas du texte UTF-8"),
    "position": ("line {line}, column {column}", "ligne {line}, colonne {column}"),
    "digits": ("a number has too many digits", "un nombre a trop de chiffres"),
    "no_file": ("{path}: no such file", "{path} : fichier introuvable"),
    "folder": ("{path}: a folder, not a file", "{path} : un dossier, pas un fichier"),
    "denied": ("{path}: permission denied", "{path} : permission refusée"),
    "os": ("{path}: {reason}", "{path} : {reason}"),
}

RANGES = {
    # (en, fr) templates of "what is allowed" for out_of_range.
    "range": ("must be {kind} from {low} to {high}", "doit être {kind} de {low} à {high}"),
    "step": ("must be a band from {low} to {high} in steps of {step}",
             "doit être une note de {low} à {high} par pas de {step}"),
    "date_after": ("must be on or after {low}", "doit être le {low} ou après"),
    "date_before": ("must be on or before {high}", "doit être le {high} ou avant"),
    "date_between": ("must be a date from {low} to {high}", "doit être une date du {low} au {high}"),
    "noc": ("must be a NOC 2021 code of five digits, such as \"21231\"",
            "doit être un code CNP 2021 de cinq chiffres, par exemple « 21231 »"),
}

WARNINGS = {
    "language_stale": (
        "{label}: the result dated {date} is {years} years old on {as_of}. Language results "
        "are valid for two years (Ministerial Instructions s.3(4)): with a stale result the "
        "profile cannot stay in the pool. The points shown assume a valid result.",
        "{label} : le résultat du {date} a {years} ans au {as_of}. Les résultats de tests "
        "linguistiques sont valides deux ans (Instructions ministérielles, par. 3(4)) : avec un "
        "résultat périmé, le profil ne peut pas demeurer dans le bassin. Les points affichés "
        "supposent un résultat valide."),
    "eca_stale": (
        "Educational credential assessment: issued {date}, it is {years} years old on {as_of}. "
        "An assessment is valid for five years (s.3(4) and s.11(5)): with a stale one the "
        "profile cannot stay in the pool, and {points}",
        "Évaluation des diplômes d'études : délivrée le {date}, elle a {years} ans au {as_of}. "
        "Une évaluation est valide cinq ans (par. 3(4) et 11(5)) : périmée, elle empêche le "
        "profil de demeurer dans le bassin, et {points}"),
    "spouse_eca_stale": (
        "Spouse's educational credential assessment: issued {date}, it is {years} years old on "
        "{as_of}. An assessment is valid for five years (s.17(4)): {points}",
        "Évaluation des diplômes d'études de l'époux ou du conjoint de fait : délivrée le "
        "{date}, elle a {years} ans au {as_of}. Une évaluation est valide cinq ans "
        "(par. 17(4)) : {points}"),
    "tef_no_test_date": (
        "{label}: no test date given, so the TEF Canada scores are read on the scale used for "
        "tests taken from 2023-12-11. Tests taken before that day used another scale: give the "
        "test date.",
        "{label} : aucune date de test, les notes du TEF Canada sont donc lues sur l'échelle des "
        "tests passés depuis le 2023-12-11. Les tests plus anciens utilisaient une autre "
        "échelle : indiquez la date du test."),
    "test_not_accepted": (
        "{label}: {test} was approved for Express Entry only from {since}; on {as_of} it was not "
        "an approved test. The points shown read it as if it were.",
        "{label} : le {test} n'est reconnu pour Entrée express que depuis le {since}; au {as_of}, "
        "ce n'était pas un test approuvé. Les points affichés le comptent comme s'il l'était."),
    "age_drop": (
        "At your next birthday ({when}), your age points fall from {before} to {after} "
        "({lost} points).",
        "À votre prochain anniversaire ({when}), vos points pour l'âge passeront de {before} à "
        "{after} ({lost} points)."),
    "job_offer_no_points": (
        "Since 2025-03-25 a job offer earns no CRS points. It still counts for program "
        "eligibility (Federal Skilled Worker grid, Federal Skilled Trades).",
        "Depuis le 2025-03-25, une offre d'emploi ne donne aucun point au titre du SCG. Elle "
        "compte encore pour l'admissibilité aux programmes (grille des travailleurs qualifiés, "
        "métiers spécialisés)."),
    "spouse_details_ignored": (
        "Your spouse or partner {why}, so you are scored as a single candidate and the spouse's "
        "education, work and language are not used.",
        "Votre époux ou conjoint de fait {why}; vous êtes donc évalué comme candidat seul et sa "
        "scolarité, son expérience et ses résultats linguistiques ne sont pas utilisés."),
}

# How a stale ECA's education points were counted (the end of the two warnings above).
ECA_POINTS = {
    "removed": ("its education points are no longer awarded (s.11(5)): they are not counted "
                "here.",
                "ses points pour la scolarité ne sont plus attribués (par. 11(5)) : ils ne sont "
                "pas comptés ici."),
    "spouse_removed": ("the spouse's education points are no longer awarded: they are not "
                       "counted here.",
                       "ses points pour la scolarité ne sont plus attribués : ils ne sont pas "
                       "comptés ici."),
    "kept": ("the points shown assume a valid assessment.",
             "les points affichés supposent une évaluation valide."),
}

SPOUSE_WHY = {
    "citizen": ("is a Canadian citizen or permanent resident",
                "est citoyen canadien ou résident permanent"),
    "not_coming": ("will not come with you to Canada", "ne vous accompagnera pas au Canada"),
}

# Rules the researched specification could not confirm; the choice made is said in words.
UNCONFIRMED = {
    "in_force_2020": (
        "The French-language points rose to 25 and 50 on a date not confirmed by the "
        "Instructions' text: we use 2020-10-27 (IRCC's news release); some firms say 2020-10-20.",
        "Les points pour le français sont passés à 25 et 50 à une date que le texte des "
        "Instructions ne confirme pas : nous retenons le 2020-10-27 (communiqué d'IRCC); "
        "certains cabinets indiquent le 2020-10-20."),
    "tef_cutover": (
        "The TEF Canada scale is chosen by the test date: tests from 2023-12-11 use the 0-699 "
        "scale. The exact cut-over day is not confirmed by an official text.",
        "L'échelle du TEF Canada dépend de la date du test : les tests passés depuis le "
        "2023-12-11 utilisent l'échelle de 0 à 699. Le jour exact du changement n'est pas "
        "confirmé par un texte officiel."),
    "transfer_tier_2015": (
        "Under the 2015 Instructions, the top transferability tier for a master's, doctoral or "
        "professional degree was only made explicit in 2016; we apply the 2016 reading.",
        "Selon les Instructions de 2015, le palier supérieur de transférabilité pour une "
        "maîtrise, un doctorat ou un diplôme professionnel n'a été explicité qu'en 2016; nous "
        "appliquons la lecture de 2016."),
    "eca_transferability": (
        "A stale educational credential assessment removes the education points of s.11(1); "
        "the Instructions do not say so of the skill-transferability points built on the same "
        "education level (ss.21, 22). We remove those too (s.22(5) applies the ECA's validity "
        "to them); the official tool may keep them.",
        "Une évaluation des diplômes périmée retire les points du par. 11(1); les Instructions "
        "ne le disent pas des points de transférabilité fondés sur le même niveau de scolarité "
        "(art. 21 et 22). Nous les retirons aussi (le par. 22(5) leur applique la validité de "
        "l'EDE); l'outil officiel pourrait les garder."),
    "eca_canadian_credential": (
        "Your educational credential assessment is five years old or more, but you also have a "
        "Canadian credential, on which your level of education may rest: we keep the "
        "education points. If your highest credential is the foreign one, they are lost.",
        "Votre évaluation des diplômes a cinq ans ou plus, mais vous avez aussi un diplôme "
        "canadien, sur lequel votre niveau de scolarité peut reposer : nous gardons les points "
        "pour la scolarité. Si votre diplôme le plus élevé est l'étranger, ils sont perdus."),
    "eca_before_2017": (
        "Before 2017-06-06 the Instructions' own rule on educational credential assessments "
        "five years old or more (s.11(5), s.17(4)) was not seen in its text: we keep the "
        "education points and warn.",
        "Avant le 2017-06-06, la règle des Instructions sur les évaluations des diplômes de "
        "cinq ans ou plus (par. 11(5), 17(4)) n'a pas été vue dans son texte : nous gardons les "
        "points pour la scolarité et le signalons."),
    "stale_results": (
        "How the official tool scores results that are two years old or more is not confirmed; "
        "we keep their points and warn that the profile cannot stay in the pool.",
        "La façon dont l'outil officiel traite des résultats de deux ans ou plus n'est pas "
        "confirmée; nous gardons leurs points et signalons que le profil ne peut pas demeurer "
        "dans le bassin."),
}


def _i(lang):
    return 1 if lang == "fr" else 0


def field_label(path, lang, test=None):
    """Words for a field path like 'spouse.language.listening' (naming the test if given)."""
    i = _i(lang)
    if path in FIELDS:
        return FIELDS[path][i]
    if path.startswith("work_history.") or path.startswith("job_offer_details."):
        parts = path.split(".")
        head = FIELDS[parts[0]][i]
        if parts[0] == "work_history" and len(parts) > 1:
            head += (" : période %d" if i else ", period %d") % (int(parts[1]) + 1) \
                if parts[1].isdigit() else ""
            parts = parts[1:]
        tail = PERIOD_PARTS.get(parts[-1], ("", ""))[i] if len(parts) > 1 else ""
        return head + (", " + tail if tail else "")
    for prefix in ("spouse.language", "first_language", "second_language"):
        if path.startswith(prefix + "."):
            part = path[len(prefix) + 1:]
            if part in LANGUAGE_PARTS:
                return "%s, %s%s" % (FIELDS[prefix][i], test + " " if test else "",
                                     LANGUAGE_PARTS[part][i])
    return path


_SURROGATE = _re.compile("[\ud800-\udfff]")


def has_surrogate(text):
    """True when a str holds a lone surrogate (JSON's "\\ud800" reads into one): it is not
    text, and writing it as UTF-8 fails."""
    return _SURROGATE.search(text) is not None


def text(value):
    """A str safe to write as UTF-8: each lone surrogate becomes the six characters of its
    escape (\\ud800), as JSON itself would write it."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def key_text(key):
    """A field name (maybe unknown, of any length, any text) as it appears in a field path."""
    key = text(str(key))
    return key if len(key) <= 40 else key[:37] + "..."


def shown(value, lang="en"):
    """A given value echoed back in a message: short, and plain text (valid UTF-8)."""
    import json
    try:
        shown_text = text(json.dumps(value, ensure_ascii=False))
    except (TypeError, ValueError, RecursionError):
        shown_text = "(%s)" % type(value).__name__
    if len(shown_text) > 40:
        shown_text = shown_text[:37] + "..."
    return shown_text


def count(n, lang):
    """A whole number with its thousands marked (1,000 / 1 000)."""
    return format(n, ",").replace(",", "\u202f") if lang == "fr" else format(n, ",")


def detail(kind, **values):
    """(en, fr) detail of a limit error; numbers are written per language."""
    out = []
    for lang in LANGS:
        words = {k: count(v, lang) if type(v) is int else v for k, v in values.items()}
        out.append(DETAILS[kind][_i(lang)].format(**words))
    return tuple(out)


def number(value, lang):
    text = ("%g" % value) if isinstance(value, float) else str(value)
    return text.replace(".", ",") if lang == "fr" else text


def choices(kind, lang):
    i = _i(lang)
    return ", ".join("%s (%s)" % ("null" if k is None else k, words[i])
                     for k, words in CHOICES[kind].items())


def error(field, code, lang, label=None, **values):
    """One error: {field, code, label, text, message}: the field's words, what is wrong, and
    both joined as a sentence (a page names the field from `label`, never by splitting)."""
    i = _i(lang)
    text = ERRORS[code][i].format(**values)
    label = label or field_label(field, lang)
    return {"field": field, "code": code, "label": label, "text": text,
            "message": labelled(label, text, lang)}


def labelled(label, text, lang):
    """"Label: text" with the colon of the language (French puts a space before it)."""
    return label + (" : " if lang == "fr" else ": ") + text


def warning(code, lang, field=None, **values):
    out = {"code": code, "message": WARNINGS[code][_i(lang)].format(**values)}
    if field is not None:
        out["field"] = field
    return out


def unconfirmed(code, lang):
    return {"code": code, "message": UNCONFIRMED[code][_i(lang)]}

"""The answers the profile format allows for the factors (shared/profile-format.md).

The points are parameters (parameters.py), dated by the instruments that set them (rules.py).
"""

# Education levels, in the order of question 4 of the official tool (profile-format.md).
EDUCATION_LEVELS = ("none", "secondary", "one_year", "two_year", "bachelors",
                    "two_or_more", "masters", "doctorate")

# Canadian credential answers (question 4c), for the additional points of MI s.30.
CANADIAN_EDUCATION = ("none", "secondary", "one_or_two_year", "three_year_or_more")

ABILITIES = ("speaking", "listening", "reading", "writing")

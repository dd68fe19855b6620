"""The page's own words, in English and French (labels, hints, options, result rows).

One catalogue for both the build (which writes the static HTML from it) and the running page
(which writes result rows and messages from it). Keys are message ids; every value is a pair
(en, fr). The core's own messages (errors, warnings) come from crs.messages, not from here.
French follows IRCC's terms: Système de classement global (SCG), NCLC, conjoint de fait,
ronde d'invitations, diplôme canadien, certificat de compétence, désignation provinciale.
"""

LANGS = ("en", "fr")

S = {
    # Page frame
    "lang_name": ("English", "Français"),
    "html_title": ("CRS score calculator for Express Entry (unofficial)",
                   "Calculateur de la note SCG pour Entrée express (non officiel)"),
    "meta_description": (
        "Estimate your Comprehensive Ranking System (CRS) score for Express Entry. Runs entirely "
        "in your browser: nothing you enter leaves your device.",
        "Estimez votre note du Système de classement global (SCG) pour Entrée express. Le calcul "
        "se fait dans votre navigateur : rien de ce que vous saisissez ne quitte votre appareil."),
    "site_name": ("CRS calculator", "Calculateur SCG"),
    "skip_link": ("Skip to the questions", "Passer aux questions"),
    "other_lang_label": ("Français", "English"),
    "h1": ("Estimate your Express Entry CRS score",
           "Estimez votre note au Système de classement global (SCG) d'Entrée express"),
    "lede": (
        "Answer the questions below. Your Comprehensive Ranking System (CRS) score out of 1,200 "
        "updates as you type.",
        "Répondez aux questions ci-dessous. Votre note au Système de classement global (SCG), "
        "sur 1 200, se met à jour pendant que vous tapez."),
    "privacy": (
        "Nothing leaves your device. The calculation runs in your browser: no account, no "
        "cookies, no analytics, and your answers are never sent to a server.",
        "Rien ne quitte votre appareil. Le calcul se fait dans votre navigateur : pas de compte, "
        "pas de témoins (cookies), pas de mesure d'audience, et vos réponses ne sont jamais "
        "envoyées à un serveur."),
    "loading": ("Loading the calculator. You can start answering now.",
                "Chargement du calculateur. Vous pouvez commencer à répondre."),
    # The first visit's bytes as served (brotli), rounded: test_offline.py checks it on dist/.
    "loading_detail": ("The first visit downloads about 4 MB; later visits are faster.",
                       "La première visite télécharge environ 4 Mo; les suivantes sont plus "
                       "rapides."),
    "load_failed": (
        "The calculator could not start in this browser. Your answers are still in the form. "
        "Try reloading the page, or use the official tool linked at the bottom of the page.",
        "Le calculateur n'a pas pu démarrer dans ce navigateur. Vos réponses sont toujours dans "
        "le formulaire. Rechargez la page ou utilisez l'outil officiel (lien au bas de la page)."),
    "offline_ready": ("Ready for offline use: this calculator now works without a connection.",
                      "Prêt pour l'utilisation hors ligne : ce calculateur fonctionne maintenant "
                      "sans connexion."),
    "noscript": (
        "This calculator needs JavaScript and WebAssembly to compute the score.",
        "Ce calculateur a besoin de JavaScript et de WebAssembly pour calculer la note."),

    # Error summary
    "error_summary_title": ("There is a problem", "Il y a un problème"),
    "error_prefix": ("Error:", "Erreur :"),

    # Sections of the form
    "sec_you": ("About you", "Votre situation"),
    "sec_education": ("Education", "Études"),
    "sec_language": ("Official languages", "Langues officielles"),
    "sec_work": ("Work experience", "Expérience de travail"),
    "sec_other": ("Other factors", "Autres facteurs"),
    "sec_spouse": ("Your spouse or common-law partner",
                   "Votre époux ou conjoint de fait"),

    # Questions
    "q_marital_status": ("What is your marital status?", "Quel est votre état matrimonial?"),
    "o_choose": ("Choose…", "Choisir…"),
    "q_spouse_citizen": (
        "Is your spouse or common-law partner a citizen or permanent resident of Canada?",
        "Votre époux ou conjoint de fait est-il citoyen canadien ou résident permanent du "
        "Canada?"),
    "q_spouse_accompanying": (
        "Will your spouse or common-law partner come with you to Canada?",
        "Votre époux ou conjoint de fait vous accompagnera-t-il au Canada?"),
    "h_spouse_accompanying": (
        "If they will not come, or are already a citizen or permanent resident, you are scored "
        "as a single candidate.",
        "S'il ne vous accompagne pas, ou s'il est déjà citoyen ou résident permanent, vous êtes "
        "évalué comme candidat seul."),
    "yes": ("Yes", "Oui"),
    "no": ("No", "Non"),

    "q_age": ("How old are you?", "Quel âge avez-vous?"),
    "h_age": (
        "If you have been invited to apply, give your age on the date you were invited.",
        "Si vous avez reçu une invitation à présenter une demande, indiquez votre âge à la "
        "date de l'invitation."),
    "o_age_by_age": ("Enter my age in years", "Indiquer mon âge en années"),
    "o_age_by_dob": ("Enter my date of birth", "Indiquer ma date de naissance"),
    "l_age": ("Age in years", "Âge en années"),
    "l_date_of_birth": ("Date of birth", "Date de naissance"),
    "h_date_of_birth": ("Your age is computed on the “Score as of” date.",
                        "Votre âge est calculé à la date d'évaluation."),

    "q_education": ("What is your level of education?", "Quel est votre niveau de scolarité?"),
    "h_education": (
        "Your highest credential: a Canadian degree, diploma or certificate, or a foreign one "
        "with an educational credential assessment (ECA) less than five years old.",
        "Votre diplôme le plus élevé : un diplôme canadien, ou un diplôme étranger avec une "
        "évaluation des diplômes d'études (EDE) de moins de cinq ans."),
    "l_eca_date": ("Date of your ECA (optional)", "Date de votre EDE (facultatif)"),
    "h_eca_date": ("Only for a foreign credential. An assessment is valid for five years.",
                   "Seulement pour un diplôme étranger. Une évaluation est valide cinq ans."),
    "q_has_canadian_education": (
        "Have you earned a Canadian degree, diploma or certificate?",
        "Avez-vous obtenu un diplôme canadien (diplôme, grade ou certificat)?"),
    "h_has_canadian_education": (
        "Not counting programs where English or French as a second language made up more than "
        "half the study, or studies under an award requiring you to return home. You must have "
        "studied in Canada full time for at least eight months.",
        "Sans compter les programmes dont l'apprentissage de l'anglais ou du français langue "
        "seconde formait plus de la moitié, ni les études financées par une bourse exigeant le "
        "retour au pays. Vous devez avoir étudié au Canada à temps plein pendant au moins huit "
        "mois."),
    "q_canadian_education": ("Which best describes this Canadian credential?",
                             "Qu'est-ce qui décrit le mieux ce diplôme canadien?"),

    "q_first_language": ("Your first official language test",
                         "Votre test de la première langue officielle"),
    "h_first_language": (
        "Choose the test you took, then type your scores as printed on the result. "
        "You can also enter CLB or NCLC levels directly.",
        "Choisissez le test passé, puis tapez vos notes telles qu'elles figurent sur le "
        "résultat. Vous pouvez aussi saisir directement des niveaux CLB ou NCLC."),
    "q_second_language": ("Your second official language test (optional)",
                          "Votre test de la seconde langue officielle (facultatif)"),
    "h_second_language": (
        "Only a test of the other official language: French if your first is English, "
        "English if your first is French.",
        "Seulement un test de l'autre langue officielle : le français si votre première langue "
        "est l'anglais, l'anglais si c'est le français."),
    "l_test": ("Language test", "Test linguistique"),
    "o_no_test": ("No other test", "Aucun autre test"),
    "o_no_spouse_test": ("No test, or not applicable", "Aucun test, ou sans objet"),
    "og_english": ("English", "Anglais"),
    "og_french": ("French", "Français"),
    "o_celpip_g": ("CELPIP-General", "CELPIP-General"),
    "o_ielts_gt": ("IELTS General Training", "IELTS formation générale"),
    "o_pte_core": ("PTE Core", "PTE Core"),
    "o_clb": ("CLB levels (enter levels directly)", "Niveaux CLB (saisie directe)"),
    "o_tef_canada": ("TEF Canada", "TEF Canada"),
    "o_tcf_canada": ("TCF Canada", "TCF Canada"),
    "o_nclc": ("NCLC levels (enter levels directly)", "Niveaux NCLC (saisie directe)"),
    "l_test_date": ("Test date", "Date du test"),
    "h_test_date": ("Results are valid for two years.", "Les résultats sont valides deux ans."),
    "h_test_date_tef": (
        "For TEF Canada the date also picks the scale: tests from 11 December 2023 use the "
        "0 to 699 scale.",
        "Pour le TEF Canada, la date choisit aussi l'échelle : les tests passés depuis le "
        "11 décembre 2023 utilisent l'échelle de 0 à 699."),
    "l_speaking": ("Speaking", "Expression orale"),
    "l_listening": ("Listening", "Compréhension de l'oral"),
    "l_reading": ("Reading", "Compréhension de l'écrit"),
    "l_writing": ("Writing", "Expression écrite"),
    "h_scores": (
        "IELTS: bands 0 to 9 (e.g. 6.5). CELPIP: levels 0 to 12. PTE Core: 10 to 90. "
        "TEF Canada: 0 to 699. TCF Canada: 0 to 699 (speaking and writing 0 to 20).",
        "IELTS : 0 à 9 (p. ex. 6,5). CELPIP : 0 à 12. PTE Core : 10 à 90. "
        "TEF Canada : 0 à 699. TCF Canada : 0 à 699 (expression orale et écrite : 0 à 20)."),
    "clb_level": ("CLB {n}", "NCLC {n}"),
    "clb_below": ("below CLB 4", "sous NCLC 4"),

    "q_canadian_work_years": (
        "In the last ten years, how many years of skilled work experience in Canada do you "
        "have?",
        "Au cours des dix dernières années, combien d'années d'expérience de travail qualifié "
        "au Canada avez-vous?"),
    "h_canadian_work_years": (
        "Paid, full time (or the same amount part time), in a TEER 0, 1, 2 or 3 occupation, "
        "while in Canada. Enter 0 for less than a year; 5 or more all count the same.",
        "Rémunérée, à temps plein (ou l'équivalent à temps partiel), dans une profession de "
        "catégorie FÉER 0, 1, 2 ou 3, au Canada. Indiquez 0 pour moins d'un an; 5 ans ou plus "
        "comptent de la même façon."),
    "q_foreign_work_years": (
        "In the last ten years, how many years of skilled work experience outside Canada do "
        "you have?",
        "Au cours des dix dernières années, combien d'années d'expérience de travail qualifié "
        "à l'étranger avez-vous?"),
    "h_foreign_work_years": (
        "Paid, full time (or the same amount part time), in one TEER 0, 1, 2 or 3 occupation. "
        "3 or more all count the same.",
        "Rémunérée, à temps plein (ou l'équivalent à temps partiel), dans une même profession "
        "de catégorie FÉER 0, 1, 2 ou 3. 3 ans ou plus comptent de la même façon."),
    "l_years": ("Years", "Années"),

    "q_certificate": (
        "Do you have a certificate of qualification from a Canadian province, territory or "
        "federal body?",
        "Avez-vous un certificat de compétence délivré par une province, un territoire ou un "
        "organisme fédéral du Canada?"),
    "h_certificate": ("For skilled trades.", "Pour les métiers spécialisés."),
    "q_has_job_offer": (
        "Do you have a valid job offer supported by a Labour Market Impact Assessment (if "
        "needed)?",
        "Avez-vous une offre d'emploi valide appuyée par une étude d'impact sur le marché du "
        "travail (si elle est exigée)?"),
    "h_has_job_offer": (
        "Since 25 March 2025 a job offer gives no CRS points; it still matters for earlier "
        "dates and for program eligibility.",
        "Depuis le 25 mars 2025, une offre d'emploi ne donne aucun point au titre du SCG; elle "
        "compte encore pour les dates antérieures et pour l'admissibilité aux programmes."),
    "q_job_offer": ("Which NOC TEER is the job offer?",
                    "Quelle catégorie FÉER de la CNP vise l'offre d'emploi?"),
    "o_teer_0_major_group_00": ("NOC TEER 0, Major Group 00",
                                "FÉER 0 de la CNP, grand groupe 00"),
    "o_teer_0_1_2_3": ("NOC TEER 1, 2 or 3, or any TEER 0 other than Major Group 00",
                       "FÉER 1, 2 ou 3 de la CNP, ou FÉER 0 autre que le grand groupe 00"),
    "q_provincial_nomination": (
        "Do you have a nomination certificate from a province or territory?",
        "Avez-vous un certificat de désignation d'une province ou d'un territoire?"),
    "q_sibling": (
        "Do you or your spouse or common-law partner (if they will come with you) have at "
        "least one brother or sister living in Canada who is a citizen or permanent resident?",
        "Vous ou votre époux ou conjoint de fait (s'il vous accompagne) avez-vous au moins un "
        "frère ou une sœur vivant au Canada qui est citoyen ou résident permanent?"),
    "h_sibling": (
        "18 or older, related by blood, marriage, common-law partnership or adoption, with a "
        "parent in common.",
        "Âgé de 18 ans ou plus, lié par le sang, le mariage, l'union de fait ou l'adoption, "
        "avec au moins un parent en commun."),

    "q_spouse_education": ("What is your spouse's or partner's level of education?",
                           "Quel est le niveau de scolarité de votre époux ou conjoint de fait?"),
    "o_spouse_no_education": ("Not given (no credential assessed)",
                              "Non indiqué (aucun diplôme évalué)"),
    "q_spouse_canadian_work_years": (
        "In the last ten years, how many years of skilled work experience in Canada does your "
        "spouse or partner have?",
        "Au cours des dix dernières années, combien d'années d'expérience de travail qualifié au "
        "Canada votre époux ou conjoint de fait a-t-il?"),
    "q_spouse_language": ("Your spouse's or partner's language test",
                          "Le test linguistique de votre époux ou conjoint de fait"),
    "h_spouse_language": ("Their first official language, results less than two years old.",
                          "Sa première langue officielle, résultats de moins de deux ans."),

    # Education options (question 4)
    "o_edu_none": ("None, or less than secondary (high school)",
                   "Aucun, ou moins qu'un diplôme d'études secondaires"),
    "o_edu_secondary": ("Secondary diploma (high school graduation)",
                        "Diplôme d'études secondaires"),
    "o_edu_one_year": (
        "One-year program at a university, college, trade or technical school, or other "
        "institute",
        "Programme d'un an dans une université, un collège, une école de métiers ou technique, "
        "ou un autre établissement"),
    "o_edu_two_year": (
        "Two-year program at a university, college, trade or technical school, or other "
        "institute",
        "Programme de deux ans dans une université, un collège, une école de métiers ou "
        "technique, ou un autre établissement"),
    "o_edu_bachelors": (
        "Bachelor's degree, or a program of three or more years",
        "Baccalauréat, ou programme de trois ans ou plus"),
    "o_edu_two_or_more": (
        "Two or more certificates, diplomas or degrees; one for a program of three or more "
        "years",
        "Deux certificats, diplômes ou grades ou plus, dont un pour un programme de trois ans "
        "ou plus"),
    "o_edu_masters": (
        "Master's degree, or professional degree needed to practise a licensed profession",
        "Maîtrise, ou diplôme professionnel requis pour exercer une profession réglementée"),
    "o_edu_doctorate": ("Doctoral level university degree (PhD)",
                        "Doctorat (Ph. D.)"),
    "o_cedu_secondary": ("Secondary (high school) or less", "Secondaire ou moins"),
    "o_cedu_one_or_two_year": ("One- or two-year diploma or certificate",
                               "Diplôme ou certificat d'un an ou de deux ans"),
    "o_cedu_three_year_or_more": (
        "Degree, diploma or certificate of three years or longer, or a master's, professional "
        "or doctoral degree of at least one academic year",
        "Diplôme ou certificat de trois ans ou plus, ou une maîtrise, un doctorat ou un diplôme "
        "professionnel d'au moins une année scolaire"),

    # Marital status options (question 1, in the official tool's order)
    "o_ms_annulled": ("Annulled marriage", "Mariage annulé"),
    "o_ms_common_law": ("Common-law", "Conjoint de fait"),
    "o_ms_divorced_or_separated": ("Divorced / separated", "Divorcé(e) / séparé(e)"),
    "o_ms_legally_separated": ("Legally separated", "Séparé(e) légalement"),
    "o_ms_married": ("Married", "Marié(e)"),
    "o_ms_never_married": ("Never married / single", "Jamais marié(e) / célibataire"),
    "o_ms_widowed": ("Widowed", "Veuf / veuve"),

    # Result panel
    "result_heading": ("Your score", "Votre note"),
    "l_as_of": ("Score as of", "Date d'évaluation"),
    "h_as_of": ("The rules in force on this date are applied. Today by default.",
                "Les règles en vigueur à cette date s'appliquent. Aujourd'hui par défaut."),
    "status_waiting": ("Your score appears here once the calculator has loaded.",
                       "Votre note s'affichera ici une fois le calculateur chargé."),
    "status_score": ("Your CRS score: {total} out of 1,200.",
                     "Votre note SCG : {total} sur 1 200."),
    "status_pending": ("Answer the remaining questions to see your score.",
                       "Répondez aux questions restantes pour voir votre note."),
    "status_errors_1": ("No score yet: 1 answer needs fixing.",
                        "Pas encore de note : 1 réponse est à corriger."),
    "status_errors_n": ("No score yet: {n} answers need fixing.",
                        "Pas encore de note : {n} réponses sont à corriger."),
    "pending_intro": ("Still to answer:", "Reste à répondre :"),
    "total_label": ("Total", "Total"),
    "out_of_1200": ("out of 1,200", "sur 1 200"),
    "rules_since": ("Rules in force since {date}", "Règles en vigueur depuis le {date}"),
    "rules_note": ("Scored as of {as_of}.", "Évaluation au {as_of}."),
    "col_factor": ("Factor", "Facteur"),
    "col_points": ("Points / maximum", "Points / maximum"),
    "breakdown_caption": ("Breakdown of your score", "Détail de votre note"),
    "subtotal": ("Subtotal", "Sous-total"),
    "warnings_heading": ("Please note", "À noter"),
    "unconfirmed_heading": ("Not confirmed by an official text",
                            "Non confirmé par un texte officiel"),
    "internal_error": (
        "Something went wrong while computing the score. Your answers are kept; please change "
        "an answer or reload the page.",
        "Un problème est survenu pendant le calcul. Vos réponses sont conservées; modifiez une "
        "réponse ou rechargez la page."),

    "sec_core": ("A. Core / human capital factors", "A. Facteurs de base du capital humain"),
    "sec_spouse_factors": ("B. Spouse or common-law partner factors",
                           "B. Facteurs liés à l'époux ou au conjoint de fait"),
    "sec_transferability": ("C. Skill transferability factors",
                            "C. Facteurs de transférabilité des compétences"),
    "sec_additional": ("D. Additional points", "D. Points additionnels"),

    "line_core.age": ("Age", "Âge"),
    "line_core.education": ("Level of education", "Niveau de scolarité"),
    "line_core.first_language": ("First official language", "Première langue officielle"),
    "line_core.second_language": ("Second official language", "Seconde langue officielle"),
    "line_core.canadian_work": ("Canadian work experience", "Expérience de travail au Canada"),
    "line_spouse.education": ("Spouse's level of education", "Niveau de scolarité"),
    "line_spouse.language": ("Spouse's first official language", "Première langue officielle"),
    "line_spouse.canadian_work": ("Spouse's Canadian work experience",
                                  "Expérience de travail au Canada"),
    "line_transferability.education.language": (
        "Education: with official language proficiency",
        "Études : avec la compétence en langue officielle"),
    "line_transferability.education.canadian_work": (
        "Education: with Canadian work experience",
        "Études : avec l'expérience de travail au Canada"),
    "line_transferability.education": ("Education subtotal (at most 50)",
                                       "Sous-total des études (50 au plus)"),
    "line_transferability.foreign_work.language": (
        "Foreign work experience: with official language proficiency",
        "Expérience de travail à l'étranger : avec la compétence en langue officielle"),
    "line_transferability.foreign_work.canadian_work": (
        "Foreign work experience: with Canadian work experience",
        "Expérience de travail à l'étranger : avec l'expérience de travail au Canada"),
    "line_transferability.foreign_work": ("Foreign work experience subtotal (at most 50)",
                                          "Sous-total de l'expérience à l'étranger (50 au plus)"),
    "line_transferability.certificate": ("Certificate of qualification",
                                         "Certificat de compétence"),
    "line_additional.provincial_nomination": ("Provincial nomination",
                                              "Désignation provinciale"),
    "line_additional.job_offer": ("Job offer", "Offre d'emploi réservé"),
    "line_additional.canadian_education": ("Study in Canada", "Études au Canada"),
    "line_additional.sibling": ("Sibling in Canada", "Frère ou sœur au Canada"),
    "line_additional.french": ("French-language skills",
                               "Compétences linguistiques en français"),

    # Optional eligibility questions (a collapsed <details> at the end of the form)
    "opt_summary": ("Check program eligibility (optional)",
                    "Vérifier l'admissibilité aux programmes (facultatif)"),
    "opt_intro": (
        "These answers do not change your CRS score. They help check whether you can enter the "
        "Express Entry pool under one of the three federal programs.",
        "Ces réponses ne changent pas votre note SCG. Elles aident à vérifier si vous pouvez "
        "entrer dans le bassin d'Entrée express au titre de l'un des trois programmes fédéraux."),
    "q_quebec": ("Do you plan to live in Quebec?", "Avez-vous l'intention de vivre au Québec?"),
    "h_quebec": ("Quebec selects its own skilled workers: the three federal programs require "
                 "the intention to live elsewhere in Canada.",
                 "Le Québec choisit ses propres travailleurs qualifiés : les trois programmes "
                 "fédéraux exigent l'intention de vivre ailleurs au Canada."),
    "q_authorized": ("Are you authorized to work in Canada now?",
                     "Êtes-vous autorisé à travailler au Canada actuellement?"),
    "h_authorized": ("With a valid job offer, this means you do not need to show settlement "
                     "funds.",
                     "Avec une offre d'emploi valide, vous n'avez alors pas à prouver de fonds "
                     "d'établissement."),
    "q_funds": ("Settlement funds, in Canadian dollars",
                "Fonds d'établissement, en dollars canadiens"),
    "h_funds": ("Money you can transfer to Canada that is not borrowed. Leave empty if you "
                "do not know.",
                "Argent que vous pouvez transférer au Canada et qui n'est pas emprunté. Laissez "
                "vide si vous ne savez pas."),
    "q_family_size": ("How many people are in your family?",
                      "Combien de personnes compte votre famille?"),
    "h_family_size": ("You, your spouse or partner, and your dependent children, even those "
                      "who will not come with you.",
                      "Vous, votre époux ou conjoint de fait et vos enfants à charge, même ceux "
                      "qui ne vous accompagneront pas."),
    "q_studied": ("Have you studied full time in Canada for at least two academic years?",
                  "Avez-vous étudié à temps plein au Canada pendant au moins deux années "
                  "scolaires?"),
    "q_relative": ("Do you or your spouse or partner have a relative living in Canada who is a "
                   "citizen or permanent resident?",
                   "Vous ou votre époux ou conjoint de fait avez-vous un parent vivant au "
                   "Canada qui est citoyen ou résident permanent?"),
    "h_relative": ("A parent, grandparent, child, grandchild, brother or sister, aunt or "
                   "uncle, or niece or nephew, 18 or older.",
                   "Un père ou une mère, un grand-parent, un enfant, un petit-enfant, un frère "
                   "ou une sœur, un oncle ou une tante, ou un neveu ou une nièce, âgé de 18 ans "
                   "ou plus."),

    # Beyond the score: panels below the result
    "beyond_heading": ("Beyond the score", "Au-delà de la note"),
    "beyond_link": ("Program eligibility, what would raise your score, your timeline and the "
                    "latest rounds of invitations",
                    "Admissibilité aux programmes, ce qui ferait monter votre note, votre "
                    "chronologie et les dernières rondes d'invitations"),
    "beyond_waiting": ("These appear once your score is computed.",
                       "Ces renseignements s'affichent une fois votre note calculée."),
    "elig_heading": ("Program eligibility", "Admissibilité aux programmes"),
    "elig_intro": (
        "To be invited you must meet the requirements of at least one of the three federal "
        "programs, whatever your score. Answer the optional questions at the end of the form "
        "to make this check more certain.",
        "Pour être invité, vous devez satisfaire aux exigences d'au moins un des trois "
        "programmes fédéraux, quelle que soit votre note. Répondez aux questions facultatives "
        "à la fin du formulaire pour rendre cette vérification plus sûre."),
    "elig_history_note": (
        "Your work history (the dates, TEER and hours of each job) and the details of a job "
        "offer cannot be entered in this form yet; they are read from an opened file or a "
        "share link.",
        "Vos antécédents de travail (dates, catégorie FÉER et heures de chaque emploi) et les "
        "détails d'une offre d'emploi ne peuvent pas encore être saisis dans ce formulaire; ils "
        "sont lus dans un fichier ouvert ou un lien de partage."),
    "st_eligible": ("Eligible", "Admissible"),
    "st_not_eligible": ("Not eligible", "Non admissible"),
    "st_unknown": ("Cannot tell yet", "Impossible de trancher pour l'instant"),
    "req_met": ("Met", "Satisfaite"),
    "req_not_met": ("Not met", "Non satisfaite"),
    "req_unknown": ("Cannot tell", "Indéterminée"),
    "program_status": ("{name}: {status}", "{name} : {status}"),
    "req_status": ("{status}:", "{status} :"),
    "grid_caption": ("Selection grid (pass mark {pass_mark} of 100)",
                     "Grille de sélection (note de passage : {pass_mark} sur 100)"),
    "grid_factor": ("Factor", "Facteur"),
    "grid_line_language": ("Official languages", "Langues officielles"),
    "grid_line_education": ("Education", "Études"),
    "grid_line_experience": ("Work experience", "Expérience de travail"),
    "grid_line_age": ("Age", "Âge"),
    "grid_line_arranged_employment": ("Arranged employment in Canada",
                                      "Emploi réservé au Canada"),
    "grid_line_adaptability": ("Adaptability", "Capacité d'adaptation"),
    "grid_total": ("Total (pass mark {pass_mark})", "Total (note de passage : {pass_mark})"),
    "grid_pass": ("{points} of 100: at or above the pass mark of {pass_mark}.",
                  "{points} sur 100 : égal ou supérieur à la note de passage de {pass_mark}."),
    "grid_fail": ("{points} of 100: below the pass mark of {pass_mark}.",
                  "{points} sur 100 : sous la note de passage de {pass_mark}."),
    "whatif_heading": ("What would raise your score", "Ce qui ferait monter votre note"),
    "whatif_intro": ("Each line is one change on its own, scored with the same rules and date; "
                     "gains do not simply add up.",
                     "Chaque ligne est un seul changement, évalué selon les mêmes règles et à "
                     "la même date; les gains ne s'additionnent pas simplement."),
    "whatif_item": ("{label}: +{points} points (total {total})",
                    "{label} : +{points} points (total {total})"),
    "whatif_none": ("None of the single changes we check would raise your score.",
                    "Aucun des changements vérifiés ne ferait monter votre note."),
    "whatif_birthday": ("{label}: {points} points (total {total})",
                        "{label} : {points} points (total {total})"),
    "timeline_heading": ("Timeline", "Chronologie"),
    "timeline_intro": ("Dates that change your profile or its score. Add a date of birth, test "
                       "dates and an ECA date to see more.",
                       "Les dates qui changent votre profil ou sa note. Indiquez une date de "
                       "naissance, les dates des tests et la date de l'EDE pour en voir plus."),
    "timeline_score": ("score that day: {total}", "note ce jour-là : {total}"),
    "rounds_heading": ("Rounds of invitations", "Rondes d'invitations"),
    "rounds_intro": (
        "The lowest score invited in the latest round of each type, up to {date}. Each round "
        "invites only candidates who qualify for its type.",
        "La note du dernier candidat invité à la ronde la plus récente de chaque type, "
        "jusqu'au {date}. Chaque ronde n'invite que les candidats admissibles à ce type."),
    "rounds_latest_caption": ("Latest cutoff by type of round",
                              "Dernière note minimale par type de ronde"),
    "col_round_type": ("Type of round", "Type de ronde"),
    "col_date": ("Date", "Date"),
    "col_cutoff": ("Cutoff", "Note minimale"),
    "col_invitations": ("Invitations", "Invitations"),
    "col_round": ("Round", "Ronde"),
    "col_you": ("Your score ({total})", "Votre note ({total})"),
    "you_above": ("Above, by {gap}", "Supérieure de {gap}"),
    "you_equal": ("Equal: ties are broken by submission time",
                  "Égale : les égalités sont départagées selon l'heure de soumission"),
    "you_below": ("Below, by {gap}", "Inférieure de {gap}"),
    "rounds_ties": (
        "At the cutoff score, ties are broken by submission time: only profiles submitted "
        "before the round's tie-breaking time were invited.",
        "À la note minimale, les égalités sont départagées selon l'heure de soumission : seuls "
        "les profils soumis avant l'heure limite de la ronde ont été invités."),
    "rounds_pool_exact": ("In the latest pool distribution ({date}), {n} of {total} candidates "
                          "had a score above {score}.",
                          "Selon la dernière répartition du bassin ({date}), {n} candidats sur "
                          "{total} avaient une note supérieure à {score}."),
    "rounds_pool_range": ("In the latest pool distribution ({date}), between {low} and {high} of "
                          "{total} candidates had a score above {score} (the published bands are "
                          "ranges of scores).",
                          "Selon la dernière répartition du bassin ({date}), entre {low} et "
                          "{high} candidats sur {total} avaient une note supérieure à {score} "
                          "(les tranches publiées sont des intervalles de notes)."),
    "rounds_chart_heading": ("Cutoffs in the 12 months to {date}",
                             "Notes minimales des 12 mois précédant le {date}"),
    "rounds_table_summary": ("Show these rounds as a table", "Afficher ces rondes en tableau"),
    "rounds_table_caption": ("Rounds in the 12 months to {date}",
                             "Rondes des 12 mois précédant le {date}"),
    "rounds_none": ("No round of invitations in this period.",
                    "Aucune ronde d'invitations dans cette période."),
    "rounds_as_of": ("Draw data as of {date} (round {number}). Later rounds are not included.",
                     "Données des rondes au {date} (ronde {number}). Les rondes suivantes ne "
                     "sont pas incluses."),
    "rounds_unavailable": ("The rounds of invitations could not be loaded.",
                           "Les rondes d'invitations n'ont pas pu être chargées."),
    "panels_error": ("This part could not be computed.", "Cette partie n'a pas pu être calculée."),

    # Save and share
    "sec_save": ("Save or share your answers", "Enregistrer ou partager vos réponses"),
    "save_intro": (
        "None of these send anything anywhere: a file stays on your computer, and a link "
        "keeps your answers after the # sign, a part of the address browsers never send to a "
        "server.",
        "Aucune de ces options n'envoie quoi que ce soit : un fichier reste sur votre "
        "ordinateur, et un lien garde vos réponses après le signe #, une partie de l'adresse "
        "que les navigateurs n'envoient jamais à un serveur."),
    "b_export": ("Save as a file", "Enregistrer dans un fichier"),
    "l_import": ("Open a saved file", "Ouvrir un fichier enregistré"),
    "b_share": ("Make a share link", "Créer un lien de partage"),
    "l_share": ("Share link", "Lien de partage"),
    "h_share": ("Anyone with this link sees your answers.",
                "Toute personne qui a ce lien voit vos réponses."),
    "b_copy": ("Copy the link", "Copier le lien"),
    "copied": ("Link copied.", "Lien copié."),
    "b_remember": ("Remember my answers on this device", "Mémoriser mes réponses sur cet appareil"),
    "b_forget": ("Forget the saved answers", "Oublier les réponses mémorisées"),
    "remembered": ("Your answers are saved in this browser only.",
                   "Vos réponses sont mémorisées dans ce navigateur seulement."),
    "forgotten": ("The saved answers were removed from this browser.",
                  "Les réponses mémorisées ont été retirées de ce navigateur."),
    "restored": ("Your answers saved in this browser were restored.",
                 "Vos réponses mémorisées dans ce navigateur ont été rétablies."),
    "loaded_link": ("The answers from the link were loaded.",
                    "Les réponses du lien ont été chargées."),
    "loaded_file": ("The answers from the file were loaded.",
                    "Les réponses du fichier ont été chargées."),
    "storage_unavailable": ("This browser does not allow saving here.",
                            "Ce navigateur ne permet pas de mémoriser ici."),

    # Refused imports
    "refused_link": ("The link could not be loaded: {why} Your answers were not changed.",
                     "Le lien n'a pas pu être chargé : {why} Vos réponses n'ont pas été "
                     "modifiées."),
    "refused_file": ("The file could not be loaded: {why} Your answers were not changed.",
                     "Le fichier n'a pas pu être chargé : {why} Vos réponses n'ont pas été "
                     "modifiées."),
    "why_too_large": ("it is too large for a profile.", "il est trop volumineux pour un profil."),
    "why_encoding": ("it is damaged or incomplete.", "il est endommagé ou incomplet."),
    "why_json": ("it is not a profile in JSON format.",
                 "ce n'est pas un profil au format JSON."),
    "why_not_object": ("it is not a profile.", "ce n'est pas un profil."),
    "why_nesting": ("it is nested too deeply.", "il est trop imbriqué."),
    "why_markup": ("it contains HTML or code, which a profile never does.",
                   "il contient du HTML ou du code, ce qu'un profil ne contient jamais."),
    "why_long_text": ("it contains a text far too long for any answer.",
                      "il contient un texte beaucoup trop long pour une réponse."),
    "why_number": ("it contains an impossible number.", "il contient un nombre impossible."),
    "restore_refused": (
        "Your answers remembered in this browser could not be restored: {why} They are still "
        "stored here; “Forget the saved answers” removes them.",
        "Les réponses mémorisées dans ce navigateur n'ont pas pu être rétablies : {why} Elles y "
        "sont toujours ; « Oublier les réponses mémorisées » les retire."),

    # Refused saves: what could not be loaded back is refused when it is made, naming the answer
    "refused_save": ("Nothing was saved: the answer “{field}” {why} Change it and try again.",
                     "Rien n'a été enregistré : la réponse « {field} » {why} Modifiez-la et "
                     "réessayez."),
    "refused_share": ("No link was made: the answer “{field}” {why} Change it and try again.",
                      "Aucun lien n'a été créé : la réponse « {field} » {why} Modifiez-la et "
                      "réessayez."),
    "the_profile": ("profile", "profil"),
    "out_why_markup": ("holds a character a saved profile cannot hold (<, > or `, or a control "
                       "character).",
                       "contient un caractère qu'un profil enregistré ne peut pas contenir (<, "
                       "> ou `, ou un caractère de contrôle)."),
    "out_why_long_text": ("is too long (at most 200 characters).",
                          "est trop longue (200 caractères au plus)."),
    "out_why_number": ("is a number too large (at most 1,000,000,000).",
                       "est un nombre trop grand (1 000 000 000 au plus)."),
    "out_why_too_large": ("makes the profile too large.", "rend le profil trop volumineux."),
    "out_why_nesting": ("is nested too deeply.", "est trop imbriquée."),

    # A share link opened over typed answers (a link, or a parent frame changing the address)
    "replace_offer": ("This link holds other answers. Replace the answers you typed with them?",
                      "Ce lien contient d'autres réponses. Remplacer par celles-ci les réponses "
                      "que vous avez saisies ?"),
    "b_replace_yes": ("Replace my answers", "Remplacer mes réponses"),
    "b_replace_no": ("Keep my answers", "Garder mes réponses"),
    "kept_answers": ("Your answers were kept; the link was not loaded.",
                     "Vos réponses ont été gardées ; le lien n'a pas été chargé."),

    # Amounts the form does not guess (form.ambiguous_amount)
    "ambiguous_amount": (
        "Settlement funds: “{amount}” is ambiguous (a dot followed by three digits could be "
        "decimals or thousands). Write the amount in dollars without a dot, for example 20000 "
        "or 20 000.",
        "Fonds d'établissement : « {amount} » est ambigu (un point suivi de trois chiffres peut "
        "marquer des décimales ou des milliers). Écrivez le montant en dollars sans point, par "
        "exemple 20000 ou 20 000."),

    # Footer
    "footer_disclaimer": (
        "This calculator is not affiliated with or endorsed by the Government of Canada or "
        "Immigration, Refugees and Citizenship Canada (IRCC). It gives an estimate for general "
        "guidance only; the score in your Express Entry profile is the one that counts.",
        "Ce calculateur n'est ni affilié au gouvernement du Canada ou à Immigration, Réfugiés "
        "et Citoyenneté Canada (IRCC), ni approuvé par eux. Il donne une estimation à titre "
        "indicatif seulement; la note de votre profil Entrée express est celle qui compte."),
    "footer_official_tool": ("Official CRS tool (IRCC)", "Outil officiel du SCG (IRCC)"),
    "footer_rounds": ("Express Entry rounds of invitations (IRCC)",
                      "Rondes d'invitations d'Entrée express (IRCC)"),
    "footer_rules": ("Point tables: Ministerial Instructions, rule sets in force since "
                     "{dates}. This page was built on {built}.",
                     "Grilles de points : Instructions ministérielles, ensembles de règles en "
                     "vigueur depuis le {dates}. Page produite le {built}."),
    "footer_links_label": ("Official sources", "Sources officielles"),
}

URLS = {
    "official_tool": ("https://ircc.canada.ca/english/immigrate/skilled/crs-tool.asp",
                      "https://ircc.canada.ca/francais/immigrer/qualifie/scg-outil.asp"),
    "rounds": (
        "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/"
        "policies-operational-instructions-agreements/ministerial-instructions/"
        "express-entry-rounds.html",
        "https://www.canada.ca/fr/immigration-refugies-citoyennete/organisation/mandat/"
        "politiques-directives-operationnelles-ententes-accords/instructions-ministerielles/"
        "entree-express-rondes.html"),
}


def t(key, lang, **values):
    """The text of `key` in `lang` ("en" or "fr"), with {placeholders} filled."""
    text = S[key][1 if lang == "fr" else 0]
    return text.format(**values) if values else text


def url(key, lang):
    return URLS[key][1 if lang == "fr" else 0]


# Numbers, dates and the colon are written per language in one place: the core's formats.py.
from crs.formats import integer as number  # noqa: E402,F401

"""The page glue: the form's questions (questions.py) and mapping (form.py), words (strings.py
reading words/<lang>.json), the page (page.py), PyScript entry (main.py)."""

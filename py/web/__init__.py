"""The page glue: form mapping (form.py), words (strings.py), the page (page.py), PyScript entry (main.py)."""

"""The page glue: form mapping (form.py), words (strings.py), PyScript entry (main.py)."""

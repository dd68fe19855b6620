"""The project's own tools (not shipped): tools/build is what build.py runs."""

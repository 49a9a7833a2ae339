"""Textual screens. Only this package (and the CLI, lazily) imports Textual."""

"""The catalogue of trial registers, as dedup reads it: :mod:`reviewkit.trial_registers`, which
sits below both dedup and the formats (an Ovid file whose last abstract ends on a whole
registration number is not cut there), so the one catalogue serves both."""

from reviewkit.trial_registers import CONTEXT, REGISTERS, Form, Register

__all__ = ["CONTEXT", "REGISTERS", "Form", "Register"]

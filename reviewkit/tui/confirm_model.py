"""The confirm screen's model: the suggestion (M) of the model the trainer last published while
it beats the rules, the line that says how it stands, and why a study has no M (``m`` greyed)."""

from __future__ import annotations

from reviewkit import classify


class ModelSuggestions:
    """A mixin of :class:`~reviewkit.tui.classify.ConfirmScreen`: the model's suggestions and
    line (its ``trainer`` and ``_model_said``, set by the screen)."""

    @property
    def live_model(self) -> classify.Model | None:
        """The last model the trainer published, if it beats the rules."""
        model = self.trainer.latest if self.trainer else None
        return model if model is not None and model.beats_rules else None

    def model(self, rid: int) -> list[classify.Suggestion]:
        """The live model's suggestion for a study ([] while it does not beat the rules), made
        once per study and model (it scores the rules again, for its features)."""
        model = self.live_model
        if model is None:
            return []
        said = self._model_said.get(rid)
        if said is None or said[0] is not model:
            said = self._model_said[rid] = (model, model.suggest(self.records[rid]))
        return said[1]

    def why_no_model(self) -> str:
        """Why the study shown has no model suggestion (M) to accept ('' when it has): ``m``
        is greyed in the footer then and says this when pressed. It said "it needs more
        confirmed studies" whatever the reason, also to a lead with 45 confirmed whose model
        tied the rules at 100% (where more studies change nothing)."""
        if self.model(self.current):
            return ""
        model = self.trainer.latest if self.trainer else None
        if model is None:
            if self.trainer and self.trainer.busy:
                return f"the model is training on {self.trainer.submitted} confirmed studies"
            return "no model yet: it needs more confirmed studies"
        if not model.beats_rules:
            return (
                f"no M: the model ({model.cv_accuracy:.0%} cross-validated) does not beat the"
                f" rules ({model.rules_accuracy:.0%}) on the confirmed studies"
            )
        return "the model suggests no label for this study"

    def model_status(self) -> str:
        """The model line's words: training, too few studies, or its accuracy."""
        model = self.trainer.latest if self.trainer else None
        if model is None:
            if self.trainer and self.trainer.busy:
                # the screen works meanwhile: say on what the model trains and what stands in
                return (
                    f"model: training on {self.trainer.submitted} confirmed studies…;"
                    " R = the rules meanwhile"
                )
            return "model: needs more confirmed studies"
        verdict = "" if model.beats_rules else "; no M until it beats the rules"
        return (
            f"model {model.cv_accuracy:.0%} cross-validated on {model.trained_on}"
            f" (rules {model.rules_accuracy:.0%}{verdict})"
        )

"""One reviewer's queue at one stage: their studies in a stable order, their own log only.

The order itself (seeded, and the undecided part reordered by a ranking) is worked out in
:mod:`reviewkit.screening.queue_order`.

Blinding: the queue returns this reviewer's own votes and notes only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from reviewkit.project import Project
from reviewkit.records import Record
from reviewkit.screening.claims import HoldsClaims
from reviewkit.screening.decisions import VotedMeanwhile, add_note, decide, undo
from reviewkit.screening.log_marks import OthersEntries
from reviewkit.screening.outcomes import DerivedStages
from reviewkit.screening.queue_order import reorder_undecided, seeded_order
from reviewkit.screening.rules import (
    Order,
    check_reviewer,
    check_stage,
    needs_vote,
    stage_names,
    study_states,
)
from reviewkit.store import attachments as attachment_rows
from reviewkit.store import decisions as decision_rows
from reviewkit.store import duplicates as links
from reviewkit.store import lookup
from reviewkit.store import records as record_rows
from reviewkit.store.decisions import Decision
from reviewkit.wording import quantity


def _in_order_cast(votes: dict[int, Decision]) -> dict[int, Decision]:
    """``votes`` (study -> my vote) in the order they were cast."""
    return dict(sorted(votes.items(), key=lambda item: item[1].created_at))


@dataclass(frozen=True)
class QueueChange:
    """What :meth:`ReviewerQueue.refresh` found since the queue was built or last refreshed."""

    added: list[int] = field(default_factory=list)  # new studies, appended to the queue
    merged: dict[int, int] = field(default_factory=dict)  # study -> the study it joined
    dropped: list[int] = field(default_factory=list)  # studies that left the stage otherwise
    stored: int = 0  # how many of ``added`` are records stored since (the others were there:
    # split off by dedup, or newly included at the stage before)

    def describe(self, shown: int | None) -> str:
        """What to tell the reviewer who had ``shown`` on screen ("" when that is nothing)."""
        said = []
        if self.stored:
            said.append(f"{quantity(self.stored, 'new record')} from a search rerun or import")
        if len(self.added) > self.stored:
            n = len(self.added) - self.stored
            said.append(f"{quantity(n, 'more record')} for you at this stage")
        if shown in self.merged:
            said.append(f"record {shown} was merged into record {self.merged[shown]} by dedup")
        elif shown in self.dropped:  # decided by another reviewer (one vote needed), or no
            # longer included at the stage before: a key on it would be refused
            said.append(f"record {shown} no longer waits for you at this stage")
        return "; ".join(said)


class ReviewerQueue(HoldsClaims):
    """One reviewer's view of one stage: their studies in a stable order and their own log only.

    The queue is computed once; each move or decision touches one study, so a keypress never
    reloads the whole project. The studies this reviewer has decided come first, in the order
    decided (a reopened queue too, and each new decision joins the end of that part), then the
    undecided ones in the seeded or ranked order: going back (``k``) shows the newest decisions
    first, and a study's position is its place in the screen's "(k of N)". ``order`` replaces the seeded random order (a ranking hook);
    :meth:`reorder_remaining` reorders the undecided part later (see
    :class:`reviewkit.ranking.queue.QueueRanker`). ``votes`` is kept in the order the votes
    were made, which is the order :meth:`own_labels` hands to a ranker.
    """

    def __init__(
        self,
        project: Project,
        stage: str,
        reviewer: str,
        *,
        seed: int = 0,
        order: Order | None = None,
    ) -> None:
        self.project = project
        self.db = project.db
        self.protocol = project.protocol
        self.reviewer = check_reviewer(self.protocol, reviewer)
        self.stage = stage
        self.rule = check_stage(self.protocol, stage)
        self.seed = seed
        names = stage_names(self.protocol)
        # others' entries here, and any at the stages before (their includes enter this one)
        self._entries = OthersEntries(self.db, stage, self.reviewer, names[: names.index(stage)])
        self._stamp = self._read_stamp()  # read first: a change made meanwhile is seen again
        mine = self._take(DerivedStages(project))
        self.studies: list[int] = (
            list(order(mine)) if order else seeded_order(mine, seed, reviewer, stage)
        )
        self.index = {s: i for i, s in enumerate(self.studies)}
        self.votes, self.notes = self._own(self.canon)
        self._decided_first()

    def _decided_first(self) -> None:
        """Put my decided studies first, in the order decided; the undecided keep their order
        (so a ranker's or the seed's order of what is left is untouched)."""
        decided = [s for s in self.votes if s in self.index]
        undecided = [s for s in self.studies if s not in self.votes]
        self.studies = decided + undecided
        self.index = {s: i for i, s in enumerate(self.studies)}

    def _to_decided_end(self, study: int) -> None:
        """A study just decided (or decided again) goes last among my decided studies: the
        studies between its old place and that one move one place on, those after it stay."""
        old = self.index.get(study)
        if old is None:
            return
        new = self.done - 1  # the decided studies are the queue's first `done` places
        if new == old:
            return
        del self.studies[old]
        self.studies.insert(new, study)
        for pos in range(min(old, new), max(old, new) + 1):
            self.index[self.studies[pos]] = pos

    def _take(self, derived: DerivedStages) -> list[int]:
        """Take the clusters of ``derived``; returns this reviewer's studies at the stage (its
        own votes' studies and those still waiting for a vote from them), in id order. The
        stages are read before anything is taken: a read refused as busy leaves the queue."""
        states = derived.states(self.stage)
        mine = [
            s
            for s in derived.studies(self.stage)
            if self.reviewer in getattr(states.get(s), "votes", {})
            or needs_vote(states.get(s), self.rule, self.reviewer)
        ]
        self.canon = derived.canon
        self.members: dict[int, list[int]] = defaultdict(list)
        for rid, canonical in self.canon.items():
            self.members[canonical].append(rid)
        return mine

    def _read_stamp(self, *, decisions: bool = True) -> tuple[int, ...]:
        """(records, newest duplicate link[, :meth:`_entry_counts`]). Records are never
        deleted and links only appended, so a search rerun, an import or a dedup run always
        changes it; with ``decisions`` so do the entries of others that change my queue."""
        stamp = (record_rows.record_count(self.db), links.last_link_id(self.db))
        return (*stamp, *self._entry_counts()) if decisions else stamp

    def _entry_counts(self) -> tuple[int, int]:
        """(other reviewers' entries at this stage, entries at the stages before). Decisions
        are only appended, so another reviewer's vote here (one reviewer's 'uncertain' calls
        in a second; a study that needs one vote leaves my queue once another reviewer decides
        it; a resolver's final decision) and a decision at a stage before (a study included
        there enters this one) always change them. My own entries are left out: they are in
        the queue already, and each keypress would otherwise rebuild it
        (:class:`~reviewkit.screening.log_marks.OthersEntries`: counted again only after a
        new entry)."""
        return self._entries.counts()

    def _clusters_now(self, mark: int, now: int) -> dict[int, int]:
        """The clusters with the records stored since (each its own study until a link joins
        it) and the links written after ``mark`` (up to ``now``): only the clusters those
        links touch are worked out again, unless there are many (a whole dedup run), when one
        whole build is cheaper (:func:`reviewkit.store.duplicates.clusters_since`)."""
        canon = dict(self.canon)
        newest = max(canon, default=0)
        canon.update((rid, rid) for rid in record_rows.ids_after(self.db, newest))
        return links.clusters_since(self.db, canon, mark, now)

    def refresh(self, *, decisions: bool = True) -> QueueChange | None:
        """Take what changed since the queue was built: None (one cheap look) when no record
        was added, no duplicate link written and (with ``decisions``) no other reviewer's entry
        at this stage nor any entry at a stage before it made, else a :class:`QueueChange`.
        Without ``decisions`` the look is at records and links only (two lookups, no count).

        New studies at the stage go after the studies already in the queue (in their seeded
        order); a study a dedup merge joined to another leaves the queue (``merged`` names the
        study it joined, which holds its votes now: a decision on any record of a cluster
        counts for the study); the others keep their places. Votes and notes are read again
        with the new clusters, still this reviewer's own only (blinding).
        """
        stamp = self._read_stamp(decisions=decisions)
        if stamp == self._stamp[: len(stamp)]:
            return None
        if not decisions:  # the decisions are read again below: so is their count
            stamp = (*stamp, *self._entry_counts())
        newest = max(self.canon, default=0)
        canon = self._clusters_now(self._stamp[1], stamp[1])
        derived = DerivedStages(self.project, canon)
        # every read before anything is taken: a read refused as busy on the way (the screen's
        # timer look lets it pass) leaves the queue, its votes and its stamp as they were, and
        # the next refresh reads the whole change again (new records still counted as new)
        own = self._own(derived.canon)
        mine = self._take(derived)
        now = set(mine)
        merged = {
            s: self.canon.get(s, s)
            for s in self.studies
            if s not in now and self.canon.get(s, s) != s
        }
        dropped = [s for s in self.studies if s not in now and s not in merged]
        fresh = [s for s in mine if s not in self.index]
        added = seeded_order(fresh, self.seed, self.reviewer, self.stage)
        self.studies = [s for s in self.studies if s in now] + added
        self.index = {s: i for i, s in enumerate(self.studies)}
        self.votes, self.notes = own
        self._decided_first()  # a merge may have brought one of my votes to an undecided study
        self._stamp = stamp
        return QueueChange(added, merged, dropped, sum(1 for s in added if s > newest))

    def _own(
        self, canon: dict[int, int]
    ) -> tuple[dict[int, Decision], defaultdict[int, list[str]]]:
        """My votes (in the order cast) and notes per study of ``canon``, read; nothing is
        kept here (:meth:`refresh` takes them once every read is done)."""
        own = decision_rows.list_decisions(self.db, stage=self.stage, reviewer=self.reviewer)
        votes: dict[int, Decision] = {}
        notes: defaultdict[int, list[str]] = defaultdict(list)
        for study, state in study_states(own, canon).items():
            if self.reviewer in state.votes:
                votes[study] = state.votes[self.reviewer]
            notes[study] = list(state.notes.get(self.reviewer, []))
        return _in_order_cast(votes), notes

    def _sort_votes(self) -> None:
        self.votes = _in_order_cast(self.votes)

    # counts ----------------------------------------------------------------------------
    @property
    def done(self) -> int:
        return sum(1 for s in self.votes if s in self.index)

    @property
    def remaining(self) -> int:
        return len(self.studies) - self.done

    def place(self, shown: int | None, change: QueueChange, pos: int | None) -> int | None:
        """Where to be after ``change``: the study that was on screen (``shown``, at ``pos``),
        or the one it was merged into; if it left the stage, the next that waits for me."""
        study = change.merged.get(shown, shown) if shown is not None else None
        if study is not None and study in self.index:
            return self.index[study]
        if not self.studies:
            return None
        start = min(pos or 0, len(self.studies) - 1)
        nxt = self.next_for_me(start)
        return start if nxt is None else nxt

    # navigation ------------------------------------------------------------------------
    def needs_me(self, study: int) -> bool:
        """Fresh from the database: does this study still wait for this reviewer's vote?"""
        if study in self.votes:
            return False
        log = decision_rows.list_decisions(
            self.db, stage=self.stage, record_ids=self.members[study]
        )
        state = study_states(log, self.canon).get(study)
        return needs_vote(state, self.rule, self.reviewer)

    def next_open(self, start: int = 0, *, passing: Collection[int] = ()) -> int | None:
        """Position of the first study from ``start`` on that still waits for me (going
        past the studies in ``passing``)."""
        for pos in range(max(start, 0), len(self.studies)):
            study = self.studies[pos]
            if study not in self.votes and study not in passing and self.needs_me(study):
                return pos
        return None

    def next_for_me(self, start: int = 0) -> int | None:
        """Where to go next: the first study from ``start`` on (then from the top) that waits
        for me and that no other reviewer's screen holds (:mod:`reviewkit.screening.claims`),
        claimed for me here; if every study left is held by another screen, the first of
        those all the same (a claim never keeps a reviewer from a vote). None: nothing waits."""
        held = self.held_by_others()  # the claims, read once for this pick
        for begin in (start, 0):
            pos = self.next_open(begin, passing=held)
            while pos is not None and not self.hold(self.studies[pos]):
                held.add(self.studies[pos])  # claimed by another screen since the read
                pos = self.next_open(pos + 1, passing=held)
            if pos is not None:
                return pos
        pos = self.next_open(start)
        return self.next_open(0) if pos is None else pos

    def search(self, text: str, start: int) -> int | None:
        """Position of the next study after ``start`` (wrapping) whose title contains ``text``."""
        text = text.strip()
        if not text or not self.studies:
            return None
        hits = {self.study_of(r) for r in lookup.ids_with_title_containing(self.db, text)}
        n = len(self.studies)
        for step in range(1, n + 1):
            pos = (start + step) % n
            if self.studies[pos] in hits:
                return pos
        return None

    def position_of(self, record_id: int) -> int | None:
        """Position in my queue of the study holding this record, if it is mine."""
        return self.index.get(self.study_of(record_id))

    def study_of(self, record_id: int) -> int:
        return self.canon.get(record_id, record_id)

    # records ---------------------------------------------------------------------------
    def record(self, study: int) -> Record:
        return record_rows.get_record(self.db, study)

    def sources(self, study: int) -> list[Record]:
        """Every record of the study's cluster (its sources), canonical first."""
        recs = record_rows.get_records(self.db, self.members[study])
        return [recs[r] for r in sorted(recs)]

    def attachment(self, study: int) -> attachment_rows.Attachment | None:
        return attachment_rows.current_attachment(self.db, self.members[study])

    # my log ----------------------------------------------------------------------------
    def decide(self, study: int, label: str, reason: str = "", note: str = "") -> Decision:
        """Vote on ``study`` (``screening.decide``); a vote of mine cast on it meanwhile
        elsewhere (another terminal) refuses it with ``VotedMeanwhile`` and is taken here, so
        the screen shows it and the same key again changes it."""
        try:
            d = decide(
                self.db,
                study,
                self.stage,
                self.reviewer,
                label,
                reason,
                note,
                protocol=self.protocol,
                members=self.members[study],
                seen=self.votes.get(study),
            )
        except VotedMeanwhile as exc:
            self.votes[study] = exc.vote
            self._sort_votes()
            raise
        self.votes.pop(study, None)  # the newest vote goes last: votes stay in the order made
        self.votes[study] = d
        self._to_decided_end(study)
        return d

    def note(self, study: int, text: str) -> Decision:
        d = add_note(
            self.db,
            study,
            self.stage,
            self.reviewer,
            text,
            protocol=self.protocol,
            members=self.members[study],
        )
        self.notes[study].append(d.note)
        return d

    def undo(self) -> Decision | None:
        """Undo my newest live entry; returns it (its study is where to go back to, if it is
        still in my queue: a study my undone vote no longer holds leaves it when it does not
        wait for me any more, e.g. my 'uncertain' undone after a second reviewer decided it)."""
        target = undo(
            self.db, self.stage, self.reviewer, lambda rid: self.members.get(self.study_of(rid), ())
        )
        if target is not None:
            study = self.study_of(target.record_id)
            self.votes.pop(study, None)
            self.notes.pop(study, None)
            own = decision_rows.list_decisions(
                self.db, stage=self.stage, reviewer=self.reviewer, record_ids=self.members[study]
            )
            state = study_states(own, self.canon).get(study)
            if state is not None:
                if self.reviewer in state.votes:
                    self.votes[study] = state.votes[self.reviewer]
                    self._sort_votes()  # an earlier vote is in force again: back to its place
                self.notes[study] = list(state.notes.get(self.reviewer, []))
            if study not in self.votes and not self.needs_me(study):
                self._leave(study)  # another reviewer decided it meanwhile (one per record)
            self._decided_first()  # undecided again: first of the undecided part
        return target

    def _leave(self, study: int) -> None:
        """Take a study out of my queue: it no longer waits for me and has no vote of mine
        (a refresh would drop it too); my notes on it stay in the log."""
        if study in self.index:
            del self.studies[self.index[study]]
            self.index = {s: i for i, s in enumerate(self.studies)}

    # ranking ---------------------------------------------------------------------------
    def own_labels(self) -> list[tuple[int, bool]]:
        """This reviewer's current votes as ranker labels, in the order they were made.

        ``(study, positive)``: include and uncertain are positive (True), exclude is negative
        (False). Only this reviewer's own votes: a ranker fed from here keeps the blinding.
        """
        return [
            (study, d.label != "exclude") for study, d in self.votes.items() if study in self.index
        ]

    def reorder_remaining(
        self,
        ranking: Sequence[int],
        after: int | None,
        keep: Collection[int] = (),
        *,
        window: int | None = None,
    ) -> bool:
        """Put the undecided studies after position ``after`` in ``ranking``'s order.

        Positions up to ``after`` (the record on screen and everything before it), every
        decided study and the studies in ``keep`` (e.g. those already shown) keep their place,
        so going back and forth shows what was there; the other undecided studies (the
        movable ones) fill the remaining places, best ranked first (studies ``ranking`` does
        not name follow in their present order). Returns True when the order changed.

        With ``window`` only the next ``window`` movable places are filled that way, so the
        cost stays O(window) on a long queue: the best ranked studies move in, and the ones
        they replace take the places they left, further on.
        """
        start = 0 if after is None else after + 1
        return reorder_undecided(self.studies, self.index, self.votes, ranking, start, keep, window)

"""Fast exact decoding of a trained CRFsuite model: cached per-word scores and batched Viterbi.

A linear-chain CRF scores a label sequence as the sum of the weights of its active
(attribute, label) pairs plus label-transition weights. Most attributes of a token depend on
one word only (its own form, or a neighbour's form seen from one or two positions away), so
their weights are summed once per word *type* into a ``(5, labels)`` row of a table: a
document's emission scores are one gather and a few array additions, plus the handful of
attributes that depend on the position (word bigrams, sentence edges, title distance, the
second pass's document features). The best path of every sentence of a document is found at
once by a Viterbi recursion vectorized over sentences (numpy, float64); :meth:`CrfScorer.decode`
can fix chosen tokens (punctuation) to ``O``, which cuts sentences into clauses and shortens
the recursion.

Without fixed tokens the result is the labelling CRFsuite's own tagger gives (same model, same
attributes, same arithmetic up to float rounding; checked by the tests), several times faster
from Python, because CRFsuite has to turn every attribute string of every token into an item
on each call.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pycrfsuite

WordParts = tuple[tuple[str, ...], ...]
"""A word's feature strings: own, as left neighbour (-1), as right neighbour (+1), two to the
left (-2), two to the right (+2) (see :meth:`~marsad.enrich.ner_features.WordFeaturizer.word`)."""


class CrfScorer:
    """Weights of a CRFsuite model, for exact Viterbi decoding with cached word scores.

    Args:
        model: The model file's bytes (as written by ``pycrfsuite.Trainer.train``).
        word_parts: Function from a token to its :data:`WordParts`; its result is summed once
            per distinct token (kept in a table of up to ``cache_size`` rows).
        cache_size: How many word types keep their summed scores.

    Attributes:
        labels: Label names, in the model's label order.
        attributes: Attribute string -> row of :attr:`weights`.
        weights: ``(attributes + 1, labels)`` state weights (the last row is zeros).
        transitions: ``(labels, labels)`` weight of label ``i`` followed by label ``j``.
    """

    def __init__(self, model: bytes, word_parts: Callable[[str], WordParts],
                 cache_size: int = 200_000) -> None:
        tagger = pycrfsuite.Tagger()
        tagger.open_inmemory(model)
        info = tagger.info()
        tagger.close()
        self.labels: list[str] = sorted(info.labels, key=lambda lab: int(info.labels[lab]))
        index = {lab: i for i, lab in enumerate(self.labels)}
        attributes: dict[str, int] = {}
        for attr, _ in info.state_features:
            attributes.setdefault(attr, len(attributes))
        weights = np.zeros((len(attributes) + 1, len(self.labels)))
        for (attr, label), w in info.state_features.items():
            weights[attributes[attr], index[label]] = w
        transitions = np.zeros((len(self.labels), len(self.labels)))
        for (a, b), w in info.transitions.items():
            transitions[index[a], index[b]] = w
        self.attributes = attributes
        self.weights = weights
        self.zero_row = len(attributes)
        self.transitions = transitions
        self._parts = word_parts
        # word -> row of a table of word scores, so a document's scores are one gather;
        # emptied when it reaches cache_size rows (a cache, not state)
        self.cache_size = cache_size
        self._ids: dict[str, int] = {}
        self._table = np.zeros((1024, 5, len(self.labels)))

    def word_ids(self, words: Sequence[str]) -> np.ndarray:
        """Rows of the word-score table for ``words`` (added on first sight)."""
        ids = self._ids
        if len(ids) + len(words) > self.cache_size:
            ids.clear()
        out = []
        for w in words:
            k = ids.get(w)
            if k is None:
                k = ids[w] = len(ids)
                if k >= len(self._table):
                    grown = np.zeros((2 * len(self._table), *self._table.shape[1:]))
                    grown[:k] = self._table[:k]
                    self._table = grown
                self._table[k] = self.word_scores(w)
            out.append(k)
        return np.asarray(out, dtype=np.intp)

    def known(self, attr: str) -> bool:
        """Whether the model has any weight for ``attr``."""
        return attr in self.attributes

    def score(self, attrs: Sequence[str]) -> np.ndarray:
        """Summed state weights of some attributes, per label (unknown ones count zero)."""
        get = self.attributes.get
        rows = [r for r in map(get, attrs) if r is not None]
        return self.weights[rows].sum(axis=0) if rows else np.zeros(len(self.labels))

    def word_scores(self, word: str) -> np.ndarray:
        """``(5, labels)``: the word's own attributes, then as -1, +1, -2, +2 neighbour."""
        parts = self._parts(word)
        get = self.attributes.get
        rows: list[int] = []
        starts: list[int] = []
        for k in range(5):
            starts.append(len(rows))
            rows.extend(r for r in map(get, parts[k]) if r is not None)
            rows.append(self.zero_row)  # no part is empty: one reduceat sums all five
        return np.add.reduceat(self.weights[rows], starts, axis=0)

    def emissions(self, sentences: Sequence[Sequence[str]],
                  extra: Sequence[Sequence[str]],
                  sparse: Mapping[int, Sequence[str]] | None = None) -> np.ndarray:
        """State scores of every token of a document, ``(tokens, labels)``.

        Args:
            sentences: Tokens per sentence (neighbour attributes never cross a sentence).
            extra: Position-dependent attributes of each token, flat over the document.
            sparse: More attributes of some tokens, by flat token index (in any order).
        """
        flat = [t for s in sentences for t in s]
        n = len(flat)
        width = len(self.labels)
        if not n:
            return np.zeros((0, width))
        ids = self.word_ids(flat)  # first: it may grow the table
        scores = self._table[ids]  # (n, 5, labels)
        sid = np.repeat(np.arange(len(sentences)), [len(s) for s in sentences])
        out = scores[:, 0, :].copy()
        for shift, part in ((1, 1), (2, 3)):
            if n > shift:
                same = (sid[shift:] == sid[:-shift])[:, None]
                out[shift:] += np.where(same, scores[:-shift, part, :], 0.0)  # left neighbour
                out[:-shift] += np.where(same, scores[shift:, part + 1, :], 0.0)  # right
        get = self.attributes.get
        rows: list[int] = []
        where: list[int] = []
        for i, attrs in enumerate(extra):
            for a in attrs:
                r = get(a)
                if r is not None:
                    rows.append(r)
                    where.append(i)
        if sparse:
            for i in sorted(sparse):
                for a in sparse[i]:
                    r = get(a)
                    if r is not None:
                        rows.append(r)
                        where.append(i)
            order = np.argsort(where, kind="stable")
            where = [where[k] for k in order]
            rows = [rows[k] for k in order]
        if rows:
            # rows come token by token: sum each token's run of rows at once
            at = np.asarray(where)
            starts = np.flatnonzero(np.diff(at, prepend=-1))
            out[at[starts]] += np.add.reduceat(self.weights[rows], starts, axis=0)
        return out

    def decode(self, emissions: np.ndarray, lengths: Sequence[int],
               outside: Sequence[bool]) -> list[list[str]]:
        """Best labels of each sentence, with the tokens flagged ``outside`` fixed to ``O``.

        Fixing a token's label cuts its sentence into independent pieces (the transitions into
        and out of the fixed ``O`` are added to the neighbours' scores), so the Viterbi
        recursion runs over clauses instead of whole sentences: the same best path under the
        constraint, in fewer steps. Punctuation is the natural choice: ANERcorp's train part
        has 2 punctuation tokens inside entities out of 6,594.

        Args:
            emissions: ``(tokens, labels)`` for the sentences laid end to end.
            lengths: Token count of each sentence.
            outside: One flag per token.
        """
        o = self.labels.index("O") if "O" in self.labels else None
        if o is None or not any(outside):
            return self.viterbi(emissions, lengths)
        scores = emissions.copy()
        out_flags = np.asarray(outside, dtype=bool)
        n = len(out_flags)
        ends = np.cumsum(lengths)
        sent_start = np.zeros(n, dtype=bool)
        sent_start[ends[:-1][ends[:-1] < n]] = True
        sent_start[0] = True
        inside = ~out_flags
        # a piece ends into a fixed O before it and starts after one
        before_o = np.zeros(n, dtype=bool)
        before_o[:-1] = inside[:-1] & out_flags[1:] & ~sent_start[1:]
        after_o = np.zeros(n, dtype=bool)
        after_o[1:] = inside[1:] & out_flags[:-1] & ~sent_start[1:]
        scores[before_o] += self.transitions[:, o]
        scores[after_o] += self.transitions[o, :]
        index = np.flatnonzero(inside)
        # pieces: runs of inside tokens, cut at fixed tokens and at sentence starts
        new_piece = sent_start | after_o
        piece_starts = np.flatnonzero(new_piece[index]) if len(index) else np.zeros(0, int)
        pieces = np.diff(np.append(piece_starts, len(index))).tolist()
        labels = [t for piece in self.viterbi(scores[index], pieces) for t in piece]
        flat = ["O"] * len(outside)
        for i, label in zip(index, labels, strict=True):
            flat[i] = label
        out: list[list[str]] = []
        pos = 0
        for n in lengths:
            out.append(flat[pos:pos + n])
            pos += n
        return out

    def viterbi(self, emissions: np.ndarray, lengths: Sequence[int]) -> list[list[str]]:
        """Best label sequence of each sentence, all sentences at once.

        Args:
            emissions: ``(tokens, labels)`` for the sentences laid end to end.
            lengths: Token count of each sentence (their sum is ``len(emissions)``).

        Returns:
            Labels per sentence (an empty list for an empty sentence).
        """
        m = len(lengths)
        out: list[list[str]] = [[] for _ in range(m)]
        order = sorted((i for i in range(m) if lengths[i]), key=lambda i: -lengths[i])
        if not order:
            return out
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
        lens = np.array([lengths[i] for i in order], dtype=np.int64)
        longest = int(lens[0])
        width = len(self.labels)
        # padded (sentence, position, label) scores, longest sentence first
        pos = np.arange(longest)
        valid = pos[None, :] < lens[:, None]
        src = (starts[order][:, None] + pos[None, :])[valid]
        padded = np.zeros((len(order), longest, width))
        padded[valid] = emissions[src]
        # active[t]: sentences still running at position t (a prefix, thanks to the order)
        active = np.searchsorted(-lens, -np.arange(1, longest + 1), side="right")
        delta = padded[:, 0, :].copy()
        back = np.zeros((len(order), longest, width), dtype=np.intp)
        # cand[s, to, from]: reductions over the last axis are the cheapest
        trans_t = self.transitions.T[None, :, :]
        cand = np.empty((len(order), width, width))
        best = np.empty((len(order), width))
        for t in range(1, longest):
            k = int(active[t])
            np.add(delta[:k, None, :], trans_t, out=cand[:k])
            cand[:k].argmax(axis=2, out=back[:k, t])
            cand[:k].max(axis=2, out=best[:k])
            np.add(best[:k], padded[:k, t], out=delta[:k])
        # backtrack all sentences together: each one starts from its own last position
        path = np.zeros((len(order), longest), dtype=np.intp)
        rows = np.arange(len(order))
        path[rows, lens - 1] = delta.argmax(axis=1)
        for t in range(longest - 1, 0, -1):
            k = int(active[t])
            path[:k, t - 1] = back[rows[:k], t, path[:k, t]]
        labels = self.labels
        for row, i in enumerate(order):
            out[i] = [labels[j] for j in path[row, :lens[row]].tolist()]
        return out


__all__ = ["CrfScorer", "WordParts"]

"""Tests for the CRF NER tagger, its features and the CoNLL evaluation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.enrich.ner import (
    CrfNerTagger,
    bio_spans,
    document_features,
    lexicon_rows,
    propagate_tags,
    restore_erased,
)
from marsad.enrich.ner_features import (
    WordFeaturizer,
    norm_word,
    pattern,
    split_prefix,
    split_sequences,
)
from marsad.errors import DataMissingError, NotFittedError
from marsad.eval.ner import (
    ANERCORP_TEST,
    align_mentions,
    dumps,
    evaluate_ner,
    format_report,
    map_tag,
    read_conll,
    resolve_data,
    score_spans,
    score_tags,
)
from tests.conftest import shared_path

# --------------------------------------------------------------------------- span logic


def test_bio_spans_conlleval_semantics() -> None:
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "O", "B-MISC"]
    assert bio_spans(tags) == [(0, 2, "PER"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG"),
                               (8, 9, "MISC")]


def test_bio_spans_b_after_b_starts_new_span() -> None:
    assert bio_spans(["B-PER", "B-PER", "I-PER"]) == [(0, 1, "PER"), (1, 3, "PER")]


def test_map_tag_pers_and_junk() -> None:
    assert map_tag("B-PERS") == "B-PER"
    assert map_tag("I-LOC") == "I-LOC"
    assert map_tag("O") == "O"
    assert map_tag("X-PER") == "O"


def test_score_tags_known_precision_recall() -> None:
    # gold: PER(0-2) LOC(3) ORG(5-7); predicted: PER(0-2) right, LOC(3) typed ORG,
    # ORG(5-6) too short, plus a spurious MISC(8)
    gold = ["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O", "O"]
    pred = ["B-PER", "I-PER", "O", "B-ORG", "O", "B-ORG", "O", "O", "B-MISC"]
    s = score_tags(gold, pred)
    assert s["micro"]["tp"] == 1
    assert s["micro"]["precision"] == pytest.approx(1 / 4, abs=1e-4)
    assert s["micro"]["recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert s["micro"]["f1"] == pytest.approx(2 * (1 / 4) * (1 / 3) / (1 / 4 + 1 / 3), abs=1e-4)
    assert s["per_type"]["PER"]["f1"] == 1.0
    assert s["per_type"]["LOC"]["recall"] == 0.0
    assert s["per_type"]["MISC"]["precision"] == 0.0
    assert s["macro"]["f1"] == pytest.approx((1.0 + 0 + 0 + 0) / 4, abs=1e-4)


def test_score_tags_length_mismatch_raises() -> None:
    with pytest.raises(ValueError, match="align"):
        score_tags(["O"], ["O", "O"])


def test_score_spans_perfect() -> None:
    spans = [(0, 1, "PER"), (2, 4, "LOC")]
    s = score_spans(spans, spans)
    assert s["micro"]["f1"] == 1.0
    assert s["per_type"]["LOC"]["gold"] == 1


def test_read_conll_and_resolve(tmp_path: Path) -> None:
    f = tmp_path / "tiny.txt"
    f.write_text("جورج B-PERS\nبوش I-PERS\n O\nفي O\nواشنطن B-LOC\n\n. O\n", encoding="utf-8")
    tokens, tags = read_conll(f)
    assert tokens == ["جورج", "بوش", "", "في", "واشنطن", "."]
    assert tags == ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]
    assert resolve_data(f) == f
    with pytest.raises(DataMissingError, match="anercorp"):
        resolve_data(tmp_path)
    with pytest.raises(DataMissingError):
        resolve_data(tmp_path / "missing.txt")


def test_format_and_dumps_render_figures() -> None:
    s = score_tags(["B-PER", "O"], ["B-PER", "O"])
    assert "micro" in format_report(s)
    assert json.loads(dumps({"a": "ترمب"}))["a"] == "ترمب"


def test_align_mentions_by_occurrence() -> None:
    gold = [("ترمب", "PER"), ("سوريا", "LOC"), ("ترمب", "PER")]
    pred = [("ترمب", "PER"), ("ترمب", "PER"), ("العراق", "LOC")]
    assert align_mentions(gold, pred) == [(0, 0), (2, 1)]


# --------------------------------------------------------------------------- features


def test_ner_features_norm_word_unifies_letters() -> None:
    assert norm_word("أمريكا") == norm_word("امريكا")
    assert norm_word("سورية") == "سوريه"
    assert norm_word("إلى") == "الي"
    assert norm_word("مُحَمَّد") == "محمد"


def test_ner_features_split_prefix_keeps_short_words() -> None:
    assert split_prefix("والعراق") == ("وال", "عراق")
    assert split_prefix("وبومبيو") == ("وب", "ومبيو")  # greedy: the CRF also sees w=
    assert split_prefix("في") == ("", "في")
    assert split_prefix("لبنان")[0] in ("", "ل")


def test_ner_features_pattern_marks_affix_letters() -> None:
    assert pattern("مستشفي") == "مستCCي"


def test_ner_features_sequence_has_context() -> None:
    fz = WordFeaturizer()
    rows = fz.sequence(["قال", "الرئيس", "ترمب"])
    assert len(rows) == 3
    assert "BOS" in rows[0] and "EOS" in rows[2]
    assert any(f.startswith("-1w=") for f in rows[2])
    assert "tl=1" in rows[2]  # a title word right before


def test_ner_features_split_sequences() -> None:
    assert split_sequences(["a", ".", "b", "c", "؟", "d"]) == [(0, 2), (2, 5), (5, 6)]
    assert split_sequences([]) == []


def test_ner_lexicon_rows_thresholds() -> None:
    tokens = ["بوش", "قال", "بوش", "بيروت", "بيروت", "بيروت"]
    tags = ["B-PER", "O", "B-PER", "B-LOC", "O", "O"]
    rows = lexicon_rows(tokens, tags, min_count=1, min_ratio=0.3)
    assert ("بوش", "PER_T", 2) in rows
    assert ("بيروت", "LOC_T", 1) in rows
    assert not any(r[0] == "قال" for r in rows)
    assert lexicon_rows(tokens, tags, min_count=1, min_ratio=0.5) == [("بوش", "PER_T", 2)]


def test_ner_document_features_count_other_occurrences() -> None:
    bases = ["ترمب", "قال", "ترمب"]
    feats = document_features(bases, ["B-PER", "O", "O"], window=10)
    assert "de=PER" in feats[2] and "s1=O" in feats[2]
    assert "dc=O" in feats[0]  # the other ترمب was tagged O
    assert feats[1] == ["s1=O"]


# --------------------------------------------------------------------------- learner


def test_ner_tagger_not_fitted_raises() -> None:
    with pytest.raises(NotFittedError):
        CrfNerTagger().tag_sentences([["ترمب"]])


def test_ner_tagger_fit_validates_input() -> None:
    with pytest.raises(ValueError, match="align"):
        CrfNerTagger().fit(["a"], ["O", "O"])
    with pytest.raises(ValueError, match="folds"):
        CrfNerTagger(folds=1).fit(["a"], ["O"])


def test_ner_training_reproducible(tmp_path: Path) -> None:
    """Two trainings on the same slice give byte-identical models and identical tags."""
    tokens, tags = read_conll(shared_path("data", "anercorp",
                                          "ANERCorp_split_train_first125275tokens.txt"))
    tokens, tags = tokens[:4000], tags[:4000]
    params = {"folds": 2, "max_iterations": 15}
    a = CrfNerTagger(**params).fit(tokens, tags)
    b = CrfNerTagger(**params).fit(tokens, tags)
    assert a.stage1_ == b.stage1_ and a.stage2_ == b.stage2_
    assert a.lexicon_ == b.lexicon_
    sample = tokens[:300]
    assert a.tag_stream(sample) == b.tag_stream(sample)
    paths = a.save(tmp_path / "m.crfsuite")
    loaded = CrfNerTagger.load(paths["model"])
    assert loaded.tag_stream(sample) == a.tag_stream(sample)
    assert loaded.get_params()["folds"] == 2


def test_ner_decode_matches_crfsuite_tagger() -> None:
    """The fast decoder gives exactly CRFsuite's Viterbi tags (same model, same attributes)."""
    import pycrfsuite

    from marsad.enrich.ner_decode import CrfScorer

    tokens, tags = read_conll(shared_path("data", "anercorp",
                                          "ANERCorp_split_train_first125275tokens.txt"))
    model = CrfNerTagger(folds=2, max_iterations=30).fit(tokens[:5000], tags[:5000])
    fz = model._featurizer(model.lexicon_)
    scorer = CrfScorer(model.stage1_, fz.word)
    reference = pycrfsuite.Tagger()
    reference.open_inmemory(model.stage1_)
    sentences = [list(tokens[s:e]) for s, e in split_sequences(tokens[5000:9000])]
    sentences.insert(3, [])  # an empty sentence stays empty
    extra = [row for s in sentences for row in fz.positions([fz.word(t) for t in s])]
    got = scorer.viterbi(scorer.emissions(sentences, extra), [len(s) for s in sentences])
    want = [reference.tag(fz.sequence(s)) if s else [] for s in sentences]
    assert got == want
    assert any(t != "O" for s in got for t in s)


def test_ner_features_sequence_is_word_parts_plus_positions() -> None:
    fz = WordFeaturizer()
    tokens = ["وقال", "الرئيس", "الأميركي", "دونالد", "ترامب", "."]
    rows = fz.sequence(tokens)
    feats = [fz.word(t) for t in tokens]
    pos = fz.positions(feats)
    assert "BOS" in pos[0] and "BOS2" in pos[1] and "EOS2" in pos[4] and "EOS" in pos[5]
    assert set(feats[3][0]) <= set(rows[3]) and set(feats[2][1]) <= set(rows[3])
    assert set(feats[5][4]) <= set(rows[3]) and set(pos[3]) <= set(rows[3])
    assert any(f.startswith("fq=") for f in feats[4][0])


def test_ner_propagate_tags_repeats_and_clitic_repeats() -> None:
    words = ["مايك", "بومبيو", "قال", "وبومبيو", "ان", "بومبيو"]
    tags = ["B-PER", "I-PER", "O", "O", "O", "O"]
    assert propagate_tags(words, tags, window=100) == [
        "B-PER", "I-PER", "O", "B-PER", "O", "B-PER"]
    assert propagate_tags(words, tags, window=2)[5] == "O"  # too far from the pattern


def test_ner_restore_erased_multiword_names_only() -> None:
    first = ["B-PER", "I-PER", "O", "B-LOC", "O"]
    second = ["O", "O", "O", "O", "O"]
    assert restore_erased(first, second) == ["B-PER", "I-PER", "O", "O", "O"]
    assert restore_erased(first, ["B-ORG", "I-ORG", "O", "O", "O"])[:2] == ["B-ORG", "I-ORG"]


def test_ner_lexicons_frequency_and_name_lists() -> None:
    from marsad.enrich.ner_lexicons import external_classes, zipf_bucket

    assert zipf_bucket(norm_word("في")) >= 6
    assert zipf_bucket("كلمةلاوجودلها") == 0
    assert "XP" in external_classes(norm_word("دونالد"))
    assert "XLF" in external_classes(norm_word("باريس"))


def test_ner_load_missing_model_says_how_to_rebuild(tmp_path: Path) -> None:
    with pytest.raises(DataMissingError, match="train-ner"):
        CrfNerTagger.load(tmp_path / "none.crfsuite")


def test_eval_ner_anercorp_test_part() -> None:
    """The shipped model on the ANERcorp test part (see the report for the figures)."""
    folder = shared_path("data", "anercorp")
    result = evaluate_ner(folder)
    assert result["data"].endswith(ANERCORP_TEST)
    assert result["tokens"] == 25007
    # acceptance asks for 0.78; the shipped CRF reaches 0.736 (0.702 before the wordfreq and
    # name-list features). This floor catches regressions of the model or of its features.
    assert result["micro"]["f1"] >= 0.72
    assert result["per_type"]["LOC"]["f1"] >= 0.85
    assert result["per_type"]["PER"]["f1"] >= 0.72


def test_ner_document_features_fast_path_matches_counting() -> None:
    """The single-kind shortcut gives exactly what counting gives (the model was trained on it)."""
    import bisect
    import random
    from collections import Counter, defaultdict

    def reference(bases: list[str], tags: list[str], window: int) -> list[list[str]]:
        positions: dict[str, list[int]] = defaultdict(list)
        for i, b in enumerate(bases):
            positions[b].append(i)
        kinds = [t[2:] if t != "O" else "O" for t in tags]
        out = []
        for i, b in enumerate(bases):
            row = ["s1=" + tags[i]]
            pos = positions[b]
            lo, hi = bisect.bisect_left(pos, i - window), bisect.bisect_right(pos, i + window)
            counts = Counter(kinds[j] for j in pos[lo:hi] if j != i)
            if counts:
                total = sum(counts.values())
                row.append("dc=" + counts.most_common(1)[0][0])
                ents = total - counts["O"]
                if ents:
                    best = max((k for k in counts if k != "O"), key=lambda k: (counts[k], k))
                    row.append("de=" + best)
                    if 2 * ents >= total:
                        row.append("dem=" + best)
            out.append(row)
        return out

    rng = random.Random(7)
    for _ in range(200):
        n = rng.randint(1, 50)
        bases = [str(rng.randrange(rng.randint(1, 8))) for _ in range(n)]
        tags = [rng.choice(["O", "O", "B-PER", "I-PER", "B-LOC", "B-ORG"]) for _ in range(n)]
        window = rng.randint(1, 25)
        assert document_features(bases, tags, window) == reference(bases, tags, window)

"""The one spaCy pass: loaded once, each of our sentences mapped onto its tokens."""

from storyweave.model import Article, Sentence
from storyweave.text.annotate import annotate, nlp


def _article(text: str) -> tuple[Article, list[Sentence]]:
    a = Article("a1", "Outlet", "", text, cleaned=True)
    first_end = text.index(".") + 1
    sents = [
        Sentence("a1", 0, text[:first_end], 0, first_end),
        Sentence("a1", 1, text[first_end + 1 :], first_end + 1, len(text)),
    ]
    return a, sents


def test_pipeline_is_loaded_once() -> None:
    assert nlp() is nlp()


def test_each_sentence_gets_its_tokens_parse_and_entities() -> None:
    a, sents = _article("Maria Lopez runs Acme Corp in Boston. She did not resign on Monday.")
    ann = annotate([a], {"a1": sents})
    first = ann.span("a1", 0)
    second = ann.span("a1", 1)
    assert first is not None and second is not None
    assert first.text == "Maria Lopez runs Acme Corp in Boston."
    assert {e.label_ for e in ann.docs["a1"].ents} >= {"PERSON", "GPE"}
    assert any(t.dep_ == "neg" for t in second)
    assert ann.span("a1", 7) is None


def test_an_article_with_no_sentences_is_parsed_without_spans() -> None:
    a = Article("a2", "Outlet", "", "", cleaned=True)
    ann = annotate([a], {})
    assert ann.spans == {} and "a2" in ann.docs


def test_torch_stays_importable_after_spacy_is_loaded() -> None:
    import importlib
    import sys

    from storyweave.text.annotate import spacy_module

    spacy_module()
    assert sys.modules.get("torch", "absent") is not None  # never left hidden
    assert importlib.import_module("torch").__name__ == "torch"

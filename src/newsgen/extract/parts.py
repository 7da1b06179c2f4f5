"""A long story parsed in parts: the statistical layers run on pieces of its Doc cut
at paragraph breaks, and the pieces are joined back into one Doc for our layers.

The model's memory grows with the length of the Doc it is given (every token's
vectors in every layer at once: about 1.5 GB for a 1 MB story), and one Doc keeps
one core busy. Parts bound the first and let `n_process` use the others. Only
stories longer than LONG_TOKENS are cut: a news article stays one Doc, parsed
exactly as before (a part's first and last words see no context across the
paragraph break, which may change a tag there; that is the price of a story a
hundred times an article's length, not of every story).

Our own layers (mentions, frames, time) always run on the joined Doc: they link
names and carry days across the whole story.
"""
from __future__ import annotations

import numpy
from spacy.tokens import Doc

# Stories of more tokens than this are parsed in parts (a long article is ~2,000).
LONG_TOKENS = 20_000
# About this many tokens a part: large enough that the model works in batches.
PART_TOKENS = 4_000

# Ours, run on the whole story (newsgen_units marks sentence starts before the cut).
WHOLE = ("newsgen_units", "newsgen_mentions", "newsgen_frames", "newsgen_when")


def cuts(doc: Doc, size: int = PART_TOKENS) -> list[tuple[int, int]]:
    """Token ranges of about `size` tokens covering the Doc, each ending after a
    paragraph break (a whitespace token holding a newline) when there is one."""
    out = []
    start = 0
    n = len(doc)
    while start < n:
        end = min(n, start + size)
        if end < n:
            # Back to the last paragraph break in the part; none: cut at a sentence start.
            k = end
            while k > start + 1 and not (doc[k - 1].is_space and "\n" in doc[k - 1].text):
                k -= 1
            if k == start + 1:
                k = end
                while k > start + 1 and not doc[k].is_sent_start:
                    k -= 1
                if k == start + 1:
                    k = end
            end = k
        out.append((start, end))
        start = end
    return out


def annotated(nlp, doc: Doc, n_process: int | None = None, size: int = PART_TOKENS) -> Doc:
    """The Doc with every layer of the pipeline, the statistical ones run in parts."""
    doc = parse(nlp, doc, workers() if n_process is None else n_process, size)
    for name in WHOLE[1:]:
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
    return doc


# Set in a build's only extraction worker (newsgen.seeds.run_seeds): no other worker
# shares the cores, so a long article's parts may use them.
LONE_WORKER = False


def workers() -> int:
    """Processes for the parts: the build's count (NEWSGEN_JOBS, else the CPUs), but
    only one from one of several worker processes or beside threads (forking those
    can deadlock)."""
    import multiprocessing
    import threading

    from newsgen.build import default_jobs  # the same count the build's workers use

    if (multiprocessing.parent_process() is not None and not LONE_WORKER) or threading.active_count() > 1:
        return 1
    return max(1, min(default_jobs(), 4))


def parse(nlp, doc: Doc, n_process: int = 1, size: int = PART_TOKENS) -> Doc:
    """The Doc with the statistical layers and ours before them (newsgen_units),
    parsed in parts and joined; its text, offsets and user_data are the Doc's."""
    units = nlp.get_pipe("newsgen_units")
    doc = units(doc)
    parts = [doc[a:b].as_doc() for a, b in cuts(doc, size)]
    rest = [name for name in WHOLE if name in nlp.pipe_names]
    done = list(nlp.pipe(parts, disable=rest, n_process=min(n_process, len(parts)), batch_size=4))
    for d in done:
        # The model's token vectors (96 floats a token, 65 MB for a 1 MB story): no
        # layer of ours reads them, and joined they would be copied once more.
        d.tensor = numpy.zeros((0,), dtype="float32")
    joined = Doc.from_docs(done, ensure_whitespace=False)
    del done, parts
    if joined.text != doc.text:  # a cut or join lost whitespace; never expected
        raise RuntimeError("a story parsed in parts did not join back to its text")
    joined.user_data.update(doc.user_data)
    return joined


def is_long(doc: Doc) -> bool:
    return len(doc) > LONG_TOKENS

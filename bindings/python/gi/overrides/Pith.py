# Pith.py: PyGObject overrides that make Pith read like Python
#
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Python conveniences over the introspected API, nothing it cannot do:

    pipeline = Pith.Pipeline("clean ! segment ! entities ! summarize")
    doc = pipeline.process_text(text)
    for entity in doc.entities:
        print(entity.label, entity.text, entity.start, entity.end)
    print(str(doc), doc.to_dict()["entity_groups"])

    for result in pipeline.process_iter(texts):     # a generator
        ...
    doc = await pipeline.process_async(doc)         # in an asyncio task

PyGObject loads this module when it imports gi.repository.Pith.
"""

import asyncio
import itertools
import json

from ..module import get_introspection_module
from ..overrides import override

Pith = get_introspection_module("Pith")

__all__ = []


class Span(Pith.Span):
    """A copy of one span: ``start``, ``end``, ``text``, ``label``, ``score``,
    ``raw_start``, ``raw_end``. Spans compare equal when all of these do."""

    def _fields(self):
        return (self.start, self.end, self.text, self.label, self.score, self.raw_start, self.raw_end)

    def __eq__(self, other):
        if not isinstance(other, Pith.Span):
            return NotImplemented
        return self._fields() == Span._fields(other)

    def __hash__(self):
        return hash(self._fields())

    def __repr__(self):
        label = f" {self.label}" if self.label else ""
        return f"<Pith.Span{label} {self.start}:{self.end} {self.text!r}>"


Span = override(Span)
__all__.append("Span")


class Document(Pith.Document):
    """A document, with its standard layers as Python lists of spans.

    Each span has ``start`` and ``end`` (code points of the current text),
    ``text``, ``label`` (or None), ``score``, ``raw_start`` and ``raw_end``.
    """

    def __str__(self):
        return self.get_text()

    def __len__(self):
        return len(self.get_text())

    def _layer(self, name):
        return list(self.get_spans(name)) if self.has_layer(name) else []

    @property
    def tokens(self):
        """The ``token`` layer: a list of spans, empty before ``segment``."""
        return self._layer("token")

    @property
    def sentences(self):
        """The ``sentence`` layer: a list of spans, empty before ``segment``."""
        return self._layer("sentence")

    @property
    def entities(self):
        """The ``entity`` layer: a list of labelled spans."""
        return self._layer("entity")

    @property
    def summary(self):
        """The sentences ``summarize`` chose, in text order, with their scores."""
        return self._layer("summary")

    def to_dict(self, tokens=False, raw=False):
        """The document's JSON form as Python values: the compact form, with
        the token layer and the raw input when asked for."""
        flags = Pith.JsonFlags.DEFAULT
        if tokens:
            flags |= Pith.JsonFlags.TOKENS
        if raw:
            flags |= Pith.JsonFlags.RAW
        return json.loads(self.to_json_full(flags))


Document = override(Document)
__all__.append("Document")


class Pipeline(Pith.Pipeline):
    """A pipeline; ``Pith.Pipeline("clean ! segment")`` parses a description,
    ``Pith.Pipeline()`` makes an empty one to append stages to."""

    def __new__(cls, description=None, **properties):
        if description is None:
            return super().__new__(cls)
        pipeline = Pith.Pipeline.new_from_string(description)
        for name, value in properties.items():
            pipeline.set_property(name, value)
        return pipeline

    def __init__(self, description=None, **properties):
        # A described pipeline was made whole by new_from_string().
        if description is None:
            super().__init__(**properties)

    def __iter__(self):
        return (self.get_stage(i) for i in range(self.get_n_stages()))

    def __len__(self):
        return self.get_n_stages()

    def __str__(self):
        return self.to_string()

    def process_iter(self, inputs, threads=0, chunk_size=256, cancellable=None):
        """Processes texts or documents from any iterable, lazily, in chunks
        of @chunk_size on @threads threads (0: one per processor), and yields
        a ``Pith.Result`` per input, in input order. A document that fails
        gives a result whose ``get_error()`` says why; the others go on."""
        if chunk_size < 1:
            raise ValueError("chunk_size must be at least 1")
        inputs = iter(inputs)
        while True:
            chunk = [item if isinstance(item, Pith.Document) else Pith.Document.new(item)
                     for item in itertools.islice(inputs, chunk_size)]
            if not chunk:
                return
            yield from self.process_batch(chunk, threads, cancellable, None)

    def process_async(self, document, cancellable=None, callback=None, *user_data):
        """With a callback, the GIO call: the callback runs in the thread-default
        main context and calls ``process_finish()``. Without one, an awaitable
        for asyncio: the document runs on a worker thread (a pipeline serves
        any number of threads) and the awaited value is the document."""
        if callback is not None:
            return super().process_async(document, cancellable, callback, *user_data)
        loop = asyncio.get_running_loop()

        def run():
            self.process(document, cancellable)
            return document

        return loop.run_in_executor(None, run)


Pipeline = override(Pipeline)
__all__.append("Pipeline")

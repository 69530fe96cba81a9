# Pith.py: PyGObject overrides that make Pith read like Python
#
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Python conveniences over the introspected API, nothing it cannot do:

    pipeline = Pith.Pipeline("clean ! language ! segment ! entities ! summarize")
    doc = pipeline.process_text(text)
    for entity in doc.entities:
        print(entity.label, entity.text, entity.start, entity.end)
    print(str(doc), doc.to_dict()["entity_groups"])

    for result in pipeline.process_iter(texts):     # a generator
        ...
    doc = await pipeline.process_async(text)        # in an asyncio task

    for sentence in doc.sentences:
        print(doc.spans_in("entity", sentence.start, sentence.end))
    print(doc.metadata, doc.report("cleaning"), doc.entity_groups)

PyGObject loads this module when it imports gi.repository.Pith.
"""

import asyncio
import itertools
import json

from gi.repository import GLib

from ..module import get_introspection_module
from ..overrides import override

Pith = get_introspection_module("Pith")
Json = get_introspection_module("Json")


def _python(node):
    """A Json.Node as plain Python values (dicts, lists, str, int, float,
    bool, None)."""
    if node is None:
        return None
    generator = Json.Generator()
    generator.set_root(node)
    return json.loads(generator.to_data()[0])


def _object_node(json_object):
    return Json.Node.alloc().init_object(json_object)


def _document(item):
    return item if isinstance(item, Pith.Document) else Pith.Document.new(item)

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

    @property
    def attributes(self):
        """The span's attributes, as a dict of plain Python values."""
        fields = Pith.Span.attributes.__get__(self)
        return _python(_object_node(fields)) if fields is not None else {}

    def get_attribute(self, name):
        """One attribute as a Python value, or None."""
        return _python(Pith.Span.get_attribute(self, name))


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

    @property
    def keyphrases(self):
        """The key phrases of ``summarize``, best first: a list of dicts with
        the phrase's ``text`` (an entity's group name), its ``score`` and its
        ``mentions``, the spans where the text says it."""
        phrases = _python(self.get_report_node("keyphrases")) or []
        mentions = [[] for _ in phrases]
        for index, span in enumerate(self._layer("keyphrases")):
            phrase = self.get_span_integer("keyphrases", index, "keyphrase")
            if phrase[0] and 0 <= phrase[1] < len(phrases):
                mentions[phrase[1]].append(span)
        return [dict(phrase, mentions=spans) for phrase, spans in zip(phrases, mentions)]

    @property
    def comments(self):
        """The ``comment`` layer of ``clean comments=true``: readers' comments."""
        return self._layer("comment")

    @property
    def metadata(self):
        """The document's metadata as a dict: a web page's title, authors,
        dates and the rest, the source file, the encoding."""
        return _python(_object_node(self.get_metadata()))

    @property
    def entity_groups(self):
        """The entities of ``entities``: a list of dicts with the group's
        ``name``, ``label`` and number of ``mentions``."""
        return _python(self.get_report_node("entity_groups")) or []

    def report(self, name):
        """A stage's report (``cleaning``, ``summary``…) as Python values,
        or None when that stage did not run."""
        return _python(self.get_report_node(name))

    def get_span_attribute(self, layer, index, name):
        """An attribute of a span, as a plain Python value, or None."""
        return _python(super().get_span_attribute(layer, index, name))

    def set_span_attribute(self, layer, index, name, value):
        """Sets an attribute of a span to a Python value that JSON can hold
        (or to a ``Json.Node``)."""
        if not isinstance(value, Json.Node):
            value = Json.from_string(json.dumps(value))
        super().set_span_attribute(layer, index, name, value)

    def spans_in(self, layer, start, end):
        """The spans of @layer that lie within [@start, @end): a sentence's
        entities are ``doc.spans_in("entity", sentence.start, sentence.end)``."""
        return list(self.get_spans_in(layer, start, end))

    def spans_around(self, layer, start, end):
        """The spans of @layer that hold all of [@start, @end): an entity's
        sentence is ``doc.spans_around("sentence", entity.start, entity.end)[0]``."""
        return list(self.get_spans_around(layer, start, end))

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

    def process_batch(self, documents, threads=0, cancellable=None, progress=None, *progress_data):
        """Processes texts or documents on @threads threads (0: one per
        processor) and returns a ``Pith.Result`` per input, in input order;
        @progress, when given, is called with (done, total)."""
        documents = [_document(item) for item in documents]
        return super().process_batch(documents, threads, cancellable, progress, *progress_data)

    def process_iter(self, inputs, threads=0, chunk_size=256, cancellable=None):
        """Processes texts or documents from any iterable, lazily, in chunks
        of @chunk_size on @threads threads (0: one per processor), and yields
        a ``Pith.Result`` per input, in input order, its ``get_index()`` the
        input's place in the whole iterable. A document that fails gives a
        result whose ``get_error()`` says why; the others go on."""
        if chunk_size < 1:
            raise ValueError("chunk_size must be at least 1")
        inputs = iter(inputs)
        first = 0
        while True:
            chunk = [_document(item) for item in itertools.islice(inputs, chunk_size)]
            if not chunk:
                return
            for result in self.process_batch(chunk, threads, cancellable, None):
                result._first = first
                yield result
            first += len(chunk)

    def process_async(self, document, cancellable=None, callback=None, *user_data):
        """With a callback, the GIO call: the callback runs in the thread-default
        main context and calls ``process_finish()``. Without one, an awaitable
        for asyncio: the document (or a text, made a document) runs on a
        worker thread (a pipeline serves any number of threads) and the
        awaited value is the document."""
        document = _document(document)
        if callback is not None:
            return super().process_async(document, cancellable, callback, *user_data)
        loop = asyncio.get_running_loop()

        def run():
            self.process(document, cancellable)
            return document

        return loop.run_in_executor(None, run)


Pipeline = override(Pipeline)
__all__.append("Pipeline")


class _StageMeta(type(Pith.Stage)):
    """Declares a Python stage's layers once its GType exists."""

    def __init__(cls, name, bases, namespace):
        super().__init__(name, bases, namespace)
        if any(key in namespace for key in ("needs", "gives", "edits_text")):
            flags = Pith.StageFlags.EDITS_TEXT if getattr(cls, "edits_text", False) else Pith.StageFlags.FLAGS_NONE
            Pith.Stage.declare_layers(cls.__gtype__, list(getattr(cls, "needs", ())),
                                      list(getattr(cls, "gives", ())), flags)
        if "labels" in namespace:
            Pith.Stage.declare_labels(cls.__gtype__, list(namespace["labels"]))


class Stage(Pith.Stage, metaclass=_StageMeta):
    """A stage written in Python: override ``do_process(self, doc,
    cancellable)`` and return True. An exception it raises fails the
    document with a ``PithError`` (``Pith.Error.FAILED``) whose message is
    the exception's; a ``GLib.Error`` goes out as it is.

    Class attributes ``needs`` and ``gives`` (lists of layer names) and
    ``edits_text`` declare what the stage reads, adds and does, so that a
    pipeline that cannot work fails when it is built; ``labels`` lists the
    labels of the spans it gives."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        process = cls.__dict__.get("do_process")
        if process is None or getattr(process, "_pith_guarded", False):
            return

        def do_process(self, document, cancellable):
            try:
                return process(self, document, cancellable)
            except GLib.Error:
                raise
            except Exception as error:
                message = str(error) or type(error).__name__
                raise GLib.Error.new_literal(Pith.error_quark(), message, int(Pith.Error.FAILED)) from error

        do_process._pith_guarded = True
        do_process.__doc__ = process.__doc__
        cls.do_process = do_process


Stage = override(Stage)
__all__.append("Stage")


class Result(Pith.Result):
    """A document's outcome in a batch: ``get_document()``, ``get_error()``
    and ``get_index()``, the input's place in the batch, or in the whole
    iterable for ``process_iter()``."""

    def get_index(self):
        return super().get_index() + getattr(self, "_first", 0)

    @property
    def index(self):
        return self.get_index()


Result = override(Result)
__all__.append("Result")

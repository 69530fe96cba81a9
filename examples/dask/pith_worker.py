"""What each Dask worker runs: Pith loaded once per worker process, a
partition of JSON Lines records in, the pith command's output lines out.

A record's output is what `pith -i jsonl -o jsonl` writes for it: the
document's compact JSON form, or `{"id": …, "line": N, "error": {"code": …,
"message": …}}`; a number or boolean id goes out as it came in.
"""

import json

import gi

gi.require_version("Gio", "2.0")
gi.require_version("Json", "1.0")
gi.require_version("Pith", "1.0")
from gi.repository import Gio, GLib, Json, Pith  # noqa: E402

_pipelines = {}


def pipeline(description):
    """The worker's pipeline for @description, made on first use: the model
    and word lists load once per worker, then serve every partition."""
    if description not in _pipelines:
        _pipelines[description] = Pith.Pipeline(description)
    return _pipelines[description]


def _error_code(error):
    for domain, enum in ((Pith.error_quark(), Pith.Error), (Gio.io_error_quark(), Gio.IOErrorEnum)):
        if error.domain == GLib.quark_to_string(domain):
            try:
                return enum(error.code).value_nick
            except ValueError:
                break
    return "failed"


def _error_line(record_id, line_number, error):
    # Written by json-glib, as the pith command writes it.
    builder = Json.Builder()
    builder.begin_object()
    if record_id is not None:
        builder.set_member_name("id")
        builder.add_value(Json.from_string(json.dumps(record_id)))
    builder.set_member_name("line")
    builder.add_int_value(line_number)
    builder.set_member_name("error")
    builder.begin_object()
    builder.set_member_name("code")
    builder.add_string_value(_error_code(error))
    builder.set_member_name("message")
    builder.add_string_value(error.message)
    builder.end_object()
    builder.end_object()
    return Json.to_string(builder.get_root(), False)


def _document(line):
    """The record's document, and its id when it was a number or a boolean
    (the document's own id is a string)."""
    try:
        record = json.loads(line)
    except ValueError:
        record = None
    if isinstance(record, dict) and not isinstance(record.get("id", ""), (str, dict, list)) \
            and record["id"] is not None:
        original = record["id"]
        record["id"] = Json.to_string(Json.from_string(json.dumps(original)), False)
        return Pith.Document.new_from_json(json.dumps(record, ensure_ascii=False), -1), original
    return Pith.Document.new_from_json(line, -1), None


def _record_id(line):
    try:
        record = json.loads(line)
    except ValueError:
        return None
    value = record.get("id") if isinstance(record, dict) else None
    return value if isinstance(value, (str, int, float, bool)) else None


def process_partition(numbered_lines, description):
    """Processes (line number, line) pairs; returns one output line each,
    a blank line an error, as the pith command does."""
    outputs = []
    documents = []
    for number, line in numbered_lines:
        if not line.strip():
            blank = GLib.Error.new_literal(Pith.error_quark(),
                                           "The line is blank: a JSON Lines record is one object a line",
                                           int(Pith.Error.INVALID_INPUT))
            outputs.append(_error_line(None, number, blank))
            continue
        try:
            document, original_id = _document(line)
        except GLib.Error as error:
            outputs.append(_error_line(_record_id(line), number, error))
            continue
        outputs.append(None)
        documents.append((len(outputs) - 1, number, document, original_id))

    results = pipeline(description).process_batch([d for _, _, d, _ in documents], 1, None, None)
    for (slot, number, document, original_id), result in zip(documents, results):
        error = result.get_error()
        if error is not None:
            outputs[slot] = _error_line(_record_id_of(document, original_id), number, error)
            continue
        text = document.to_json_full(Pith.JsonFlags.DEFAULT)
        if original_id is not None:
            prefix = '{"id":' + Json.to_string(Json.Node.alloc().init_string(document.get_id()), False)
            if text.startswith(prefix):
                text = '{"id":' + json.dumps(original_id) + text[len(prefix):]
        outputs[slot] = text
    return outputs


def _record_id_of(document, original_id):
    return original_id if original_id is not None else document.get_id()

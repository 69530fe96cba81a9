#!/usr/bin/env -S gjs -m
// Run a Pith pipeline from GJS and print what it found.
//
//   gjs -m examples/gjs/pipeline.js ARTICLE [PIPELINE]

import GLib from 'gi://GLib';
import Pith from 'gi://Pith?version=1.0';
import System from 'system';

const [path, description] = ARGV;
if (!path) {
    printerr('usage: pipeline.js ARTICLE [PIPELINE]');
    System.exit(2);
}

const [, contents] = GLib.file_get_contents(path);
const document = Pith.Document.new_from_bytes(new GLib.Bytes(contents), null);
const pipeline = Pith.Pipeline.new_from_string(description ?? 'clean ! language ! segment ! entities ! summarize');

try {
    pipeline.process(document, null);
} catch (error) {
    printerr(`${path}: ${error.message}`);
    System.exit(1);
}

const summary = {};
for (const layer of document.list_layers())
    summary[layer] = document.get_spans(layer).map(span => span.text);
print(JSON.stringify({characters: document.get_length(), layers: summary}));

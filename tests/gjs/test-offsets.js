// test-offsets.js: Pith from GJS, whose strings count UTF-16 units
//
// Offsets are code points, as Python slices strings; in JavaScript a
// character past U+FFFF (an emoji) is two units, so a span's code points
// are not its place in the string. char_to_utf16() and utf16_to_char()
// convert, and a span's own text needs neither.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import Pith from 'gi://Pith?version=1.0';
import System from 'system';

let failures = 0;
function check(condition, what) {
    if (!condition) {
        printerr(`not ok: ${what}`);
        failures++;
    }
}

const text = 'Fans 😀😀 cheered as Maria Lopez landed in Lisbon 🇵🇹 on Monday.';
const pipeline = Pith.Pipeline.new_from_string('clean ! segment ! entities');
const doc = pipeline.process_text(text, null);
const clean = doc.get_text();
const entities = doc.get_spans(Pith.LAYER_ENTITY);

check(entities.some(e => e.label === 'PER' && e.text === 'Maria Lopez'), 'Maria Lopez is found');
for (const entity of entities) {
    const start = doc.char_to_utf16(entity.start);
    const end = doc.char_to_utf16(entity.end);

    // Two emoji before the first entity: two units more than code points.
    check(start >= entity.start + 2, `${entity.text}: UTF-16 start past its code-point start`);
    check(clean.slice(start, end) === entity.text, `${entity.text}: sliced by UTF-16 offsets`);
    check(doc.utf16_to_char(start) === entity.start && doc.utf16_to_char(end) === entity.end,
        `${entity.text}: back to code points`);
    // The code points themselves slice the string as Array.from() splits it.
    check(Array.from(clean).slice(entity.start, entity.end).join('') === entity.text,
        `${entity.text}: code points index Array.from()`);
}

// A JavaScript string index to a range query: the entities of the
// sentence holding "Lisbon".
const at = doc.utf16_to_char(clean.indexOf('Lisbon'));
const sentence = doc.get_spans_around(Pith.LAYER_SENTENCE, at, at + 1)[0];
const inside = doc.get_spans_in(Pith.LAYER_ENTITY, sentence.start, sentence.end).map(e => e.text);
check(inside.includes('Lisbon') && inside.includes('Maria Lopez'), 'entities of the sentence around Lisbon');

// Text without characters past U+FFFF: the offsets are the same.
const plain = pipeline.process_text('Ömer met Zoë in Kraków.', null);
for (const entity of plain.get_spans(Pith.LAYER_ENTITY))
    check(plain.char_to_utf16(entity.start) === entity.start, `${entity.text}: same offsets`);

if (failures > 0)
    System.exit(1);
print('ok');

/* pipeline.vala: a Pith pipeline from Vala, through the generated pith-1.0.vapi
 *
 *   pith-vala-example ARTICLE [PIPELINE]
 *
 * Prints the article's entities, one per line as LABEL<tab>TEXT, then the
 * summary's sentences.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

int main (string[] args) {
    if (args.length < 2) {
        stderr.printf ("usage: %s ARTICLE [PIPELINE]\n", args[0]);
        return 2;
    }

    try {
        uint8[] contents;
        FileUtils.get_data (args[1], out contents);
        var document = new Pith.Document.from_bytes (new Bytes (contents), null);
        var pipeline = new Pith.Pipeline.from_string (args.length > 2 ? args[2] : "clean ! language ! segment ! entities ! summarize");

        pipeline.process (document, null);

        foreach (var entity in document.get_spans (Pith.LAYER_ENTITY))
            stdout.printf ("%s\t%s\n", entity.label ?? "-", entity.text);
        if (document.has_layer ("summary")) {
            stdout.printf ("summary:\n");
            foreach (var sentence in document.get_spans ("summary"))
                stdout.printf ("  %s\n", sentence.text);
        }
    } catch (Error error) {
        stderr.printf ("%s: %s\n", args[1], error.message);
        return 1;
    }
    return 0;
}

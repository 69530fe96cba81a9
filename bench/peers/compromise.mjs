// compromise (npm) as the peer for sentences and for people, places and
// organisations: prints the median MB/s over RUNS passes of the corpus.
import fs from 'node:fs';
import nlp from 'compromise';

const [corpus, runsArgument] = process.argv.slice(2);
const texts = fs.readFileSync(corpus, 'utf8').split('\n').filter(l => l).map(l => JSON.parse(l).text);
const runs = Number(runsArgument ?? 3);
const size = texts.reduce((total, t) => total + Buffer.byteLength(t), 0);
const median = values => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

function measure(work) {
    const times = [];
    for (let run = 0; run < runs; run++) {
        const start = process.hrtime.bigint();
        for (const text of texts)
            work(text);
        times.push(Number(process.hrtime.bigint() - start) / 1e9);
    }
    return size / 1e6 / median(times);
}

const sentences = measure(text => nlp(text).sentences().out('array'));
const names = measure(text => {
    const doc = nlp(text);
    doc.people().out('array');
    doc.places().out('array');
    doc.organizations().out('array');
});
console.log(JSON.stringify({'compromise sentences': sentences, 'compromise names': names}));

/**
 * A node:test reporter used next to `spec` by scripts/test.mjs: it writes node's own closing
 * summary (tests, suites, pass, fail, cancelled, skipped, todo, duration_ms) as one JSON object,
 * so the counts of every suite group can be added up into one final summary.
 */
export default async function* summary(source) {
  const counts = {};
  for await (const event of source) {
    if (event.type !== 'test:diagnostic' || event.data.nesting !== 0) continue;
    const m = /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) ([\d.]+)$/.exec(
      event.data.message,
    );
    if (m) counts[m[1]] = Number(m[2]);
  }
  yield `${JSON.stringify(counts)}\n`;
}

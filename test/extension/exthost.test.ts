/**
 * The extension in a real VS Code (code-server's extension host, see harness.ts): the mocha suites
 * in test/extension/suite must pass. code-server is installed into the cache on first use.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { install } from '../../scripts/code-server.mjs';
import { runSuite } from './harness';

describe('extension host (code-server)', () => {
  it('installs code-server when missing (cached)', () => {
    install();
  });

  it('main suite: commands, hovers, inlay hints, diagnostics, live mode, debugger', async () => {
    const activation = join(tmpdir(), `ndscope-activation-${process.pid}.json`);
    const code = await runSuite('main', { NDSCOPE_ACTIVATION_FILE: activation });
    assert.equal(code, 0, 'the in-host mocha suite failed (see its output above)');
    const t = JSON.parse(readFileSync(activation, 'utf8')) as {
      moduleMs: number;
      activateMs: number;
      totalMs: number;
    };
    console.log(
      `activation: module load ${t.moduleMs.toFixed(2)} ms + activate() ${t.activateMs.toFixed(2)} ms; extension.activate() end to end ${t.totalMs.toFixed(2)} ms`,
    );
    rmSync(activation, { force: true });
  });

  it('untrusted suite: running is refused with the reason', async () => {
    assert.equal(await runSuite('untrusted'), 0);
  });
});

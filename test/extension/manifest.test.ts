/**
 * The extension manifest (package.json `contributes` …) against the code and the repo: every
 * command registered by the controller is contributed (and vice versa), lazy activation, trust
 * capability, settings read by config.ts, walkthrough media and examples present.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string } };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    keybindings: { command: string; when: string }[];
    configuration: { properties: Record<string, { type: string; default: unknown }> };
    walkthroughs: { steps: { id: string; description: string; media: { markdown: string } }[] }[];
    menus: Record<string, { command: string }[]>;
  };
};
const src = (f: string): string => readFileSync(join(root, 'src', 'extension', f), 'utf8');

describe('extension manifest', () => {
  it('contributes exactly the commands the controller registers, all in category ndscope', () => {
    const registered = [...src('controller.ts').matchAll(/reg\('([\w.]+)'/g)]
      .map((m) => m[1])
      .sort();
    const contributed = pkg.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, registered);
    for (const c of pkg.contributes.commands) assert.equal(c.category, 'ndscope', c.command);
    for (const [menu, items] of Object.entries(pkg.contributes.menus)) {
      for (const i of items) assert.ok(contributed.includes(i.command), `${menu}: ${i.command}`);
    }
    for (const k of pkg.contributes.keybindings)
      assert.ok(contributed.includes(k.command), k.command);
  });

  it('activates lazily (never *) from dist/extension.cjs, limited in untrusted workspaces', () => {
    assert.equal(pkg.main, './dist/extension.cjs');
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.ok(pkg.activationEvents.includes('onLanguage:typescript'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('declares every setting config.ts reads, with the same defaults', () => {
    const props = pkg.contributes.configuration.properties;
    const reads = [...src('config.ts').matchAll(/c\.get<\w+>\('([\w.]+)', ([^)]+)\)/g)];
    assert.ok(reads.length >= 9);
    for (const [, key, def] of reads) {
      const p = props[`ndscope.${key}`];
      assert.ok(p, `ndscope.${key} declared`);
      assert.equal(String(p.default), (def as string).replace(/_/g, ''), `ndscope.${key} default`);
    }
  });

  it('has one walkthrough step per lesson example, with its media and a command that runs it', () => {
    const steps = pkg.contributes.walkthroughs[0]!.steps;
    assert.equal(steps.length, 9);
    for (const s of steps) {
      assert.ok(existsSync(join(root, s.media.markdown)), s.media.markdown);
      const m = /command:ndscope\.openExample\?([^)]+)\)/.exec(s.description);
      assert.ok(m, s.id);
      const [file] = JSON.parse(decodeURIComponent(m[1]!)) as string[];
      assert.ok(existsSync(join(root, 'examples', file!)), file);
    }
  });
});

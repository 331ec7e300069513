/**
 * Entry the extension host loads (`extensionTestsPath`): runs the mocha suite named by
 * NDSCOPE_SUITE (main | untrusted) and reports failures through the returned promise.
 */
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const suite = process.env['NDSCOPE_SUITE'] ?? 'main';
  const grep = process.env['NDSCOPE_GREP'];
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60_000,
    reporter: 'spec',
    ...(grep ? { grep } : {}),
  });
  mocha.addFile(path.join(__dirname, `${suite}.suite.cjs`));
  return new Promise((resolve, reject) => {
    mocha.run((failures) =>
      failures ? reject(new Error(`${failures} test(s) failed`)) : resolve(),
    );
  });
}

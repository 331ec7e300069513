/** Runs in an UNTRUSTED workspace: running user code is refused with a message saying why. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

describe('ndscope in an untrusted workspace', () => {
  it('is untrusted, activates, and refuses to run with the reason', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const ext = vscode.extensions.getExtension('ndscope.ndscope');
    assert.ok(ext);
    await ext.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const doc = await vscode.workspace.openTextDocument(
      vscode.Uri.file(path.join(folder.uri.fsPath, 'arrays.ts')),
    );
    await vscode.window.showTextDocument(doc);
    const r = (await vscode.commands.executeCommand('ndscope.run')) as {
      status: string;
      message?: string;
    };
    assert.equal(r.status, 'untrusted');
    assert.match(r.message ?? '', /untrusted workspace/);
  });

  it('still explains broadcasting in the playground (no code runs)', async () => {
    const r = (await vscode.commands.executeCommand(
      'ndscope.broadcastingPlayground',
      '(2,1) (3,)',
    )) as {
      result: number[] | null;
    };
    assert.deepEqual(r.result, [2, 3]);
  });
});

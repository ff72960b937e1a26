/**
 * Notes are written by whoever can push to the notes folder (issue 20, code execution 4 and 6).
 * A markdown note's raw HTML shows as text and its unsafe links are emptied, as on /doc/; a user's
 * `.mdx` note is code, so it stops the build (exit 2, before anything is written) unless the
 * config opts in, and then it builds. Real builds through the CLI, in throwaway workspaces.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuildCommand, buildFolder, PACKAGE_ROOT } from '../../src/lib/pipeline/render-site.js';
import { SITE_MARKER } from '../../src/lib/pipeline/out-dir.js';
import { cli, expectOneLineError, initRepo, trackingDoc, workspace, type Workspace } from './fixtures/workspace.js';

const CODE = { 'src/a.py': 'bigquery.Client(\n', 'TRACKING.md': trackingDoc([{ path: 'src/a.py' }]) };

/** A note that runs code when compiled: it writes the workspace's marker file. */
const mdxThatRuns = (marker: string) => `---\ntitle: Runs code\n---\n\nimport { writeFileSync } from 'node:fs';\n\nexport const ran = writeFileSync(${JSON.stringify(marker)}, 'ran');\n\nTwo and two: {2 + 2}.\n`;

function notesWorkspace(notes: Record<string, string>): Workspace & { notes: string; out: string } {
  const ws = workspace();
  initRepo(ws.repo, CODE);
  const dir = path.join(ws.dir, 'notes');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(notes)) writeFileSync(path.join(dir, name), text);
  return { ...ws, notes: dir, out: path.join(ws.dir, 'dist') };
}

const buildArgs = (ws: Workspace & { out: string }) => ['build', '--repo', ws.repo, '--doc', 'TRACKING.md', '--history', path.join(ws.dir, 'history.json'), '--out', ws.out];

describe.concurrent('notes', { timeout: 600_000 }, () => {
  it('a markdown note: <script>, raw HTML and javascript:/vbscript:/data: links are not live', async () => {
    const ws = notesWorkspace({
      'evil.md': [
        '---',
        'title: Evil note',
        '---',
        '',
        '<script>alert(1)</script>',
        '',
        'Inline <img src=x onerror=alert(2)> and <a href="javascript:alert(3)">a raw link</a>.',
        '',
        '[markdown js](javascript:alert(4)) [vb](vbscript:msgbox(5)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==)',
        '',
        '[by reference][ref] ![pic](javascript:alert(7)) [fine](https://example.com/ok) <javascript:alert(8)>',
        '',
        '[ref]: javascript:alert(9)',
        '',
      ].join('\n'),
    });
    const r = await cli([...buildArgs(ws), '--notes', ws.notes], ws.dir);
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(path.join(ws.out, 'notes/evil/index.html'), 'utf8');
    const body = page.slice(page.indexOf('<h1>Evil note</h1>'));
    expect(body).toMatch(/(&lt;|&#x3C;)script(&gt;|>)alert\(1\)(&lt;|&#x3C;)\/script/); // shown as the text written
    expect(body).not.toMatch(/<script|<img src="?x|<a href="javascript/i);
    expect(body).not.toMatch(/<[a-z][^>]*\son\w+=/i); // no live event handler on any tag
    expect(body).not.toMatch(/<[a-z][^>]*\s(href|src)="\s*(javascript|vbscript|data):/i); // in a tag, not in the text shown
    expect(body).toContain('href="https://example.com/ok"');
    expect(page.match(/<script\b/g) ?? []).toHaveLength(0); // the note page loads no script at all
  });

  it('a user .mdx note without the opt-in: refused (exit 2) naming the file and the opt-in; nothing ran or was written', async () => {
    const ws = notesWorkspace({ 'ok.md': '---\ntitle: Fine\n---\n\nText.\n' });
    writeFileSync(path.join(ws.notes, 'runs.mdx'), mdxThatRuns(ws.marker));
    const r = await cli([...buildArgs(ws), '--notes', ws.notes], ws.dir);
    expectOneLineError(r, /the note .*notes\/runs\.mdx is MDX, which runs code .*notes: \{ dir: "…", mdx: true \}/);
    expect(existsSync(ws.marker)).toBe(false);
    expect(existsSync(ws.out)).toBe(false);
    expect(existsSync(path.join(ws.out, SITE_MARKER))).toBe(false);
    expect(existsSync(path.join(ws.dir, 'history.json'))).toBe(false);
  });

  it('`dev` refuses it too, before serving anything', async () => {
    const ws = notesWorkspace({});
    writeFileSync(path.join(ws.notes, 'Deep.MDX'), mdxThatRuns(ws.marker));
    const r = await cli(['dev', '--repo', ws.repo, '--doc', 'TRACKING.md', '--notes', ws.notes], ws.dir);
    expectOneLineError(r, /the note .*Deep\.MDX is MDX/);
    expect(existsSync(ws.marker)).toBe(false);
  });

  it('the same note with notes: { dir, mdx: true } in the config: it builds (and its code ran, as documented)', async () => {
    const ws = notesWorkspace({});
    writeFileSync(path.join(ws.notes, 'runs.mdx'), mdxThatRuns(ws.marker));
    writeFileSync(path.join(ws.dir, 'migratrack.config.json'), JSON.stringify({ repo: 'repo', doc: 'TRACKING.md', out: 'dist', history: { file: 'history.json' }, notes: { dir: 'notes', mdx: true } }));
    const r = await cli(['build'], ws.dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(ws.out, 'notes/runs/index.html'), 'utf8')).toContain('Two and two: 4.');
    expect(existsSync(ws.marker)).toBe(true);
  });

  it('astro build run without the pipeline still refuses a user .mdx note (the Vite plugin), before it runs', async () => {
    const ws = notesWorkspace({});
    writeFileSync(path.join(ws.notes, 'runs.mdx'), mdxThatRuns(ws.marker));
    const snapshot = path.join(ws.dir, 'snapshot.json');
    // Any snapshot: the demo's, written by the scan of the workspace repo.
    const scan = await cli(['scan', '--format', 'json', '--repo', ws.repo, '--doc', 'TRACKING.md'], ws.dir);
    expect(scan.code, scan.stderr).toBe(0);
    writeFileSync(snapshot, scan.stdout);
    const work = buildFolder(PACKAGE_ROOT, `notes-test-${process.pid}-${Date.now()}`);
    mkdirSync(work, { recursive: true });
    const command = astroBuildCommand({ snapshotFile: snapshot, historyFile: null, notesDir: ws.notes, outDir: ws.out, base: '/', site: null, verbose: false }, work);
    const { code, output } = await new Promise<{ code: number | null; output: string }>((done) => {
      const child = spawn(command.command, command.args, { cwd: command.cwd, env: { ...command.env, MIGRATRACK_NOTES_MDX: '' } });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      child.on('close', (exit) => done({ code: exit, output }));
    }).finally(() => rmSync(work, { recursive: true, force: true }));
    expect(code).not.toBe(0);
    expect(output).toMatch(/runs\.mdx is MDX, which runs code/);
    expect(existsSync(ws.marker)).toBe(false);
  });
});

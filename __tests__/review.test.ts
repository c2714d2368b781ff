// Suggested changes in a pull request review (src/report/review.ts): built from real findings (the CLI's
// JSON report with --base, so findings carry `new`) and the files' text, as the action does.
import { describe, expect, test } from '@jest/globals';
import {
  buildReview,
  fenceFor,
  filesForSuggestions,
  REVIEW_COMMENTS_PER_REQUEST,
  type Review
} from '../src/report/review.js';
import type { Finding } from '../src/types.js';
import { checkJson } from './helpers/cli.js';
import { commitTree, git, makeRepo } from './helpers/repo.js';

const R = 'github.com/o/r';
type Files = Record<string, string>;

const v1: Files = {
  'go.mod': `module ${R}\n\ngo 1.19\n`,
  'pkg/pkg.go': 'package pkg\n\nconst Name = "pkg"\n',
  'old.go': `package r\n\nimport "${R}/pkg"\n\nvar Old = pkg.Name\n`
};

/** The v2 bump on a branch, plus `files`; the findings of `check --base main` and the head's files. */
async function pullRequest(files: Files): Promise<{ findings: Finding[]; files: Map<string, string> }> {
  const dir = makeRepo([{ files: v1 }]);
  git(dir, 'checkout', '-q', '-b', 'bump');
  const head = { ...v1, 'go.mod': `module ${R}/v2\n\ngo 1.19\n`, ...files };
  commitTree(dir, { files: head });
  // The bump's "could be a minor" notice (breaking-change) has no fix; leave it out of these reviews.
  const { report } = await checkJson(dir, '--base', 'main', '--disable', 'breaking-change');
  return {
    findings: report.findings as unknown as Finding[],
    files: new Map(Object.entries(head))
  };
}

/** The text of a comment's suggestion block and its fence. */
function suggestionOf(body: string): { fence: string; text: string } {
  const m = /^(`{3,})suggestion\n([\s\S]*)\n\1$/m.exec(body);
  if (!m) throw new Error(`no suggestion block in:\n${body}`);
  return { fence: m[1], text: m[2] };
}

function build(pr: { findings: Finding[]; files: Map<string, string> }): Review {
  const review = buildReview(pr.findings, pr.files);
  if (!review) throw new Error('no review');
  return review;
}

describe('suggested changes', () => {
  test('the suggestion is the whole line with the corrected import, on the added line only', async () => {
    const pr = await pullRequest({ 'a.go': `package r\n\nimport "${R}/pkg" // the v1 path\n` });
    // old.go's stale import is on a line the pull request did not add.
    expect(pr.findings.map(f => [f.file, f.line, f.new])).toEqual([
      ['a.go', 3, true],
      ['old.go', 3, false]
    ]);
    expect(filesForSuggestions(pr.findings)).toEqual(['a.go']);
    const review = build(pr);
    expect(review.comments).toEqual([{ path: 'a.go', line: 3, side: 'RIGHT', body: expect.any(String) }]);
    const body = review.comments[0].body;
    expect(body).toContain('**stale-self-import** (error)');
    expect(suggestionOf(body)).toEqual({ fence: '```', text: `import "${R}/v2/pkg" // the v1 path` });
    expect(review).toMatchObject({ suggested: 1, overflow: 0, unsuggested: 1 });
    expect(review.body).toContain('suggests 1 change');
    expect(review.body).toContain(`\`old.go:3\` stale-self-import: replace with \`"${R}/v2/pkg"\``);
    expect(review.body).toContain('not on a line this pull request added');
  });

  test('columns are characters: a non-ASCII alias before the path', async () => {
    const pr = await pullRequest({
      'a.go': `package r\n\nimport π "${R}/pkg" // ünïcode\n\nvar _ = π.Name\n`
    });
    expect(suggestionOf(build(pr).comments[0].body).text).toBe(`import π "${R}/v2/pkg" // ünïcode`);
  });

  test('the fence is longer than any run of backticks in the line', async () => {
    const pr = await pullRequest({
      'a.go': `package r\n\nimport "${R}/pkg" // see \`\`\`\`x\`\` and \`y\`\n`
    });
    const { fence, text } = suggestionOf(build(pr).comments[0].body);
    expect(fence).toBe('`````');
    expect(text).toBe(`import "${R}/v2/pkg" // see \`\`\`\`x\`\` and \`y\``);
    expect(fenceFor('no backticks')).toBe('```');
    expect(fenceFor('a ``` b')).toBe('````');
  });

  test('two findings on one line make one comment whose suggestion fixes both', async () => {
    const pr = await pullRequest({
      'a.go': `package r\n\nimport ("${R}/pkg"; q "${R}/pkg")\n\nvar _ = q.Name\n`
    });
    const added = pr.findings.filter(f => f.new);
    expect(added.map(f => [f.file, f.line])).toEqual([
      ['a.go', 3],
      ['a.go', 3]
    ]);
    const review = build(pr);
    expect(review.comments).toHaveLength(1);
    expect(review.suggested).toBe(2);
    const body = review.comments[0].body;
    expect(body.match(/\*\*stale-self-import\*\*/g)).toHaveLength(2);
    expect(suggestionOf(body).text).toBe(`import ("${R}/v2/pkg"; q "${R}/v2/pkg")`);
    expect(review.body).toContain('suggests 1 change (fixing 2 findings)');
  });

  test('at most 30 comments: the most important first, the rest listed in the body', async () => {
    const files: Files = {};
    for (let i = 0; i < 35; i++)
      files[`s/s${i}.go`] = `package s\n\nimport "${R}/pkg"\n\nvar N${i} = pkg.Name\n`;
    const pr = await pullRequest(files);
    const review = build(pr);
    expect(review.comments).toHaveLength(REVIEW_COMMENTS_PER_REQUEST);
    expect(review).toMatchObject({ suggested: 30, overflow: 5 });
    const commented = new Set(review.comments.map(c => c.path));
    expect(commented.size).toBe(30);
    for (const c of review.comments) {
      expect(c).toMatchObject({ line: 3, side: 'RIGHT' });
      expect(c.start_line).toBeUndefined();
      expect(suggestionOf(c.body).text).toBe(`import "${R}/v2/pkg"`);
    }
    const left = Object.keys(files).filter(f => !commented.has(f));
    expect(left).toHaveLength(5);
    expect(review.body).toContain('5 more findings with a fix did not fit (at most 30 comments per review)');
    for (const path of left) expect(review.body).toContain(`\`${path}:3\``);
    // A smaller cap, as an option.
    expect(buildReview(pr.findings, pr.files, { maxComments: 2 })?.comments).toHaveLength(2);
  });

  test('nothing to suggest: no review', async () => {
    const pr = await pullRequest({ 'a.go': `package r\n\nimport "${R}/v2/pkg"\n` });
    // Only old.go's stale import, on a line the pull request did not add.
    expect(pr.findings.map(f => f.new)).toEqual([false]);
    expect(buildReview(pr.findings, pr.files)).toBeUndefined();
    expect(buildReview([], new Map())).toBeUndefined();
  });

  test('a file that could not be read, or a line outside the diff, is listed rather than commented', async () => {
    const pr = await pullRequest({
      'a.go': `package r\n\nimport "${R}/pkg"\n`,
      'b.go': `package r\n\nimport "${R}/pkg"\n`,
      'c.go': `package r\n\nimport "${R}/pkg"\n`
    });
    const files = new Map(pr.files);
    files.delete('b.go');
    const review = buildReview(pr.findings, files, {
      // c.go's line is new by the findings' marks but outside the diff GitHub has.
      isAddedLine: path => path !== 'c.go'
    });
    expect(review?.comments.map(c => c.path)).toEqual(['a.go']);
    expect(review?.body).toContain('`b.go:3` stale-self-import');
    expect(review?.body).toContain(
      '`b.go:3` stale-self-import: replace with `"github.com/o/r/v2/pkg"` (the file could not be read at the head commit)'
    );
    expect(review?.body).toContain(
      '`c.go:3` stale-self-import: replace with `"github.com/o/r/v2/pkg"` (not on a line'
    );
    expect(review).toMatchObject({ suggested: 1, overflow: 0, unsuggested: 3 });
  });

  test('a fix over several lines is one multi-line comment whose block holds all of them', () => {
    const text = 'package r\n\nimport (\n\t"a"\n\t"b"\n)\n';
    const finding: Finding = {
      rule: 'stale-self-import',
      severity: 'error',
      file: 'a.go',
      line: 4,
      column: 2,
      endLine: 5,
      endColumn: 5,
      message: 'merge them',
      fix: { replacement: '"ab"' },
      new: true
    };
    const review = buildReview([finding], new Map([['a.go', text]]));
    expect(review?.comments).toEqual([
      { path: 'a.go', start_line: 4, start_side: 'RIGHT', line: 5, side: 'RIGHT', body: expect.any(String) }
    ]);
    expect(suggestionOf(review?.comments[0].body ?? '').text).toBe('\t"ab"');
    // Not all of its lines added: not suggested.
    expect(
      buildReview([finding], new Map([['a.go', text]]), { isAddedLine: (_p, l) => l === 4 })
    ).toBeUndefined();
  });
});

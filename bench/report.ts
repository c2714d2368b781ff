// The benchmark's output: the tables, ratios and goals verdicts, and the closing BENCH_JSON line.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { GOALS, RUNS, RUN_BUDGET_MS, WARMUPS } from './config.js';
import { words } from './gosource.js';
import type { Timing } from './measure.js';
import type { TreeInfo } from './trees.js';

// ---------------------------------------------------------------------------------------------
// Report

export interface WithAndWithoutApi {
  check: Timing;
  withoutApi: Timing;
}

export interface Measured {
  tree: TreeInfo;
  check: Timing;
  head: Timing;
  /** The check with breaking-change disabled: the difference is the API comparison. */
  withoutApi: Timing;
  cat: Timing;
  goList?: Timing & { packageErrors: number };
  /** Tree one only, with and without the API comparison: the release with declarations changed too. */
  changed?: WithAndWithoutApi;
  /** Tree one only: a pull request that bumps the major, with and without the API comparison. */
  bump?: WithAndWithoutApi;
}

function ratios(m: Measured) {
  const checkOverCat = m.check.ms / m.cat.ms;
  const goListOverCheck = m.goList && m.goList.ms / m.check.ms;
  const headOverWorktree = m.head.ms / m.check.ms;
  return {
    checkOverCat,
    goListOverCheck,
    headOverWorktree,
    goals: {
      checkWithin2xCat: checkOverCat <= GOALS.checkOverCat,
      check10xFasterThanGoList:
        goListOverCheck === undefined ? undefined : goListOverCheck >= GOALS.goListOverCheck,
      headWithin1_5xWorktree: headOverWorktree <= GOALS.headOverWorktree
    }
  };
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(rows[0]), widths.map(w => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export const ms = (t: Timing | undefined) => (t === undefined ? 'n/a' : t.ms.toFixed(0));
const times = (v: number | undefined) => (v === undefined ? 'n/a' : `${v.toFixed(2)}x`);
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const round = (v: number | undefined, digits = 0) => (v === undefined ? null : Number(v.toFixed(digits)));
const verdict = (ok: boolean | undefined) => (ok === undefined ? 'n/a (no go)' : ok ? 'MET' : 'MISSED');

export function report(measured: Measured[], quick: boolean, go: string | undefined): void {
  const header = words(
    `tree modules files bytes check_ms head_ms no-api_ms cat_ms go_list_ms check/cat go-list/check head/worktree`
  );
  const rows = measured.map(m => {
    const r = ratios(m);
    const { name, modules, goFiles, goBytes } = m.tree;
    return [
      name,
      String(modules.length),
      String(goFiles),
      mb(goBytes),
      ms(m.check),
      ms(m.head),
      ms(m.withoutApi),
      ms(m.cat),
      ms(m.goList)
    ].concat([r.checkOverCat, r.goListOverCheck, r.headOverWorktree].map(times));
  });
  const scale = quick ? ' (--quick)' : '';
  console.log(
    `\ngo-major-gate benchmark${scale}: wall clock in ms, best of ${RUNS} after ${WARMUPS} warm-up`
  );
  console.log(`node ${process.version}, ${go ?? 'no go on PATH'}, ${cpus().length} CPUs\n`);
  console.log(table([header.map(h => h.replace(/_/g, ' ')), ...rows]));
  for (const m of measured) {
    for (const [what, t] of Object.entries({
      check: m.check,
      head: m.head,
      cat: m.cat,
      'go list': m.goList
    })) {
      if (t && t.runs < RUNS)
        console.log(
          `(${m.tree.name} ${what}: best of ${t.runs}, the runs took over ${RUN_BUDGET_MS / 1000} s)`
        );
    }
    if (m.goList?.packageErrors)
      console.log(`(go list reported ${m.goList.packageErrors} package errors in ${m.tree.name})`);
  }
  for (const m of measured) {
    const scenarios: [string, WithAndWithoutApi | undefined][] = [
      ['with a field added to a struct of each changed package (parsed whole)', m.changed],
      ['as a major-bump pull request (every own import rewritten)', m.bump]
    ];
    for (const [what, pair] of scenarios) {
      if (!pair) continue;
      const added = pair.check.ms - pair.withoutApi.ms;
      console.log(
        `${m.tree.name} ${what}: check ${ms(pair.check)} ms, ` +
          `without the API comparison ${ms(pair.withoutApi)} ms (the comparison adds ${added.toFixed(0)} ms)`
      );
    }
  }
  console.log('');
  for (const m of measured) {
    const r = ratios(m);
    const goals: [string, number | undefined, boolean | undefined][] = [
      [`check <= ${GOALS.checkOverCat}x cat`, r.checkOverCat, r.goals.checkWithin2xCat],
      [`go list >= ${GOALS.goListOverCheck}x check`, r.goListOverCheck, r.goals.check10xFasterThanGoList],
      [`head <= ${GOALS.headOverWorktree}x worktree`, r.headOverWorktree, r.goals.headWithin1_5xWorktree]
    ];
    for (const [goal, value, ok] of goals) {
      console.log(
        `goal ${m.tree.name.padEnd(5)} ${goal.padEnd(24)} ${times(value).padStart(8)}  ${verdict(ok)}`
      );
    }
  }
  const trees = measured.map(m => {
    const r = ratios(m);
    const summary = {
      modules: m.tree.modules.length,
      files: m.tree.goFiles,
      bytes: m.tree.goBytes,
      checkMs: round(m.check.ms),
      headMs: round(m.head.ms),
      noApiMs: round(m.withoutApi.ms),
      catMs: round(m.cat.ms),
      goListMs: round(m.goList?.ms),
      ...(m.changed
        ? { changedMs: round(m.changed.check.ms), changedNoApiMs: round(m.changed.withoutApi.ms) }
        : {}),
      ...(m.bump ? { bumpMs: round(m.bump.check.ms), bumpNoApiMs: round(m.bump.withoutApi.ms) } : {}),
      runs: { check: m.check.runs, head: m.head.runs, cat: m.cat.runs, goList: m.goList?.runs ?? null },
      checkOverCat: round(r.checkOverCat, 2),
      goListOverCheck: round(r.goListOverCheck, 2),
      headOverWorktree: round(r.headOverWorktree, 2),
      goals: { ...r.goals, check10xFasterThanGoList: r.goals.check10xFasterThanGoList ?? null }
    };
    return [m.tree.name, summary];
  });
  const json = {
    quick,
    node: process.version,
    go: go ?? null,
    cpus: cpus().length,
    trees: Object.fromEntries(trees)
  };
  console.log(`BENCH_JSON ${JSON.stringify(json)}`);
}

const BEGIN = '<!-- bench: the tables below are written by npm run bench -->';
const END = '<!-- /bench -->';

/** The Results tables of docs/speed.md, in Markdown, from a full run. */
export function speedTables(measured: Measured[]): string {
  const n = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 0 });
  const t = (x: Timing | undefined) => (x === undefined ? 'n/a' : `${n(x.ms)} ms`);
  const rows = measured.map(m => {
    const r = ratios(m);
    const name = m.tree.name === 'one' ? 'one module' : m.tree.name === 'mono' ? 'monorepo' : m.tree.name;
    return [
      name,
      n(m.tree.goFiles),
      t(m.check),
      t(m.head),
      t(m.withoutApi),
      t(m.cat),
      t(m.goList),
      times(r.checkOverCat),
      times(r.goListOverCheck),
      times(r.headOverWorktree)
    ];
  });
  const compared = measured.flatMap(m => {
    const lines: string[][] = [];
    const pair = (what: string, p: WithAndWithoutApi | undefined) => {
      if (p) lines.push([what, t(p.check), t(p.withoutApi), `${n(p.check.ms - p.withoutApi.ms)} ms`]);
    };
    if (m.tree.name !== 'one') return lines;
    pair('the release: 20 packages that only add, read from their new files', {
      check: m.check,
      withoutApi: m.withoutApi
    });
    pair('the release with a field added in each', m.changed);
    pair('the pull request moving to `/v3`: 10,000 files rewritten', m.bump);
    return lines;
  });
  return [
    BEGIN,
    '',
    markdownTable(
      [
        'tree',
        'files',
        'check',
        '`--head`',
        'no API compare',
        '`cat`',
        '`go list -e`',
        'check / cat',
        'go list / check',
        'head / work tree'
      ],
      rows
    ),
    '',
    markdownTable(
      ['what the API comparison reads (one module)', 'check', 'no API compare', 'the comparison adds'],
      compared
    ),
    '',
    END
  ].join('\n');
}

/** A Markdown table laid out as Prettier lays it out, so the file needs no reformatting. */
function markdownTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(3, ...all.map(r => r[c].length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  return [line(header), `| ${widths.map(w => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** Replaces the tables of docs/speed.md (between its markers) with this run's. */
export function updateSpeedDoc(file: string, measured: Measured[]): boolean {
  const doc = readFileSync(file, 'utf8');
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) return false;
  writeFileSync(file, doc.slice(0, start) + speedTables(measured) + doc.slice(end + END.length));
  return true;
}

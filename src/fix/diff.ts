// Unified diffs in git's format (`diff --git`, three lines of context), which `git apply` and
// `patch -p1` accept. Pure. Lines are compared with Myers' O(ND) algorithm.

interface Line {
  text: string;
  /** The line ends with a newline (only the last line of a file may not). */
  newline: boolean;
}

function splitLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const last = parts.pop() as string;
  const lines = parts.map(t => ({ text: t, newline: true }));
  if (last !== '') lines.push({ text: last, newline: false });
  return lines;
}

type Op = { kind: ' ' | '-' | '+'; line: Line; a: number; b: number };

/** The shortest edit script from a to b, as a list of kept, removed and added lines. */
function myers(a: Line[], b: Line[]): Op[] {
  const eq = (i: number, j: number) => a[i].text === b[j].text && a[i].newline === b[j].newline;
  // Trim the common prefix and suffix: edits are usually few and local.
  let pre = 0;
  while (pre < a.length && pre < b.length && eq(pre, pre)) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && eq(a.length - 1 - suf, b.length - 1 - suf)) suf++;
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && eq(pre + x, pre + y)) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back into an edit script.
  const middle: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[max + k - 1] < vd[max + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      middle.push({ kind: ' ', line: a[pre + x], a: pre + x, b: pre + y });
    }
    if (d === 0) break;
    if (x === prevX) middle.push({ kind: '+', line: b[pre + prevY], a: pre + x, b: pre + prevY });
    else middle.push({ kind: '-', line: a[pre + prevX], a: pre + prevX, b: pre + y });
    x = prevX;
    y = prevY;
  }
  middle.reverse();
  const ops: Op[] = [];
  for (let i = 0; i < pre; i++) ops.push({ kind: ' ', line: a[i], a: i, b: i });
  ops.push(...middle);
  for (let i = 0; i < suf; i++) {
    const ai = a.length - suf + i;
    ops.push({ kind: ' ', line: a[ai], a: ai, b: b.length - suf + i });
  }
  return ops;
}

/**
 * A unified diff of one file in git's format, or '' when the texts are equal. `path` is
 * repository-relative with forward slashes.
 */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = myers(a, b);
  const out = [`diff --git a/${path} b/${path}`, `--- a/${path}`, `+++ b/${path}`];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === ' ') {
      i++;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change
    // that is at most 2 * context lines further.
    const start = Math.max(0, i - context);
    let end = i;
    for (let j = i; j < ops.length; j++) {
      if (ops[j].kind !== ' ') end = j;
      else if (j - end > 2 * context) break;
    }
    const stop = Math.min(ops.length, end + context + 1);
    const hunk = ops.slice(start, stop);
    const oldLines = hunk.filter(o => o.kind !== '+').length;
    const newLines = hunk.filter(o => o.kind !== '-').length;
    const oldStart = (hunk.find(o => o.kind !== '+')?.a ?? hunk[0].a) + (oldLines === 0 ? 0 : 1);
    const newStart = (hunk.find(o => o.kind !== '-')?.b ?? hunk[0].b) + (newLines === 0 ? 0 : 1);
    out.push(`@@ -${range(oldStart, oldLines)} +${range(newStart, newLines)} @@`);
    for (const o of hunk) {
      out.push(o.kind + o.line.text);
      if (!o.line.newline) out.push('\\ No newline at end of file');
    }
    i = stop;
  }
  return out.join('\n') + '\n';
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

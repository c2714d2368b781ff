// Issue 15, "Other rules": the classes of false failures found on real history, each on a small real
// git repository checked through the CLI. Each test fails on the code before its fix.
import { describe, expect, test } from '@jest/globals';
import { checkJson, type JsonFinding } from './helpers/cli.js';
import { makeRepo, type TreeState } from './helpers/repo.js';

const R = 'github.com/o/r';

const v1: TreeState = {
  files: {
    'go.mod': `module ${R}\n\ngo 1.19\n`,
    'r.go': 'package r\n\n// Name is the name.\nconst Name = "r"\n'
  },
  tags: ['v1.0.0']
};

const brief = (findings: JsonFinding[]) => findings.map(f => [f.rule, f.severity, f.file, f.line]);

describe('mixed-major-import: standard-library packages are not module majors', () => {
  test('math/rand with math/rand/v2 is fine; two majors of a real module are still reported', async () => {
    const D = 'github.com/o/dep';
    const dir = makeRepo([v1], {
      files: {
        'go.mod': `module ${R}/v2\n\ngo 1.22\n\nrequire (\n\t${D} v1.0.0\n\t${D}/v2 v2.0.0\n)\n`,
        'r.go': `package r\n\nimport (\n\t"math/rand"\n\trandv2 "math/rand/v2"\n\t"${D}/x"\n\tx2 "${D}/v2/x"\n)\n\nvar _, _, _, _ = rand.Int, randv2.Int, x.X, x2.X\n`
      }
    });
    const { report } = await checkJson(dir, '--tag', 'v2.0.0');
    expect(brief(report.findings)).toEqual([['mixed-major-import', 'warning', 'r.go', 6]]);
  });
});

// The small repository most CLI tests start from: github.com/o/r released as v1.0.0, and its v2 bump
// with stale imports left (one in a file excluded by //go:build ignore).
import type { TreeState } from './repo.js';

export const R = 'github.com/o/r';

export const v1: TreeState = {
  files: {
    'go.mod': `module ${R}\n\ngo 1.19\n`,
    'r.go': `package r\n\nimport "${R}/pkg"\n\nfunc Name() string { return pkg.Name }\n`,
    'pkg/pkg.go': 'package pkg\n\nconst Name = "pkg"\n'
  },
  tags: ['v1.0.0']
};

export const v2Stale: TreeState = {
  files: {
    'go.mod': `module ${R}/v2\n\ngo 1.19\n`,
    'r.go': `package r\n\nimport "${R}/pkg"\n\nfunc Name() string { return pkg.Name }\n`,
    'pkg/pkg.go': 'package pkg\n\nconst Name = "pkg"\n',
    'cmd/gen.go': `//go:build ignore\n\npackage main\n\nimport "${R}/pkg"\n\nfunc main() { println(pkg.Name) }\n`
  }
};

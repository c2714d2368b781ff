// tree-sitter-go through web-tree-sitter (WASM): the general-purpose Go grammar that the
// differential tests run through the same extractor as src/go/api/parse.ts. Test-only: the product
// parses declarations itself (see src/go/api/parse.ts for why).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import type { ParseGo } from '../../src/go/api/extract.js';

const require = createRequire(import.meta.url);

/** A ParseGo backed by tree-sitter-go; `dispose` frees the trees it made (WASM memory). */
export async function loadTreeSitterGo(): Promise<{ parse: ParseGo; dispose(): void }> {
  await Parser.init({ wasmBinary: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')) });
  const go = await Language.load(
    new Uint8Array(readFileSync(require.resolve('tree-sitter-go/tree-sitter-go.wasm')))
  );
  const parser = new Parser();
  parser.setLanguage(go);
  const trees: Tree[] = [];
  return {
    parse: text => {
      const tree = parser.parse(text);
      if (!tree) throw new Error('tree-sitter returned no tree');
      trees.push(tree);
      return tree.rootNode;
    },
    dispose: () => {
      for (const t of trees.splice(0)) t.delete();
    }
  };
}

// The syntax tree the declaration parser builds: nodes with tree-sitter-go's node types and field
// names, behind the GoSyntaxNode interface the extractor reads (so a tree-sitter tree can stand in).

/**
 * What extract.ts reads of a syntax tree: the members of web-tree-sitter's Node it uses, so that a
 * tree-sitter tree can be read in its place (the differential test does).
 */
export interface GoSyntaxNode {
  readonly type: string;
  readonly text: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly isNamed: boolean;
  readonly hasError: boolean;
  readonly childCount: number;
  readonly children: (GoSyntaxNode | null)[];
  readonly namedChildren: (GoSyntaxNode | null)[];
  child(index: number): GoSyntaxNode | null;
  childForFieldName(field: string): GoSyntaxNode | null;
  childrenForFieldName(field: string): (GoSyntaxNode | null)[];
}

// Shared by the leaves (most nodes), which never add to them.
const NO_CHILDREN: SyntaxNode[] = [];
const NO_FIELDS: (string | undefined)[] = [];

/** A node of the syntax tree. */
export class SyntaxNode implements GoSyntaxNode {
  children: SyntaxNode[] = NO_CHILDREN;
  private fields: (string | undefined)[] = NO_FIELDS;
  hasError = false;

  constructor(
    readonly type: string,
    readonly startIndex: number,
    public endIndex: number,
    private readonly source: string,
    readonly isNamed = true
  ) {}

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  get namedChildren(): SyntaxNode[] {
    return this.children.filter(c => c.isNamed);
  }

  get childCount(): number {
    return this.children.length;
  }

  child(index: number): SyntaxNode | null {
    return this.children[index] ?? null;
  }

  childForFieldName(field: string): SyntaxNode | null {
    const i = this.fields.indexOf(field);
    return i < 0 ? null : this.children[i];
  }

  childrenForFieldName(field: string): SyntaxNode[] {
    return this.children.filter((_, i) => this.fields[i] === field);
  }

  /** Appends a child (and widens this node to cover it). */
  add(node: SyntaxNode, field?: string): SyntaxNode {
    if (this.children === NO_CHILDREN) {
      this.children = [];
      this.fields = [];
    }
    this.children.push(node);
    this.fields.push(field);
    if (node.endIndex > this.endIndex) this.endIndex = node.endIndex;
    if (node.hasError) this.hasError = true;
    return node;
  }
}

// A parser for the declarations of a Go source file: the package clause, and every top-level
// const, var, type and func with its full type syntax, but not function bodies (skipped by brace
// matching) nor initializers of variables (skipped, the API does not depend on them). Constant
// values and array lengths are parsed as expressions, since the API shows them.
//
// Why not a general-purpose grammar: the exported API needs only declarations, and reading them
// here costs a few milliseconds per thousand files where the WASM tree-sitter-go parse and walk of
// the same files cost hundreds (README, "Breaking changes"). The tree has tree-sitter-go's node
// types and field names, so the extractor (api.ts) reads either; a differential test compares the
// two on real and generated sources.
//
// Errors: a declaration that does not parse is kept as a node with `hasError` (the extractor skips
// it) and reading resumes at the next line that starts with `func`, `type`, `var`, `const` or
// `import`, as after a broken declaration a human would.

/**
 * What api.ts reads of a syntax tree: the members of web-tree-sitter's Node it uses, so that a
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

// ---------------------------------------------------------------------------------------------
// Lexer

const enum Tok {
  EOF,
  Ident,
  Int,
  Float,
  Imag,
  Rune,
  String,
  RawString,
  Op,
  /** An explicit `;` or one inserted at a line end (Go's rule). */
  Semi
}

/** What the parser reads of the current token (the lexer itself). */
interface Token {
  readonly kind: Tok;
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/** Thrown inside a declaration that does not parse; caught per declaration. */
class ParseError extends Error {}

/** The operator or punctuation at i (longest match), or undefined. */
function operatorAt(src: string, i: number): string | undefined {
  const c = src[i];
  const d = src[i + 1];
  switch (c) {
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case ',':
    case '~':
      return c;
    case '.':
      return d === '.' && src[i + 2] === '.' ? '...' : '.';
    case ':':
      return d === '=' ? ':=' : ':';
    case '+':
    case '-':
      return d === c || d === '=' ? c + d : c;
    case '*':
    case '/':
    case '%':
    case '=':
    case '!':
    case '^':
      return d === '=' ? c + d : c;
    case '&':
      if (d === '^') return src[i + 2] === '=' ? '&^=' : '&^';
      return d === '&' || d === '=' ? c + d : c;
    case '|':
      return d === '|' || d === '=' ? c + d : c;
    case '<':
      if (d === '-') return '<-';
      if (d === '<') return src[i + 2] === '=' ? '<<=' : '<<';
      return d === '=' ? '<=' : '<';
    case '>':
      if (d === '>') return src[i + 2] === '=' ? '>>=' : '>>';
      return d === '=' ? '>=' : '>';
    default:
      return undefined;
  }
}

const isAsciiLetter = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const UNICODE_LETTER = /[\p{L}]/u;
const UNICODE_DIGIT = /[\p{Nd}]/u;

type LexerState = [number, boolean, Tok, number, number, string, number];

class Lexer {
  pos = 0;
  /** Where the token before the current one ends (a skipped group counts as one token). */
  prevEnd = 0;
  /** Whether a line end here ends a statement (the previous token allows it). */
  private semiAllowed = false;
  // The current token (fields, not an object: a file has tens of thousands of tokens).
  kind: Tok = Tok.EOF;
  start = 0;
  end = 0;
  /** The identifier, keyword or operator text; '' for literals and implicit semicolons. */
  value = '';

  constructor(readonly src: string) {
    this.next();
  }

  save(): LexerState {
    return [this.pos, this.semiAllowed, this.kind, this.start, this.end, this.value, this.prevEnd];
  }

  restore([pos, semi, kind, start, end, value, prevEnd]: LexerState): void {
    this.pos = pos;
    this.semiAllowed = semi;
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.value = value;
    this.prevEnd = prevEnd;
  }

  next(): void {
    this.prevEnd = this.end;
    const src = this.src;
    const n = src.length;
    let i = this.pos;
    for (;;) {
      if (i >= n) {
        if (this.semiAllowed) return this.emitSemi(i, i);
        return this.set(Tok.EOF, n, n, '');
      }
      const c = src.charCodeAt(i);
      if (c === 0x0a) {
        if (this.semiAllowed) return this.emitSemi(i, i + 1);
        i++;
      } else if (c === 0x20 || c === 0x09 || c === 0x0d) {
        i++;
      } else if (c === 0x2f && src.charCodeAt(i + 1) === 0x2f) {
        const e = src.indexOf('\n', i);
        i = e < 0 ? n : e;
      } else if (c === 0x2f && src.charCodeAt(i + 1) === 0x2a) {
        const e = src.indexOf('*/', i + 2);
        const end = e < 0 ? n : e + 2;
        // A general comment with a line break acts like a newline.
        if (this.semiAllowed && src.slice(i, end).includes('\n')) return this.emitSemi(i, end);
        i = end;
      } else break;
    }
    const start = i;
    const c = src.charCodeAt(i);
    if (isAsciiLetter(c) || (c >= 0x80 && this.isUnicodeIdentStart(i))) {
      i++;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (isAsciiLetter(d) || isDigit(d)) i++;
        else if (d >= 0x80 && this.isUnicodeIdentPart(i)) i += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
        else break;
      }
      const word = src.slice(start, i);
      this.set(Tok.Ident, start, i, word);
      this.semiAllowed =
        !KEYWORDS.has(word) ||
        word === 'break' ||
        word === 'continue' ||
        word === 'fallthrough' ||
        word === 'return';
      return;
    }
    if (isDigit(c) || (c === 0x2e && isDigit(src.charCodeAt(i + 1)))) return this.number(i);
    if (c === 0x22 || c === 0x27) {
      let k = i + 1;
      for (; k < n; k++) {
        const d = src.charCodeAt(k);
        if (d === c) break;
        if (d === 0x0a) throw new ParseError('newline in string');
        if (d === 0x5c) k++;
      }
      if (k >= n) throw new ParseError('string not terminated');
      this.set(c === 0x22 ? Tok.String : Tok.Rune, start, k + 1, '');
      this.semiAllowed = true;
      return;
    }
    if (c === 0x60) {
      const e = src.indexOf('`', i + 1);
      if (e < 0) throw new ParseError('raw string not terminated');
      this.set(Tok.RawString, start, e + 1, '');
      this.semiAllowed = true;
      return;
    }
    if (c === 0x3b) {
      this.set(Tok.Semi, start, i + 1, ';');
      this.semiAllowed = false;
      return;
    }
    const op = operatorAt(src, i);
    if (op === undefined) throw new ParseError(`unexpected character ${JSON.stringify(src[i])}`);
    this.set(Tok.Op, start, i + op.length, op);
    this.semiAllowed = op === ')' || op === ']' || op === '}' || op === '++' || op === '--';
  }

  private emitSemi(start: number, end: number): void {
    this.set(Tok.Semi, start, start, '');
    this.pos = end;
    this.semiAllowed = false;
  }

  private set(kind: Tok, start: number, end: number, value: string): void {
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.value = value;
    this.pos = end;
  }

  private number(i: number): void {
    const src = this.src;
    const start = i;
    let float = false;
    const hex = src.charCodeAt(i) === 0x30 && (src[i + 1] === 'x' || src[i + 1] === 'X');
    if (hex) i += 2;
    for (;;) {
      const ch = src[i];
      if (ch === undefined) break;
      if (/[0-9a-zA-Z_]/.test(ch)) {
        const exponent = hex ? ch === 'p' || ch === 'P' : ch === 'e' || ch === 'E';
        if (exponent) {
          float = true;
          if (src[i + 1] === '+' || src[i + 1] === '-') i++;
        } else if (ch === 'i' && !/[0-9a-zA-Z_]/.test(src[i + 1] ?? '')) {
          this.set(Tok.Imag, start, i + 1, '');
          this.semiAllowed = true;
          return;
        }
        i++;
      } else if (ch === '.') {
        float = true;
        i++;
      } else break;
    }
    this.set(float ? Tok.Float : Tok.Int, start, i, '');
    this.semiAllowed = true;
  }

  private isUnicodeIdentStart(i: number): boolean {
    return UNICODE_LETTER.test(String.fromCodePoint(this.src.codePointAt(i) ?? 0));
  }

  private isUnicodeIdentPart(i: number): boolean {
    const ch = String.fromCodePoint(this.src.codePointAt(i) ?? 0);
    return UNICODE_LETTER.test(ch) || UNICODE_DIGIT.test(ch);
  }

  /**
   * With the current token an opening `{`, `(` or `[`: moves past its closing partner without
   * tokenizing what is inside (comments, strings and runes are still respected), then reads the
   * next token. Used for function bodies and initializers, whose content the API does not need.
   */
  skipGroup(): void {
    const src = this.src;
    const n = src.length;
    let depth = 0;
    let k = this.start;
    while (k < n) {
      const c = src.charCodeAt(k);
      if (c === 0x7b || c === 0x28 || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x29 || c === 0x5d) {
        if (--depth === 0) {
          k++;
          break;
        }
      } else if (c === 0x2f && src.charCodeAt(k + 1) === 0x2f) {
        const e = src.indexOf('\n', k);
        k = e < 0 ? n : e;
        continue;
      } else if (c === 0x2f && src.charCodeAt(k + 1) === 0x2a) {
        const e = src.indexOf('*/', k + 2);
        k = e < 0 ? n : e + 2;
        continue;
      } else if (c === 0x60) {
        const e = src.indexOf('`', k + 1);
        k = e < 0 ? n : e + 1;
        continue;
      } else if (c === 0x22 || c === 0x27) {
        let j = k + 1;
        for (; j < n; j++) {
          const d = src.charCodeAt(j);
          if (d === c || d === 0x0a) break;
          if (d === 0x5c) j++;
        }
        k = j + 1;
        continue;
      }
      k++;
    }
    if (depth > 0 && k >= n) throw new ParseError('unbalanced brackets');
    this.pos = k;
    this.semiAllowed = true;
    this.next();
    this.prevEnd = k;
  }
}

const KEYWORDS = new Set([
  'break',
  'case',
  'chan',
  'const',
  'continue',
  'default',
  'defer',
  'else',
  'fallthrough',
  'for',
  'func',
  'go',
  'goto',
  'if',
  'import',
  'interface',
  'map',
  'package',
  'range',
  'return',
  'select',
  'struct',
  'switch',
  'type',
  'var'
]);

// ---------------------------------------------------------------------------------------------
// Parser

/** Binary operator precedence, as in the Go spec. */
const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 3,
  '<=': 3,
  '>': 3,
  '>=': 3,
  '+': 4,
  '-': 4,
  '|': 4,
  '^': 4,
  '*': 5,
  '/': 5,
  '%': 5,
  '<<': 5,
  '>>': 5,
  '&': 5,
  '&^': 5
};

const UNARY = new Set(['+', '-', '!', '^', '*', '&', '<-']);
const LITERAL_NODE: Partial<Record<Tok, string>> = {
  [Tok.Int]: 'int_literal',
  [Tok.Float]: 'float_literal',
  [Tok.Imag]: 'imaginary_literal',
  [Tok.Rune]: 'rune_literal',
  [Tok.String]: 'interpreted_string_literal',
  [Tok.RawString]: 'raw_string_literal'
};
const NAMED_IDENTIFIERS = new Set(['true', 'false', 'nil', 'iota']);
const DECLARATION_KEYWORDS = new Set(['package', 'import', 'const', 'var', 'type']);
const DECL_LINE = /^(?:func|type|var|const|import)\b/;

/** Whether the token can begin a type (after a parameter or field name, or as a result). */
function startsType(t: Token): boolean {
  if (t.kind === Tok.Ident)
    return !KEYWORDS.has(t.value) || ['func', 'map', 'chan', 'struct', 'interface'].includes(t.value);
  return t.kind === Tok.Op && (t.value === '*' || t.value === '[' || t.value === '(' || t.value === '<-');
}

/** One entry of a parameter list: names with a type, or a lone identifier (`bare`) that may be either. */
type Entry = { names: SyntaxNode[]; type?: SyntaxNode; variadic?: boolean; bare?: SyntaxNode };

class Parser {
  private readonly lex: Lexer;

  constructor(private readonly src: string) {
    this.lex = new Lexer(src);
  }

  private get tok(): Token {
    return this.lex;
  }

  private node(type: string, start = this.tok.start): SyntaxNode {
    return new SyntaxNode(type, start, start, this.src);
  }

  /** The current token as a leaf node, consumed. */
  private leaf(type: string, isNamed = true): SyntaxNode {
    const t = this.tok;
    const leaf = new SyntaxNode(type, t.start, t.end, this.src, isNamed);
    this.lex.next();
    return leaf;
  }

  private is(op: string): boolean {
    return this.tok.kind === Tok.Op && this.tok.value === op;
  }

  private isWord(word: string): boolean {
    return this.tok.kind === Tok.Ident && this.tok.value === word;
  }

  private atSemi(): boolean {
    return this.tok.kind === Tok.Semi;
  }

  private isName(): boolean {
    return this.tok.kind === Tok.Ident && !KEYWORDS.has(this.tok.value);
  }

  private fail(what: string): never {
    throw new ParseError(`expected ${what}`);
  }

  /**
   * Consumes operator `op`, failing if it is not there. Punctuation is kept in the tree (as an
   * anonymous child of `into`) only where the extractor reads it: `*` and `<-` in types.
   */
  private expect(op: string, into?: SyntaxNode): void {
    if (!this.is(op)) this.fail(op);
    if (into) into.add(this.leaf(op, false));
    else this.lex.next();
  }

  private keyword(word: string, into?: SyntaxNode): void {
    if (!this.isWord(word)) this.fail(word);
    if (into) into.add(this.leaf(word, false));
    else this.lex.next();
  }

  private name(type: string): SyntaxNode {
    if (!this.isName()) this.fail('a name');
    return this.leaf(type);
  }

  /** After a declaration or spec: a semicolon, or the `)` / `}` that closes the group. */
  private endOfSpec(): void {
    if (this.atSemi()) this.lex.next();
    else if (!this.is(')') && !this.is('}') && this.tok.kind !== Tok.EOF) this.fail('end of declaration');
  }

  /** Skips to the end of the current spec (a semicolon or `)` outside brackets) without reading it. */
  private skipToEndOfSpec(): void {
    while (!this.atSemi() && this.tok.kind !== Tok.EOF && !this.is(')') && !this.is('}')) {
      if (this.is('(') || this.is('[') || this.is('{')) this.lex.skipGroup();
      else this.lex.next();
    }
  }

  parseFile(): SyntaxNode {
    const root = new SyntaxNode('source_file', 0, 0, this.src);
    for (;;) {
      let start = this.tok.start;
      try {
        while (this.atSemi()) this.lex.next();
        if (this.tok.kind === Tok.EOF) break;
        start = this.tok.start;
        root.add(this.topLevel());
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        const broken = new SyntaxNode('ERROR', start, start, this.src);
        broken.hasError = true;
        root.add(broken);
        if (!this.resync(start)) break;
      }
    }
    root.endIndex = this.src.length;
    return root;
  }

  /** Moves to the next line after `from` that starts a top-level declaration; false if none. */
  private resync(from: number): boolean {
    for (let i = this.src.indexOf('\n', from); i >= 0; i = this.src.indexOf('\n', i + 1)) {
      if (!DECL_LINE.test(this.src.slice(i + 1, i + 8))) continue;
      this.lex.pos = i + 1;
      try {
        this.lex.next();
        return true;
      } catch {
        // cannot happen at a keyword; keep looking
      }
    }
    return false;
  }

  private topLevel(): SyntaxNode {
    if (this.tok.kind !== Tok.Ident) this.fail('a declaration');
    switch (this.tok.value) {
      case 'package': {
        const clause = this.node('package_clause');
        this.keyword('package');
        clause.add(this.name('package_identifier'));
        this.endOfSpec();
        return clause;
      }
      case 'import':
        return this.importDecl();
      case 'const':
        return this.group('const_declaration', 'const', undefined, () => this.constSpec(), 'const_spec');
      case 'var':
        return this.group('var_declaration', 'var', 'var_spec_list', () => this.varSpec(), 'var_spec');
      case 'type':
        return this.group('type_declaration', 'type', undefined, () => this.typeSpec(), 'type_spec');
      case 'func':
        return this.funcDecl();
      default:
        return this.fail('a declaration');
    }
  }

  private importDecl(): SyntaxNode {
    const decl = this.node('import_declaration');
    this.keyword('import');
    if (this.is('(')) this.lex.skipGroup();
    else this.skipToEndOfSpec();
    decl.endIndex = this.tok.start;
    this.endOfSpec();
    return decl;
  }

  /**
   * `const`, `var` or `type` with one spec or a parenthesized group of them. A spec that does not
   * parse becomes a `brokenType` node with `hasError`; the group goes on with the next spec.
   */
  private group(
    type: string,
    keyword: string,
    listType: string | undefined,
    spec: () => SyntaxNode,
    brokenType: string
  ): SyntaxNode {
    const decl = this.node(type);
    this.keyword(keyword);
    if (!this.is('(')) {
      decl.add(spec());
      this.endOfSpec();
      return decl;
    }
    const list = listType ? decl.add(this.node(listType)) : decl;
    this.expect('(');
    for (;;) {
      while (this.atSemi()) this.lex.next();
      if (this.is(')')) break;
      if (this.tok.kind === Tok.EOF) this.fail(')');
      const start = this.tok.start;
      try {
        const node = spec();
        this.endOfSpec();
        list.add(node);
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        const broken = list.add(new SyntaxNode(brokenType, start, this.tok.start, this.src));
        broken.hasError = true;
        list.hasError = true;
        decl.hasError = true;
        this.skipToEndOfSpec();
        if (this.atSemi()) this.lex.next();
        else if (this.is('}')) this.fail(')');
      }
    }
    this.expect(')');
    this.endOfSpec();
    return decl;
  }

  private identifierList(spec: SyntaxNode, type: string): void {
    spec.add(this.name(type), 'name');
    while (this.is(',')) {
      this.expect(',');
      spec.add(this.name(type), 'name');
    }
  }

  private constSpec(): SyntaxNode {
    const spec = this.node('const_spec');
    this.identifierList(spec, 'identifier');
    if (startsType(this.tok)) spec.add(this.type(), 'type');
    if (this.is('=')) {
      this.expect('=');
      const values = spec.add(this.node('expression_list'), 'value');
      values.add(this.expression());
      while (this.is(',')) {
        this.expect(',');
        values.add(this.expression());
      }
    }
    return spec;
  }

  private varSpec(): SyntaxNode {
    const spec = this.node('var_spec');
    this.identifierList(spec, 'identifier');
    if (!this.is('=')) spec.add(this.type(), 'type');
    if (this.is('=')) {
      this.expect('=');
      // Initializers do not change the API (a variable without a declared type shows none).
      this.skipToEndOfSpec();
      spec.endIndex = this.tok.start;
    }
    return spec;
  }

  private typeSpec(): SyntaxNode {
    const start = this.tok.start;
    const name = this.name('type_identifier');
    const params = this.is('[') && this.startsTypeParams() ? this.typeParameterList() : undefined;
    const alias = this.is('=');
    const spec = this.node(alias ? 'type_alias' : 'type_spec', start);
    spec.add(name, 'name');
    if (params) spec.add(params, 'type_parameters');
    if (alias) this.expect('=');
    spec.add(this.type(), 'type');
    return spec;
  }

  /**
   * At the `[` after a type name: whether a type parameter list follows rather than an array
   * length. As in the Go spec, `[P *C]` and `[P (C)]` are array lengths; a trailing comma or an
   * identifier, `~`, `[` or type keyword after the first name makes it a parameter list.
   */
  private startsTypeParams(): boolean {
    const saved = this.lex.save();
    try {
      this.lex.next();
      if (!this.isName()) return false;
      this.lex.next();
      const t = this.tok;
      if (t.kind === Tok.Ident) return true;
      if (t.kind !== Tok.Op) return false;
      if (t.value === ',' || t.value === '~' || t.value === '[') return true;
      if (t.value !== '*') return false;
      // `[P *C, Q any]` or `[P *C,]`: a comma at the top level of the brackets.
      this.lex.restore(saved);
      const open = this.tok.start;
      this.lex.skipGroup();
      return /,/.test(this.topLevelText(open, this.tok.start));
    } catch {
      return false;
    } finally {
      this.lex.restore(saved);
    }
  }

  /** The text between `from` and `to` with nested brackets removed (for a top-level search). */
  private topLevelText(from: number, to: number): string {
    let depth = 0;
    let out = '';
    for (let i = from + 1; i < to - 1; i++) {
      const ch = this.src[i];
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') depth--;
      else if (depth === 0) out += ch;
    }
    return out;
  }

  private typeParameterList(): SyntaxNode {
    const list = this.node('type_parameter_list');
    this.expect('[');
    let pending: SyntaxNode[] = [];
    while (!this.is(']')) {
      const name = this.name('identifier');
      if (this.is(',')) {
        pending.push(name);
        this.lex.next();
        continue;
      }
      const decl = this.node('type_parameter_declaration', (pending[0] ?? name).startIndex);
      for (const n of [...pending, name]) decl.add(n, 'name');
      pending = [];
      decl.add(this.typeElem('type_constraint'), 'type');
      list.add(decl);
      if (this.is(',')) this.expect(',');
      else if (!this.is(']')) this.fail(']');
    }
    if (pending.length > 0) this.fail('a constraint');
    this.expect(']');
    return list;
  }

  /** `T`, `~T` or a union of them: a constraint or an interface's type element. */
  private typeElem(type: string): SyntaxNode {
    const elem = this.node(type);
    for (;;) {
      if (this.is('~')) {
        const negated = this.node('negated_type');
        this.expect('~');
        negated.add(this.type());
        elem.add(negated);
      } else elem.add(this.type());
      if (!this.is('|')) return elem;
      this.expect('|');
    }
  }

  private funcDecl(): SyntaxNode {
    const start = this.tok.start;
    const func = this.leaf('func', false);
    const method = this.is('(');
    const decl = this.node(method ? 'method_declaration' : 'function_declaration', start);
    decl.add(func);
    if (method) decl.add(this.parameterList(), 'receiver');
    decl.add(this.name(method ? 'field_identifier' : 'identifier'), 'name');
    if (!method && this.is('[')) decl.add(this.typeParameterList(), 'type_parameters');
    this.signature(decl);
    if (this.is('{')) {
      const body = decl.add(this.node('block'), 'body');
      this.lex.skipGroup();
      body.endIndex = this.lex.start;
    }
    this.endOfSpec();
    return decl;
  }

  /** Parameters and the optional result, into `node`'s `parameters` and `result` fields. */
  private signature(node: SyntaxNode): void {
    node.add(this.parameterList(), 'parameters');
    if (this.is('(')) node.add(this.parameterList(), 'result');
    else if (startsType(this.tok)) node.add(this.type(), 'result');
  }

  /**
   * `(a, b int, c ...string)` or `(int, string)`: as in Go, when any entry has a name, every lone
   * identifier is a name that shares the type that follows it.
   */
  private parameterList(): SyntaxNode {
    const list = this.node('parameter_list');
    this.expect('(');
    const entries: Entry[] = [];
    while (!this.is(')')) {
      entries.push(this.parameterEntry());
      if (this.is(',')) this.lex.next();
      else if (!this.is(')')) this.fail(')');
    }
    const named = entries.some(e => e.names.length > 0);
    let pending: SyntaxNode[] = [];
    for (const e of entries) {
      if (named && e.bare) {
        pending.push(e.bare);
        continue;
      }
      const names = [...pending, ...e.names];
      pending = [];
      const type = e.type ?? (e.bare as SyntaxNode);
      const decl = this.nodeAt(
        e.variadic ? 'variadic_parameter_declaration' : 'parameter_declaration',
        (names[0] ?? type).startIndex
      );
      for (const n of names) decl.add(n, 'name');
      decl.add(type, 'type');
      list.add(decl);
    }
    if (pending.length > 0) this.fail('a parameter type');
    this.expect(')');
    return list;
  }

  private nodeAt(type: string, start: number): SyntaxNode {
    return new SyntaxNode(type, start, start, this.src);
  }

  private parameterEntry(): Entry {
    if (this.is('...')) {
      this.lex.next();
      return { names: [], type: this.type(), variadic: true };
    }
    if (!this.isName()) return { names: [], type: this.type() };
    const saved = this.lex.save();
    const ident = this.leaf('identifier');
    if (this.is('...')) {
      this.lex.next();
      return { names: [ident], type: this.type(), variadic: true };
    }
    if (this.is(',') || this.is(')')) {
      const bare = new SyntaxNode('type_identifier', ident.startIndex, ident.endIndex, this.src);
      return { names: [], bare, type: bare };
    }
    if (this.is('.') || (this.is('[') && !this.arrayFollows())) {
      this.lex.restore(saved);
      return { names: [], type: this.type() };
    }
    return { names: [ident], type: this.type() };
  }

  /**
   * At `[` after a name: whether `name [N]T` or `name []T` follows (a name and an array or slice
   * type) rather than the instantiation `Name[T]` (Go's parser decides the same way: by whether a
   * type follows the brackets).
   */
  private arrayFollows(): boolean {
    const saved = this.lex.save();
    try {
      this.lex.next();
      if (this.is(']')) return true;
      this.lex.restore(saved);
      this.lex.skipGroup();
      return startsType(this.tok) && !this.is('(');
    } catch {
      return false;
    } finally {
      this.lex.restore(saved);
    }
  }

  // Types -------------------------------------------------------------------------------------

  private type(): SyntaxNode {
    const t = this.tok;
    if (t.kind === Tok.Ident) {
      switch (t.value) {
        case 'func': {
          const fn = this.node('function_type');
          this.keyword('func');
          this.signature(fn);
          return fn;
        }
        case 'map': {
          const map = this.node('map_type');
          this.keyword('map');
          this.expect('[');
          map.add(this.type(), 'key');
          this.expect(']');
          map.add(this.type(), 'value');
          return map;
        }
        case 'chan': {
          const chan = this.node('channel_type');
          this.keyword('chan', chan);
          if (this.is('<-')) this.expect('<-', chan);
          chan.add(this.type(), 'value');
          return chan;
        }
        case 'struct':
          return this.structType();
        case 'interface':
          return this.interfaceType();
        default:
          return this.typeName();
      }
    }
    if (t.kind !== Tok.Op) return this.fail('a type');
    switch (t.value) {
      case '*': {
        const pointer = this.node('pointer_type');
        this.expect('*');
        pointer.add(this.type());
        return pointer;
      }
      case '<-': {
        const chan = this.node('channel_type');
        this.expect('<-', chan);
        this.keyword('chan', chan);
        chan.add(this.type(), 'value');
        return chan;
      }
      case '(': {
        const paren = this.node('parenthesized_type');
        this.expect('(');
        paren.add(this.type());
        this.expect(')');
        return paren;
      }
      case '[': {
        const start = t.start;
        const open = this.leaf('[', false);
        if (this.is(']')) {
          const slice = this.nodeAt('slice_type', start);
          slice.add(open);
          this.expect(']');
          slice.add(this.type(), 'element');
          return slice;
        }
        if (this.is('...')) {
          const array = this.nodeAt('implicit_length_array_type', start);
          array.add(open);
          this.expect('...');
          this.expect(']');
          array.add(this.type(), 'element');
          return array;
        }
        const array = this.nodeAt('array_type', start);
        array.add(open);
        array.add(this.expression(), 'length');
        this.expect(']');
        array.add(this.type(), 'element');
        return array;
      }
      default:
        return this.fail('a type');
    }
  }

  /** `T`, `pkg.T`, either with type arguments `[A, B]`. */
  private typeName(): SyntaxNode {
    const first = this.name('type_identifier');
    let base = first;
    if (this.is('.')) {
      base = this.nodeAt('qualified_type', first.startIndex);
      base.add(new SyntaxNode('package_identifier', first.startIndex, first.endIndex, this.src), 'package');
      this.expect('.');
      base.add(this.name('type_identifier'), 'name');
    }
    if (!this.is('[')) return base;
    const generic = this.nodeAt('generic_type', base.startIndex);
    generic.add(base, 'type');
    const args = generic.add(this.node('type_arguments'), 'type_arguments');
    this.expect('[');
    while (!this.is(']')) {
      args.add(this.typeElem('type_elem'));
      if (this.is(',')) this.expect(',');
      else if (!this.is(']')) this.fail(']');
    }
    this.expect(']');
    return generic;
  }

  private structType(): SyntaxNode {
    const struct = this.node('struct_type');
    this.keyword('struct');
    const list = struct.add(this.node('field_declaration_list'));
    this.bracedElements(list, () => this.fieldDeclaration());
    return struct;
  }

  /** `{ e; e; ... }` into `into`: a struct's fields or an interface's elements, `;` or newline between. */
  private bracedElements(into: SyntaxNode, element: () => SyntaxNode): void {
    this.expect('{');
    for (;;) {
      while (this.atSemi()) this.lex.next();
      if (this.is('}')) break;
      into.add(element());
      if (!this.is('}')) {
        if (!this.atSemi()) this.fail('; or }');
        this.lex.next();
      }
    }
    this.expect('}');
  }

  private fieldDeclaration(): SyntaxNode {
    const field = this.node('field_declaration');
    if (this.is('*')) {
      this.expect('*', field);
      field.add(this.typeName(), 'type');
    } else if (this.isName() && this.fieldHasNames()) {
      this.identifierList(field, 'field_identifier');
      field.add(this.type(), 'type');
    } else {
      field.add(this.typeName(), 'type');
    }
    if (this.tok.kind === Tok.String) field.add(this.leaf('interpreted_string_literal'), 'tag');
    else if (this.tok.kind === Tok.RawString) field.add(this.leaf('raw_string_literal'), 'tag');
    return field;
  }

  /** At a field's first identifier: whether it is a name (`A, B T`, `A T`) rather than an embedded type. */
  private fieldHasNames(): boolean {
    const saved = this.lex.save();
    try {
      this.lex.next();
      if (this.is(',')) return true;
      if (this.is('.')) return false;
      if (this.is('[')) return this.arrayFollows();
      return startsType(this.tok);
    } finally {
      this.lex.restore(saved);
    }
  }

  private interfaceType(): SyntaxNode {
    const iface = this.node('interface_type');
    this.keyword('interface');
    this.bracedElements(iface, () => this.interfaceElem());
    return iface;
  }

  private interfaceElem(): SyntaxNode {
    if (this.isName()) {
      const saved = this.lex.save();
      const name = this.leaf('field_identifier');
      if (this.is('(')) {
        const method = this.nodeAt('method_elem', name.startIndex);
        method.add(name, 'name');
        this.signature(method);
        return method;
      }
      this.lex.restore(saved);
    }
    return this.typeElem('type_elem');
  }

  // Expressions -------------------------------------------------------------------------------

  private expression(minPrecedence = 1): SyntaxNode {
    let left = this.unary();
    for (;;) {
      const t = this.tok;
      const precedence = t.kind === Tok.Op ? PRECEDENCE[t.value] : undefined;
      if (precedence === undefined || precedence < minPrecedence) return left;
      const binary = this.nodeAt('binary_expression', left.startIndex);
      binary.add(left, 'left');
      binary.add(this.leaf(t.value, false), 'operator');
      binary.add(this.expression(precedence + 1), 'right');
      left = binary;
    }
  }

  private unary(): SyntaxNode {
    if (this.tok.kind === Tok.Op && UNARY.has(this.tok.value)) {
      const unary = this.node('unary_expression');
      unary.add(this.leaf(this.tok.value, false), 'operator');
      unary.add(this.unary(), 'operand');
      return unary;
    }
    return this.primary();
  }

  private primary(): SyntaxNode {
    const t = this.tok;
    let x: SyntaxNode;
    const literal = LITERAL_NODE[t.kind];
    if (literal) x = this.leaf(literal);
    else if (t.kind === Tok.Ident && !KEYWORDS.has(t.value))
      x = this.leaf(NAMED_IDENTIFIERS.has(t.value) ? t.value : 'identifier');
    else if (this.is('(')) {
      x = this.node('parenthesized_expression');
      this.expect('(');
      x.add(this.expression());
      this.expect(')');
    } else if (startsType(t)) return this.opaque();
    else return this.fail('an expression');
    for (;;) {
      if (this.is('.')) {
        const saved = this.lex.save();
        this.lex.next();
        if (!this.isName()) {
          this.lex.restore(saved);
          return this.opaque(x);
        }
        const selector = this.nodeAt('selector_expression', x.startIndex);
        selector.add(x, 'operand');
        selector.add(this.leaf('field_identifier'), 'field');
        x = selector;
      } else if (this.is('(')) {
        const call = this.nodeAt('call_expression', x.startIndex);
        call.add(x, 'function');
        const args = call.add(this.node('argument_list'), 'arguments');
        this.expect('(');
        while (!this.is(')')) {
          args.add(this.expression());
          if (this.is('...')) this.expect('...');
          if (this.is(',')) this.expect(',');
          else if (!this.is(')')) this.fail(')');
        }
        this.expect(')');
        x = call;
      } else if (this.is('[')) {
        return this.opaque(x);
      } else return x;
    }
  }

  /**
   * An expression this parser does not model (a composite or function literal, a conversion to a
   * type literal, an index): one node over its text, which is all the API shows of it.
   */
  private opaque(from?: SyntaxNode): SyntaxNode {
    const start = this.tok.start;
    const node = this.nodeAt('expression', from?.startIndex ?? start);
    node.endIndex = from?.endIndex ?? start;
    while (
      !this.atSemi() &&
      this.tok.kind !== Tok.EOF &&
      !(this.tok.kind === Tok.Op && [',', ')', ']', '}', '=', ':'].includes(this.tok.value)) &&
      !(this.tok.kind === Tok.Ident && DECLARATION_KEYWORDS.has(this.tok.value))
    ) {
      if (this.is('(') || this.is('[') || this.is('{')) this.lex.skipGroup();
      else this.lex.next();
      node.endIndex = this.lex.prevEnd;
    }
    if (node.endIndex <= start && !from) this.fail('an expression');
    return node;
  }
}

/** The syntax tree of Go source `text`: declarations in full, function bodies and initializers skipped. */
export function parseGoDeclarations(text: string): SyntaxNode {
  try {
    return new Parser(text).parseFile();
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    // The first token already failed (an unterminated literal, a stray character).
    const root = new SyntaxNode('source_file', 0, text.length, text);
    root.hasError = true;
    return root;
  }
}

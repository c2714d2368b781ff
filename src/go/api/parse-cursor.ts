// The declaration parser's state: the lexer, the current token, and the small steps every rule uses
// (expect an operator or keyword, make a node, end a spec). The rules are free functions in
// parse-decls.ts, parse-types.ts and parse-exprs.ts that take this state.

import { KEYWORDS, Lexer, ParseError, Tok, type Token } from './parse-lexer.js';
import { SyntaxNode } from './parse-tree.js';

export class Parser {
  readonly lex: Lexer;
  constructor(readonly src: string) {
    this.lex = new Lexer(src);
  }

  get tok(): Token {
    return this.lex;
  }

  node(type: string, start = this.tok.start): SyntaxNode {
    return new SyntaxNode(type, start, start, this.src);
  }

  /** The current token as a leaf node, consumed. */
  leaf(type: string, isNamed = true): SyntaxNode {
    const t = this.tok;
    const leaf = new SyntaxNode(type, t.start, t.end, this.src, isNamed);
    this.lex.next();
    return leaf;
  }

  is(op: string): boolean {
    return this.tok.kind === Tok.Op && this.tok.value === op;
  }

  isWord(word: string): boolean {
    return this.tok.kind === Tok.Ident && this.tok.value === word;
  }

  atSemi(): boolean {
    return this.tok.kind === Tok.Semi;
  }

  isName(): boolean {
    return this.tok.kind === Tok.Ident && !KEYWORDS.has(this.tok.value);
  }

  fail(what: string): never {
    throw new ParseError(`expected ${what}`);
  }

  /**
   * Consumes operator `op`, failing if it is not there. Punctuation is kept in the tree (as an
   * anonymous child of `into`) only where the extractor reads it: `*` and `<-` in types.
   */
  expect(op: string, into?: SyntaxNode): void {
    if (!this.is(op)) this.fail(op);
    if (into) into.add(this.leaf(op, false));
    else this.lex.next();
  }

  keyword(word: string, into?: SyntaxNode): void {
    if (!this.isWord(word)) this.fail(word);
    if (into) into.add(this.leaf(word, false));
    else this.lex.next();
  }

  name(type: string): SyntaxNode {
    if (!this.isName()) this.fail('a name');
    return this.leaf(type);
  }

  /** After a declaration or spec: a semicolon, or the `)` / `}` that closes the group. */
  endOfSpec(): void {
    if (this.atSemi()) this.lex.next();
    else if (!this.is(')') && !this.is('}') && this.tok.kind !== Tok.EOF) this.fail('end of declaration');
  }

  /** Skips to the end of the current spec (a semicolon or `)` outside brackets) without reading it. */
  skipToEndOfSpec(): void {
    while (!this.atSemi() && this.tok.kind !== Tok.EOF && !this.is(')') && !this.is('}')) {
      if (this.is('(') || this.is('[') || this.is('{')) this.lex.skipGroup();
      else this.lex.next();
    }
  }

  nodeAt(type: string, start: number): SyntaxNode {
    return new SyntaxNode(type, start, start, this.src);
  }
}

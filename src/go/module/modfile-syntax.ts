// The go.mod syntax tree of x/mod's read.go: the statement parser (lines, `verb ( … )` blocks,
// comment blocks), the assignment of comments to nodes, and readSyntax, the whole read step.
import { Lexer, NO_POSITION, ReadError, isEOL } from './modfile-lexer.js';
import type { Comment, Token, TokenKind } from './modfile-lexer.js';
import type { Position, Span } from './modfile-types.js';

// ---------------------------------------------------------------------------------------------
// Syntax tree and parser (read.go parseFile, parseStmt, parseLineBlock, parseLine)

interface Commented {
  before: Comment[];
  suffix: Comment[];
}
export interface Line extends Commented {
  kind: 'line';
  start: Position;
  end: Position;
  tokens: Token[];
}
interface Paren extends Commented {
  kind: 'paren';
  pos: Position;
}
export interface LineBlock extends Commented {
  kind: 'block';
  start: Position;
  tokens: Token[];
  lparen: Paren;
  lines: Line[];
  rparen: Paren;
}
interface CommentBlock extends Commented {
  kind: 'comments';
  start: Position;
}
export type Stmt = Line | LineBlock | CommentBlock;

/** The comments of a node that has none: one shared, frozen array (most lines have no comments, and
 * a go.mod may have millions of lines). Comments are assigned by replacing the array. */
const NO_COMMENTS: Comment[] = Object.freeze([]) as unknown as Comment[];

function newLine(start: Position, end: Position, tokens: Token[]): Line {
  return { kind: 'line', start, end, tokens, before: NO_COMMENTS, suffix: NO_COMMENTS };
}

function newParen(pos: Position): Paren {
  return { kind: 'paren', pos, before: NO_COMMENTS, suffix: NO_COMMENTS };
}

function newBlock(start: Position, tokens: Token[], lparen: Position, rparen: Position): LineBlock {
  return {
    kind: 'block',
    start,
    tokens,
    lparen: newParen(lparen),
    lines: [],
    rparen: newParen(rparen),
    before: NO_COMMENTS,
    suffix: NO_COMMENTS
  };
}

/**
 * Receives each directive line as soon as it is parsed, with its comments, so that the lines of a
 * block need not be kept: a go.mod may hold hundreds of thousands of them, and keeping the syntax of
 * each beside the directives made of them would cost many times the file in memory.
 */
export interface LineSink {
  /** A block's header, before its lines (its `before` comments are set). */
  block(block: LineBlock): void;
  /** A line at the top level (`block` undefined) or in a block. */
  line(block: LineBlock | undefined, line: Line): void;
  /** The block last passed to `block` never ended: forget what its lines gave. */
  abandonBlock(): void;
}

/** A statement is the tokens up to the end of its line; `(` as the last token opens a block. */
class Parser {
  readonly stmts: Stmt[] = [];

  constructor(
    private readonly lexer: Lexer,
    private readonly file: string,
    private readonly sink?: LineSink
  ) {}

  /** A line that ends in an end-of-line comment owns it, as assignSuffixComments would decide: every
   * node after the line ends on a later line. Taking it here lets the line go to the sink whole. */
  private takeSuffix(line: Line, eol: Token): void {
    const comments = this.lexer.suffixComments;
    const last = comments[comments.length - 1];
    if (eol.kind !== 'eolcomment' || last === undefined || last.start.byte !== eol.start.byte) return;
    line.suffix = [last];
    comments.pop();
  }

  private peek(): TokenKind {
    return this.lexer.token.kind;
  }

  private lex(): Token {
    const tok = this.lexer.token;
    this.lexer.readToken();
    return tok;
  }

  private fail(message: string): never {
    throw new ReadError(message, this.lexer.pos);
  }

  /** Whole-line comments directly above a statement become its Before comments; a blank line turns
   * them into a free-standing comment block instead. */
  parseFile(): void {
    let pending: CommentBlock | undefined;
    const flush = (): void => {
      if (pending) this.stmts.push(pending);
      pending = undefined;
    };
    for (;;) {
      switch (this.peek()) {
        case '\n':
          this.lex();
          flush();
          break;
        case 'comment': {
          const tok = this.lex();
          pending ??= { kind: 'comments', start: tok.start, before: [], suffix: [] };
          pending.before.push({ start: tok.start, token: tok.text });
          break;
        }
        case 'eof':
          flush();
          return;
        default: {
          this.parseStmt(pending?.before);
          const stmt = this.stmts[this.stmts.length - 1];
          if (pending) stmt.before = pending.before;
          pending = undefined;
          if (stmt.kind === 'line') this.sink?.line(undefined, stmt);
        }
      }
    }
  }

  /** `before`: the whole-line comments above the statement. */
  private parseStmt(before: Comment[] | undefined): void {
    const first = this.lex();
    const start = first.start;
    let end = first.end;
    const tokens = [first];
    for (;;) {
      const tok = this.lex();
      if (isEOL(tok.kind)) {
        const line = newLine(start, end, tokens);
        this.takeSuffix(line, tok);
        this.stmts.push(line);
        return;
      }
      if (tok.kind === '(') {
        if (isEOL(this.peek())) {
          this.stmts.push(this.parseLineBlock(start, tokens, tok, before));
          return;
        }
        if (this.peek() === ')') {
          const rparen = this.lex();
          if (isEOL(this.peek())) {
            this.lex();
            const block = newBlock(start, tokens, tok.start, rparen.start);
            if (before) block.before = before;
            this.sink?.block(block);
            this.stmts.push(block);
            return;
          }
          // `( )` inside a line is two ordinary tokens (which do not extend the line's end).
          tokens.push(tok, rparen);
        } else {
          tokens.push(tok);
        }
        continue;
      }
      tokens.push(tok);
      end = tok.end;
    }
  }

  /** Lines up to a `)` line; whole-line comments and blank lines (kept as '' markers) go to the
   * following line, or to the `)`. */
  private parseLineBlock(
    start: Position,
    tokens: Token[],
    lparen: Token,
    before: Comment[] | undefined
  ): LineBlock {
    const block = newBlock(start, tokens, lparen.start, lparen.start);
    if (before) block.before = before;
    if (!this.sink) return this.parseBlockLines(block, start);
    this.sink.block(block);
    try {
      return this.parseBlockLines(block, start);
    } catch (e) {
      this.sink.abandonBlock();
      throw e;
    }
  }

  private parseBlockLines(block: LineBlock, start: Position): LineBlock {
    let comments: Comment[] = [];
    let lines = 0;
    for (;;) {
      switch (this.peek()) {
        case 'eolcomment':
          this.lex();
          break;
        case '\n': {
          this.lex();
          const last = comments[comments.length - 1];
          if ((comments.length === 0 && lines > 0) || (last && last.token !== '')) {
            comments.push({ start: NO_POSITION, token: '' });
          }
          break;
        }
        case 'comment': {
          const tok = this.lex();
          comments.push({ start: tok.start, token: tok.text });
          break;
        }
        case 'eof':
          return this.fail(
            `syntax error (unterminated block started at ${this.file}:${start.line}:${start.column})`
          );
        case ')': {
          const rparen = this.lex();
          // A lone blank-line marker before `)` is not worth keeping.
          if (comments.length === 1 && comments[0].token === '') {
            comments = [];
          }
          block.rparen.pos = rparen.start;
          block.rparen.before = comments;
          if (!isEOL(this.peek())) this.fail('syntax error (expected newline after closing paren)');
          this.lex();
          return block;
        }
        default: {
          const line = this.parseLine();
          lines++;
          if (comments.length > 0) line.before = comments;
          if (this.sink) this.sink.line(block, line);
          else block.lines.push(line);
          comments = [];
        }
      }
    }
  }

  private parseLine(): Line {
    const first = this.lex();
    let end = first.end;
    const tokens = [first];
    for (;;) {
      const tok = this.lex();
      if (isEOL(tok.kind)) {
        const line = newLine(first.start, end, tokens);
        this.takeSuffix(line, tok);
        return line;
      }
      tokens.push(tok);
      end = tok.end;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Comment assignment (read.go assignComments)

type Node = Stmt | Paren;

function span(node: Node): Span {
  switch (node.kind) {
    case 'line':
      return { start: node.start, end: node.end };
    case 'comments':
      return { start: node.start, end: node.start };
    case 'paren':
      return { start: node.pos, end: afterParen(node.pos) };
    case 'block':
      return { start: node.start, end: afterParen(node.rparen.pos) };
  }
}

function afterParen(pos: Position): Position {
  return { line: pos.line, column: pos.column + 1, byte: pos.byte + 1 };
}

function postOrder(stmts: Stmt[]): Node[] {
  return stmts.flatMap((stmt): Node[] =>
    stmt.kind === 'block' ? [stmt.lparen, ...stmt.lines, stmt.rparen, stmt] : [stmt]
  );
}

/** Each end-of-line comment goes to the last single-line node that ends before it. (Whole-line
 * comments were attached by the parser already.) */
function assignSuffixComments(stmts: Stmt[], comments: Comment[]): void {
  const pending = comments.slice();
  const nodes = postOrder(stmts);
  for (let n = nodes.length - 1; n >= 0; n--) {
    const { start, end } = span(nodes[n]);
    if (start.line !== end.line) continue;
    let first = pending.length;
    while (first > 0 && end.byte <= pending[first - 1].start.byte) first--;
    if (first === pending.length) continue;
    const node = nodes[n];
    node.suffix = [...node.suffix, ...pending.slice(first)];
    pending.length = first;
  }
}

interface SyntaxTree {
  stmts: Stmt[];
  error?: ReadError;
}

/** read.go parse, keeping the statements read before an error. With a sink, each line goes to it as
 * it is parsed instead of into its block's `lines`. */
export function readSyntax(src: string, file: string, sink?: LineSink): SyntaxTree {
  const lexer = new Lexer(src);
  const parser = new Parser(lexer, file, sink);
  let error: ReadError | undefined;
  try {
    lexer.readToken();
    parser.parseFile();
  } catch (e) {
    // Anything but a ReadError is a bug here; x/mod reports its own panics the same way.
    error = e instanceof ReadError ? e : new ReadError(`internal error: ${String(e)}`, lexer.pos);
  }
  assignSuffixComments(parser.stmts, lexer.suffixComments);
  return { stmts: parser.stmts, error };
}

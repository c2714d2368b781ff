// The build-constraint expressions of go/build/constraint: the `//go:build` parser, the older
// `// +build` syntax, formatting, and evaluation (AnyTags, or a given tag set).
import { isSpaceRune } from './imports-bytes.js';
import { isGoDigit, isGoLetter } from './unicode.js';

// ---------------------------------------------------------------------------------------------
// Build constraint expressions (go/build/constraint)

interface TagExpr {
  tag: string;
}
interface NotExpr {
  op: '!';
  x: Expr;
}
interface BinaryExpr {
  op: '&&' | '||';
  x: Expr;
  y: Expr;
}
export type Expr = TagExpr | NotExpr | BinaryExpr;

/** go/build/constraint isValidTag: a tag is letters, digits, `_` and `.` (Unicode letters and decimal
 * digits count, by Go's Unicode tables). */
function isTagChar(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return ch === '_' || ch === '.' || isGoLetter(cp) || isGoDigit(cp);
}

function isValidTag(word: string): boolean {
  if (word === '') return false;
  for (const ch of word) if (!isTagChar(ch)) return false;
  return true;
}

/**
 * Parses a //go:build expression: `||` binds looser than `&&`, `!` applies to one operand and may
 * not be doubled, parentheses group; tokens may be separated by spaces and tabs.
 */
export function parseConstraint(text: string): Expr | { message: string } {
  try {
    return new ExprParser(text).parse();
  } catch (e) {
    if (e instanceof ConstraintSyntaxError) return { message: e.message };
    throw e;
  }
}

/** Recursive descent over the expression; each rule returns with the next token already lexed. */
class ExprParser {
  private i = 0;
  private tok = ''; // the current token; '' at the end
  private isTag = false;

  constructor(private readonly text: string) {}

  parse(): Expr {
    const x = this.or();
    if (!this.at('')) throw new ConstraintSyntaxError(`unexpected token ${this.tok}`);
    return x;
  }

  private at(tok: string): boolean {
    return this.tok === tok;
  }

  private or(): Expr {
    let x = this.and();
    while (this.at('||')) x = { op: '||', x, y: this.and() };
    return x;
  }

  private and(): Expr {
    let x = this.not();
    while (this.at('&&')) x = { op: '&&', x, y: this.not() };
    return x;
  }

  private not(): Expr {
    this.lex();
    if (!this.at('!')) return this.atom();
    this.lex();
    if (this.at('!')) throw new ConstraintSyntaxError('double negation not allowed');
    return { op: '!', x: this.atom() };
  }

  private atom(): Expr {
    if (this.at('(')) {
      let x: Expr;
      try {
        x = this.or();
      } catch (e) {
        // Running out inside parentheses is reported as the missing ')'.
        if (e instanceof ConstraintSyntaxError && e.message === 'unexpected end of expression') {
          throw new ConstraintSyntaxError('missing close paren');
        }
        throw e;
      }
      if (!this.at(')')) throw new ConstraintSyntaxError('missing close paren');
      this.lex();
      return x;
    }
    if (!this.isTag) {
      throw new ConstraintSyntaxError(
        this.at('') ? 'unexpected end of expression' : `unexpected token ${this.tok}`
      );
    }
    const tag = this.tok;
    this.lex();
    return { tag };
  }

  private lex(): void {
    const text = this.text;
    this.isTag = false;
    while (this.i < text.length && (text[this.i] === ' ' || text[this.i] === '\t')) this.i++;
    const c = text[this.i];
    if (c === undefined) {
      this.tok = '';
    } else if (c === '(' || c === ')' || c === '!') {
      this.tok = c;
      this.i++;
    } else if (c === '&' || c === '|') {
      if (text[this.i + 1] !== c) throw new ConstraintSyntaxError(`invalid syntax at ${c}`);
      this.tok = c + c;
      this.i += 2;
    } else {
      let j = this.i;
      for (const ch of text.slice(this.i)) {
        if (!isTagChar(ch)) break;
        j += ch.length;
      }
      if (j === this.i)
        throw new ConstraintSyntaxError(
          `invalid syntax at ${String.fromCodePoint(text.codePointAt(j) ?? 0)}`
        );
      this.tok = text.slice(this.i, j);
      this.i = j;
      this.isTag = true;
    }
  }
}

class ConstraintSyntaxError extends Error {}

/**
 * A `// +build` expression: space-separated options (OR) of comma-separated terms (AND), each a tag
 * or `!tag`. A malformed term (`!!x`, a lone `!`, bad characters) becomes the tag `ignore`, as in Go.
 */
export function parsePlusBuildExpr(text: string): Expr {
  let x: Expr | undefined;
  for (const clause of fields(text)) {
    let y: Expr | undefined;
    for (const lit of clause.split(',')) {
      let z: Expr;
      if (lit.startsWith('!!') || lit === '!') z = { tag: 'ignore' };
      else if (lit.startsWith('!'))
        z = { op: '!', x: { tag: isValidTag(lit.slice(1)) ? lit.slice(1) : 'ignore' } };
      else z = { tag: isValidTag(lit) ? lit : 'ignore' };
      y = y === undefined ? z : { op: '&&', x: y, y: z };
    }
    if (y !== undefined) x = x === undefined ? y : { op: '||', x, y };
  }
  return x ?? { tag: 'ignore' };
}

/** Splits at runs of white space (Go's strings.Fields). */
function fields(text: string): string[] {
  const out: string[] = [];
  let from = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpaceRune(text.charCodeAt(i));
    if (space && from >= 0) {
      out.push(text.slice(from, i));
      from = -1;
    } else if (!space && from < 0) {
      from = i;
    }
  }
  return out;
}

/** Prints an expression in //go:build syntax, with only the parentheses it needs. */
export function formatExpr(x: Expr): string {
  if ('tag' in x) return x.tag;
  if (x.op === '!') return '!' + ('tag' in x.x || x.x.op === '!' ? formatExpr(x.x) : `(${formatExpr(x.x)})`);
  const other = x.op === '&&' ? '||' : '&&';
  const arg = (e: Expr): string => ('op' in e && e.op === other ? `(${formatExpr(e)})` : formatExpr(e));
  return `${arg(x.x)} ${x.op} ${arg(x.y)}`;
}

/**
 * cmd/go's evaluation under AnyTags: `ignore` is false, and every other tag takes whatever value
 * helps, so a tag satisfies both `tag` and `!tag` (a negation flips the preferred value).
 */
export function evalAnyTags(x: Expr, prefer: boolean): boolean {
  if ('tag' in x) return x.tag === 'ignore' ? false : prefer;
  if (x.op === '!') return !evalAnyTags(x.x, !prefer);
  if (x.op === '&&') return evalAnyTags(x.x, prefer) && evalAnyTags(x.y, prefer);
  return evalAnyTags(x.x, prefer) || evalAnyTags(x.y, prefer);
}

function evalWith(x: Expr, hasTag: (tag: string) => boolean): boolean {
  if ('tag' in x) return hasTag(x.tag);
  if (x.op === '!') return !evalWith(x.x, hasTag);
  const left = evalWith(x.x, hasTag);
  const right = evalWith(x.y, hasTag);
  return x.op === '&&' ? left && right : left || right;
}

/**
 * Whether `go mod tidy` leaves out a file with the //go:build expression `expr` (the text after
 * `//go:build`): under AnyTags only `ignore` is false and every other tag satisfies both itself and
 * its negation, so this is true exactly when the expression needs `ignore`, such as `ignore` or
 * `ignore && linux` (not `!ignore`, `ignore || linux`). A malformed expression also leaves the file
 * out, so it gives true.
 */
export function constraintNeedsIgnore(expr: string): boolean {
  const parsed = parseConstraint(expr);
  return 'message' in parsed || !evalAnyTags(parsed, true);
}

/** Evaluates a //go:build expression with the given tag set; undefined when it does not parse. */
export function evalConstraint(expr: string, hasTag: (tag: string) => boolean): boolean | undefined {
  const parsed = parseConstraint(expr);
  return 'message' in parsed ? undefined : evalWith(parsed, hasTag);
}

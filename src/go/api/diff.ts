// Compares two exported APIs of one module (old = the comparison point, new = the tree being gated)
// and classifies every difference the way golang.org/x/exp/apidiff does: a change is breaking when it
// can stop a client's build, compatible when it only adds. Where the source text of this module alone
// cannot decide (a dependency whose required version changed, an embedded interface from another
// package, a type inferred from an expression), the change is 'possibly-breaking': a warning, never a
// silent pass. Pure: no I/O, deterministic output.
import type {
  ApiChange,
  ApiObject,
  ApiPosition,
  ChangeSeverity,
  Field,
  Method,
  ModuleApi,
  PackageApi,
  TypeParam,
  Underlying
} from './model.js';
import { compareGoStrings } from '../module/version.js';

export interface CompareOptions {
  /** Import paths (or path prefixes) of packages whose API may have changed underneath without a
   * source change here: dependencies whose required version changed between old and new (from
   * go.mod). Packages of the same module are NOT in this set (they are compared directly). An
   * exported declaration whose type text mentions a package qualifier that maps to one of these
   * yields a 'possibly-breaking' change. */
  changedDependencies?: ReadonlySet<string>;
  /** Resolves a package qualifier used in a file (`yaml` in `yaml.Node`) to its import path, from
   * the extractor's data (the file's imports); undefined when unknown. Without it, qualifiers are
   * matched by the package name an import path suggests (its last element, as goimports guesses). */
  resolveQualifier?: (qualifier: string, pos: ApiPosition, side: 'old' | 'new') => string | undefined;
}

/** Every change between two APIs of the same module (old = base or latest release, new = head),
 * sorted by subject. */
export function compareApis(oldApi: ModuleApi, newApi: ModuleApi, options: CompareOptions = {}): ApiChange[] {
  const differ = new Differ(newApi.modulePath, options);
  const oldPkgs = publicPackages(oldApi);
  const newPkgs = publicPackages(newApi);
  for (const [dir, oldPkg] of oldPkgs) {
    const newPkg = newPkgs.get(dir);
    if (newPkg === undefined) {
      differ.add('breaking', dir, `package ${importPath(oldApi.modulePath, dir)} removed`, oldPkg.pos, 'old');
    } else {
      differ.comparePackages(oldPkg, newPkg);
    }
  }
  for (const [dir, newPkg] of newPkgs) {
    if (!oldPkgs.has(dir)) {
      differ.add('compatible', dir, `package ${importPath(newApi.modulePath, dir)} added`, newPkg.pos, 'new');
    }
  }
  return differ.changes.sort(
    (a, b) =>
      compareGoStrings(a.subject, b.subject) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareGoStrings(a.message, b.message)
  );
}

/** How many changes are breaking, possibly breaking, and compatible (additions). */
export function summarizeChanges(changes: readonly ApiChange[]): {
  breaking: number;
  possiblyBreaking: number;
  compatible: number;
} {
  const count = (s: ChangeSeverity) => changes.filter(c => c.severity === s).length;
  return {
    breaking: count('breaking'),
    possiblyBreaking: count('possibly-breaking'),
    compatible: count('compatible')
  };
}

const SEVERITY_ORDER: Record<ChangeSeverity, number> = { breaking: 0, 'possibly-breaking': 1, compatible: 2 };

// gorelease leaves out packages nobody outside the module can import: internal ones and commands.
function publicPackages(api: ModuleApi): Map<string, PackageApi> {
  const out = new Map<string, PackageApi>();
  for (const [dir, pkg] of api.packages) {
    if (pkg.name === 'main' || dir.split('/').includes('internal')) continue;
    out.set(dir, pkg);
  }
  return out;
}

function importPath(modulePath: string, dir: string): string {
  return dir === '.' || dir === '' ? modulePath : `${modulePath}/${dir}`;
}

function subjectOf(dir: string, ...parts: string[]): string {
  const name = parts.join('.');
  return dir === '.' || dir === '' ? name : `${dir}.${name}`;
}

/** Go's token.IsExported: the name starts with an upper-case letter. */
function isExported(name: string): boolean {
  return /^\p{Lu}/u.test(name);
}

function sortedNames<T>(...maps: ReadonlyMap<string, T>[]): string[] {
  const names = new Set<string>();
  for (const m of maps) for (const k of m.keys()) names.add(k);
  return [...names].sort(compareGoStrings);
}

type TypeObject = Extract<ApiObject, { kind: 'type' }>;
type InterfaceObject = TypeObject & { underlying: Extract<Underlying, { kind: 'interface' }> };

/** A non-generic defined type that is not an interface: one whose method set can implement interfaces. */
function isMethodSetOwner(o: ApiObject | undefined): o is TypeObject {
  return o?.kind === 'type' && !o.alias && o.typeParams.length === 0 && o.underlying.kind !== 'interface';
}

/** An interface whose every method the source shows, with at least one method. */
function isCheckableInterface(o: ApiObject | undefined): o is InterfaceObject {
  return (
    o?.kind === 'type' &&
    !o.alias &&
    o.typeParams.length === 0 &&
    o.underlying.kind === 'interface' &&
    !o.underlying.typeSet &&
    !o.underlying.hasUnexportedMethods &&
    o.underlying.embeds.length === 0 &&
    o.underlying.methods.length > 0
  );
}

function methodSetKey(methods: readonly Method[]): string {
  return methods
    .map(m => `${m.name} ${key(m.signature)}`)
    .sort()
    .join('\n');
}

/** Every method of a type, its own and promoted, by name. */
function methodSetOf(t: TypeObject): Map<string, Method> {
  return byName(withPromoted(t.methods, t.promoted?.methods));
}

/** Whether a method set (of the pointer type, with `pointer`) holds every method given. */
function implementsWith(
  set: ReadonlyMap<string, Method>,
  wanted: readonly Method[],
  pointer: boolean
): boolean {
  return wanted.every(w => {
    const m = set.get(w.name);
    return m !== undefined && (pointer || !m.pointer) && key(m.signature) === key(w.signature);
  });
}

/** A type's own members after the promoted ones, so that byName (the last of a name wins) lets them hide. */
function withPromoted<T extends { name: string }>(own: readonly T[], promoted: readonly T[] = []): T[] {
  return [...promoted, ...own];
}

function byName<T extends { name: string }>(list: readonly T[], exportedOnly = false): Map<string, T> {
  return new Map(list.filter(x => !exportedOnly || isExported(x.name)).map(x => [x.name, x]));
}

// ---------------------------------------------------------------------------------------------
// Type text: comparison keys

const IDENT = String.raw`[\p{L}_][\p{L}\p{N}_]*`;
// An identifier that is not a selector's right-hand side (`Node` in `yaml.Node`).
const LOCAL_IDENT = new RegExp(String.raw`(?<![\p{L}\p{N}_.])${IDENT}`, 'gu');
// A qualified identifier: `yaml.Node` (the qualifier not itself preceded by a dot or letter).
const QUALIFIED = new RegExp(String.raw`(?<![\p{L}\p{N}_.])(${IDENT})\.(${IDENT})`, 'gu');

/** Type parameter names renamed to their positions, so that renaming a type parameter is no change. */
type Renaming = ReadonlyMap<string, string>;

function renamingOf(params: readonly TypeParam[]): Renaming {
  return new Map(params.map((p, i) => [p.name, `#${i}`]));
}

/** The text with insignificant spacing removed, type parameters renamed and `interface{}` read as
 * `any`: two type texts denote the same type when their keys are equal. */
function key(text: string, renaming: Renaming = new Map()): string {
  let s = text.replace(/\s+/g, ' ').trim();
  // A space only matters between two word characters (`chan int`, `func() error`).
  s = s.replace(/ (?=[^\p{L}\p{N}_])|(?<=[^\p{L}\p{N}_]) /gu, '');
  s = s.replace(/(?<![\p{L}\p{N}_.])interface\{\}/gu, 'any');
  if (renaming.size > 0) s = s.replace(LOCAL_IDENT, id => renaming.get(id) ?? id);
  return s;
}

function typeParamsText(params: readonly TypeParam[]): string {
  return params.length === 0 ? 'none' : `[${params.map(p => `${p.name} ${p.constraint}`).join(', ')}]`;
}

function sameTypeParams(a: readonly TypeParam[], b: readonly TypeParam[]): boolean {
  if (a.length !== b.length) return false;
  const ra = renamingOf(a);
  const rb = renamingOf(b);
  return a.every((p, i) => key(p.constraint, ra) === key(b[i].constraint, rb));
}

// A Go integer literal, optionally negated: compared by value (0x10 == 16 == 0o20 == 1_6).
const INT_LITERAL = /^-?(?:0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|[1-9][0-9_]*|0)$/;

function constantKey(value: string): string {
  const k = key(value);
  if (!INT_LITERAL.test(k)) return k;
  const negative = k.startsWith('-');
  let digits = (negative ? k.slice(1) : k).replace(/_/g, '');
  if (/^0[0-7]+$/.test(digits)) digits = '0o' + digits.slice(1);
  else if (/^0[oO]/.test(digits)) digits = '0o' + digits.slice(2);
  try {
    const n = BigInt(digits);
    return String(negative ? -n : n);
  } catch {
    return k;
  }
}

// An untyped constant's literal: its default type is fixed by the literal, so `const X = 1` really is
// untyped. Anything else (`5 * time.Second`) may carry a type the source text does not show.
function isPlainLiteral(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim();
  return (
    INT_LITERAL.test(key(v)) ||
    /^-?[0-9][0-9_]*\.?[0-9_]*(?:[eE][+-]?[0-9_]+)?i?$/.test(v) ||
    /^"(?:[^"\\]|\\.)*"$/.test(v) ||
    /^`[^`]*`$/.test(v) ||
    /^'(?:[^'\\]|\\.+)'$/.test(v) ||
    v === 'true' ||
    v === 'false'
  );
}

// ---------------------------------------------------------------------------------------------
// Channels and basic types

interface ChanType {
  dir: 'both' | 'send' | 'recv';
  elem: string;
}

function parseChan(text: string): ChanType | undefined {
  const t = text.trim();
  let m = /^<-\s*chan\b\s*(.+)$/s.exec(t);
  if (m) return { dir: 'recv', elem: m[1] };
  // `chan <-chan T` is `chan<- (chan T)`: the arrow binds to the leftmost chan.
  m = /^chan\s*<-\s*(.+)$/s.exec(t);
  if (m) return { dir: 'send', elem: m[1] };
  m = /^chan\b\s*(.+)$/s.exec(t);
  if (m) return { dir: 'both', elem: m[1] };
  return undefined;
}

// Widening a defined type's basic underlying type is compatible (apidiff's compatibleBasics): every
// old value still fits. Each list is ordered from narrow to wide.
const WIDENINGS: readonly (readonly string[])[] = [
  ['uint8', 'uint16', 'uint32', 'uint', 'uint64'],
  ['int8', 'int16', 'int32', 'int', 'int64'],
  ['float32', 'float64'],
  ['complex64', 'complex128']
];
const BASIC_ALIASES: Record<string, string> = { byte: 'uint8', rune: 'int32' };

function isBasicWidening(from: string, to: string): boolean {
  const a = BASIC_ALIASES[from] ?? from;
  const b = BASIC_ALIASES[to] ?? to;
  return WIDENINGS.some(list => list.includes(a) && list.includes(b) && list.indexOf(a) < list.indexOf(b));
}

// ---------------------------------------------------------------------------------------------
// Comparability (removing it from a struct is breaking: `==` and map keys stop compiling)

type Tri = 'yes' | 'no' | 'unknown';

const COMPARABLE_BASICS = new Set([
  'bool',
  'string',
  'int',
  'int8',
  'int16',
  'int32',
  'int64',
  'uint',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'uintptr',
  'float32',
  'float64',
  'complex64',
  'complex128',
  'byte',
  'rune',
  'error',
  'any',
  'time.Time',
  'time.Duration',
  'time.Month',
  'time.Weekday',
  'unsafe.Pointer'
]);

function comparability(text: string, pkg: PackageApi, typeParams: Renaming, seen: Set<string>): Tri {
  const t = key(text);
  if (t.startsWith('[]') || t.startsWith('map[') || /^func\b/.test(t)) return 'no';
  if (t.startsWith('*') || /^(?:<-)?chan\b/.test(t) || t.startsWith('interface{')) return 'yes';
  if (COMPARABLE_BASICS.has(t)) return 'yes';
  const array = /^\[[^\]]+\](.+)$/s.exec(t);
  if (array) return comparability(array[1], pkg, typeParams, seen);
  if (!new RegExp(`^${IDENT}$`, 'u').test(t) || typeParams.has(t) || seen.has(t)) return 'unknown';
  const obj = pkg.objects.get(t);
  if (obj?.kind !== 'type') return 'unknown';
  const inner = new Set(seen).add(t);
  if (obj.alias) return comparability(obj.text, pkg, renamingOf(obj.typeParams), inner);
  return underlyingComparability(obj.underlying, pkg, renamingOf(obj.typeParams), inner);
}

/**
 * The names of the package's types that comparing type `obj` may look up in the package (through
 * comparability): a comparison given only some of a package's objects must be given these too.
 */
export function consultedTypeNames(obj: ApiObject): string[] {
  if (obj.kind !== 'type') return [];
  const u = obj.underlying;
  const texts = obj.alias
    ? [obj.text]
    : u.kind === 'struct'
      ? u.fields.map(f => f.type)
      : u.kind === 'other'
        ? [u.text]
        : [];
  const names: string[] = [];
  for (const text of texts) {
    let t = key(text);
    for (let array = /^\[[^\]]+\](.+)$/s.exec(t); array; array = /^\[[^\]]+\](.+)$/s.exec(t)) t = array[1];
    if (new RegExp(`^${IDENT}$`, 'u').test(t)) names.push(t);
  }
  return names;
}

/**
 * Whether two versions of a type could differ in which of the package's interfaces they implement
 * (compareImplementations): both have method sets, and these differ in a method, its signature or
 * its receiver. When no type's does, the package's interfaces need not be given to the comparison.
 */
export function methodSetsDiffer(old: ApiObject, now: ApiObject): boolean {
  if (!isMethodSetOwner(old) || !isMethodSetOwner(now)) return false;
  const keyOf = (t: TypeObject) =>
    [...methodSetOf(t).values()]
      .map(m => `${m.name} ${key(m.signature)}${m.pointer ? ' *' : ''}`)
      .sort()
      .join('\n');
  return keyOf(old) !== keyOf(now);
}

function underlyingComparability(
  u: Underlying,
  pkg: PackageApi,
  typeParams: Renaming,
  seen: Set<string>
): Tri {
  if (u.kind === 'interface') return 'yes';
  if (u.kind === 'other') return comparability(u.text, pkg, typeParams, seen);
  let result: Tri = u.hasUnexportedFields ? 'unknown' : 'yes';
  for (const f of u.fields) {
    const c = comparability(f.type, pkg, typeParams, seen);
    if (c === 'no') return 'no';
    if (c === 'unknown') result = 'unknown';
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Interfaces embedded from other packages whose method sets are fixed (the standard library keeps
// them stable), so that embedding one can be compared as the methods it brings.

const KNOWN_INTERFACES: Record<string, readonly (readonly [string, string])[]> = {
  error: [['Error', 'func() string']],
  any: [],
  'fmt.Stringer': [['String', 'func() string']],
  'fmt.GoStringer': [['GoString', 'func() string']],
  'io.Reader': [['Read', 'func([]byte) (int, error)']],
  'io.Writer': [['Write', 'func([]byte) (int, error)']],
  'io.Closer': [['Close', 'func() error']],
  'io.Seeker': [['Seek', 'func(int64, int) (int64, error)']],
  'io.ReaderAt': [['ReadAt', 'func([]byte, int64) (int, error)']],
  'io.WriterAt': [['WriteAt', 'func([]byte, int64) (int, error)']],
  'io.ReaderFrom': [['ReadFrom', 'func(io.Reader) (int64, error)']],
  'io.WriterTo': [['WriteTo', 'func(io.Writer) (int64, error)']],
  'io.ByteReader': [['ReadByte', 'func() (byte, error)']],
  'io.ByteWriter': [['WriteByte', 'func(byte) error']],
  'io.StringWriter': [['WriteString', 'func(string) (int, error)']],
  'io.ReadCloser': [
    ['Read', 'func([]byte) (int, error)'],
    ['Close', 'func() error']
  ],
  'io.WriteCloser': [
    ['Write', 'func([]byte) (int, error)'],
    ['Close', 'func() error']
  ],
  'io.ReadWriter': [
    ['Read', 'func([]byte) (int, error)'],
    ['Write', 'func([]byte) (int, error)']
  ],
  'io.ReadWriteCloser': [
    ['Read', 'func([]byte) (int, error)'],
    ['Write', 'func([]byte) (int, error)'],
    ['Close', 'func() error']
  ],
  'sort.Interface': [
    ['Len', 'func() int'],
    ['Less', 'func(int, int) bool'],
    ['Swap', 'func(int, int)']
  ],
  'context.Context': [
    ['Deadline', 'func() (time.Time, bool)'],
    ['Done', 'func() <-chan struct{}'],
    ['Err', 'func() error'],
    ['Value', 'func(any) any']
  ],
  'encoding.TextMarshaler': [['MarshalText', 'func() ([]byte, error)']],
  'encoding.TextUnmarshaler': [['UnmarshalText', 'func([]byte) error']],
  'encoding.BinaryMarshaler': [['MarshalBinary', 'func() ([]byte, error)']],
  'encoding.BinaryUnmarshaler': [['UnmarshalBinary', 'func([]byte) error']],
  'encoding/json.Marshaler': [['MarshalJSON', 'func() ([]byte, error)']],
  'encoding/json.Unmarshaler': [['UnmarshalJSON', 'func([]byte) error']]
};

/** goimports' guess of the package name an import path declares: the last element (the one before
 * a `/vN` suffix), without a `go-` prefix, cut at the first character that cannot be in a name
 * (`yaml` for gopkg.in/yaml.v3, `cmp` for github.com/google/go-cmp). */
export function assumedPackageName(path: string): string {
  const elems = path.split('/');
  let base = elems[elems.length - 1];
  if (/^v[0-9]+$/.test(base) && elems.length > 1) base = elems[elems.length - 2];
  base = base.replace(/^go-/, '');
  const cut = /[^\p{L}\p{N}_]/u.exec(base);
  return cut ? base.slice(0, cut.index) : base;
}

// ---------------------------------------------------------------------------------------------

class Differ {
  readonly changes: ApiChange[] = [];

  constructor(
    private readonly modulePath: string,
    private readonly options: CompareOptions
  ) {}

  add(
    severity: ChangeSeverity,
    subject: string,
    message: string,
    pos: ApiPosition,
    side: 'old' | 'new'
  ): void {
    this.changes.push({ severity, subject, message, pos, side });
  }

  comparePackages(oldPkg: PackageApi, newPkg: PackageApi): void {
    const dir = newPkg.dir;
    for (const name of sortedNames(oldPkg.objects, newPkg.objects)) {
      const o = oldPkg.objects.get(name);
      const n = newPkg.objects.get(name);
      if (o !== undefined && !isExported(o.name)) continue;
      if (n === undefined) {
        if (o) this.add('breaking', subjectOf(dir, name), `${o.kind} ${name} removed`, o.pos, 'old');
      } else if (o === undefined) {
        if (isExported(n.name))
          this.add('compatible', subjectOf(dir, name), `${n.kind} ${name} added`, n.pos, 'new');
      } else {
        const before = this.breakingCount();
        this.compareObjects(dir, o, n, oldPkg, newPkg);
        // A declaration already reported as breaking needs no further warning about its dependencies.
        if (this.breakingCount() === before) this.checkDependencies(dir, n);
      }
    }
    this.compareImplementations(dir, oldPkg, newPkg);
  }

  /**
   * apidiff's `no longer implements`: a type of the package whose method set (or its pointer's) held
   * every method of an interface of the package no longer does, while the interface is unchanged (a
   * changed interface is reported itself). Interfaces whose whole method set the source does not show
   * (embedded interfaces of other modules, unexported methods) are left out.
   */
  private compareImplementations(dir: string, oldPkg: PackageApi, newPkg: PackageApi): void {
    const interfaces = [...oldPkg.objects.values()].filter(isCheckableInterface);
    if (interfaces.length === 0) return;
    for (const old of oldPkg.objects.values()) {
      const now = newPkg.objects.get(old.name);
      if (!isMethodSetOwner(old) || !isMethodSetOwner(now)) continue;
      // Each type's method set is built once, not once per interface.
      const o = methodSetOf(old);
      const n = methodSetOf(now);
      for (const oi of interfaces) {
        const ni = newPkg.objects.get(oi.name);
        if (
          !isCheckableInterface(ni) ||
          methodSetKey(oi.underlying.methods) !== methodSetKey(ni.underlying.methods)
        )
          continue;
        const wanted = oi.underlying.methods;
        const holder = implementsWith(o, wanted, false)
          ? old.name
          : implementsWith(o, wanted, true)
            ? `*${old.name}`
            : undefined;
        if (holder === undefined || implementsWith(n, wanted, holder.startsWith('*'))) continue;
        this.add(
          'breaking',
          subjectOf(dir, old.name),
          `${holder} no longer implements ${oi.name}`,
          now.pos,
          'new'
        );
      }
    }
  }

  private breakingCount(): number {
    return this.changes.filter(c => c.severity === 'breaking').length;
  }

  private compareObjects(
    dir: string,
    o: ApiObject,
    n: ApiObject,
    oldPkg: PackageApi,
    newPkg: PackageApi
  ): void {
    const subject = subjectOf(dir, o.name);
    const name = o.name;
    if (o.kind === 'const' && n.kind === 'const') return this.compareConsts(subject, o, n);
    if (o.kind === 'var' && n.kind === 'var')
      return this.compareVarTypes(subject, `var ${name}`, o.type, n.type, n.pos);
    if (o.kind === 'func' && n.kind === 'func') {
      if (!sameTypeParams(o.typeParams, n.typeParams)) {
        const msg = `func ${name} changed type parameters from ${typeParamsText(o.typeParams)} to ${typeParamsText(n.typeParams)}`;
        this.add('breaking', subject, msg, n.pos, 'new');
      }
      if (key(o.signature, renamingOf(o.typeParams)) !== key(n.signature, renamingOf(n.typeParams))) {
        this.add(
          'breaking',
          subject,
          `func ${name} changed from ${o.signature} to ${n.signature}`,
          n.pos,
          'new'
        );
      }
      return;
    }
    if (o.kind === 'type' && n.kind === 'type') return this.compareTypes(dir, o, n, oldPkg, newPkg);
    if (o.kind === 'func' && n.kind === 'var') {
      // Calls still compile: apidiff counts turning a func into a var of the same type as compatible.
      this.add('compatible', subject, `${name} changed from func to var`, n.pos, 'new');
      if (o.typeParams.length > 0) {
        const msg = `${name} changed from a generic func ${typeParamsText(o.typeParams)} to a var, which cannot be instantiated`;
        this.add('breaking', subject, msg, n.pos, 'new');
        return;
      }
      return this.compareVarTypes(subject, `var ${name}`, o.signature, n.type, n.pos);
    }
    this.add('breaking', subject, `${name} changed from ${o.kind} to ${n.kind}`, n.pos, 'new');
  }

  private compareConsts(
    subject: string,
    o: Extract<ApiObject, { kind: 'const' }>,
    n: Extract<ApiObject, { kind: 'const' }>
  ): void {
    const what = `const ${o.name}`;
    if (o.type !== undefined && n.type !== undefined) {
      if (key(o.type) !== key(n.type)) {
        this.add('breaking', subject, `${what} changed from ${o.type} to ${n.type}`, n.pos, 'new');
        return;
      }
    } else if (o.type !== undefined || n.type !== undefined) {
      // One side has no written type: a plain literal makes it an untyped constant (a real type
      // change); an expression may well have the same type as the other side.
      const untyped = o.type === undefined ? o : n;
      const from = o.type ?? `untyped ${o.value ?? 'constant'}`;
      const to = n.type ?? `untyped ${n.value ?? 'constant'}`;
      if (isPlainLiteral(untyped.value)) {
        this.add('breaking', subject, `${what} changed from ${from} to ${to}`, n.pos, 'new');
      } else {
        const msg = `${what} changed from ${o.type ?? `a type inferred from ${o.value ?? 'its value'}`} to ${n.type ?? `a type inferred from ${n.value ?? 'its value'}`}`;
        this.add('possibly-breaking', subject, msg, n.pos, 'new');
      }
      return;
    }
    if (o.value !== undefined && n.value !== undefined && constantKey(o.value) !== constantKey(n.value)) {
      this.add('breaking', subject, `${what} value changed from ${o.value} to ${n.value}`, n.pos, 'new');
    }
  }

  private compareVarTypes(
    subject: string,
    what: string,
    oldType: string | undefined,
    newType: string | undefined,
    pos: ApiPosition
  ): void {
    if (oldType !== undefined && newType !== undefined) {
      if (key(oldType) !== key(newType))
        this.add('breaking', subject, `${what} changed from ${oldType} to ${newType}`, pos, 'new');
    } else if (oldType !== undefined || newType !== undefined) {
      const msg = `${what} changed from ${oldType ?? 'a type inferred from its value'} to ${newType ?? 'a type inferred from its value'}`;
      this.add('possibly-breaking', subject, msg, pos, 'new');
    }
    // Both inferred: nothing in the source says the type changed.
  }

  private compareTypes(
    dir: string,
    o: Extract<ApiObject, { kind: 'type' }>,
    n: Extract<ApiObject, { kind: 'type' }>,
    oldPkg: PackageApi,
    newPkg: PackageApi
  ): void {
    const subject = subjectOf(dir, o.name);
    const what = `type ${o.name}`;
    if (o.alias !== n.alias) {
      const describe = (t: typeof o) => (t.alias ? `an alias of ${t.text}` : `a defined type (${t.text})`);
      this.add('breaking', subject, `${what} changed from ${describe(o)} to ${describe(n)}`, n.pos, 'new');
      return;
    }
    if (!sameTypeParams(o.typeParams, n.typeParams)) {
      const msg = `${what} changed type parameters from ${typeParamsText(o.typeParams)} to ${typeParamsText(n.typeParams)}`;
      this.add('breaking', subject, msg, n.pos, 'new');
    }
    const ro = renamingOf(o.typeParams);
    const rn = renamingOf(n.typeParams);
    if (o.alias) {
      if (key(o.text, ro) !== key(n.text, rn)) {
        this.add('breaking', subject, `${what} changed from = ${o.text} to = ${n.text}`, n.pos, 'new');
      }
      return;
    }
    const ou = o.underlying;
    const nu = n.underlying;
    if (ou.kind !== nu.kind) {
      const describe = (t: typeof o) =>
        t.underlying.kind === 'other' ? t.underlying.text : t.underlying.kind;
      this.add('breaking', subject, `${what} changed from ${describe(o)} to ${describe(n)}`, n.pos, 'new');
      return; // apidiff does not compare the method sets of types of different kinds
    }
    if (ou.kind === 'struct' && nu.kind === 'struct') {
      this.compareStructs(dir, o, n, ou, nu, oldPkg, newPkg);
    } else if (ou.kind === 'interface' && nu.kind === 'interface') {
      this.compareInterfaces(dir, o, n, ou, nu);
      return; // methods cannot be declared on an interface type
    } else if (ou.kind === 'other' && nu.kind === 'other') {
      this.compareOthers(subject, what, ou.text, nu.text, ro, rn, n.pos);
    }
    this.compareMethods(
      dir,
      o.name,
      withPromoted(o.methods, o.promoted?.methods),
      withPromoted(n.methods, n.promoted?.methods),
      ro,
      rn
    );
  }

  private compareOthers(
    subject: string,
    what: string,
    oldText: string,
    newText: string,
    ro: Renaming,
    rn: Renaming,
    pos: ApiPosition
  ): void {
    if (key(oldText, ro) === key(newText, rn)) return;
    const oc = parseChan(key(oldText, ro));
    const nc = parseChan(key(newText, rn));
    if (oc && nc && oc.elem === nc.elem) {
      if (nc.dir === 'both') {
        this.add(
          'compatible',
          subject,
          `${what} removed direction (from ${oldText} to ${newText})`,
          pos,
          'new'
        );
      } else {
        this.add('breaking', subject, `${what} changed direction from ${oldText} to ${newText}`, pos, 'new');
      }
      return;
    }
    if (isBasicWidening(key(oldText), key(newText))) {
      this.add('compatible', subject, `${what} changed from ${oldText} to ${newText}`, pos, 'new');
      return;
    }
    this.add('breaking', subject, `${what} changed from ${oldText} to ${newText}`, pos, 'new');
  }

  private compareStructs(
    dir: string,
    o: Extract<ApiObject, { kind: 'type' }>,
    n: Extract<ApiObject, { kind: 'type' }>,
    ou: Extract<Underlying, { kind: 'struct' }>,
    nu: Extract<Underlying, { kind: 'struct' }>,
    oldPkg: PackageApi,
    newPkg: PackageApi
  ): void {
    const ro = renamingOf(o.typeParams);
    const rn = renamingOf(n.typeParams);
    // Selectable fields: the struct's own, and those promoted from embedded types of the package.
    const oldFields = byName(withPromoted(ou.fields, o.promoted?.fields), true);
    const newFields = byName(withPromoted(nu.fields, n.promoted?.fields), true);
    const fieldWord = (f: Field) =>
      `${f.embedded ? 'embedded field' : 'field'}${f.via ? ` (promoted through ${f.via})` : ''}`;
    for (const name of sortedNames(oldFields, newFields)) {
      const of = oldFields.get(name);
      const nf = newFields.get(name);
      const subject = subjectOf(dir, o.name, name);
      if (nf === undefined) {
        if (of) this.add('breaking', subject, `${fieldWord(of)} ${o.name}.${name} removed`, of.pos, 'old');
      } else if (of === undefined) {
        this.add('compatible', subject, `${fieldWord(nf)} ${o.name}.${name} added`, nf.pos, 'new');
      } else if (key(of.type, ro) !== key(nf.type, rn)) {
        this.add(
          'breaking',
          subject,
          `${fieldWord(of)} ${o.name}.${name} changed from ${of.type} to ${nf.type}`,
          nf.pos,
          'new'
        );
      } else if (of.embedded && !nf.embedded) {
        // The fields and methods it promoted are gone from the struct.
        this.add('breaking', subject, `field ${o.name}.${name} is no longer embedded`, nf.pos, 'new');
      }
    }
    const before = underlyingComparability(ou, oldPkg, ro, new Set([o.name]));
    const after = underlyingComparability(nu, newPkg, rn, new Set([n.name]));
    const subject = subjectOf(dir, o.name);
    if (after === 'no' && before === 'yes') {
      this.add(
        'breaking',
        subject,
        `type ${o.name} is no longer comparable (old is comparable, new is not)`,
        n.pos,
        'new'
      );
    } else if (after === 'no' && before === 'unknown') {
      const msg = `type ${o.name} may no longer be comparable: a field of a non-comparable type was added or changed, and whether the old struct was comparable depends on fields the source does not show`;
      this.add('possibly-breaking', subject, msg, n.pos, 'new');
    }
  }

  private compareInterfaces(
    dir: string,
    o: Extract<ApiObject, { kind: 'type' }>,
    n: Extract<ApiObject, { kind: 'type' }>,
    ou: Extract<Underlying, { kind: 'interface' }>,
    nu: Extract<Underlying, { kind: 'interface' }>
  ): void {
    const subject = subjectOf(dir, o.name);
    const what = `interface ${o.name}`;
    const ro = renamingOf(o.typeParams);
    const rn = renamingOf(n.typeParams);
    const isConstraint = (u: typeof ou) => u.typeSet || u.embeds.some(e => key(e) === 'comparable');
    if (isConstraint(ou) || isConstraint(nu)) {
      // A constraint's type set is its terms and embeds: adding a term lets in types that generic code
      // written against it cannot handle, removing one rejects type arguments that used to work.
      const terms = (u: typeof ou, r: Renaming) =>
        u.embeds
          .map(e => key(e, r))
          .sort(compareGoStrings)
          .join(';');
      const typeSetChanged =
        isConstraint(ou) !== isConstraint(nu) ||
        terms(ou, ro) !== terms(nu, rn) ||
        key(o.text, ro) !== key(n.text, rn);
      if (typeSetChanged) {
        const show = (t: typeof o, u: typeof ou) =>
          u.embeds.length > 0 ? `interface{ ${u.embeds.join('; ')} }` : t.text;
        this.add(
          'breaking',
          subject,
          `${what} changed type set from ${show(o, ou)} to ${show(n, nu)}`,
          n.pos,
          'new'
        );
      }
    }

    const oldSide = this.interfaceMethods(ou, o.pos, 'old');
    const newSide = this.interfaceMethods(nu, n.pos, 'new');
    const gainedEmbeds = [...newSide.unknownEmbeds.keys()].filter(e => !oldSide.unknownEmbeds.has(e));
    const lostEmbeds = [...oldSide.unknownEmbeds.keys()].filter(e => !newSide.unknownEmbeds.has(e));
    const implementable = !ou.hasUnexportedMethods;

    for (const name of sortedNames(oldSide.methods, newSide.methods)) {
      const om = oldSide.methods.get(name);
      const nm = newSide.methods.get(name);
      const msubject = subjectOf(dir, o.name, name);
      if (nm === undefined) {
        if (!om) continue;
        if (gainedEmbeds.length > 0) {
          const msg = `method ${o.name}.${name} removed, unless it now comes from embedded ${gainedEmbeds.join(', ')}`;
          this.add('possibly-breaking', msubject, msg, om.pos, 'old');
        } else {
          this.add('breaking', msubject, `method ${o.name}.${name} removed`, om.pos, 'old');
        }
      } else if (om === undefined) {
        if (!implementable) {
          this.add('compatible', msubject, `method ${o.name}.${name} added`, nm.pos, 'new');
        } else if (lostEmbeds.length > 0) {
          const msg = `method ${o.name}.${name} added, unless it came from formerly embedded ${lostEmbeds.join(', ')}: types outside the package that implement ${o.name} would no longer do`;
          this.add('possibly-breaking', msubject, msg, nm.pos, 'new');
        } else {
          const msg = `method ${o.name}.${name} added: types outside the package that implement ${o.name} no longer do`;
          this.add('breaking', msubject, msg, nm.pos, 'new');
        }
      } else if (key(om.signature, ro) !== key(nm.signature, rn)) {
        this.add(
          'breaking',
          msubject,
          `method ${o.name}.${name} changed from ${om.signature} to ${nm.signature}`,
          nm.pos,
          'new'
        );
      }
    }
    if (implementable && nu.hasUnexportedMethods) {
      const msg = `${what} added unexported method: types outside the package can no longer implement it`;
      this.add('breaking', subject, msg, n.pos, 'new');
    }
    if (isConstraint(ou) || isConstraint(nu)) return; // embeds were compared as the type set
    for (const e of lostEmbeds) {
      const msg = `${what} no longer embeds ${oldSide.unknownEmbeds.get(e)}: the methods it provided may be gone`;
      this.add('possibly-breaking', subject, msg, n.pos, 'new');
    }
    for (const e of gainedEmbeds) {
      const shown = newSide.unknownEmbeds.get(e);
      if (!implementable) {
        this.add('compatible', subject, `${what} now embeds ${shown}`, n.pos, 'new');
      } else {
        const msg = `${what} now embeds ${shown}: if that brings methods ${o.name} did not have, types outside the package that implement ${o.name} no longer do`;
        this.add('possibly-breaking', subject, msg, n.pos, 'new');
      }
    }
  }

  /** An interface's exported methods, with embedded well-known interfaces expanded; the embeds whose
   * methods are unknown are returned by key, with their text. */
  private interfaceMethods(
    u: Extract<Underlying, { kind: 'interface' }>,
    pos: ApiPosition,
    side: 'old' | 'new'
  ): { methods: Map<string, Method>; unknownEmbeds: Map<string, string> } {
    const methods = byName(u.methods, true);
    const unknownEmbeds = new Map<string, string>();
    for (const embed of u.embeds) {
      const known = KNOWN_INTERFACES[this.knownInterfaceName(key(embed), pos, side)];
      if (known === undefined) {
        unknownEmbeds.set(key(embed), embed);
        continue;
      }
      for (const [name, signature] of known)
        if (!methods.has(name)) methods.set(name, { name, signature, pos });
    }
    return { methods, unknownEmbeds };
  }

  // `io.Reader` stays `io.Reader` when the file imports "io" under that name; `json.Marshaler`
  // becomes `encoding/json.Marshaler`. Without a resolver, the usual package names are assumed.
  private knownInterfaceName(text: string, pos: ApiPosition, side: 'old' | 'new'): string {
    const m = new RegExp(`^(${IDENT})\\.(${IDENT})$`, 'u').exec(text);
    if (!m) return text;
    const resolved = this.options.resolveQualifier?.(m[1], pos, side);
    if (resolved !== undefined) return `${resolved}.${m[2]}`;
    return m[1] === 'json' ? `encoding/json.${m[2]}` : text;
  }

  private compareMethods(
    dir: string,
    typeName: string,
    oldMethods: readonly Method[],
    newMethods: readonly Method[],
    ro: Renaming,
    rn: Renaming
  ): void {
    const om = byName(oldMethods, true);
    const nm = byName(newMethods, true);
    for (const name of sortedNames(om, nm)) {
      const a = om.get(name);
      const b = nm.get(name);
      const subject = subjectOf(dir, typeName, name);
      const what = (m: Method) => `method ${typeName}.${name}${m.via ? ` (promoted through ${m.via})` : ''}`;
      if (b === undefined) {
        if (a) this.add('breaking', subject, `${what(a)} removed`, a.pos, 'old');
      } else if (a === undefined) {
        this.add('compatible', subject, `${what(b)} added`, b.pos, 'new');
      } else if (key(a.signature, ro) !== key(b.signature, rn)) {
        this.add(
          'breaking',
          subject,
          `${what(b)} changed from ${a.signature} to ${b.signature}`,
          b.pos,
          'new'
        );
      } else if (!a.pointer && b.pointer) {
        // Values of the type lose the method: calls on values and interface satisfaction break.
        const msg = `${what(b)} moved to a pointer receiver: a ${typeName} value no longer has it, only *${typeName} does`;
        this.add('breaking', subject, msg, b.pos, 'new');
      } else if (a.pointer && !b.pointer) {
        this.add(
          'compatible',
          subject,
          `${what(b)} is now in the method set of ${typeName} values too`,
          b.pos,
          'new'
        );
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Dependencies whose required version changed

  private checkDependencies(dir: string, obj: ApiObject): void {
    const deps = this.options.changedDependencies;
    if (deps === undefined || deps.size === 0) return;
    const found = new Map<string, Set<string>>(); // dependency path -> qualified names used
    for (const text of mentionedTexts(obj)) {
      for (const m of text.matchAll(QUALIFIED)) {
        const dep = this.dependencyOf(m[1], obj.pos, deps);
        if (dep === undefined) continue;
        const names = found.get(dep) ?? new Set<string>();
        names.add(`${m[1]}.${m[2]}`);
        found.set(dep, names);
      }
    }
    if (found.size === 0) return;
    const parts = [...found.keys()]
      .sort(compareGoStrings)
      .map(dep => `${[...(found.get(dep) as Set<string>)].sort(compareGoStrings).join(', ')} from ${dep}`);
    const what = parts.join('; ');
    const plural = found.size > 1 ? 'whose required versions changed' : 'whose required version changed';
    const msg = `${obj.kind} ${obj.name} uses ${what}, ${plural}: what changed there can break users of ${obj.name}`;
    this.add('possibly-breaking', subjectOf(dir, obj.name), msg, obj.pos, 'new');
  }

  /** The changed dependency (as listed) that a qualifier refers to, if any. */
  private dependencyOf(qualifier: string, pos: ApiPosition, deps: ReadonlySet<string>): string | undefined {
    const resolved = this.options.resolveQualifier?.(qualifier, pos, 'new');
    const sorted = [...deps].sort(compareGoStrings);
    if (resolved !== undefined) {
      if (resolved === this.modulePath || resolved.startsWith(this.modulePath + '/')) return undefined;
      return sorted.find(dep => resolved === dep || resolved.startsWith(dep + '/'));
    }
    return sorted.find(dep => assumedPackageName(dep) === qualifier);
  }
}

/** Every type text of a declaration (and of its fields and methods) that may name another package. */
function mentionedTexts(obj: ApiObject): string[] {
  switch (obj.kind) {
    case 'const':
      return [obj.type ?? '', obj.value ?? ''];
    case 'var':
      return [obj.type ?? ''];
    case 'func':
      return [obj.signature, ...obj.typeParams.map(p => p.constraint)];
    case 'type': {
      const u = obj.underlying;
      const inner =
        u.kind === 'struct'
          ? u.fields.filter(f => isExported(f.name) || f.embedded).map(f => f.type)
          : u.kind === 'interface'
            ? [...u.methods.map(m => m.signature), ...u.embeds]
            : [u.text];
      return [
        obj.text,
        ...inner,
        ...obj.methods.filter(m => isExported(m.name)).map(m => m.signature),
        ...obj.typeParams.map(p => p.constraint)
      ];
    }
  }
}

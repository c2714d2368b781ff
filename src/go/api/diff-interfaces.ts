// Changes to interface types: methods added (breaking: implementations stop compiling), removed or
// changed, embedded interfaces, and type sets; embedded standard interfaces read as their methods.

import { IDENT, key, renamingOf, type Renaming } from './diff-keys.js';
import { compareGoStrings } from '../module/version.js';
import { byName, Differ, sortedNames, subjectOf } from './diff-state.js';
import type { ApiObject, ApiPosition, Method, Underlying } from './model.js';

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

export function compareInterfaces(
  d: Differ,
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
      d.add(
        'breaking',
        subject,
        `${what} changed type set from ${show(o, ou)} to ${show(n, nu)}`,
        n.pos,
        'new'
      );
    }
  }

  const oldSide = interfaceMethods(d, ou, o.pos, 'old');
  const newSide = interfaceMethods(d, nu, n.pos, 'new');
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
        d.add('possibly-breaking', msubject, msg, om.pos, 'old');
      } else {
        d.add('breaking', msubject, `method ${o.name}.${name} removed`, om.pos, 'old');
      }
    } else if (om === undefined) {
      if (!implementable) {
        d.add('compatible', msubject, `method ${o.name}.${name} added`, nm.pos, 'new');
      } else if (lostEmbeds.length > 0) {
        const msg = `method ${o.name}.${name} added, unless it came from formerly embedded ${lostEmbeds.join(', ')}: types outside the package that implement ${o.name} would no longer do`;
        d.add('possibly-breaking', msubject, msg, nm.pos, 'new');
      } else {
        const msg = `method ${o.name}.${name} added: types outside the package that implement ${o.name} no longer do`;
        d.add('breaking', msubject, msg, nm.pos, 'new');
      }
    } else if (!d.sameType(om.signature, nm.signature, ro, rn)) {
      d.add(
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
    d.add('breaking', subject, msg, n.pos, 'new');
  }
  if (isConstraint(ou) || isConstraint(nu)) return; // embeds were compared as the type set
  for (const e of lostEmbeds) {
    const msg = `${what} no longer embeds ${oldSide.unknownEmbeds.get(e)}: the methods it provided may be gone`;
    d.add('possibly-breaking', subject, msg, n.pos, 'new');
  }
  for (const e of gainedEmbeds) {
    const shown = newSide.unknownEmbeds.get(e);
    if (!implementable) {
      d.add('compatible', subject, `${what} now embeds ${shown}`, n.pos, 'new');
    } else {
      const msg = `${what} now embeds ${shown}: if that brings methods ${o.name} did not have, types outside the package that implement ${o.name} no longer do`;
      d.add('possibly-breaking', subject, msg, n.pos, 'new');
    }
  }
}

/** An interface's exported methods, with embedded well-known interfaces expanded; the embeds whose
 * methods are unknown are returned by key, with their text. */
function interfaceMethods(
  d: Differ,
  u: Extract<Underlying, { kind: 'interface' }>,
  pos: ApiPosition,
  side: 'old' | 'new'
): { methods: Map<string, Method>; unknownEmbeds: Map<string, string> } {
  const methods = byName(u.methods, true);
  const unknownEmbeds = new Map<string, string>();
  for (const embed of u.embeds) {
    const known = KNOWN_INTERFACES[knownInterfaceName(d, key(embed), pos, side)];
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
function knownInterfaceName(d: Differ, text: string, pos: ApiPosition, side: 'old' | 'new'): string {
  const m = new RegExp(`^(${IDENT})\\.(${IDENT})$`, 'u').exec(text);
  if (!m) return text;
  const resolved = d.options.resolveQualifier?.(m[1], pos, side);
  if (resolved !== undefined) return `${resolved}.${m[2]}`;
  return m[1] === 'json' ? `encoding/json.${m[2]}` : text;
}

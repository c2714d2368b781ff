// The differ (src/go/api/diff.ts and its diff-*.ts parts): compareApis on hand-built APIs, per
// kind of change (packages, objects, types, structs, interfaces, methods, dependencies), and on
// extracted Go source.
import { describe, expect, test } from '@jest/globals';
import type {
  ApiChange,
  ApiObject,
  ApiPosition,
  Field,
  Method,
  ModuleApi,
  PackageApi,
  Promoted,
  TypeParam,
  Underlying
} from '../src/go/api/model.js';
import { extractModuleApi } from '../src/go/api/extract.js';
import {
  assumedPackageName,
  compareApis,
  summarizeChanges,
  type CompareOptions
} from '../src/go/api/diff.js';

// ---------------------------------------------------------------------------------------------
// Builders. Old declarations live in old.go, new ones in new.go, so that positions show the side.

const pos = (line = 1, file = 'x.go'): ApiPosition => ({ file, line, column: 1 });
const tp = (name: string, constraint = 'any'): TypeParam => ({ name, constraint });

const cnst = (name: string, type?: string, value?: string): ApiObject => ({
  kind: 'const',
  name,
  ...(type !== undefined ? { type } : {}),
  ...(value !== undefined ? { value } : {}),
  pos: pos()
});
const vr = (name: string, type?: string): ApiObject => ({
  kind: 'var',
  name,
  ...(type !== undefined ? { type } : {}),
  pos: pos()
});
const fn = (name: string, signature: string, typeParams: TypeParam[] = []): ApiObject => ({
  kind: 'func',
  name,
  typeParams,
  signature,
  pos: pos()
});
const field = (name: string, type: string, embedded = false): Field => ({
  name,
  type,
  embedded,
  pos: pos(5)
});
const method = (name: string, signature: string): Method => ({ name, signature, pos: pos(7) });
const struct = (fields: Field[], hasUnexportedFields = false): Underlying => ({
  kind: 'struct',
  fields,
  hasUnexportedFields
});
const iface = (
  methods: Method[],
  more: { embeds?: string[]; hasUnexportedMethods?: boolean; typeSet?: boolean } = {}
): Underlying => ({
  kind: 'interface',
  methods,
  embeds: more.embeds ?? [],
  hasUnexportedMethods: more.hasUnexportedMethods ?? false,
  typeSet: more.typeSet ?? false
});
const other = (text: string): Underlying => ({ kind: 'other', text });

function typ(
  name: string,
  underlying: Underlying,
  more: {
    alias?: boolean;
    typeParams?: TypeParam[];
    methods?: Method[];
    promoted?: Promoted;
    text?: string;
  } = {}
): ApiObject {
  const text =
    more.text ??
    (underlying.kind === 'other'
      ? underlying.text
      : underlying.kind === 'struct'
        ? 'struct{...}'
        : 'interface{...}');
  return {
    kind: 'type',
    name,
    alias: more.alias ?? false,
    typeParams: more.typeParams ?? [],
    text,
    underlying,
    methods: more.methods ?? [],
    ...(more.promoted ? { promoted: more.promoted } : {}),
    pos: pos()
  };
}
const alias = (name: string, target: string, typeParams: TypeParam[] = []): ApiObject =>
  typ(name, other(target), { alias: true, typeParams });

/** A copy of the object with every position moved into `file`. */
function place(obj: ApiObject, file: string): ApiObject {
  const at = (p: ApiPosition) => ({ ...p, file });
  if (obj.kind !== 'type') return { ...obj, pos: at(obj.pos) };
  const u = obj.underlying;
  const underlying: Underlying =
    u.kind === 'struct'
      ? { ...u, fields: u.fields.map(f => ({ ...f, pos: at(f.pos) })) }
      : u.kind === 'interface'
        ? { ...u, methods: u.methods.map(m => ({ ...m, pos: at(m.pos) })) }
        : u;
  const moved = <T extends { pos: ApiPosition }>(list: T[]) => list.map(x => ({ ...x, pos: at(x.pos) }));
  return {
    ...obj,
    pos: at(obj.pos),
    underlying,
    methods: moved(obj.methods),
    ...(obj.promoted
      ? { promoted: { methods: moved(obj.promoted.methods), fields: moved(obj.promoted.fields) } }
      : {})
  };
}

function pkg(dir: string, objects: ApiObject[], file: string, name = 'm'): PackageApi {
  return {
    dir,
    name,
    objects: new Map(objects.map(o => [o.name, place(o, file)])),
    pos: { file: dir === '.' ? file : `${dir}/${file}`, line: 1, column: 1 }
  };
}

function moduleApi(packages: PackageApi[], modulePath = 'example.com/m'): ModuleApi {
  return { modulePath, packages: new Map(packages.map(p => [p.dir, p])) };
}

/** Changes between two versions of the root package. */
function diff(oldObjects: ApiObject[], newObjects: ApiObject[], options?: CompareOptions): ApiChange[] {
  return compareApis(
    moduleApi([pkg('.', oldObjects, 'old.go')]),
    moduleApi([pkg('.', newObjects, 'new.go')]),
    options
  );
}

/** The single change between two versions, as [severity, subject, message, side file]. */
function only(
  oldObjects: ApiObject[],
  newObjects: ApiObject[],
  options?: CompareOptions
): [string, string, string, string] {
  const changes = diff(oldObjects, newObjects, options);
  expect(changes.map(c => `${c.severity}: ${c.subject}: ${c.message}`)).toHaveLength(1);
  const [c] = changes;
  expect(c.pos.file).toBe(c.side === 'old' ? 'old.go' : 'new.go');
  return [c.severity, c.subject, c.message, c.side];
}

// ---------------------------------------------------------------------------------------------

describe('compareApis: packages', () => {
  test('a removed package is breaking, at the old package', () => {
    const changes = compareApis(
      moduleApi([pkg('.', [], 'a.go'), pkg('sub', [fn('F', 'func()')], 'a.go')]),
      moduleApi([pkg('.', [], 'a.go')])
    );
    expect(changes).toEqual([
      {
        severity: 'breaking',
        subject: 'sub',
        message: 'package example.com/m/sub removed',
        pos: { file: 'sub/a.go', line: 1, column: 1 },
        side: 'old'
      }
    ]);
  });

  test('an added package is compatible', () => {
    const changes = compareApis(
      moduleApi([pkg('.', [], 'a.go')]),
      moduleApi([pkg('.', [], 'a.go'), pkg('x/y', [], 'b.go')])
    );
    expect(changes.map(c => [c.severity, c.subject, c.message, c.side])).toEqual([
      ['compatible', 'x/y', 'package example.com/m/x/y added', 'new']
    ]);
  });

  test('internal and main packages are not API', () => {
    const changes = compareApis(
      moduleApi([
        pkg('.', [], 'a.go'),
        pkg('internal/x', [fn('F', 'func()')], 'a.go'),
        pkg('cmd/tool', [], 'a.go', 'main')
      ]),
      moduleApi([pkg('.', [], 'a.go')])
    );
    expect(changes).toEqual([]);
  });

  test('objects of a package in a subdirectory are named dir.Name', () => {
    const changes = compareApis(
      moduleApi([pkg('a/b', [fn('F', 'func()')], 'old.go')]),
      moduleApi([pkg('a/b', [], 'new.go')])
    );
    expect(changes.map(c => [c.subject, c.message, c.pos.file])).toEqual([
      ['a/b.F', 'func F removed', 'old.go']
    ]);
  });
});

describe('compareApis: objects', () => {
  test('identical APIs have no changes', () => {
    const objs = [
      cnst('A', 'int', '1'),
      vr('V', 'string'),
      fn('F', 'func(int) error'),
      typ('T', struct([field('X', 'int')]))
    ];
    expect(diff(objs, objs)).toEqual([]);
  });

  test('a removed object is breaking at its old position; an added one compatible', () => {
    expect(only([fn('Parse', 'func(string) error')], [])).toEqual([
      'breaking',
      'Parse',
      'func Parse removed',
      'old'
    ]);
    expect(only([], [typ('Config', struct([]))])).toEqual([
      'compatible',
      'Config',
      'type Config added',
      'new'
    ]);
  });

  test('a changed kind is breaking', () => {
    expect(only([cnst('X', 'int', '1')], [vr('X', 'int')])).toEqual([
      'breaking',
      'X',
      'X changed from const to var',
      'new'
    ]);
    expect(only([typ('T', other('int'))], [fn('T', 'func() int')])).toEqual([
      'breaking',
      'T',
      'T changed from type to func',
      'new'
    ]);
  });

  test('turning a func into a var of the same type is compatible', () => {
    expect(only([fn('Now', 'func() time.Time')], [vr('Now', 'func() time.Time')])).toEqual([
      'compatible',
      'Now',
      'Now changed from func to var',
      'new'
    ]);
  });

  test('turning a func into a var of another type is breaking', () => {
    const changes = diff([fn('Now', 'func() time.Time')], [vr('Now', 'func() int64')]);
    expect(changes.map(c => [c.severity, c.message])).toEqual([
      ['breaking', 'var Now changed from func() time.Time to func() int64'],
      ['compatible', 'Now changed from func to var']
    ]);
  });

  test('const: a changed type is breaking', () => {
    expect(only([cnst('Max', 'int', '10')], [cnst('Max', 'int64', '10')])).toEqual([
      'breaking',
      'Max',
      'const Max changed from int to int64',
      'new'
    ]);
  });

  test('const: a changed value is breaking; the same value written differently is not', () => {
    expect(only([cnst('Version', undefined, '1')], [cnst('Version', undefined, '2')])).toEqual([
      'breaking',
      'Version',
      'const Version value changed from 1 to 2',
      'new'
    ]);
    expect(only([cnst('Name', 'string', '"a"')], [cnst('Name', 'string', '"b"')])[2]).toBe(
      'const Name value changed from "a" to "b"'
    );
    expect(diff([cnst('Mask', 'uint8', '0x10')], [cnst('Mask', 'uint8', '1_6')])).toEqual([]);
    expect(diff([cnst('Mode', undefined, '0o755')], [cnst('Mode', undefined, '0755')])).toEqual([]);
  });

  test('const: an unknown value is not a change', () => {
    expect(diff([cnst('A', 'int')], [cnst('A', 'int', '3')])).toEqual([]);
  });

  test('const: a literal turning typed is breaking; an expression with an inferred type is only possibly breaking', () => {
    expect(only([cnst('N', undefined, '1')], [cnst('N', 'int', '1')])).toEqual([
      'breaking',
      'N',
      'const N changed from untyped 1 to int',
      'new'
    ]);
    expect(
      only([cnst('D', 'time.Duration', '5000000000')], [cnst('D', undefined, '5 * time.Second')])
    ).toEqual([
      'possibly-breaking',
      'D',
      'const D changed from time.Duration to a type inferred from 5 * time.Second',
      'new'
    ]);
  });

  test('var: a changed type is breaking', () => {
    expect(only([vr('Default', '*Config')], [vr('Default', 'Config')])).toEqual([
      'breaking',
      'Default',
      'var Default changed from *Config to Config',
      'new'
    ]);
  });

  test('var: a type that can no longer be read from source is possibly breaking', () => {
    expect(only([vr('Default', '*Config')], [vr('Default')])[0]).toBe('possibly-breaking');
    expect(diff([vr('Default')], [vr('Default')])).toEqual([]);
  });

  test('func: a changed signature is breaking', () => {
    expect(only([fn('Parse', 'func(string) error')], [fn('Parse', 'func(string, bool) error')])).toEqual([
      'breaking',
      'Parse',
      'func Parse changed from func(string) error to func(string, bool) error',
      'new'
    ]);
  });

  test('func: spacing and interface{} vs any are not changes', () => {
    expect(
      diff([fn('F', 'func(x interface{}) ( int,error )')], [fn('F', 'func(x any) (int, error)')])
    ).toEqual([]);
  });

  test('func: changed type parameters are breaking; renamed ones are not', () => {
    expect(
      only([fn('Map', 'func([]T) []T', [tp('T')])], [fn('Map', 'func([]T) []T', [tp('T', 'comparable')])])
    ).toEqual(['breaking', 'Map', 'func Map changed type parameters from [T any] to [T comparable]', 'new']);
    expect(
      diff(
        [fn('Map', 'func([]T, func(T) U) []U', [tp('T'), tp('U')])],
        [fn('Map', 'func([]A, func(A) B) []B', [tp('A'), tp('B')])]
      )
    ).toEqual([]);
    const added = diff(
      [fn('Keys', 'func(map[K]int) []K', [tp('K', 'comparable')])],
      [fn('Keys', 'func(map[K]V) []K', [tp('K', 'comparable'), tp('V')])]
    );
    expect(added.map(c => c.message)).toEqual([
      'func Keys changed from func(map[K]int) []K to func(map[K]V) []K',
      'func Keys changed type parameters from [K comparable] to [K comparable, V any]'
    ]);
  });

  test('constraints that mention type parameters compare by position', () => {
    const a = fn('F', 'func(S) E', [tp('S', '~[]E'), tp('E')]);
    const b = fn('F', 'func(L) X', [tp('L', '~[]X'), tp('X')]);
    expect(diff([a], [b])).toEqual([]);
  });
});

describe('compareApis: types', () => {
  test('alias to defined type (and back) is breaking', () => {
    expect(only([alias('ID', 'string')], [typ('ID', other('string'))])).toEqual([
      'breaking',
      'ID',
      'type ID changed from an alias of string to a defined type (string)',
      'new'
    ]);
    expect(only([typ('ID', other('string'))], [alias('ID', 'string')])[2]).toBe(
      'type ID changed from a defined type (string) to an alias of string'
    );
  });

  test('an alias whose target changed is breaking', () => {
    expect(only([alias('Node', 'yaml.Node')], [alias('Node', 'yaml.Document')])).toEqual([
      'breaking',
      'Node',
      'type Node changed from = yaml.Node to = yaml.Document',
      'new'
    ]);
  });

  test('an unchanged alias to a package whose version changed is possibly breaking, otherwise not', () => {
    const deps = new Set(['gopkg.in/yaml.v3']);
    expect(diff([alias('Node', 'yaml.Node')], [alias('Node', 'yaml.Node')])).toEqual([]);
    expect(
      diff([alias('Node', 'yaml.Node')], [alias('Node', 'yaml.Node')], {
        changedDependencies: new Set(['golang.org/x/text'])
      })
    ).toEqual([]);
    expect(
      only([alias('Node', 'yaml.Node')], [alias('Node', 'yaml.Node')], { changedDependencies: deps })
    ).toEqual([
      'possibly-breaking',
      'Node',
      'type Node uses yaml.Node from gopkg.in/yaml.v3, whose required version changed: what changed there can break users of Node',
      'new'
    ]);
  });

  test('changed type parameters of a type are breaking; renaming them is not', () => {
    const list = (params: TypeParam[], elem: string) =>
      typ('List', struct([field('Items', `[]${elem}`)]), {
        typeParams: params,
        methods: [method('Push', `func(${elem})`)]
      });
    expect(diff([list([tp('T')], 'T')], [list([tp('E')], 'E')])).toEqual([]);
    expect(only([list([tp('T')], 'T')], [list([tp('T', 'fmt.Stringer')], 'T')])).toEqual([
      'breaking',
      'List',
      'type List changed type parameters from [T any] to [T fmt.Stringer]',
      'new'
    ]);
    expect(only([list([tp('T')], 'T')], [list([tp('T'), tp('U')], 'T')])[2]).toBe(
      'type List changed type parameters from [T any] to [T any, U any]'
    );
  });

  test('a changed underlying kind is breaking', () => {
    expect(only([typ('T', struct([field('A', 'int')]))], [typ('T', iface([]))])).toEqual([
      'breaking',
      'T',
      'type T changed from struct to interface',
      'new'
    ]);
    expect(only([typ('T', other('[]string'))], [typ('T', struct([]))])[2]).toBe(
      'type T changed from []string to struct'
    );
  });

  test('other underlying text changed is breaking', () => {
    expect(
      only([typ('Handler', other('func(int) error'))], [typ('Handler', other('func(int64) error'))])
    ).toEqual([
      'breaking',
      'Handler',
      'type Handler changed from func(int) error to func(int64) error',
      'new'
    ]);
  });

  test('widening a basic underlying type is compatible, narrowing or changing it breaking', () => {
    expect(only([typ('Level', other('int8'))], [typ('Level', other('int32'))])).toEqual([
      'compatible',
      'Level',
      'type Level changed from int8 to int32',
      'new'
    ]);
    expect(only([typ('Level', other('byte'))], [typ('Level', other('uint64'))])[0]).toBe('compatible');
    expect(only([typ('Level', other('int64'))], [typ('Level', other('int'))])[0]).toBe('breaking');
    expect(only([typ('Level', other('uint8'))], [typ('Level', other('int16'))])[0]).toBe('breaking');
  });

  test('channel direction: adding one is breaking, removing one compatible', () => {
    expect(only([typ('C', other('chan int'))], [typ('C', other('<-chan int'))])).toEqual([
      'breaking',
      'C',
      'type C changed direction from chan int to <-chan int',
      'new'
    ]);
    expect(only([typ('C', other('chan int'))], [typ('C', other('chan<- int'))])[2]).toBe(
      'type C changed direction from chan int to chan<- int'
    );
    expect(only([typ('C', other('chan<- int'))], [typ('C', other('<-chan int'))])[0]).toBe('breaking');
    expect(only([typ('C', other('<-chan int'))], [typ('C', other('chan int'))])).toEqual([
      'compatible',
      'C',
      'type C removed direction (from <-chan int to chan int)',
      'new'
    ]);
    expect(only([typ('C', other('chan<- error'))], [typ('C', other('chan error'))])[0]).toBe('compatible');
    // A changed element type is a type change, whatever the direction.
    expect(only([typ('C', other('<-chan int'))], [typ('C', other('chan string'))])[2]).toBe(
      'type C changed from <-chan int to chan string'
    );
  });

  test('a changed channel direction of a var or func is a type change (breaking both ways)', () => {
    expect(only([vr('Events', '<-chan int')], [vr('Events', 'chan int')])[0]).toBe('breaking');
  });
});

describe('compareApis: structs', () => {
  const cfg = (...fields: Field[]) => typ('Config', struct(fields));

  test('a removed exported field is breaking, at the old field', () => {
    const changes = diff(
      [cfg(field('Name', 'string'), field('Port', 'int'))],
      [cfg(field('Name', 'string'))]
    );
    expect(changes).toEqual([
      {
        severity: 'breaking',
        subject: 'Config.Port',
        message: 'field Config.Port removed',
        pos: { file: 'old.go', line: 5, column: 1 },
        side: 'old'
      }
    ]);
  });

  test('a field whose type changed is breaking, at the new field', () => {
    const changes = diff([cfg(field('Port', 'int'))], [cfg(field('Port', 'string'))]);
    expect(changes.map(c => [c.severity, c.subject, c.message, c.pos.file, c.pos.line])).toEqual([
      ['breaking', 'Config.Port', 'field Config.Port changed from int to string', 'new.go', 5]
    ]);
  });

  test('an added field is compatible', () => {
    expect(
      only([cfg(field('Name', 'string'))], [cfg(field('Name', 'string'), field('Timeout', 'time.Duration'))])
    ).toEqual(['compatible', 'Config.Timeout', 'field Config.Timeout added', 'new']);
  });

  test('a removed embedded field is breaking', () => {
    expect(only([cfg(field('Base', '*Base', true))], [cfg()])).toEqual([
      'breaking',
      'Config.Base',
      'embedded field Config.Base removed',
      'old'
    ]);
  });

  test("a field of another package's type no longer embedded is breaking", () => {
    expect(only([cfg(field('Base', 'other.Base', true))], [cfg(field('Base', 'other.Base'))])[2]).toBe(
      'field Config.Base is no longer embedded: the fields and methods other.Base promoted are gone from Config'
    );
  });

  test("one of this package's type is compared by what it promoted (here nothing)", () => {
    expect(diff([cfg(field('Base', 'Base', true))], [cfg(field('Base', 'Base'))])).toEqual([]);
  });

  test('unexported fields do not matter', () => {
    expect(diff([cfg(field('name', 'string'))], [cfg(field('name', 'int'), field('other', 'bool'))])).toEqual(
      []
    );
  });

  test('a struct that stops being comparable is breaking; when that cannot be known, possibly breaking', () => {
    const changes = diff(
      [cfg(field('Name', 'string'))],
      [cfg(field('Name', 'string'), field('Tags', '[]string'))]
    );
    expect(changes.map(c => [c.severity, c.message])).toEqual([
      ['breaking', 'type Config is no longer comparable (old is comparable, new is not)'],
      ['compatible', 'field Config.Tags added']
    ]);
    const hidden = diff(
      [typ('Config', struct([field('Name', 'string')], true))],
      [typ('Config', struct([field('Name', 'string'), field('Hook', 'func()')], true))]
    );
    expect(hidden.map(c => c.severity)).toEqual(['possibly-breaking', 'compatible']);
    // Already not comparable: nothing more to say.
    expect(
      diff(
        [cfg(field('Tags', '[]string'))],
        [cfg(field('Tags', '[]string'), field('M', 'map[string]int'))]
      ).map(c => c.severity)
    ).toEqual(['compatible']);
  });

  test('comparability follows named types of the same package', () => {
    const inner = (t: string) => typ('Inner', struct([field('V', t)]));
    const changes = diff(
      [cfg(field('In', 'Inner')), inner('int')],
      [cfg(field('In', 'Inner')), inner('[]int')]
    );
    expect(changes.map(c => [c.subject, c.message])).toEqual([
      ['Config', 'type Config is no longer comparable (old is comparable, new is not)'],
      ['Inner', 'type Inner is no longer comparable (old is comparable, new is not)'],
      ['Inner.V', 'field Inner.V changed from int to []int']
    ]);
  });
});

describe('compareApis: interfaces', () => {
  const reader = (methods: Method[], more?: Parameters<typeof iface>[1]) =>
    typ('Reader', iface(methods, more));
  const read = method('Read', 'func([]byte) (int, error)');
  const close = method('Close', 'func() error');

  test('a method added to an interface users can implement is breaking', () => {
    expect(only([reader([read])], [reader([read, close])])).toEqual([
      'breaking',
      'Reader.Close',
      'method Reader.Close added: types outside the package that implement Reader no longer do',
      'new'
    ]);
  });

  test('a method added to an interface with unexported methods is compatible', () => {
    expect(
      only(
        [reader([read], { hasUnexportedMethods: true })],
        [reader([read, close], { hasUnexportedMethods: true })]
      )
    ).toEqual(['compatible', 'Reader.Close', 'method Reader.Close added', 'new']);
  });

  test('adding an unexported method is breaking', () => {
    expect(only([reader([read])], [reader([read], { hasUnexportedMethods: true })])).toEqual([
      'breaking',
      'Reader',
      'interface Reader added unexported method: types outside the package can no longer implement it',
      'new'
    ]);
  });

  test('a removed method is breaking (old position); a changed signature breaking (new position)', () => {
    expect(only([reader([read, close])], [reader([read])])).toEqual([
      'breaking',
      'Reader.Close',
      'method Reader.Close removed',
      'old'
    ]);
    expect(only([reader([read])], [reader([method('Read', 'func([]byte) int')])])).toEqual([
      'breaking',
      'Reader.Read',
      'method Reader.Read changed from func([]byte) (int, error) to func([]byte) int',
      'new'
    ]);
  });

  test('embedding a well-known interface is compared as its methods', () => {
    // The same method set, spelled as an embed: no change.
    expect(diff([reader([read, close])], [reader([read], { embeds: ['io.Closer'] })])).toEqual([]);
    // Embedding error adds Error(): breaking for an implementable interface.
    expect(only([reader([read])], [reader([read], { embeds: ['error'] })])[2]).toBe(
      'method Reader.Error added: types outside the package that implement Reader no longer do'
    );
    // With a resolver, a renamed import of io still resolves.
    const resolveQualifier = (q: string) => (q === 'stdio' ? 'io' : undefined);
    expect(
      diff([reader([read, close])], [reader([read], { embeds: ['stdio.Closer'] })], { resolveQualifier })
    ).toEqual([]);
  });

  test('an embed that cannot be resolved is possibly breaking', () => {
    expect(only([reader([read])], [reader([read], { embeds: ['proto.Message'] })])).toEqual([
      'possibly-breaking',
      'Reader',
      'interface Reader now embeds proto.Message: if that brings methods Reader did not have, types outside the package that implement Reader no longer do',
      'new'
    ]);
    expect(only([reader([read], { embeds: ['proto.Message'] })], [reader([read])])).toEqual([
      'possibly-breaking',
      'Reader',
      'interface Reader no longer embeds proto.Message: the methods it provided may be gone',
      'new'
    ]);
    // Not implementable outside: a new embed only adds.
    expect(
      only(
        [reader([read], { hasUnexportedMethods: true })],
        [reader([read], { embeds: ['proto.Message'], hasUnexportedMethods: true })]
      )[0]
    ).toBe('compatible');
  });

  test('a method moved into an unresolvable embed is possibly breaking, not breaking', () => {
    const changes = diff([reader([read, close])], [reader([read], { embeds: ['mypkg.Closer'] })]);
    expect(changes.map(c => [c.severity, c.subject])).toEqual([
      ['possibly-breaking', 'Reader'],
      ['possibly-breaking', 'Reader.Close']
    ]);
  });

  test('a constraint gaining or losing terms is breaking', () => {
    const number = (terms: string[]) =>
      typ('Number', iface([], { embeds: terms, typeSet: true }), {
        text: `interface{ ${terms.join(' | ')} }`
      });
    expect(diff([number(['~int | ~int64'])], [number(['~int | ~int64'])])).toEqual([]);
    expect(only([number(['~int | ~int64'])], [number(['~int | ~int64 | ~float64'])])).toEqual([
      'breaking',
      'Number',
      'interface Number changed type set from interface{ ~int | ~int64 } to interface{ ~int | ~int64 | ~float64 }',
      'new'
    ]);
    expect(only([number(['~int | ~int64'])], [number(['~int'])])[0]).toBe('breaking');
    // A constraint whose terms are only in its text.
    const texty = (text: string) => typ('Ordered', iface([], { typeSet: true }), { text });
    expect(only([texty('interface{ ~int | ~string }')], [texty('interface{ ~int }')])[2]).toBe(
      'interface Ordered changed type set from interface{ ~int | ~string } to interface{ ~int }'
    );
  });
});

describe('compareApis: methods of a type', () => {
  const t = (...methods: Method[]) => typ('Client', struct([]), { methods });

  test('removed is breaking at the old method, added compatible, changed breaking', () => {
    expect(diff([t(method('Close', 'func() error'))], [t()])).toEqual([
      {
        severity: 'breaking',
        subject: 'Client.Close',
        message: 'method Client.Close removed',
        pos: { file: 'old.go', line: 7, column: 1 },
        side: 'old'
      }
    ]);
    expect(only([t()], [t(method('Close', 'func() error'))])).toEqual([
      'compatible',
      'Client.Close',
      'method Client.Close added',
      'new'
    ]);
    expect(
      only(
        [t(method('Do', 'func(*Request) (*Response, error)'))],
        [t(method('Do', 'func(context.Context, *Request) (*Response, error)'))]
      )
    ).toEqual([
      'breaking',
      'Client.Do',
      'method Client.Do changed from func(*Request) (*Response, error) to func(context.Context, *Request) (*Response, error)',
      'new'
    ]);
  });
});

describe('compareApis: receivers, promoted members and implemented interfaces', () => {
  const ptr = (name: string, signature: string, via?: string): Method => ({
    ...method(name, signature),
    pointer: true,
    ...(via ? { via } : {})
  });
  const promotedFrom = (via: string, methods: Method[], fields: Field[] = []): Promoted => ({
    methods: methods.map(m => ({ ...m, via })),
    fields: fields.map(f => ({ ...f, via }))
  });
  const server = (methods: Method[], promoted?: Promoted) =>
    typ('Server', struct([field('Addr', 'string')]), { methods, ...(promoted ? { promoted } : {}) });
  const closer = typ('Closer', iface([method('Close', 'func() error')]));
  const close = method('Close', 'func() error');

  test('a method moved from a value to a pointer receiver is breaking; the other way is compatible', () => {
    expect(only([server([close])], [server([ptr('Close', 'func() error')])])).toEqual([
      'breaking',
      'Server.Close',
      'method Server.Close moved to a pointer receiver: a Server value no longer has it, only *Server does',
      'new'
    ]);
    expect(only([server([ptr('Close', 'func() error')])], [server([close])])).toEqual([
      'compatible',
      'Server.Close',
      'method Server.Close is now in the method set of Server values too',
      'new'
    ]);
  });

  test("a promoted method or field that goes away is breaking; one that becomes the type's own is no change", () => {
    const old = server([], promotedFrom('base', [close], [field('Timeout', 'time.Duration')]));
    expect(only([old], [server([], promotedFrom('base', [], [field('Timeout', 'time.Duration')]))])).toEqual([
      'breaking',
      'Server.Close',
      'method Server.Close (promoted through base) removed',
      'old'
    ]);
    expect(only([old], [server([], promotedFrom('base', [close]))])).toEqual([
      'breaking',
      'Server.Timeout',
      'field (promoted through base) Server.Timeout removed',
      'old'
    ]);
    const own = typ('Server', struct([field('Addr', 'string'), field('Timeout', 'time.Duration')]), {
      methods: [close]
    });
    expect(diff([old], [own])).toEqual([]);
  });

  test('a type of the package that no longer implements an interface of the package', () => {
    // Close moved to the pointer: Server values no longer implement Closer.
    expect(
      diff([closer, server([close])], [closer, server([ptr('Close', 'func() error')])]).map(c => c.message)
    ).toEqual([
      'Server no longer implements Closer',
      'method Server.Close moved to a pointer receiver: a Server value no longer has it, only *Server does'
    ]);
    // *Server implemented it through a promoted pointer method that is gone.
    const viaBase = (methods: Method[]) => server([], promotedFrom('base', methods));
    expect(
      diff([closer, viaBase([ptr('Close', 'func() error')])], [closer, viaBase([])]).map(c => c.message)
    ).toEqual(['*Server no longer implements Closer', 'method Server.Close (promoted through base) removed']);
    // A changed interface is reported itself, not once per type.
    const closer2 = typ('Closer', iface([method('Close', 'func(bool) error')]));
    expect(diff([closer, server([close])], [closer2, server([close])]).map(c => c.subject)).toEqual([
      'Closer.Close'
    ]);
    // An interface with methods the source does not show is not judged.
    const opaque = typ('Closer', iface([close], { embeds: ['io.Reader'] }));
    expect(diff([opaque, server([close])], [opaque, server([])]).map(c => c.message)).toEqual([
      'method Server.Close removed'
    ]);
  });
});

describe('compareApis: changed dependencies', () => {
  const deps = new Set(['gopkg.in/yaml.v3', 'github.com/google/go-cmp', 'k8s.io/api']);

  test('a declaration mentioning a changed dependency is possibly breaking, once, naming the package', () => {
    const decl = typ('Doc', struct([field('Root', '*yaml.Node'), field('Extra', 'yaml.Node')]), {
      methods: [method('Diff', 'func(cmp.Option) string')]
    });
    expect(only([decl], [decl], { changedDependencies: deps })).toEqual([
      'possibly-breaking',
      'Doc',
      'type Doc uses cmp.Option from github.com/google/go-cmp; yaml.Node from gopkg.in/yaml.v3, whose required versions changed: what changed there can break users of Doc',
      'new'
    ]);
  });

  test('funcs, vars and consts are checked too; unrelated qualifiers are not', () => {
    const objs = [
      fn('Load', 'func([]byte) (*yaml.Node, error)'),
      vr('Opt', 'cmp.Option'),
      cnst('K', 'yaml.Kind', 'yaml.ScalarNode'),
      fn('Now', 'func() time.Time')
    ];
    expect(diff(objs, objs, { changedDependencies: deps }).map(c => [c.severity, c.subject])).toEqual([
      ['possibly-breaking', 'K'],
      ['possibly-breaking', 'Load'],
      ['possibly-breaking', 'Opt']
    ]);
  });

  test('a resolver decides which import a qualifier means', () => {
    const decl = fn('Get', 'func() metav1.Object');
    const resolveQualifier = (q: string) => (q === 'metav1' ? 'k8s.io/api/meta/v1' : undefined);
    expect(diff([decl], [decl], { changedDependencies: deps })).toEqual([]);
    expect(only([decl], [decl], { changedDependencies: deps, resolveQualifier })[2]).toBe(
      'func Get uses metav1.Object from k8s.io/api, whose required version changed: what changed there can break users of Get'
    );
    // A resolver that says the qualifier is another package wins over the name guess.
    const other = fn('Load', 'func() yaml.Node');
    expect(
      diff([other], [other], { changedDependencies: deps, resolveQualifier: () => 'sigs.k8s.io/yaml' })
    ).toEqual([]);
  });

  test('a declaration already breaking gets no extra warning; added ones none at all', () => {
    expect(
      diff(
        [fn('Load', 'func() *yaml.Node')],
        [fn('Load', 'func() (*yaml.Node, error)'), fn('Save', 'func(*yaml.Node)')],
        {
          changedDependencies: deps
        }
      ).map(c => c.severity)
    ).toEqual(['breaking', 'compatible']);
  });

  test('assumedPackageName guesses as goimports does', () => {
    expect(assumedPackageName('gopkg.in/yaml.v3')).toBe('yaml');
    expect(assumedPackageName('github.com/google/go-cmp')).toBe('cmp');
    expect(assumedPackageName('github.com/go-chi/chi/v5')).toBe('chi');
    expect(assumedPackageName('github.com/mattn/go-sqlite3')).toBe('sqlite3');
    expect(assumedPackageName('example.com/some-lib')).toBe('some');
  });
});

describe('compareApis: order and summary', () => {
  test('changes are sorted by subject, and summarized', () => {
    const changes = diff(
      [fn('B', 'func()'), fn('A', 'func()'), typ('C', struct([field('X', 'int')]))],
      [fn('A', 'func(int)'), typ('C', struct([field('X', 'int'), field('Y', 'int')])), fn('D', 'func()')]
    );
    expect(changes.map(c => c.subject)).toEqual(['A', 'B', 'C.Y', 'D']);
    expect(summarizeChanges(changes)).toEqual({ breaking: 2, possiblyBreaking: 0, compatible: 2 });
    expect(summarizeChanges([])).toEqual({ breaking: 0, possiblyBreaking: 0, compatible: 0 });
  });
});

// ---------------------------------------------------------------------------------------------
// The whole pipeline: Go source -> extractor (src/go/api/extract.ts) -> compareApis.

describe('compareApis on extracted Go source', () => {
  // async: the cases were written when the extractor loaded a WASM grammar first.
  async function extract(source: string, side: string): Promise<ModuleApi> {
    const data = new TextEncoder().encode(source);
    return Promise.resolve(extractModuleApi('example.com/m', '.', [{ file: `${side}.go`, data }]));
  }

  async function goDiff(
    oldSrc: string,
    newSrc: string,
    options?: CompareOptions
  ): Promise<[string, string, string][]> {
    const changes = compareApis(
      await extract(`package m\n${oldSrc}`, 'old'),
      await extract(`package m\n${newSrc}`, 'new'),
      options
    );
    return changes.map(c => [c.severity, c.subject, c.message]);
  }

  const cases: [name: string, oldSrc: string, newSrc: string, expected: string[][] | 'iota'][] = [
    [
      'removed func',
      'func Parse(s string) error { return nil }',
      '',
      [['breaking', 'Parse', 'func Parse removed']]
    ],
    [
      'added func',
      '',
      'func Parse(s string) error { return nil }',
      [['compatible', 'Parse', 'func Parse added']]
    ],
    [
      'changed signature',
      'func Parse(s string) error { return nil }',
      'func Parse(s string, strict bool) error { return nil }',
      [['breaking', 'Parse', 'func Parse changed from func(string) error to func(string, bool) error']]
    ],
    ['const to var', 'const X = 1', 'var X = 1', [['breaking', 'X', 'X changed from const to var']]],
    ['const value', 'const X = 1', 'const X = 2', [['breaking', 'X', 'const X value changed from 1 to 2']]],
    ['var type', 'var V int', 'var V int64', [['breaking', 'V', 'var V changed from int to int64']]],
    [
      'field removed',
      'type T struct { A int; B string }',
      'type T struct { A int }',
      [['breaking', 'T.B', 'field T.B removed']]
    ],
    [
      'field added',
      'type T struct { A int }',
      'type T struct { A int; B int }',
      [['compatible', 'T.B', 'field T.B added']]
    ],
    [
      'interface method added',
      'type I interface { M() }',
      'type I interface { M(); N() }',
      [['breaking', 'I.N', 'method I.N added: types outside the package that implement I no longer do']]
    ],
    [
      'sealed interface method added',
      'type I interface { M(); m() }',
      'type I interface { M(); m(); N() }',
      [['compatible', 'I.N', 'method I.N added']]
    ],
    [
      'chan direction added',
      'type C chan int',
      'type C <-chan int',
      [['breaking', 'C', 'type C changed direction from chan int to <-chan int']]
    ],
    [
      'chan direction removed',
      'type C <-chan int',
      'type C chan int',
      [['compatible', 'C', 'type C removed direction (from <-chan int to chan int)']]
    ],
    [
      'type params',
      'func Map[T any](x []T) []T { return x }',
      'func Map[T comparable](x []T) []T { return x }',
      [['breaking', 'Map', 'func Map changed type parameters from [T any] to [T comparable]']]
    ],
    [
      'renamed type param',
      'func Map[T any](x []T) []T { return x }',
      'func Map[E any](x []E) []E { return x }',
      []
    ],
    [
      'method removed',
      'type T struct{}\nfunc (T) M() {}',
      'type T struct{}',
      [['breaking', 'T.M', 'method T.M removed']]
    ],
    [
      'method moved to a pointer receiver',
      'type T struct{}\nfunc (T) M() {}',
      'type T struct{}\nfunc (*T) M() {}',
      [
        [
          'breaking',
          'T.M',
          'method T.M moved to a pointer receiver: a T value no longer has it, only *T does'
        ]
      ]
    ],
    [
      'promoted method removed from an unexported embedded type',
      'type base struct{}\nfunc (base) Close() error { return nil }\ntype T struct{ base }',
      'type base struct{}\ntype T struct{ base }',
      [['breaking', 'T.Close', 'method T.Close (promoted through base) removed']]
    ],
    [
      'promoted field removed',
      'type base struct{ Timeout int }\ntype T struct{ *base }',
      'type base struct{ timeout int }\ntype T struct{ *base }',
      [['breaking', 'T.Timeout', 'field (promoted through base) T.Timeout removed']]
    ],
    [
      'promoted method hidden by a new field of the same name',
      'type base struct{}\nfunc (base) Name() string { return "" }\ntype T struct{ base }',
      'type base struct{}\nfunc (base) Name() string { return "" }\ntype T struct{ base; Name string }',
      [
        ['breaking', 'T.Name', 'method T.Name (promoted through base) removed'],
        ['compatible', 'T.Name', 'field T.Name added']
      ]
    ],
    [
      'no longer implements',
      'type Closer interface{ Close() error }\ntype File struct{}\nfunc (File) Close() error { return nil }',
      'type Closer interface{ Close() error }\ntype File struct{}\nfunc (File) Close(force bool) error { return nil }',
      [
        ['breaking', 'File', 'File no longer implements Closer'],
        ['breaking', 'File.Close', 'method File.Close changed from func() error to func(bool) error']
      ]
    ],
    [
      'alias to defined',
      'type A = string',
      'type A string',
      [['breaking', 'A', 'type A changed from an alias of string to a defined type (string)']]
    ],
    [
      'constraint term added',
      'type Number interface { ~int | ~int64 }',
      'type Number interface { ~int | ~int64 | ~float64 }',
      [
        [
          'breaking',
          'Number',
          'interface Number changed type set from interface{ ~int | ~int64 } to interface{ ~int | ~int64 | ~float64 }'
        ]
      ]
    ],
    [
      'method spelled as an embedded io.Closer',
      'import "io"\ntype RC interface { Read(p []byte) (n int, err error); Close() error }',
      'import "io"\ntype RC interface { Read(p []byte) (n int, err error); io.Closer }',
      []
    ],
    [
      'struct no longer comparable',
      'type K struct { A string }',
      'type K struct { A string; B []string }',
      [
        ['breaking', 'K', 'type K is no longer comparable (old is comparable, new is not)'],
        ['compatible', 'K.B', 'field K.B added']
      ]
    ],
    [
      'untyped const becomes typed',
      'const N = 1',
      'const N int = 1',
      [['breaking', 'N', 'const N changed from untyped 1 to int']]
    ],
    ['iota values shifted', 'const (\n\tA = iota\n\tB\n)', 'const (\n\tZ = iota\n\tA\n\tB\n)', 'iota']
  ];
  for (const [name, oldSrc, newSrc, expected] of cases) {
    test(name, async () => {
      if (expected === 'iota') {
        const changes = await goDiff(oldSrc, newSrc);
        expect(changes.filter(c => c[0] === 'breaking').map(c => c[1])).toEqual(['A', 'B']);
        return;
      }
      expect(await goDiff(oldSrc, newSrc)).toEqual(expected);
    });
  }

  test('a changed dependency makes an unchanged declaration possibly breaking', async () => {
    const src = 'import "gopkg.in/yaml.v3"\nfunc Load() *yaml.Node { return nil }';
    const changes = await goDiff(src, src, { changedDependencies: new Set(['gopkg.in/yaml.v3']) });
    expect(changes.map(c => c[0])).toEqual(['possibly-breaking']);
  });
});

describe('compareApis: dependencies attributed through the file imports', () => {
  const deps = new Set(['golang.org/x/net']);
  const imports: Record<string, Record<string, string>> = {
    'new.go': { net: 'net', http2: 'golang.org/x/net/http2' }
  };
  const importPathOf = (qualifier: string, file: string) =>
    imports[file] === undefined ? undefined : (imports[file][qualifier] ?? null);

  test('a standard-library package named like a dependency is not it; a dependency package is', () => {
    const objs = [vr('Addr', 'net.IP'), vr('S', 'http2.Setting'), vr('T', 'time.Duration')];
    const changes = diff(objs, objs, { changedDependencies: deps, importPathOf });
    expect(changes.map(c => [c.subject, c.dependencies])).toEqual([['S', ['golang.org/x/net']]]);
    // Without the imports, the guess from the path's last element takes net for golang.org/x/net.
    const guessed = diff(objs, objs, { changedDependencies: deps });
    expect(guessed.map(c => c.subject)).toEqual(['Addr']);
  });

  test('a constant value change carries both values', () => {
    const changes = diff([cnst('V', undefined, '"v1.0.0"')], [cnst('V', undefined, '"v1.0.1"')]);
    expect(changes.map(c => [c.severity, c.values])).toEqual([
      ['breaking', { old: '"v1.0.0"', new: '"v1.0.1"' }]
    ]);
  });
});

// The exported API of a Go module as read from source (no Go toolchain): the data that
// src/go/api/extract.ts extracts and src/go/api/diff.ts compares. Types are kept as normalized Go type text
// (`func(int, ...string) (map[string][]*T, error)`: no parameter names, single spaces, package
// qualifiers as written) plus the structure needed where compatibility depends on parts of a type.

/** Where a declaration is, in the tree it was read from (repository-relative file, 1-based). */
export interface ApiPosition {
  file: string;
  line: number;
  column: number;
}

export interface TypeParam {
  name: string;
  /** The constraint's normalized text (`any`, `comparable`, `~int | ~string`, `fmt.Stringer`). */
  constraint: string;
}

export interface Field {
  /** The field name; for an embedded field, the type's name (`T` for `*pkg.T`). */
  name: string;
  type: string;
  embedded: boolean;
  pos: ApiPosition;
  /** A promoted field: the embedded fields it is reached through (`base` or `base.inner`). */
  via?: string;
}

export interface Method {
  name: string;
  /** `func(int) error` */
  signature: string;
  pos: ApiPosition;
  /** Only in the method set of *T: declared on a pointer receiver (and, when promoted, reached through no embedded pointer). */
  pointer?: boolean;
  /** A promoted method: the embedded fields it is reached through (`base` or `base.inner`). */
  via?: string;
}

/**
 * What a struct type gets from the types it embeds that are declared in its module (its own
 * package, or another package read with it: their methods and exported fields, at the shallowest
 * depth, ambiguous names left out, as the spec's selector rules say; another package's texts are
 * qualified with its name). Embedded types of other modules cannot be looked inside from source.
 */
export interface Promoted {
  methods: Method[];
  fields: Field[];
}

/** The structure of a type's underlying type, where compatibility depends on its parts. */
export type Underlying =
  | {
      kind: 'struct';
      fields: Field[];
      hasUnexportedFields: boolean;
      /** The types of the unexported fields, when every field reads: they decide comparability too. */
      unexportedFieldTypes?: string[];
    }
  | {
      kind: 'interface';
      /** Exported methods, including those of embedded interfaces declared in the same module. */
      methods: Method[];
      /** Embedded types not resolved to an interface of the same module (kept as text). */
      embeds: string[];
      /** It has unexported methods (then nobody outside can implement it, and adding methods is fine). */
      hasUnexportedMethods: boolean;
      /** It has a type-set term (`~int | string`): a constraint, not a usable interface type. */
      typeSet: boolean;
    }
  | { kind: 'other'; text: string };

export type ApiObject =
  | { kind: 'const'; name: string; type?: string; value?: string; pos: ApiPosition }
  | { kind: 'var'; name: string; type?: string; pos: ApiPosition }
  | { kind: 'func'; name: string; typeParams: TypeParam[]; signature: string; pos: ApiPosition }
  | {
      kind: 'type';
      name: string;
      alias: boolean;
      typeParams: TypeParam[];
      /** The type expression as declared (`struct{...}` collapsed to its structure below). */
      text: string;
      underlying: Underlying;
      /** Exported methods declared on the type or its pointer, in this package. */
      methods: Method[];
      /** Members promoted from embedded types of the same package (struct types only). */
      promoted?: Promoted;
      pos: ApiPosition;
    };

export interface PackageApi {
  /** Directory relative to the module root, '.' for the root package. */
  dir: string;
  name: string;
  /** Exported objects by name. */
  objects: Map<string, ApiObject>;
  /** The unexported types the exported objects name, directly or through one another (absent: none). */
  unexported?: Map<string, ApiObject>;
  /** Where the package was read, for findings about the package itself. */
  pos: ApiPosition;
}

export interface ModuleApi {
  modulePath: string;
  /** Packages by module-relative directory. */
  packages: Map<string, PackageApi>;
  /**
   * When the API differs between platforms (build constraints): the platforms (`linux/amd64`) whose
   * API `packages` is, and the API of each other group of platforms. Absent: the same on all.
   */
  platforms?: string[];
  variants?: ModuleApi[];
}

export type ChangeSeverity = 'breaking' | 'possibly-breaking' | 'compatible';

export interface ApiChange {
  severity: ChangeSeverity;
  /** `pkg/dir.Name`, `pkg/dir.Type.Method`, `pkg/dir.Type.Field`, or the package dir. */
  subject: string;
  /** What changed, in apidiff's words: `removed`, `changed from X to Y`, `value changed from 1 to 2`, `added`, ... */
  message: string;
  /** Where to point: the changed declaration in the new tree, or the removed one in the old tree. */
  pos: ApiPosition;
  /** Which tree `pos` is in. */
  side: 'old' | 'new';
  /** A possibly-breaking change through moved dependencies: their module paths, sorted. */
  dependencies?: string[];
  /** A constant's value change: both values as written. */
  values?: { old: string; new: string };
  /** Found on these platforms only (the message names them); absent: on every platform compared. */
  platforms?: string[];
}

#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { accessSync, constants as constants$1, statSync, readFileSync, openSync, fstatSync, readSync, closeSync, writeFileSync, renameSync, readdirSync } from 'node:fs';
import 'string_decoder';
import * as os from 'os';
import * as events from 'events';
import * as child from 'child_process';
import * as path from 'path';
import 'assert';
import * as fs from 'fs';
import { setTimeout } from 'timers';
import { spawn } from 'node:child_process';

function getDefaultExportFromCjs (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

var re = {exports: {}};

var constants;
var hasRequiredConstants;

function requireConstants () {
	if (hasRequiredConstants) return constants;
	hasRequiredConstants = 1;

	// Note: this is the semver.org version of the spec that it implements
	// Not necessarily the package version of this code.
	const SEMVER_SPEC_VERSION = '2.0.0';

	const MAX_LENGTH = 256;
	const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
	/* istanbul ignore next */ 9007199254740991;

	// Max safe segment length for coercion.
	const MAX_SAFE_COMPONENT_LENGTH = 16;

	// Max safe length for a build identifier. The max length minus 6 characters for
	// the shortest version with a build 0.0.0+BUILD.
	const MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;

	// ECMAScript whitespace and line terminators matched by \s.
	const WHITESPACE_CHARACTERS = [
	  '\t',
	  '\n',
	  '\v',
	  '\f',
	  '\r',
	  ' ',
	  '\u00a0',
	  '\u1680',
	  '\u2000',
	  '\u2001',
	  '\u2002',
	  '\u2003',
	  '\u2004',
	  '\u2005',
	  '\u2006',
	  '\u2007',
	  '\u2008',
	  '\u2009',
	  '\u200a',
	  '\u2028',
	  '\u2029',
	  '\u202f',
	  '\u205f',
	  '\u3000',
	  '\ufeff',
	];

	const RELEASE_TYPES = [
	  'major',
	  'premajor',
	  'minor',
	  'preminor',
	  'patch',
	  'prepatch',
	  'prerelease',
	];

	constants = {
	  MAX_LENGTH,
	  MAX_SAFE_COMPONENT_LENGTH,
	  MAX_SAFE_BUILD_LENGTH,
	  MAX_SAFE_INTEGER,
	  WHITESPACE_CHARACTERS,
	  RELEASE_TYPES,
	  SEMVER_SPEC_VERSION,
	  FLAG_INCLUDE_PRERELEASE: 0b001,
	  FLAG_LOOSE: 0b010,
	};
	return constants;
}

var debug_1;
var hasRequiredDebug;

function requireDebug () {
	if (hasRequiredDebug) return debug_1;
	hasRequiredDebug = 1;

	const debug = (
	  typeof process === 'object' &&
	  process.env &&
	  process.env.NODE_DEBUG &&
	  /\bsemver\b/i.test(process.env.NODE_DEBUG)
	) ? (...args) => console.error('SEMVER', ...args)
	  : () => {};

	debug_1 = debug;
	return debug_1;
}

var hasRequiredRe;

function requireRe () {
	if (hasRequiredRe) return re.exports;
	hasRequiredRe = 1;
	(function (module, exports) {

		const {
		  MAX_SAFE_COMPONENT_LENGTH,
		  MAX_SAFE_BUILD_LENGTH,
		  MAX_LENGTH,
		} = requireConstants();
		const debug = requireDebug();
		exports = module.exports = {};

		// The actual regexps go on exports.re
		const re = exports.re = [];
		const safeRe = exports.safeRe = [];
		const src = exports.src = [];
		const safeSrc = exports.safeSrc = [];
		const t = exports.t = {};
		let R = 0;

		const LETTERDASHNUMBER = '[a-zA-Z0-9-]';

		// Replace some greedy regex tokens to prevent regex dos issues. These regex are
		// used internally via the safeRe object since all inputs in this library get
		// normalized first to trim and collapse all extra whitespace. The original
		// regexes are exported for userland consumption and lower level usage. A
		// future breaking change could export the safer regex only with a note that
		// all input should have extra whitespace removed.
		const safeRegexReplacements = [
		  ['\\s', 1],
		  ['\\d', MAX_LENGTH],
		  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
		];

		const makeSafeRegex = (value) => {
		  for (const [token, max] of safeRegexReplacements) {
		    value = value
		      .split(`${token}*`).join(`${token}{0,${max}}`)
		      .split(`${token}+`).join(`${token}{1,${max}}`);
		  }
		  return value
		};

		const createToken = (name, value, isGlobal) => {
		  const safe = makeSafeRegex(value);
		  const index = R++;
		  debug(name, index, value);
		  t[name] = index;
		  src[index] = value;
		  safeSrc[index] = safe;
		  re[index] = new RegExp(value, isGlobal ? 'g' : undefined);
		  safeRe[index] = new RegExp(safe, isGlobal ? 'g' : undefined);
		};

		// The following Regular Expressions can be used for tokenizing,
		// validating, and parsing SemVer version strings.

		// ## Numeric Identifier
		// A single `0`, or a non-zero digit followed by zero or more digits.

		createToken('NUMERICIDENTIFIER', '0|[1-9]\\d*');
		createToken('NUMERICIDENTIFIERLOOSE', '\\d+');

		// ## Non-numeric Identifier
		// Zero or more digits, followed by a letter or hyphen, and then zero or
		// more letters, digits, or hyphens.

		createToken('NONNUMERICIDENTIFIER', `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);

		// ## Main Version
		// Three dot-separated numeric identifiers.

		createToken('MAINVERSION', `(${src[t.NUMERICIDENTIFIER]})\\.` +
		                   `(${src[t.NUMERICIDENTIFIER]})\\.` +
		                   `(${src[t.NUMERICIDENTIFIER]})`);

		createToken('MAINVERSIONLOOSE', `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
		                        `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
		                        `(${src[t.NUMERICIDENTIFIERLOOSE]})`);

		// ## Pre-release Version Identifier
		// A numeric identifier, or a non-numeric identifier.
		// Non-numeric identifiers include numeric identifiers but can be longer.
		// Therefore non-numeric identifiers must go first.

		createToken('PRERELEASEIDENTIFIER', `(?:${src[t.NONNUMERICIDENTIFIER]
		}|${src[t.NUMERICIDENTIFIER]})`);

		createToken('PRERELEASEIDENTIFIERLOOSE', `(?:${src[t.NONNUMERICIDENTIFIER]
		}|${src[t.NUMERICIDENTIFIERLOOSE]})`);

		// ## Pre-release Version
		// Hyphen, followed by one or more dot-separated pre-release version
		// identifiers.

		createToken('PRERELEASE', `(?:-(${src[t.PRERELEASEIDENTIFIER]
		}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);

		createToken('PRERELEASELOOSE', `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]
		}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);

		// ## Build Metadata Identifier
		// Any combination of digits, letters, or hyphens.

		createToken('BUILDIDENTIFIER', `${LETTERDASHNUMBER}+`);

		// ## Build Metadata
		// Plus sign, followed by one or more period-separated build metadata
		// identifiers.

		createToken('BUILD', `(?:\\+(${src[t.BUILDIDENTIFIER]
		}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);

		// ## Full Version String
		// A main version, followed optionally by a pre-release version and
		// build metadata.

		// Note that the only major, minor, patch, and pre-release sections of
		// the version string are capturing groups.  The build metadata is not a
		// capturing group, because it should not ever be used in version
		// comparison.

		createToken('FULLPLAIN', `v?${src[t.MAINVERSION]
		}${src[t.PRERELEASE]}?${
		  src[t.BUILD]}?`);

		createToken('FULL', `^${src[t.FULLPLAIN]}$`);

		// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
		// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
		// common in the npm registry.
		createToken('LOOSEPLAIN', `[v=\\s]*${src[t.MAINVERSIONLOOSE]
		}${src[t.PRERELEASELOOSE]}?${
		  src[t.BUILD]}?`);

		createToken('LOOSE', `^${src[t.LOOSEPLAIN]}$`);

		createToken('GTLT', '((?:<|>)?=?)');

		// Something like "2.*" or "1.2.x".
		// Note that "x.x" is a valid xRange identifier, meaning "any version"
		// Only the first item is strictly required.
		createToken('XRANGEIDENTIFIERLOOSE', `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
		createToken('XRANGEIDENTIFIER', `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);

		createToken('XRANGEPLAIN', `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})` +
		                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
		                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
		                   `(?:${src[t.PRERELEASE]})?${
		                     src[t.BUILD]}?` +
		                   `)?)?`);

		createToken('XRANGEPLAINLOOSE', `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})` +
		                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
		                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
		                        `(?:${src[t.PRERELEASELOOSE]})?${
		                          src[t.BUILD]}?` +
		                        `)?)?`);

		createToken('XRANGE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
		createToken('XRANGELOOSE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);

		// Coercion.
		// Extract anything that could conceivably be a part of a valid semver
		createToken('COERCEPLAIN', `${'(^|[^\\d])' +
		              '(\\d{1,'}${MAX_SAFE_COMPONENT_LENGTH}})` +
		              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?` +
		              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
		createToken('COERCE', `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
		createToken('COERCEFULL', src[t.COERCEPLAIN] +
		              `(?:${src[t.PRERELEASE]})?` +
		              `(?:${src[t.BUILD]})?` +
		              `(?:$|[^\\d])`);
		createToken('COERCERTL', src[t.COERCE], true);
		createToken('COERCERTLFULL', src[t.COERCEFULL], true);

		// Tilde ranges.
		// Meaning is "reasonably at or greater than"
		createToken('LONETILDE', '(?:~>?)');

		createToken('TILDETRIM', `(\\s*)${src[t.LONETILDE]}\\s+`, true);
		exports.tildeTrimReplace = '$1~';

		createToken('TILDE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
		createToken('TILDELOOSE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);

		// Caret ranges.
		// Meaning is "at least and backwards compatible with"
		createToken('LONECARET', '(?:\\^)');

		createToken('CARETTRIM', `(\\s*)${src[t.LONECARET]}\\s+`, true);
		exports.caretTrimReplace = '$1^';

		createToken('CARET', `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
		createToken('CARETLOOSE', `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);

		// A simple gt/lt/eq thing, or just "" to indicate "any version"
		createToken('COMPARATORLOOSE', `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
		createToken('COMPARATOR', `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);

		// An expression to strip any whitespace between the gtlt and the thing
		// it modifies, so that `> 1.2.3` ==> `>1.2.3`
		createToken('COMPARATORTRIM', `(\\s*)${src[t.GTLT]
		}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
		exports.comparatorTrimReplace = '$1$2$3';

		// Something like `1.2.3 - 1.2.4`
		// Note that these all use the loose form, because they'll be
		// checked against either the strict or loose comparator form
		// later.
		createToken('HYPHENRANGE', `^\\s*(${src[t.XRANGEPLAIN]})` +
		                   `\\s+-\\s+` +
		                   `(${src[t.XRANGEPLAIN]})` +
		                   `\\s*$`);

		createToken('HYPHENRANGELOOSE', `^\\s*(${src[t.XRANGEPLAINLOOSE]})` +
		                        `\\s+-\\s+` +
		                        `(${src[t.XRANGEPLAINLOOSE]})` +
		                        `\\s*$`);

		// Star ranges basically just allow anything at all.
		createToken('STAR', '(<|>)?=?\\s*\\*');
		// >=0.0.0 is like a star
		createToken('GTE0', '^\\s*>=\\s*0\\.0\\.0\\s*$');
		createToken('GTE0PRE', '^\\s*>=\\s*0\\.0\\.0-0\\s*$'); 
	} (re, re.exports));
	return re.exports;
}

var parseOptions_1;
var hasRequiredParseOptions;

function requireParseOptions () {
	if (hasRequiredParseOptions) return parseOptions_1;
	hasRequiredParseOptions = 1;

	// parse out just the options we care about
	const looseOption = Object.freeze({ loose: true });
	const emptyOpts = Object.freeze({ });
	const parseOptions = options => {
	  if (!options) {
	    return emptyOpts
	  }

	  if (typeof options !== 'object') {
	    return looseOption
	  }

	  return options
	};
	parseOptions_1 = parseOptions;
	return parseOptions_1;
}

var identifiers;
var hasRequiredIdentifiers;

function requireIdentifiers () {
	if (hasRequiredIdentifiers) return identifiers;
	hasRequiredIdentifiers = 1;

	const numeric = /^[0-9]+$/;
	const compareIdentifiers = (a, b) => {
	  if (typeof a === 'number' && typeof b === 'number') {
	    return a === b ? 0 : a < b ? -1 : 1
	  }

	  const anum = numeric.test(a);
	  const bnum = numeric.test(b);

	  if (anum && bnum) {
	    a = +a;
	    b = +b;
	  }

	  return a === b ? 0
	    : (anum && !bnum) ? -1
	    : (bnum && !anum) ? 1
	    : a < b ? -1
	    : 1
	};

	const rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);

	identifiers = {
	  compareIdentifiers,
	  rcompareIdentifiers,
	};
	return identifiers;
}

var semver$2;
var hasRequiredSemver$1;

function requireSemver$1 () {
	if (hasRequiredSemver$1) return semver$2;
	hasRequiredSemver$1 = 1;

	const debug = requireDebug();
	const { MAX_LENGTH, MAX_SAFE_INTEGER } = requireConstants();
	const { safeRe: re, t } = requireRe();

	const parseOptions = requireParseOptions();
	const { compareIdentifiers } = requireIdentifiers();

	const isPrereleaseIdentifier = (prerelease, identifier) => {
	  const identifiers = identifier.split('.');
	  if (identifiers.length > prerelease.length) {
	    return false
	  }

	  for (let i = 0; i < identifiers.length; i++) {
	    if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
	      return false
	    }
	  }

	  return true
	};

	class SemVer {
	  constructor (version, options) {
	    options = parseOptions(options);

	    if (version instanceof SemVer) {
	      if (version.loose === !!options.loose &&
	        version.includePrerelease === !!options.includePrerelease) {
	        return version
	      } else {
	        version = version.version;
	      }
	    } else if (typeof version !== 'string') {
	      throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`)
	    }

	    if (version.length > MAX_LENGTH) {
	      throw new TypeError(
	        `version is longer than ${MAX_LENGTH} characters`
	      )
	    }

	    debug('SemVer', version, options);
	    this.options = options;
	    this.loose = !!options.loose;
	    // this isn't actually relevant for versions, but keep it so that we
	    // don't run into trouble passing this.options around.
	    this.includePrerelease = !!options.includePrerelease;

	    const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);

	    if (!m) {
	      throw new TypeError(`Invalid Version: ${version}`)
	    }

	    this.raw = version;

	    // these are actually numbers
	    this.major = +m[1];
	    this.minor = +m[2];
	    this.patch = +m[3];

	    if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
	      throw new TypeError('Invalid major version')
	    }

	    if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
	      throw new TypeError('Invalid minor version')
	    }

	    if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
	      throw new TypeError('Invalid patch version')
	    }

	    // numberify any prerelease numeric ids
	    if (!m[4]) {
	      this.prerelease = [];
	    } else {
	      this.prerelease = m[4].split('.').map((id) => {
	        if (/^[0-9]+$/.test(id)) {
	          const num = +id;
	          if (num >= 0 && num < MAX_SAFE_INTEGER) {
	            return num
	          }
	        }
	        return id
	      });
	    }

	    this.build = m[5] ? m[5].split('.') : [];
	    this.format();
	  }

	  format () {
	    this.version = `${this.major}.${this.minor}.${this.patch}`;
	    if (this.prerelease.length) {
	      this.version += `-${this.prerelease.join('.')}`;
	    }
	    return this.version
	  }

	  toString () {
	    return this.version
	  }

	  compare (other) {
	    debug('SemVer.compare', this.version, this.options, other);
	    if (!(other instanceof SemVer)) {
	      if (typeof other === 'string' && other === this.version) {
	        return 0
	      }
	      other = new SemVer(other, this.options);
	    }

	    if (other.version === this.version) {
	      return 0
	    }

	    return this.compareMain(other) || this.comparePre(other)
	  }

	  compareMain (other) {
	    if (!(other instanceof SemVer)) {
	      other = new SemVer(other, this.options);
	    }

	    if (this.major < other.major) {
	      return -1
	    }
	    if (this.major > other.major) {
	      return 1
	    }
	    if (this.minor < other.minor) {
	      return -1
	    }
	    if (this.minor > other.minor) {
	      return 1
	    }
	    if (this.patch < other.patch) {
	      return -1
	    }
	    if (this.patch > other.patch) {
	      return 1
	    }
	    return 0
	  }

	  comparePre (other) {
	    if (!(other instanceof SemVer)) {
	      other = new SemVer(other, this.options);
	    }

	    // NOT having a prerelease is > having one
	    if (this.prerelease.length && !other.prerelease.length) {
	      return -1
	    } else if (!this.prerelease.length && other.prerelease.length) {
	      return 1
	    } else if (!this.prerelease.length && !other.prerelease.length) {
	      return 0
	    }

	    let i = 0;
	    do {
	      const a = this.prerelease[i];
	      const b = other.prerelease[i];
	      debug('prerelease compare', i, a, b);
	      if (a === undefined && b === undefined) {
	        return 0
	      } else if (b === undefined) {
	        return 1
	      } else if (a === undefined) {
	        return -1
	      } else if (a === b) {
	        continue
	      } else {
	        return compareIdentifiers(a, b)
	      }
	    } while (++i)
	  }

	  compareBuild (other) {
	    if (!(other instanceof SemVer)) {
	      other = new SemVer(other, this.options);
	    }

	    let i = 0;
	    do {
	      const a = this.build[i];
	      const b = other.build[i];
	      debug('build compare', i, a, b);
	      if (a === undefined && b === undefined) {
	        return 0
	      } else if (b === undefined) {
	        return 1
	      } else if (a === undefined) {
	        return -1
	      } else if (a === b) {
	        continue
	      } else {
	        return compareIdentifiers(a, b)
	      }
	    } while (++i)
	  }

	  // preminor will bump the version up to the next minor release, and immediately
	  // down to pre-release. premajor and prepatch work the same way.
	  inc (release, identifier, identifierBase) {
	    if (release.startsWith('pre')) {
	      if (!identifier && identifierBase === false) {
	        throw new Error('invalid increment argument: identifier is empty')
	      }
	      // Avoid an invalid semver results
	      if (identifier) {
	        const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
	        if (!match || match[1] !== identifier) {
	          throw new Error(`invalid identifier: ${identifier}`)
	        }
	      }
	    }

	    switch (release) {
	      case 'premajor':
	        this.prerelease.length = 0;
	        this.patch = 0;
	        this.minor = 0;
	        this.major++;
	        this.inc('pre', identifier, identifierBase);
	        break
	      case 'preminor':
	        this.prerelease.length = 0;
	        this.patch = 0;
	        this.minor++;
	        this.inc('pre', identifier, identifierBase);
	        break
	      case 'prepatch':
	        // If this is already a prerelease, it will bump to the next version
	        // drop any prereleases that might already exist, since they are not
	        // relevant at this point.
	        this.prerelease.length = 0;
	        this.inc('patch', identifier, identifierBase);
	        this.inc('pre', identifier, identifierBase);
	        break
	      // If the input is a non-prerelease version, this acts the same as
	      // prepatch.
	      case 'prerelease':
	        if (this.prerelease.length === 0) {
	          this.inc('patch', identifier, identifierBase);
	        }
	        this.inc('pre', identifier, identifierBase);
	        break
	      case 'release':
	        if (this.prerelease.length === 0) {
	          throw new Error(`version ${this.raw} is not a prerelease`)
	        }
	        this.prerelease.length = 0;
	        break

	      case 'major':
	        // If this is a pre-major version, bump up to the same major version.
	        // Otherwise increment major.
	        // 1.0.0-5 bumps to 1.0.0
	        // 1.1.0 bumps to 2.0.0
	        if (
	          this.minor !== 0 ||
	          this.patch !== 0 ||
	          this.prerelease.length === 0
	        ) {
	          this.major++;
	        }
	        this.minor = 0;
	        this.patch = 0;
	        this.prerelease = [];
	        break
	      case 'minor':
	        // If this is a pre-minor version, bump up to the same minor version.
	        // Otherwise increment minor.
	        // 1.2.0-5 bumps to 1.2.0
	        // 1.2.1 bumps to 1.3.0
	        if (this.patch !== 0 || this.prerelease.length === 0) {
	          this.minor++;
	        }
	        this.patch = 0;
	        this.prerelease = [];
	        break
	      case 'patch':
	        // If this is not a pre-release version, it will increment the patch.
	        // If it is a pre-release it will bump up to the same patch version.
	        // 1.2.0-5 patches to 1.2.0
	        // 1.2.0 patches to 1.2.1
	        if (this.prerelease.length === 0) {
	          this.patch++;
	        }
	        this.prerelease = [];
	        break
	      // This probably shouldn't be used publicly.
	      // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
	      case 'pre': {
	        const base = Number(identifierBase) ? 1 : 0;

	        if (this.prerelease.length === 0) {
	          this.prerelease = [base];
	        } else {
	          let i = this.prerelease.length;
	          while (--i >= 0) {
	            if (typeof this.prerelease[i] === 'number') {
	              this.prerelease[i]++;
	              i = -2;
	            }
	          }
	          if (i === -1) {
	            // didn't increment anything
	            if (identifier === this.prerelease.join('.') && identifierBase === false) {
	              throw new Error('invalid increment argument: identifier already exists')
	            }
	            this.prerelease.push(base);
	          }
	        }
	        if (identifier) {
	          // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
	          // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
	          let prerelease = [identifier, base];
	          if (identifierBase === false) {
	            prerelease = [identifier];
	          }
	          if (isPrereleaseIdentifier(this.prerelease, identifier)) {
	            const prereleaseBase = this.prerelease[identifier.split('.').length];
	            if (isNaN(prereleaseBase)) {
	              this.prerelease = prerelease;
	            }
	          } else {
	            this.prerelease = prerelease;
	          }
	        }
	        break
	      }
	      default:
	        throw new Error(`invalid increment argument: ${release}`)
	    }
	    this.raw = this.format();
	    if (this.build.length) {
	      this.raw += `+${this.build.join('.')}`;
	    }
	    return this
	  }
	}

	semver$2 = SemVer;
	return semver$2;
}

var parse_1;
var hasRequiredParse;

function requireParse () {
	if (hasRequiredParse) return parse_1;
	hasRequiredParse = 1;

	const SemVer = requireSemver$1();
	const parse = (version, options, throwErrors = false) => {
	  if (version instanceof SemVer) {
	    return version
	  }
	  try {
	    return new SemVer(version, options)
	  } catch (er) {
	    if (!throwErrors) {
	      return null
	    }
	    throw er
	  }
	};

	parse_1 = parse;
	return parse_1;
}

var valid_1;
var hasRequiredValid$1;

function requireValid$1 () {
	if (hasRequiredValid$1) return valid_1;
	hasRequiredValid$1 = 1;

	const parse = requireParse();
	const valid = (version, options) => {
	  const v = parse(version, options);
	  return v ? v.version : null
	};
	valid_1 = valid;
	return valid_1;
}

var clean_1;
var hasRequiredClean;

function requireClean () {
	if (hasRequiredClean) return clean_1;
	hasRequiredClean = 1;

	const parse = requireParse();
	const clean = (version, options) => {
	  const s = parse(version.trim().replace(/^[=v]+/, ''), options);
	  return s ? s.version : null
	};
	clean_1 = clean;
	return clean_1;
}

var inc_1;
var hasRequiredInc;

function requireInc () {
	if (hasRequiredInc) return inc_1;
	hasRequiredInc = 1;

	const SemVer = requireSemver$1();

	const inc = (version, release, options, identifier, identifierBase) => {
	  if (typeof (options) === 'string') {
	    identifierBase = identifier;
	    identifier = options;
	    options = undefined;
	  }

	  try {
	    return new SemVer(
	      version instanceof SemVer ? version.version : version,
	      options
	    ).inc(release, identifier, identifierBase).version
	  } catch (er) {
	    return null
	  }
	};
	inc_1 = inc;
	return inc_1;
}

var diff_1;
var hasRequiredDiff;

function requireDiff () {
	if (hasRequiredDiff) return diff_1;
	hasRequiredDiff = 1;

	const parse = requireParse();

	const diff = (version1, version2) => {
	  const v1 = parse(version1, null, true);
	  const v2 = parse(version2, null, true);
	  const comparison = v1.compare(v2);

	  if (comparison === 0) {
	    return null
	  }

	  const v1Higher = comparison > 0;
	  const highVersion = v1Higher ? v1 : v2;
	  const lowVersion = v1Higher ? v2 : v1;
	  const highHasPre = !!highVersion.prerelease.length;
	  const lowHasPre = !!lowVersion.prerelease.length;

	  if (lowHasPre && !highHasPre) {
	    // Going from prerelease -> no prerelease requires some special casing

	    // If the low version has only a major, then it will always be a major
	    // Some examples:
	    // 1.0.0-1 -> 1.0.0
	    // 1.0.0-1 -> 1.1.1
	    // 1.0.0-1 -> 2.0.0
	    if (!lowVersion.patch && !lowVersion.minor) {
	      return 'major'
	    }

	    // If the main part has no difference
	    if (lowVersion.compareMain(highVersion) === 0) {
	      if (lowVersion.minor && !lowVersion.patch) {
	        return 'minor'
	      }
	      return 'patch'
	    }
	  }

	  // add the `pre` prefix if we are going to a prerelease version
	  const prefix = highHasPre ? 'pre' : '';

	  if (v1.major !== v2.major) {
	    return prefix + 'major'
	  }

	  if (v1.minor !== v2.minor) {
	    return prefix + 'minor'
	  }

	  if (v1.patch !== v2.patch) {
	    return prefix + 'patch'
	  }

	  // high and low are prereleases
	  return 'prerelease'
	};

	diff_1 = diff;
	return diff_1;
}

var major_1;
var hasRequiredMajor;

function requireMajor () {
	if (hasRequiredMajor) return major_1;
	hasRequiredMajor = 1;

	const SemVer = requireSemver$1();
	const major = (a, loose) => new SemVer(a, loose).major;
	major_1 = major;
	return major_1;
}

var minor_1;
var hasRequiredMinor;

function requireMinor () {
	if (hasRequiredMinor) return minor_1;
	hasRequiredMinor = 1;

	const SemVer = requireSemver$1();
	const minor = (a, loose) => new SemVer(a, loose).minor;
	minor_1 = minor;
	return minor_1;
}

var patch_1;
var hasRequiredPatch;

function requirePatch () {
	if (hasRequiredPatch) return patch_1;
	hasRequiredPatch = 1;

	const SemVer = requireSemver$1();
	const patch = (a, loose) => new SemVer(a, loose).patch;
	patch_1 = patch;
	return patch_1;
}

var prerelease_1;
var hasRequiredPrerelease;

function requirePrerelease () {
	if (hasRequiredPrerelease) return prerelease_1;
	hasRequiredPrerelease = 1;

	const parse = requireParse();
	const prerelease = (version, options) => {
	  const parsed = parse(version, options);
	  return (parsed && parsed.prerelease.length) ? parsed.prerelease : null
	};
	prerelease_1 = prerelease;
	return prerelease_1;
}

var compare_1;
var hasRequiredCompare;

function requireCompare () {
	if (hasRequiredCompare) return compare_1;
	hasRequiredCompare = 1;

	const SemVer = requireSemver$1();
	const compare = (a, b, loose) =>
	  new SemVer(a, loose).compare(new SemVer(b, loose));

	compare_1 = compare;
	return compare_1;
}

var rcompare_1;
var hasRequiredRcompare;

function requireRcompare () {
	if (hasRequiredRcompare) return rcompare_1;
	hasRequiredRcompare = 1;

	const compare = requireCompare();
	const rcompare = (a, b, loose) => compare(b, a, loose);
	rcompare_1 = rcompare;
	return rcompare_1;
}

var compareLoose_1;
var hasRequiredCompareLoose;

function requireCompareLoose () {
	if (hasRequiredCompareLoose) return compareLoose_1;
	hasRequiredCompareLoose = 1;

	const compare = requireCompare();
	const compareLoose = (a, b) => compare(a, b, true);
	compareLoose_1 = compareLoose;
	return compareLoose_1;
}

var compareBuild_1;
var hasRequiredCompareBuild;

function requireCompareBuild () {
	if (hasRequiredCompareBuild) return compareBuild_1;
	hasRequiredCompareBuild = 1;

	const SemVer = requireSemver$1();
	const compareBuild = (a, b, loose) => {
	  const versionA = new SemVer(a, loose);
	  const versionB = new SemVer(b, loose);
	  return versionA.compare(versionB) || versionA.compareBuild(versionB)
	};
	compareBuild_1 = compareBuild;
	return compareBuild_1;
}

var sort_1;
var hasRequiredSort;

function requireSort () {
	if (hasRequiredSort) return sort_1;
	hasRequiredSort = 1;

	const compareBuild = requireCompareBuild();
	const sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
	sort_1 = sort;
	return sort_1;
}

var rsort_1;
var hasRequiredRsort;

function requireRsort () {
	if (hasRequiredRsort) return rsort_1;
	hasRequiredRsort = 1;

	const compareBuild = requireCompareBuild();
	const rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
	rsort_1 = rsort;
	return rsort_1;
}

var gt_1;
var hasRequiredGt;

function requireGt () {
	if (hasRequiredGt) return gt_1;
	hasRequiredGt = 1;

	const compare = requireCompare();
	const gt = (a, b, loose) => compare(a, b, loose) > 0;
	gt_1 = gt;
	return gt_1;
}

var lt_1;
var hasRequiredLt;

function requireLt () {
	if (hasRequiredLt) return lt_1;
	hasRequiredLt = 1;

	const compare = requireCompare();
	const lt = (a, b, loose) => compare(a, b, loose) < 0;
	lt_1 = lt;
	return lt_1;
}

var eq_1;
var hasRequiredEq;

function requireEq () {
	if (hasRequiredEq) return eq_1;
	hasRequiredEq = 1;

	const compare = requireCompare();
	const eq = (a, b, loose) => compare(a, b, loose) === 0;
	eq_1 = eq;
	return eq_1;
}

var neq_1;
var hasRequiredNeq;

function requireNeq () {
	if (hasRequiredNeq) return neq_1;
	hasRequiredNeq = 1;

	const compare = requireCompare();
	const neq = (a, b, loose) => compare(a, b, loose) !== 0;
	neq_1 = neq;
	return neq_1;
}

var gte_1;
var hasRequiredGte;

function requireGte () {
	if (hasRequiredGte) return gte_1;
	hasRequiredGte = 1;

	const compare = requireCompare();
	const gte = (a, b, loose) => compare(a, b, loose) >= 0;
	gte_1 = gte;
	return gte_1;
}

var lte_1;
var hasRequiredLte;

function requireLte () {
	if (hasRequiredLte) return lte_1;
	hasRequiredLte = 1;

	const compare = requireCompare();
	const lte = (a, b, loose) => compare(a, b, loose) <= 0;
	lte_1 = lte;
	return lte_1;
}

var cmp_1;
var hasRequiredCmp;

function requireCmp () {
	if (hasRequiredCmp) return cmp_1;
	hasRequiredCmp = 1;

	const eq = requireEq();
	const neq = requireNeq();
	const gt = requireGt();
	const gte = requireGte();
	const lt = requireLt();
	const lte = requireLte();

	const cmp = (a, op, b, loose) => {
	  switch (op) {
	    case '===':
	      if (typeof a === 'object') {
	        a = a.version;
	      }
	      if (typeof b === 'object') {
	        b = b.version;
	      }
	      return a === b

	    case '!==':
	      if (typeof a === 'object') {
	        a = a.version;
	      }
	      if (typeof b === 'object') {
	        b = b.version;
	      }
	      return a !== b

	    case '':
	    case '=':
	    case '==':
	      return eq(a, b, loose)

	    case '!=':
	      return neq(a, b, loose)

	    case '>':
	      return gt(a, b, loose)

	    case '>=':
	      return gte(a, b, loose)

	    case '<':
	      return lt(a, b, loose)

	    case '<=':
	      return lte(a, b, loose)

	    default:
	      throw new TypeError(`Invalid operator: ${op}`)
	  }
	};
	cmp_1 = cmp;
	return cmp_1;
}

var coerce_1;
var hasRequiredCoerce;

function requireCoerce () {
	if (hasRequiredCoerce) return coerce_1;
	hasRequiredCoerce = 1;

	const SemVer = requireSemver$1();
	const parse = requireParse();
	const { safeRe: re, t } = requireRe();

	const coerce = (version, options) => {
	  if (version instanceof SemVer) {
	    return version
	  }

	  if (typeof version === 'number') {
	    version = String(version);
	  }

	  if (typeof version !== 'string') {
	    return null
	  }

	  options = options || {};

	  let match = null;
	  if (!options.rtl) {
	    match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
	  } else {
	    // Find the right-most coercible string that does not share
	    // a terminus with a more left-ward coercible string.
	    // Eg, '1.2.3.4' wants to coerce '2.3.4', not '3.4' or '4'
	    // With includePrerelease option set, '1.2.3.4-rc' wants to coerce '2.3.4-rc', not '2.3.4'
	    //
	    // Walk through the string checking with a /g regexp
	    // Manually set the index so as to pick up overlapping matches.
	    // Stop when we get a match that ends at the string end, since no
	    // coercible string can be more right-ward without the same terminus.
	    const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
	    let next;
	    while ((next = coerceRtlRegex.exec(version)) &&
	        (!match || match.index + match[0].length !== version.length)
	    ) {
	      if (!match ||
	            next.index + next[0].length !== match.index + match[0].length) {
	        match = next;
	      }
	      coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
	    }
	    // leave it in a clean state
	    coerceRtlRegex.lastIndex = -1;
	  }

	  if (match === null) {
	    return null
	  }

	  const major = match[2];
	  const minor = match[3] || '0';
	  const patch = match[4] || '0';
	  const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : '';
	  const build = options.includePrerelease && match[6] ? `+${match[6]}` : '';

	  return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options)
	};
	coerce_1 = coerce;
	return coerce_1;
}

var truncate_1;
var hasRequiredTruncate;

function requireTruncate () {
	if (hasRequiredTruncate) return truncate_1;
	hasRequiredTruncate = 1;

	const parse = requireParse();
	const constants = requireConstants();
	const SemVer = requireSemver$1();

	const truncate = (version, truncation, options) => {
	  if (!constants.RELEASE_TYPES.includes(truncation)) {
	    return null
	  }

	  const clonedVersion = cloneInputVersion(version, options);
	  return clonedVersion && doTruncation(clonedVersion, truncation)
	};

	const cloneInputVersion = (version, options) => {
	  const versionStringToParse = (
	    version instanceof SemVer ? version.version : version
	  );

	  return parse(versionStringToParse, options)
	};

	const doTruncation = (version, truncation) => {
	  if (isPrerelease(truncation)) {
	    return version.version
	  }

	  version.prerelease = [];

	  switch (truncation) {
	    case 'major':
	      version.minor = 0;
	      version.patch = 0;
	      break
	    case 'minor':
	      version.patch = 0;
	      break
	  }

	  return version.format()
	};

	const isPrerelease = (type) => {
	  return type.startsWith('pre')
	};

	truncate_1 = truncate;
	return truncate_1;
}

var lrucache;
var hasRequiredLrucache;

function requireLrucache () {
	if (hasRequiredLrucache) return lrucache;
	hasRequiredLrucache = 1;

	class LRUCache {
	  constructor () {
	    this.max = 1000;
	    this.map = new Map();
	  }

	  get (key) {
	    const value = this.map.get(key);
	    if (value === undefined) {
	      return undefined
	    } else {
	      // Remove the key from the map and add it to the end
	      this.map.delete(key);
	      this.map.set(key, value);
	      return value
	    }
	  }

	  delete (key) {
	    return this.map.delete(key)
	  }

	  set (key, value) {
	    const deleted = this.delete(key);

	    if (!deleted && value !== undefined) {
	      // If cache is full, delete the least recently used item
	      if (this.map.size >= this.max) {
	        const firstKey = this.map.keys().next().value;
	        this.delete(firstKey);
	      }

	      this.map.set(key, value);
	    }

	    return this
	  }
	}

	lrucache = LRUCache;
	return lrucache;
}

var trimComparatorWhitespace_1;
var hasRequiredTrimComparatorWhitespace;

function requireTrimComparatorWhitespace () {
	if (hasRequiredTrimComparatorWhitespace) return trimComparatorWhitespace_1;
	hasRequiredTrimComparatorWhitespace = 1;

	// Reproduce safeRe[COMPARATORTRIM] replacement boundaries, not version
	// validation. Each end-index finder returns an exclusive end, or its start
	// on no match.
	// Positions count from zero. An end of 3 means characters 0, 1, and 2 were read;
	// range.slice(start, end) gives the matched text, not a converted number.
	const {
	  MAX_LENGTH,
	  MAX_SAFE_BUILD_LENGTH,
	  WHITESPACE_CHARACTERS,
	} = requireConstants();

	/**
	 * Remembers the last two rows of digits so their characters need not be reread.
	 * Positions start at -1 until a row has been found.
	 *
	 * @typedef {object} DigitRunCache
	 * @property {number} start The first character of the most recently found row.
	 * @property {number} end The position after that row's last character.
	 * @property {number} previousStart The first character of the previous row.
	 * @property {number} previousEnd The position after the previous row.
	 */

	// One entry per UTF-16 code unit keeps membership checks constant-time.
	const whitespace = new Uint8Array(0x10000);
	for (const char of WHITESPACE_CHARACTERS) {
	  whitespace[char.charCodeAt(0)] = 1;
	}

	/**
	 * Checks whether a character is whitespace, like a space, tab, or newline.
	 * Looking past the end of the string returns false.
	 *
	 * @param {string|undefined} char One character, or undefined past the string's end.
	 * @returns {boolean} Whether the character is whitespace.
	 * @example isWhitespace(' ') // true
	 * @example isWhitespace('1') // false
	 */
	const isWhitespace = char =>
	  char !== undefined && whitespace[char.charCodeAt(0)] === 1;

	/**
	 * Checks for v, =, or whitespace before the version number.
	 * These are historical version prefixes, not range operators:
	 * < and > are handled separately, as are tilde and caret ranges.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether the character can belong to a version prefix.
	 * @example isVersionPrefix('=') // true
	 * @example isVersionPrefix('>') // false
	 */
	const isVersionPrefix = char =>
	  char === 'v' ||
	  char === '=' ||
	  isWhitespace(char);

	/**
	 * Checks whether a character is one of the digits 0 through 9.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether the character is an ASCII digit.
	 * @example isDigit('7') // true
	 * @example isDigit('.') // false
	 */
	const isDigit = char => char !== undefined && char >= '0' && char <= '9';

	/**
	 * Checks whether a character is an English letter, uppercase or lowercase.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether the character is an ASCII letter.
	 * @example isLetter('b') // true
	 * @example isLetter('7') // false
	 */
	const isLetter = char =>
	  char !== undefined && (
	    (char >= 'a' && char <= 'z') ||
	    (char >= 'A' && char <= 'Z')
	  );

	/**
	 * Checks for a letter, digit, or hyphen: the characters allowed inside
	 * prerelease and build names such as beta-1.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether the character can be part of an identifier.
	 * @example isIdentifierCharacter('-') // true
	 * @example isIdentifierCharacter('.') // false; dots separate identifiers
	 */
	const isIdentifierCharacter = char => isDigit(char) || isLetter(char) || char === '-';

	/**
	 * Checks whether a version component can begin here: with a digit or
	 * a wildcard such as x, X, or *.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether a number or wildcard can start with this character.
	 * @example isVersionStart('x') // true
	 * @example isVersionStart('v') // false; v belongs to the prefix
	 */
	const isVersionStart = char =>
	  isDigit(char) ||
	  char === 'x' ||
	  char === 'X' ||
	  char === '*';

	/**
	 * Finds the end of a row of digits, but returns no more than limit digits.
	 * Remembers the last two rows so looking at them again does not reread them.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position of the first character to check.
	 * @param {number} limit The most digit characters the returned match can include.
	 * @param {DigitRunCache} digitRuns Shared cache of digit-run positions, updated in place.
	 * @returns {number} The position after the matched digits, or start if none match.
	 * @example findDigitsEndIndex('123abc', 0, 10, digitRuns) // 3, pointing at a
	 * @example findDigitsEndIndex('123abc', 0, 2, digitRuns) // 2, pointing at the unread 3
	 */
	const findDigitsEndIndex = (range, start, limit, digitRuns) => {
	  if (!isDigit(range[start])) {
	    return start
	  }
	  if (start >= digitRuns.start && start < digitRuns.end) {
	    return Math.min(start + limit, digitRuns.end)
	  }
	  if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
	    return Math.min(start + limit, digitRuns.previousEnd)
	  }
	  let end = start + 1;
	  while (isDigit(range[end])) {
	    end++;
	  }
	  // A failed full version can rewind from its second run to its first.
	  digitRuns.previousStart = digitRuns.start;
	  digitRuns.previousEnd = digitRuns.end;
	  digitRuns.start = start;
	  digitRuns.end = end;
	  return Math.min(start + limit, end)
	};

	/**
	 * Reads a number using the old regex's length and leading-zero rules.
	 * Strict mode reads just the first zero in 012; loose mode can read all three.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the number should begin.
	 * @param {boolean} loose Whether to allow leading zeros.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the matched digits, not their numeric value.
	 * @example findVersionNumberEndIndex('012', 0, false, digitRuns) // 1
	 * @example findVersionNumberEndIndex('012', 0, true, digitRuns) // 3
	 */
	const findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
	  if (!loose && range[start] === '0') {
	    return start + 1
	  }
	  // Strict syntax allows an initial nonzero digit plus MAX_LENGTH digits.
	  return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns)
	};

	/**
	 * Reads one piece of a prerelease name, such as beta or 1 in beta.1.
	 * Tries the letter-or-hyphen form first, then the number-only form.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the identifier should begin.
	 * @param {boolean} loose Whether numeric identifiers may have leading zeros.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the identifier, or start if none matches.
	 * @example findPrereleaseIdentifierEndIndex('beta.1', 0, false, digitRuns) // 4, at the dot
	 * @example findPrereleaseIdentifierEndIndex('001beta', 0, false, digitRuns) // 7
	 */
	const findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
	  const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
	  // The legacy regex tries a nonnumeric identifier before a numeric one.
	  if (isLetter(range[digitsEnd]) || range[digitsEnd] === '-') {
	    let end = digitsEnd + 1;
	    const limit = end + MAX_SAFE_BUILD_LENGTH;
	    while (end < limit && isIdentifierCharacter(range[end])) {
	      end++;
	    }
	    return end
	  }
	  return findVersionNumberEndIndex(range, start, loose, digitRuns)
	};

	/**
	 * Reads a prerelease suffix such as -beta.1, one dot-separated piece at a time.
	 * Loose mode also allows the name without its opening hyphen.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the suffix should begin, including -.
	 * @param {boolean} loose Whether the opening hyphen is optional and zeros allowed.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the matched suffix, or start if absent.
	 * @example findPrereleaseEndIndex('-beta.1+sha', 0, false, digitRuns) // 7, at the plus
	 * @example findPrereleaseEndIndex('beta', 0, false, digitRuns) // 0; no opening hyphen
	 */
	const findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
	  const hyphen = range[start] === '-';
	  if (!loose && !hyphen) {
	    return start
	  }
	  const identifierStart = start + (hyphen ? 1 : 0);
	  let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
	  if (end === identifierStart) {
	    if (!loose || !hyphen) {
	      return start
	    }
	    // In loose syntax, a lone hyphen can itself be the identifier.
	    end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
	  }
	  while (range[end] === '.') {
	    const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
	    if (next === end + 1) {
	      break
	    }
	    end = next;
	  }
	  return end
	};

	/**
	 * Reads one build-name piece, such as sha or 123 in +sha.123.
	 * Stops at a disallowed character or the old regex's length limit.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the identifier should begin.
	 * @returns {number} The position after the identifier, or start if none matches.
	 * @example findBuildIdentifierEndIndex('sha.123', 0) // 3, at the dot
	 * @example findBuildIdentifierEndIndex('001', 0) // 3; leading zeros are allowed
	 */
	const findBuildIdentifierEndIndex = (range, start) => {
	  let end = start;
	  while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
	    end++;
	  }
	  return end
	};

	/**
	 * Reads optional build metadata such as +sha.123.
	 * Leaves the position unchanged if there is no plus sign followed by a name.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the opening + should be.
	 * @returns {number} The position after the matched metadata, or start if absent.
	 * @example findBuildEndIndex('+sha.123 <2', 0) // 8, at the space
	 * @example findBuildEndIndex('+', 0) // 0; a plus sign alone is not a match
	 */
	const findBuildEndIndex = (range, start) => {
	  if (range[start] !== '+') {
	    return start
	  }
	  let end = findBuildIdentifierEndIndex(range, start + 1);
	  if (end === start + 1) {
	    return start
	  }
	  while (range[end] === '.') {
	    const next = findBuildIdentifierEndIndex(range, end + 1);
	    if (next === end + 1) {
	      break
	    }
	    end = next;
	  }
	  return end
	};

	/**
	 * Reads three numbers separated by dots, then any prerelease and build suffixes.
	 * Uses loose rules, so forms such as 01.02.03beta can match here.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position of the first number, after any prefix.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the version match, or start if none matches.
	 * @example findLooseFullVersionEndIndex('1.2.3-beta+sha <2', 0, digitRuns) // 14
	 * @example findLooseFullVersionEndIndex('1.2', 0, digitRuns) // 0; needs three numbers
	 */
	const findLooseFullVersionEndIndex = (range, start, digitRuns) => {
	  let end = start;
	  for (let component = 0; component < 3; component++) {
	    const next = findVersionNumberEndIndex(range, end, true, digitRuns);
	    if (next === end) {
	      return start
	    }
	    end = next;
	    if (component < 2) {
	      if (range[end] !== '.') {
	        return start
	      }
	      end++;
	    }
	  }
	  const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
	  return findBuildEndIndex(range, prereleaseEnd)
	};

	/**
	 * Reads one component of a partial or wildcard version, such as 2 or x in 2.x.
	 * Numbers use strict leading-zero rules; wildcards take up one character.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the component should begin.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the component, or start if none matches.
	 * @example findPartialVersionComponentEndIndex('2.x', 0, digitRuns) // 1, at the dot
	 * @example findPartialVersionComponentEndIndex('2.x', 2, digitRuns) // 3, after x
	 */
	const findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
	  if (isDigit(range[start])) {
	    return findVersionNumberEndIndex(range, start, false, digitRuns)
	  }
	  return isVersionStart(range[start]) ? start + 1 : start
	};

	/**
	 * Reads up to three components, allowing forms such as 1, 1.2, or 1.x.
	 * After the third component, also reads any strict prerelease and build suffixes.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position of a number or wildcard, after any prefix.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the matched version text.
	 * @example findPartialVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
	 * @example findPartialVersionEndIndex('1.', 0, digitRuns) // 1; the trailing dot is unread
	 */
	const findPartialVersionEndIndex = (range, start, digitRuns) => {
	  let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
	  for (let component = 0; component < 2; component++) {
	    if (range[end] !== '.') {
	      return end
	    }
	    const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
	    if (next === end + 1) {
	      return end
	    }
	    end = next;
	  }
	  const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
	  return findBuildEndIndex(range, prereleaseEnd)
	};

	/**
	 * Finds where a version match ends, without deciding whether the range is valid.
	 * Tries a loose full version first, then a partial or wildcard version, just
	 * like the old regex's LOOSEPLAIN and XRANGEPLAIN alternatives.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position of a number or wildcard, after any prefix.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position where scanning the next candidate can resume.
	 * @example findVersionEndIndex('1.2.3 <2', 0, digitRuns) // 5, at the space
	 * @example findVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
	 */
	const findVersionEndIndex = (range, start, digitRuns) => {
	  const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
	  return fullVersionEnd !== start
	    ? fullVersionEnd
	    : findPartialVersionEndIndex(range, start, digitRuns)
	};

	/**
	 * Finds the one whitespace character the old replacement would remove.
	 * Keeps leading whitespace, skips an optional operator, and checks immediately
	 * after it. Returns -1 if there is nothing to remove.
	 *
	 * @param {string} range The text containing a candidate already found by the caller.
	 * @param {number} matchStart The candidate's position, including leading whitespace.
	 * @returns {number} The position of the removable whitespace, or -1 if absent.
	 * @example findRemovableWhitespaceIndex(' > 1', 0) // 2; keep the space at position 0
	 * @example findRemovableWhitespaceIndex('>1', 0) // -1
	 */
	const findRemovableWhitespaceIndex = (range, matchStart) => {
	  let position = matchStart;
	  if (isWhitespace(range[position])) {
	    position++;
	  }
	  if (range[position] === '<' || range[position] === '>') {
	    position++;
	  }
	  if (range[position] === '=') {
	    position++;
	  }
	  return isWhitespace(range[position]) ? position : -1
	};

	/**
	 * Joins an operator to its version, turning > 1.2.3 into >1.2.3.
	 * Copies everything else according to the old regex's matching rules.
	 * Moves forward through prefixes and whole versions to avoid repeatedly
	 * searching the same characters on long inputs.
	 *
	 * @param {string} range The range text to process; the original string is unchanged.
	 * @returns {string} The range with matched operator whitespace removed.
	 * @example trimComparatorWhitespace('> 1.2.3 < 2') // '>1.2.3 <2'
	 * @example trimComparatorWhitespace('> invalid') // '> invalid'
	 */
	const trimComparatorWhitespace = range => {
	  let result = '';
	  let copyFrom = 0;
	  let cursor = 0;
	  const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };

	  while (cursor < range.length) {
	    const matchStart = cursor;
	    if (range[cursor] === '<' || range[cursor] === '>') {
	      cursor++;
	    } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
	      cursor++;
	      continue
	    }

	    // Consume a v/=/whitespace run once, even when no version follows it.
	    while (cursor < range.length && isVersionPrefix(range[cursor])) {
	      cursor++;
	    }
	    if (!isVersionStart(range[cursor])) {
	      continue
	    }

	    const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
	    if (whitespacePosition !== -1) {
	      result += range.slice(copyFrom, whitespacePosition);
	      copyFrom = whitespacePosition + 1;
	    }

	    // Skip the entire match, so a prerelease's trailing v cannot be
	    // reconsidered as the prefix of another version.
	    cursor = findVersionEndIndex(range, cursor, digitRuns);
	  }

	  return result + range.slice(copyFrom)
	};

	trimComparatorWhitespace_1 = trimComparatorWhitespace;
	return trimComparatorWhitespace_1;
}

var range$1;
var hasRequiredRange;

function requireRange () {
	if (hasRequiredRange) return range$1;
	hasRequiredRange = 1;

	const SPACE_CHARACTERS = /\s+/g;

	// hoisted class for cyclic dependency
	class Range {
	  constructor (range, options) {
	    options = parseOptions(options);

	    if (range instanceof Range) {
	      if (
	        range.loose === !!options.loose &&
	        range.includePrerelease === !!options.includePrerelease
	      ) {
	        return range
	      } else {
	        return new Range(range.raw, options)
	      }
	    }

	    if (range instanceof Comparator) {
	      // just put it in the set and return
	      this.raw = range.value;
	      this.set = [[range]];
	      this.formatted = undefined;
	      return this
	    }

	    this.options = options;
	    this.loose = !!options.loose;
	    this.includePrerelease = !!options.includePrerelease;

	    // First reduce all whitespace as much as possible so we do not have to rely
	    // on potentially slow regexes like \s*. This is then stored and used for
	    // future error messages as well.
	    this.raw = range.trim().replace(SPACE_CHARACTERS, ' ');

	    // First, split on ||
	    this.set = this.raw
	      .split('||')
	      // map the range to a 2d array of comparators
	      .map(r => this.parseRange(r.trim()))
	      // throw out any comparator lists that are empty
	      // this generally means that it was not a valid range, which is allowed
	      // in loose mode, but will still throw if the WHOLE range is invalid.
	      .filter(c => c.length);

	    if (!this.set.length) {
	      throw new TypeError(`Invalid SemVer Range: ${this.raw}`)
	    }

	    // if we have any that are not the null set, throw out null sets.
	    if (this.set.length > 1) {
	      // keep the first one, in case they're all null sets
	      const first = this.set[0];
	      this.set = this.set.filter(c => !isNullSet(c[0]));
	      if (this.set.length === 0) {
	        this.set = [first];
	      } else if (this.set.length > 1) {
	        // if we have any that are *, then the range is just *
	        for (const c of this.set) {
	          if (c.length === 1 && isAny(c[0])) {
	            this.set = [c];
	            break
	          }
	        }
	      }
	    }

	    this.formatted = undefined;
	  }

	  get range () {
	    if (this.formatted === undefined) {
	      this.formatted = '';
	      for (let i = 0; i < this.set.length; i++) {
	        if (i > 0) {
	          this.formatted += '||';
	        }
	        const comps = this.set[i];
	        for (let k = 0; k < comps.length; k++) {
	          if (k > 0) {
	            this.formatted += ' ';
	          }
	          this.formatted += comps[k].toString().trim();
	        }
	      }
	    }
	    return this.formatted
	  }

	  format () {
	    return this.range
	  }

	  toString () {
	    return this.range
	  }

	  parseRange (range) {
	    // strip build metadata so it can't bleed into the version
	    range = range.replace(BUILDSTRIPRE, '');

	    // memoize range parsing for performance.
	    // this is a very hot path, and fully deterministic.
	    const memoOpts =
	      (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) |
	      (this.options.loose && FLAG_LOOSE);
	    const memoKey = memoOpts + ':' + range;
	    const cached = cache.get(memoKey);
	    if (cached) {
	      return cached
	    }

	    const loose = this.options.loose;
	    // `1.2.3 - 1.2.4` => `>=1.2.3 <=1.2.4`
	    const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
	    range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
	    debug('hyphen replace', range);

	    // `> 1.2.3 < 1.2.5` => `>1.2.3 <1.2.5`
	    range = trimComparatorWhitespace(range);
	    debug('comparator trim', range);

	    // `~ 1.2.3` => `~1.2.3`
	    range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
	    debug('tilde trim', range);

	    // `^ 1.2.3` => `^1.2.3`
	    range = range.replace(re[t.CARETTRIM], caretTrimReplace);
	    debug('caret trim', range);

	    // At this point, the range is completely trimmed and
	    // ready to be split into comparators.

	    let rangeList = range
	      .split(' ')
	      .map(comp => parseComparator(comp, this.options))
	      .join(' ')
	      .split(/\s+/)
	      // >=0.0.0 is equivalent to *
	      .map(comp => replaceGTE0(comp, this.options));

	    if (loose) {
	      // in loose mode, throw out any that are not valid comparators
	      rangeList = rangeList.filter(comp => {
	        debug('loose invalid filter', comp, this.options);
	        return !!comp.match(re[t.COMPARATORLOOSE])
	      });
	    }
	    debug('range list', rangeList);

	    // if any comparators are the null set, then replace with JUST null set
	    // if more than one comparator, remove any * comparators
	    // also, don't include the same comparator more than once
	    const rangeMap = new Map();
	    const comparators = rangeList.map(comp => new Comparator(comp, this.options));
	    for (const comp of comparators) {
	      if (isNullSet(comp)) {
	        return [comp]
	      }
	      rangeMap.set(comp.value, comp);
	    }
	    if (rangeMap.size > 1 && rangeMap.has('')) {
	      rangeMap.delete('');
	    }

	    const result = [...rangeMap.values()];
	    cache.set(memoKey, result);
	    return result
	  }

	  intersects (range, options) {
	    if (!(range instanceof Range)) {
	      throw new TypeError('a Range is required')
	    }

	    return this.set.some((thisComparators) => {
	      return (
	        isSatisfiable(thisComparators, options) &&
	        range.set.some((rangeComparators) => {
	          return (
	            isSatisfiable(rangeComparators, options) &&
	            thisComparators.every((thisComparator) => {
	              return rangeComparators.every((rangeComparator) => {
	                return thisComparator.intersects(rangeComparator, options)
	              })
	            })
	          )
	        })
	      )
	    })
	  }

	  // if ANY of the sets match ALL of its comparators, then pass
	  test (version) {
	    if (!version) {
	      return false
	    }

	    if (typeof version === 'string') {
	      try {
	        version = new SemVer(version, this.options);
	      } catch (er) {
	        return false
	      }
	    }

	    for (let i = 0; i < this.set.length; i++) {
	      if (testSet(this.set[i], version, this.options)) {
	        return true
	      }
	    }
	    return false
	  }
	}

	range$1 = Range;

	const LRU = requireLrucache();
	const cache = new LRU();

	const parseOptions = requireParseOptions();
	const Comparator = requireComparator();
	const debug = requireDebug();
	const SemVer = requireSemver$1();
	const trimComparatorWhitespace = requireTrimComparatorWhitespace();
	const {
	  safeRe: re,
	  src,
	  t,
	  tildeTrimReplace,
	  caretTrimReplace,
	} = requireRe();
	const { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = requireConstants();

	// unbounded global build-metadata stripper used by parseRange
	const BUILDSTRIPRE = new RegExp(src[t.BUILD], 'g');

	const isNullSet = c => c.value === '<0.0.0-0';
	const isAny = c => c.value === '';

	// take a set of comparators and determine whether there
	// exists a version which can satisfy it
	const isSatisfiable = (comparators, options) => {
	  let result = true;
	  const remainingComparators = comparators.slice();
	  let testComparator = remainingComparators.pop();

	  while (result && remainingComparators.length) {
	    result = remainingComparators.every((otherComparator) => {
	      return testComparator.intersects(otherComparator, options)
	    });

	    testComparator = remainingComparators.pop();
	  }

	  return result
	};

	// comprised of xranges, tildes, stars, and gtlt's at this point.
	// already replaced the hyphen ranges
	// turn into a set of JUST comparators.
	const parseComparator = (comp, options) => {
	  comp = comp.replace(re[t.BUILD], '');
	  debug('comp', comp, options);
	  comp = replaceCarets(comp, options);
	  debug('caret', comp);
	  comp = replaceTildes(comp, options);
	  debug('tildes', comp);
	  comp = replaceXRanges(comp, options);
	  debug('xrange', comp);
	  comp = replaceStars(comp, options);
	  debug('stars', comp);
	  return comp
	};

	const isX = id => !id || id.toLowerCase() === 'x' || id === '*';

	const invalidXRangeOrder = (M, m, p) => (
	  (isX(M) && !isX(m)) ||
	  (isX(m) && p && !isX(p))
	);

	// ~, ~> --> * (any, kinda silly)
	// ~2, ~2.x, ~2.x.x, ~>2, ~>2.x ~>2.x.x --> >=2.0.0 <3.0.0-0
	// ~2.0, ~2.0.x, ~>2.0, ~>2.0.x --> >=2.0.0 <2.1.0-0
	// ~1.2, ~1.2.x, ~>1.2, ~>1.2.x --> >=1.2.0 <1.3.0-0
	// ~1.2.3, ~>1.2.3 --> >=1.2.3 <1.3.0-0
	// ~1.2.0, ~>1.2.0 --> >=1.2.0 <1.3.0-0
	// ~0.0.1 --> >=0.0.1 <0.1.0-0
	const replaceTildes = (comp, options) => {
	  return comp
	    .trim()
	    .split(/\s+/)
	    .map((c) => replaceTilde(c, options))
	    .join(' ')
	};

	const replaceTilde = (comp, options) => {
	  const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
	  // if we're including prereleases in the match, then the lower bound is
	  // -0, the lowest possible prerelease value, just like x-ranges and carets.
	  // this keeps `~1.2` equivalent to the `1.2.x` x-range it's documented as.
	  const z = options.includePrerelease ? '-0' : '';
	  return comp.replace(r, (_, M, m, p, pr) => {
	    debug('tilde', comp, _, M, m, p, pr);
	    let ret;

	    if (isX(M)) {
	      ret = '';
	    } else if (isX(m)) {
	      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
	    } else if (isX(p)) {
	      // ~1.2 == >=1.2.0 <1.3.0-0
	      ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
	    } else if (pr) {
	      debug('replaceTilde pr', pr);
	      ret = `>=${M}.${m}.${p}-${pr
	      } <${M}.${+m + 1}.0-0`;
	    } else {
	      // ~1.2.3 == >=1.2.3 <1.3.0-0
	      ret = `>=${M}.${m}.${p
	      } <${M}.${+m + 1}.0-0`;
	    }

	    debug('tilde return', ret);
	    return ret
	  })
	};

	// ^ --> * (any, kinda silly)
	// ^2, ^2.x, ^2.x.x --> >=2.0.0 <3.0.0-0
	// ^2.0, ^2.0.x --> >=2.0.0 <3.0.0-0
	// ^1.2, ^1.2.x --> >=1.2.0 <2.0.0-0
	// ^1.2.3 --> >=1.2.3 <2.0.0-0
	// ^1.2.0 --> >=1.2.0 <2.0.0-0
	// ^0.0.1 --> >=0.0.1 <0.0.2-0
	// ^0.1.0 --> >=0.1.0 <0.2.0-0
	const replaceCarets = (comp, options) => {
	  return comp
	    .trim()
	    .split(/\s+/)
	    .map((c) => replaceCaret(c, options))
	    .join(' ')
	};

	const replaceCaret = (comp, options) => {
	  debug('caret', comp, options);
	  const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
	  const z = options.includePrerelease ? '-0' : '';
	  return comp.replace(r, (_, M, m, p, pr) => {
	    debug('caret', comp, _, M, m, p, pr);
	    let ret;

	    if (isX(M)) {
	      ret = '';
	    } else if (isX(m)) {
	      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
	    } else if (isX(p)) {
	      if (M === '0') {
	        ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
	      } else {
	        ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
	      }
	    } else if (pr) {
	      debug('replaceCaret pr', pr);
	      if (M === '0') {
	        if (m === '0') {
	          ret = `>=${M}.${m}.${p}-${pr
	          } <${M}.${m}.${+p + 1}-0`;
	        } else {
	          ret = `>=${M}.${m}.${p}-${pr
	          } <${M}.${+m + 1}.0-0`;
	        }
	      } else {
	        ret = `>=${M}.${m}.${p}-${pr
	        } <${+M + 1}.0.0-0`;
	      }
	    } else {
	      debug('no pr');
	      if (M === '0') {
	        if (m === '0') {
	          ret = `>=${M}.${m}.${p
	          } <${M}.${m}.${+p + 1}-0`;
	        } else {
	          ret = `>=${M}.${m}.${p
	          } <${M}.${+m + 1}.0-0`;
	        }
	      } else {
	        ret = `>=${M}.${m}.${p
	        } <${+M + 1}.0.0-0`;
	      }
	    }

	    debug('caret return', ret);
	    return ret
	  })
	};

	const replaceXRanges = (comp, options) => {
	  debug('replaceXRanges', comp, options);
	  return comp
	    .split(/\s+/)
	    .map((c) => replaceXRange(c, options))
	    .join(' ')
	};

	const replaceXRange = (comp, options) => {
	  comp = comp.trim();
	  const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
	  return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
	    debug('xRange', comp, ret, gtlt, M, m, p, pr);
	    if (invalidXRangeOrder(M, m, p)) {
	      return comp
	    }

	    const xM = isX(M);
	    const xm = xM || isX(m);
	    const xp = xm || isX(p);
	    const anyX = xp;

	    if (gtlt === '=' && anyX) {
	      gtlt = '';
	    }

	    // if we're including prereleases in the match, then we need
	    // to fix this to -0, the lowest possible prerelease value
	    pr = options.includePrerelease ? '-0' : '';

	    if (xM) {
	      if (gtlt === '>' || gtlt === '<') {
	        // nothing is allowed
	        ret = '<0.0.0-0';
	      } else {
	        // nothing is forbidden
	        ret = '*';
	      }
	    } else if (gtlt && anyX) {
	      // we know patch is an x, because we have any x at all.
	      // replace X with 0
	      if (xm) {
	        m = 0;
	      }
	      p = 0;

	      if (gtlt === '>') {
	        // >1 => >=2.0.0
	        // >1.2 => >=1.3.0
	        gtlt = '>=';
	        if (xm) {
	          M = +M + 1;
	          m = 0;
	          p = 0;
	        } else {
	          m = +m + 1;
	          p = 0;
	        }
	      } else if (gtlt === '<=') {
	        // <=0.7.x is actually <0.8.0, since any 0.7.x should
	        // pass.  Similarly, <=7.x is actually <8.0.0, etc.
	        gtlt = '<';
	        if (xm) {
	          M = +M + 1;
	        } else {
	          m = +m + 1;
	        }
	      }

	      if (gtlt === '<') {
	        pr = '-0';
	      }

	      ret = `${gtlt + M}.${m}.${p}${pr}`;
	    } else if (xm) {
	      ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
	    } else if (xp) {
	      ret = `>=${M}.${m}.0${pr
	      } <${M}.${+m + 1}.0-0`;
	    }

	    debug('xRange return', ret);

	    return ret
	  })
	};

	// Because * is AND-ed with everything else in the comparator,
	// and '' means "any version", just remove the *s entirely.
	const replaceStars = (comp, options) => {
	  debug('replaceStars', comp, options);
	  // Looseness is ignored here.  star is always as loose as it gets!
	  return comp
	    .trim()
	    .replace(re[t.STAR], '')
	};

	const replaceGTE0 = (comp, options) => {
	  debug('replaceGTE0', comp, options);
	  return comp
	    .trim()
	    .replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], '')
	};

	// This function is passed to string.replace(re[t.HYPHENRANGE])
	// M, m, patch, prerelease, build
	// 1.2 - 3.4.5 => >=1.2.0 <=3.4.5
	// 1.2.3 - 3.4 => >=1.2.0 <3.5.0-0 Any 3.4.x will do
	// 1.2 - 3.4 => >=1.2.0 <3.5.0-0
	// TODO build?
	const hyphenReplace = incPr => ($0,
	  from, fM, fm, fp, fpr, fb,
	  to, tM, tm, tp, tpr) => {
	  if (isX(fM)) {
	    from = '';
	  } else if (isX(fm)) {
	    from = `>=${fM}.0.0${incPr ? '-0' : ''}`;
	  } else if (isX(fp)) {
	    from = `>=${fM}.${fm}.0${incPr ? '-0' : ''}`;
	  } else if (fpr) {
	    from = `>=${from}`;
	  } else {
	    from = `>=${from}${incPr ? '-0' : ''}`;
	  }

	  if (isX(tM)) {
	    to = '';
	  } else if (isX(tm)) {
	    to = `<${+tM + 1}.0.0-0`;
	  } else if (isX(tp)) {
	    to = `<${tM}.${+tm + 1}.0-0`;
	  } else if (tpr) {
	    to = `<=${tM}.${tm}.${tp}-${tpr}`;
	  } else if (incPr) {
	    to = `<${tM}.${tm}.${+tp + 1}-0`;
	  } else {
	    to = `<=${to}`;
	  }

	  return `${from} ${to}`.trim()
	};

	const testSet = (set, version, options) => {
	  for (let i = 0; i < set.length; i++) {
	    if (!set[i].test(version)) {
	      return false
	    }
	  }

	  if (version.prerelease.length && !options.includePrerelease) {
	    // Find the set of versions that are allowed to have prereleases
	    // For example, ^1.2.3-pr.1 desugars to >=1.2.3-pr.1 <2.0.0
	    // That should allow `1.2.3-pr.2` to pass.
	    // However, `1.2.4-alpha.notready` should NOT be allowed,
	    // even though it's within the range set by the comparators.
	    for (let i = 0; i < set.length; i++) {
	      debug(set[i].semver);
	      if (set[i].semver === Comparator.ANY) {
	        continue
	      }

	      if (set[i].semver.prerelease.length > 0) {
	        const allowed = set[i].semver;
	        if (allowed.major === version.major &&
	            allowed.minor === version.minor &&
	            allowed.patch === version.patch) {
	          return true
	        }
	      }
	    }

	    // Version has a -pre, but it's not one of the ones we like.
	    return false
	  }

	  return true
	};
	return range$1;
}

var comparator;
var hasRequiredComparator;

function requireComparator () {
	if (hasRequiredComparator) return comparator;
	hasRequiredComparator = 1;

	const ANY = Symbol('SemVer ANY');
	// hoisted class for cyclic dependency
	class Comparator {
	  static get ANY () {
	    return ANY
	  }

	  constructor (comp, options) {
	    options = parseOptions(options);

	    if (comp instanceof Comparator) {
	      if (comp.loose === !!options.loose) {
	        return comp
	      } else {
	        comp = comp.value;
	      }
	    }

	    comp = comp.trim().split(/\s+/).join(' ');
	    debug('comparator', comp, options);
	    this.options = options;
	    this.loose = !!options.loose;
	    this.parse(comp);

	    if (this.semver === ANY) {
	      this.value = '';
	    } else {
	      this.value = this.operator + this.semver.version;
	    }

	    debug('comp', this);
	  }

	  parse (comp) {
	    const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
	    const m = comp.match(r);

	    if (!m) {
	      throw new TypeError(`Invalid comparator: ${comp}`)
	    }

	    this.operator = m[1] !== undefined ? m[1] : '';
	    if (this.operator === '=') {
	      this.operator = '';
	    }

	    // if it literally is just '>' or '' then allow anything.
	    if (!m[2]) {
	      this.semver = ANY;
	    } else {
	      this.semver = new SemVer(m[2], this.options.loose);
	    }
	  }

	  toString () {
	    return this.value
	  }

	  test (version) {
	    debug('Comparator.test', version, this.options.loose);

	    if (this.semver === ANY || version === ANY) {
	      return true
	    }

	    if (typeof version === 'string') {
	      try {
	        version = new SemVer(version, this.options);
	      } catch (er) {
	        return false
	      }
	    }

	    return cmp(version, this.operator, this.semver, this.options)
	  }

	  intersects (comp, options) {
	    if (!(comp instanceof Comparator)) {
	      throw new TypeError('a Comparator is required')
	    }

	    if (this.operator === '') {
	      if (this.value === '') {
	        return true
	      }
	      return new Range(comp.value, options).test(this.value)
	    } else if (comp.operator === '') {
	      if (comp.value === '') {
	        return true
	      }
	      return new Range(this.value, options).test(comp.semver)
	    }

	    options = parseOptions(options);

	    // Special cases where nothing can possibly be lower
	    if (options.includePrerelease &&
	      (this.value === '<0.0.0-0' || comp.value === '<0.0.0-0')) {
	      return false
	    }
	    if (!options.includePrerelease &&
	      (this.value.startsWith('<0.0.0') || comp.value.startsWith('<0.0.0'))) {
	      return false
	    }

	    // Same direction increasing (> or >=)
	    if (this.operator.startsWith('>') && comp.operator.startsWith('>')) {
	      return true
	    }
	    // Same direction decreasing (< or <=)
	    if (this.operator.startsWith('<') && comp.operator.startsWith('<')) {
	      return true
	    }
	    // same SemVer and both sides are inclusive (<= or >=)
	    if (
	      (this.semver.version === comp.semver.version) &&
	      this.operator.includes('=') && comp.operator.includes('=')) {
	      return true
	    }
	    // opposite directions less than
	    if (cmp(this.semver, '<', comp.semver, options) &&
	      this.operator.startsWith('>') && comp.operator.startsWith('<')) {
	      return true
	    }
	    // opposite directions greater than
	    if (cmp(this.semver, '>', comp.semver, options) &&
	      this.operator.startsWith('<') && comp.operator.startsWith('>')) {
	      return true
	    }
	    return false
	  }
	}

	comparator = Comparator;

	const parseOptions = requireParseOptions();
	const { safeRe: re, t } = requireRe();
	const cmp = requireCmp();
	const debug = requireDebug();
	const SemVer = requireSemver$1();
	const Range = requireRange();
	return comparator;
}

var satisfies_1;
var hasRequiredSatisfies;

function requireSatisfies () {
	if (hasRequiredSatisfies) return satisfies_1;
	hasRequiredSatisfies = 1;

	const Range = requireRange();
	const satisfies = (version, range, options) => {
	  try {
	    range = new Range(range, options);
	  } catch (er) {
	    return false
	  }
	  return range.test(version)
	};
	satisfies_1 = satisfies;
	return satisfies_1;
}

var toComparators_1;
var hasRequiredToComparators;

function requireToComparators () {
	if (hasRequiredToComparators) return toComparators_1;
	hasRequiredToComparators = 1;

	const Range = requireRange();

	// Mostly just for testing and legacy API reasons
	const toComparators = (range, options) =>
	  new Range(range, options).set
	    .map(comp => comp.map(c => c.value).join(' ').trim().split(' '));

	toComparators_1 = toComparators;
	return toComparators_1;
}

var maxSatisfying_1;
var hasRequiredMaxSatisfying;

function requireMaxSatisfying () {
	if (hasRequiredMaxSatisfying) return maxSatisfying_1;
	hasRequiredMaxSatisfying = 1;

	const SemVer = requireSemver$1();
	const Range = requireRange();

	const maxSatisfying = (versions, range, options) => {
	  let max = null;
	  let maxSV = null;
	  let rangeObj = null;
	  try {
	    rangeObj = new Range(range, options);
	  } catch (er) {
	    return null
	  }
	  versions.forEach((v) => {
	    if (rangeObj.test(v)) {
	      // satisfies(v, range, options)
	      if (!max || maxSV.compare(v) === -1) {
	        // compare(max, v, true)
	        max = v;
	        maxSV = new SemVer(max, options);
	      }
	    }
	  });
	  return max
	};
	maxSatisfying_1 = maxSatisfying;
	return maxSatisfying_1;
}

var minSatisfying_1;
var hasRequiredMinSatisfying;

function requireMinSatisfying () {
	if (hasRequiredMinSatisfying) return minSatisfying_1;
	hasRequiredMinSatisfying = 1;

	const SemVer = requireSemver$1();
	const Range = requireRange();
	const minSatisfying = (versions, range, options) => {
	  let min = null;
	  let minSV = null;
	  let rangeObj = null;
	  try {
	    rangeObj = new Range(range, options);
	  } catch (er) {
	    return null
	  }
	  versions.forEach((v) => {
	    if (rangeObj.test(v)) {
	      // satisfies(v, range, options)
	      if (!min || minSV.compare(v) === 1) {
	        // compare(min, v, true)
	        min = v;
	        minSV = new SemVer(min, options);
	      }
	    }
	  });
	  return min
	};
	minSatisfying_1 = minSatisfying;
	return minSatisfying_1;
}

var minVersion_1;
var hasRequiredMinVersion;

function requireMinVersion () {
	if (hasRequiredMinVersion) return minVersion_1;
	hasRequiredMinVersion = 1;

	const SemVer = requireSemver$1();
	const Range = requireRange();
	const gt = requireGt();

	const minVersion = (range, loose) => {
	  range = new Range(range, loose);

	  let minver = new SemVer('0.0.0');
	  if (range.test(minver)) {
	    return minver
	  }

	  minver = new SemVer('0.0.0-0');
	  if (range.test(minver)) {
	    return minver
	  }

	  minver = null;
	  for (let i = 0; i < range.set.length; ++i) {
	    const comparators = range.set[i];

	    let setMin = null;
	    comparators.forEach((comparator) => {
	      // Clone to avoid manipulating the comparator's semver object.
	      const compver = new SemVer(comparator.semver.version);
	      switch (comparator.operator) {
	        case '>':
	          if (compver.prerelease.length === 0) {
	            compver.patch++;
	          } else {
	            compver.prerelease.push(0);
	          }
	          compver.raw = compver.format();
	          /* fallthrough */
	        case '':
	        case '>=':
	          if (!setMin || gt(compver, setMin)) {
	            setMin = compver;
	          }
	          break
	        case '<':
	        case '<=':
	          /* Ignore maximum versions */
	          break
	        /* istanbul ignore next */
	        default:
	          throw new Error(`Unexpected operation: ${comparator.operator}`)
	      }
	    });
	    if (setMin && (!minver || gt(minver, setMin))) {
	      minver = setMin;
	    }
	  }

	  if (minver && range.test(minver)) {
	    return minver
	  }

	  return null
	};
	minVersion_1 = minVersion;
	return minVersion_1;
}

var valid;
var hasRequiredValid;

function requireValid () {
	if (hasRequiredValid) return valid;
	hasRequiredValid = 1;

	const Range = requireRange();
	const validRange = (range, options) => {
	  try {
	    // Return '*' instead of '' so that truthiness works.
	    // This will throw if it's invalid anyway
	    return new Range(range, options).range || '*'
	  } catch (er) {
	    return null
	  }
	};
	valid = validRange;
	return valid;
}

var outside_1;
var hasRequiredOutside;

function requireOutside () {
	if (hasRequiredOutside) return outside_1;
	hasRequiredOutside = 1;

	const SemVer = requireSemver$1();
	const Comparator = requireComparator();
	const { ANY } = Comparator;
	const Range = requireRange();
	const satisfies = requireSatisfies();
	const gt = requireGt();
	const lt = requireLt();
	const lte = requireLte();
	const gte = requireGte();

	const outside = (version, range, hilo, options) => {
	  version = new SemVer(version, options);
	  range = new Range(range, options);

	  let gtfn, ltefn, ltfn, comp, ecomp;
	  switch (hilo) {
	    case '>':
	      gtfn = gt;
	      ltefn = lte;
	      ltfn = lt;
	      comp = '>';
	      ecomp = '>=';
	      break
	    case '<':
	      gtfn = lt;
	      ltefn = gte;
	      ltfn = gt;
	      comp = '<';
	      ecomp = '<=';
	      break
	    default:
	      throw new TypeError('Must provide a hilo val of "<" or ">"')
	  }

	  // If it satisfies the range it is not outside
	  if (satisfies(version, range, options)) {
	    return false
	  }

	  // From now on, variable terms are as if we're in "gtr" mode.
	  // but note that everything is flipped for the "ltr" function.

	  for (let i = 0; i < range.set.length; ++i) {
	    const comparators = range.set[i];

	    let high = null;
	    let low = null;

	    comparators.forEach((comparator) => {
	      if (comparator.semver === ANY) {
	        comparator = new Comparator('>=0.0.0');
	      }
	      high = high || comparator;
	      low = low || comparator;
	      if (gtfn(comparator.semver, high.semver, options)) {
	        high = comparator;
	      } else if (ltfn(comparator.semver, low.semver, options)) {
	        low = comparator;
	      }
	    });

	    // If the edge version comparator has a operator then our version
	    // isn't outside it
	    if (high.operator === comp || high.operator === ecomp) {
	      return false
	    }

	    // If the lowest version comparator has an operator and our version
	    // is less than it then it isn't higher than the range
	    if ((!low.operator || low.operator === comp) &&
	        ltefn(version, low.semver)) {
	      return false
	    } else if (low.operator === ecomp && ltfn(version, low.semver)) {
	      return false
	    }
	  }
	  return true
	};

	outside_1 = outside;
	return outside_1;
}

var gtr_1;
var hasRequiredGtr;

function requireGtr () {
	if (hasRequiredGtr) return gtr_1;
	hasRequiredGtr = 1;

	// Determine if version is greater than all the versions possible in the range.
	const outside = requireOutside();
	const gtr = (version, range, options) => outside(version, range, '>', options);
	gtr_1 = gtr;
	return gtr_1;
}

var ltr_1;
var hasRequiredLtr;

function requireLtr () {
	if (hasRequiredLtr) return ltr_1;
	hasRequiredLtr = 1;

	const outside = requireOutside();
	// Determine if version is less than all the versions possible in the range
	const ltr = (version, range, options) => outside(version, range, '<', options);
	ltr_1 = ltr;
	return ltr_1;
}

var intersects_1;
var hasRequiredIntersects;

function requireIntersects () {
	if (hasRequiredIntersects) return intersects_1;
	hasRequiredIntersects = 1;

	const Range = requireRange();
	const intersects = (r1, r2, options) => {
	  r1 = new Range(r1, options);
	  r2 = new Range(r2, options);
	  return r1.intersects(r2, options)
	};
	intersects_1 = intersects;
	return intersects_1;
}

var simplify;
var hasRequiredSimplify;

function requireSimplify () {
	if (hasRequiredSimplify) return simplify;
	hasRequiredSimplify = 1;

	// given a set of versions and a range, create a "simplified" range
	// that includes the same versions that the original range does
	// If the original range is shorter than the simplified one, return that.
	const satisfies = requireSatisfies();
	const compare = requireCompare();
	simplify = (versions, range, options) => {
	  const set = [];
	  let first = null;
	  let prev = null;
	  const v = versions.sort((a, b) => compare(a, b, options));
	  for (const version of v) {
	    const included = satisfies(version, range, options);
	    if (included) {
	      prev = version;
	      if (!first) {
	        first = version;
	      }
	    } else {
	      if (prev) {
	        set.push([first, prev]);
	      }
	      prev = null;
	      first = null;
	    }
	  }
	  if (first) {
	    set.push([first, null]);
	  }

	  const ranges = [];
	  for (const [min, max] of set) {
	    if (min === max) {
	      ranges.push(min);
	    } else if (!max && min === v[0]) {
	      ranges.push('*');
	    } else if (!max) {
	      ranges.push(`>=${min}`);
	    } else if (min === v[0]) {
	      ranges.push(`<=${max}`);
	    } else {
	      ranges.push(`${min} - ${max}`);
	    }
	  }
	  const simplified = ranges.join(' || ');
	  const original = typeof range.raw === 'string' ? range.raw : String(range);
	  return simplified.length < original.length ? simplified : range
	};
	return simplify;
}

var subset_1;
var hasRequiredSubset;

function requireSubset () {
	if (hasRequiredSubset) return subset_1;
	hasRequiredSubset = 1;

	const Range = requireRange();
	const Comparator = requireComparator();
	const { ANY } = Comparator;
	const satisfies = requireSatisfies();
	const compare = requireCompare();

	// Complex range `r1 || r2 || ...` is a subset of `R1 || R2 || ...` iff:
	// - Every simple range `r1, r2, ...` is a null set, OR
	// - Every simple range `r1, r2, ...` which is not a null set is a subset of
	//   some `R1, R2, ...`
	//
	// Simple range `c1 c2 ...` is a subset of simple range `C1 C2 ...` iff:
	// - If c is only the ANY comparator
	//   - If C is only the ANY comparator, return true
	//   - Else if in prerelease mode, return false
	//   - else replace c with `[>=0.0.0]`
	// - If C is only the ANY comparator
	//   - if in prerelease mode, return true
	//   - else replace C with `[>=0.0.0]`
	// - Let EQ be the set of = comparators in c
	// - If EQ is more than one, return true (null set)
	// - Let GT be the highest > or >= comparator in c
	// - Let LT be the lowest < or <= comparator in c
	// - If GT and LT, and GT.semver > LT.semver, return true (null set)
	// - If any C is a = range, and GT or LT are set, return false
	// - If EQ
	//   - If GT, and EQ does not satisfy GT, return true (null set)
	//   - If LT, and EQ does not satisfy LT, return true (null set)
	//   - If EQ satisfies every C, return true
	//   - Else return false
	// - If GT
	//   - If GT.semver is lower than any > or >= comp in C, return false
	//   - If GT is >=, and GT.semver does not satisfy every C, return false
	//   - If GT.semver has a prerelease, and not in prerelease mode
	//     - If no C has a prerelease and the GT.semver tuple, return false
	// - If LT
	//   - If LT.semver is greater than any < or <= comp in C, return false
	//   - If LT is <=, and LT.semver does not satisfy every C, return false
	//   - If LT.semver has a prerelease, and not in prerelease mode
	//     - If no C has a prerelease and the LT.semver tuple, return false
	// - Else return true

	const subset = (sub, dom, options = {}) => {
	  if (sub === dom) {
	    return true
	  }

	  sub = new Range(sub, options);
	  dom = new Range(dom, options);
	  let sawNonNull = false;

	  OUTER: for (const simpleSub of sub.set) {
	    for (const simpleDom of dom.set) {
	      const isSub = simpleSubset(simpleSub, simpleDom, options);
	      sawNonNull = sawNonNull || isSub !== null;
	      if (isSub) {
	        continue OUTER
	      }
	    }
	    // the null set is a subset of everything, but null simple ranges in
	    // a complex range should be ignored.  so if we saw a non-null range,
	    // then we know this isn't a subset, but if EVERY simple range was null,
	    // then it is a subset.
	    if (sawNonNull) {
	      return false
	    }
	  }
	  return true
	};

	const minimumVersionWithPreRelease = [new Comparator('>=0.0.0-0')];
	const minimumVersion = [new Comparator('>=0.0.0')];

	const simpleSubset = (sub, dom, options) => {
	  if (sub === dom) {
	    return true
	  }

	  if (sub.length === 1 && sub[0].semver === ANY) {
	    if (dom.length === 1 && dom[0].semver === ANY) {
	      return true
	    } else if (options.includePrerelease) {
	      sub = minimumVersionWithPreRelease;
	    } else {
	      sub = minimumVersion;
	    }
	  }

	  if (dom.length === 1 && dom[0].semver === ANY) {
	    if (options.includePrerelease) {
	      return true
	    } else {
	      dom = minimumVersion;
	    }
	  }

	  const eqSet = new Set();
	  let gt, lt;
	  for (const c of sub) {
	    if (c.operator === '>' || c.operator === '>=') {
	      gt = higherGT(gt, c, options);
	    } else if (c.operator === '<' || c.operator === '<=') {
	      lt = lowerLT(lt, c, options);
	    } else {
	      eqSet.add(c.semver);
	    }
	  }

	  if (eqSet.size > 1) {
	    return null
	  }

	  let gtltComp;
	  if (gt && lt) {
	    gtltComp = compare(gt.semver, lt.semver, options);
	    if (gtltComp > 0) {
	      return null
	    } else if (gtltComp === 0 && (gt.operator !== '>=' || lt.operator !== '<=')) {
	      return null
	    }
	  }

	  // will iterate one or zero times
	  for (const eq of eqSet) {
	    if (gt && !satisfies(eq, String(gt), options)) {
	      return null
	    }

	    if (lt && !satisfies(eq, String(lt), options)) {
	      return null
	    }

	    for (const c of dom) {
	      if (!satisfies(eq, String(c), options)) {
	        return false
	      }
	    }

	    return true
	  }

	  let higher, lower;
	  let hasDomLT, hasDomGT;
	  // if the subset has a prerelease, we need a comparator in the superset
	  // with the same tuple and a prerelease, or it's not a subset
	  let needDomLTPre = lt &&
	    !options.includePrerelease &&
	    lt.semver.prerelease.length ? lt.semver : false;
	  let needDomGTPre = gt &&
	    !options.includePrerelease &&
	    gt.semver.prerelease.length ? gt.semver : false;
	  // exception: <1.2.3-0 is the same as <1.2.3
	  if (needDomLTPre && needDomLTPre.prerelease.length === 1 &&
	      lt.operator === '<' && needDomLTPre.prerelease[0] === 0) {
	    needDomLTPre = false;
	  }

	  for (const c of dom) {
	    hasDomGT = hasDomGT || c.operator === '>' || c.operator === '>=';
	    hasDomLT = hasDomLT || c.operator === '<' || c.operator === '<=';
	    if (gt) {
	      if (needDomGTPre) {
	        if (c.semver.prerelease && c.semver.prerelease.length &&
	            c.semver.major === needDomGTPre.major &&
	            c.semver.minor === needDomGTPre.minor &&
	            c.semver.patch === needDomGTPre.patch) {
	          needDomGTPre = false;
	        }
	      }
	      if (c.operator === '>' || c.operator === '>=') {
	        higher = higherGT(gt, c, options);
	        if (higher === c && higher !== gt) {
	          return false
	        }
	      } else if (gt.operator === '>=' && !c.test(gt.semver)) {
	        return false
	      }
	    }
	    if (lt) {
	      if (needDomLTPre) {
	        if (c.semver.prerelease && c.semver.prerelease.length &&
	            c.semver.major === needDomLTPre.major &&
	            c.semver.minor === needDomLTPre.minor &&
	            c.semver.patch === needDomLTPre.patch) {
	          needDomLTPre = false;
	        }
	      }
	      if (c.operator === '<' || c.operator === '<=') {
	        lower = lowerLT(lt, c, options);
	        if (lower === c && lower !== lt) {
	          return false
	        }
	      } else if (lt.operator === '<=' && !c.test(lt.semver)) {
	        return false
	      }
	    }
	    if (!c.operator && (lt || gt) && gtltComp !== 0) {
	      return false
	    }
	  }

	  // if there was a < or >, and nothing in the dom, then must be false
	  // UNLESS it was limited by another range in the other direction.
	  // Eg, >1.0.0 <1.0.1 is still a subset of <2.0.0
	  if (gt && hasDomLT && !lt && gtltComp !== 0) {
	    return false
	  }

	  if (lt && hasDomGT && !gt && gtltComp !== 0) {
	    return false
	  }

	  // we needed a prerelease range in a specific tuple, but didn't get one
	  // then this isn't a subset.  eg >=1.2.3-pre is not a subset of >=1.0.0,
	  // because it includes prereleases in the 1.2.3 tuple
	  if (needDomGTPre || needDomLTPre) {
	    return false
	  }

	  return true
	};

	// >=1.2.3 is lower than >1.2.3
	const higherGT = (a, b, options) => {
	  if (!a) {
	    return b
	  }
	  const comp = compare(a.semver, b.semver, options);
	  return comp > 0 ? a
	    : comp < 0 ? b
	    : b.operator === '>' && a.operator === '>=' ? b
	    : a
	};

	// <=1.2.3 is higher than <1.2.3
	const lowerLT = (a, b, options) => {
	  if (!a) {
	    return b
	  }
	  const comp = compare(a.semver, b.semver, options);
	  return comp < 0 ? a
	    : comp > 0 ? b
	    : b.operator === '<' && a.operator === '<=' ? b
	    : a
	};

	subset_1 = subset;
	return subset_1;
}

var semver$1;
var hasRequiredSemver;

function requireSemver () {
	if (hasRequiredSemver) return semver$1;
	hasRequiredSemver = 1;

	// just pre-load all the stuff that index.js lazily exports
	const internalRe = requireRe();
	const constants = requireConstants();
	const SemVer = requireSemver$1();
	const identifiers = requireIdentifiers();
	const parse = requireParse();
	const valid = requireValid$1();
	const clean = requireClean();
	const inc = requireInc();
	const diff = requireDiff();
	const major = requireMajor();
	const minor = requireMinor();
	const patch = requirePatch();
	const prerelease = requirePrerelease();
	const compare = requireCompare();
	const rcompare = requireRcompare();
	const compareLoose = requireCompareLoose();
	const compareBuild = requireCompareBuild();
	const sort = requireSort();
	const rsort = requireRsort();
	const gt = requireGt();
	const lt = requireLt();
	const eq = requireEq();
	const neq = requireNeq();
	const gte = requireGte();
	const lte = requireLte();
	const cmp = requireCmp();
	const coerce = requireCoerce();
	const truncate = requireTruncate();
	const Comparator = requireComparator();
	const Range = requireRange();
	const satisfies = requireSatisfies();
	const toComparators = requireToComparators();
	const maxSatisfying = requireMaxSatisfying();
	const minSatisfying = requireMinSatisfying();
	const minVersion = requireMinVersion();
	const validRange = requireValid();
	const outside = requireOutside();
	const gtr = requireGtr();
	const ltr = requireLtr();
	const intersects = requireIntersects();
	const simplifyRange = requireSimplify();
	const subset = requireSubset();
	semver$1 = {
	  parse,
	  valid,
	  clean,
	  inc,
	  diff,
	  major,
	  minor,
	  patch,
	  prerelease,
	  compare,
	  rcompare,
	  compareLoose,
	  compareBuild,
	  sort,
	  rsort,
	  gt,
	  lt,
	  eq,
	  neq,
	  gte,
	  lte,
	  cmp,
	  coerce,
	  truncate,
	  Comparator,
	  Range,
	  satisfies,
	  toComparators,
	  maxSatisfying,
	  minSatisfying,
	  minVersion,
	  validRange,
	  outside,
	  gtr,
	  ltr,
	  intersects,
	  simplifyRange,
	  subset,
	  SemVer,
	  re: internalRe.re,
	  src: internalRe.src,
	  tokens: internalRe.t,
	  SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
	  RELEASE_TYPES: constants.RELEASE_TYPES,
	  compareIdentifiers: identifiers.compareIdentifiers,
	  rcompareIdentifiers: identifiers.rcompareIdentifiers,
	};
	return semver$1;
}

var semverExports = requireSemver();
var semver = /*@__PURE__*/getDefaultExportFromCjs(semverExports);

// Go version strings exactly as golang.org/x/mod/semver and golang.org/x/mod/module (pseudo.go) treat
// them. npm `semver` is a different dialect (optional `v`, trimming, 2^53 and 256-character limits,
// no shorthands), so every input is first parsed with Go's grammar here; npm `semver` then only
// compares versions that lie inside its exact domain (see `compare`).
//
// Strings model Go's byte strings: a JS string stands for its UTF-8 encoding, except that a lone
// surrogate U+DC80..U+DCFF stands for the single raw byte 0x80..0xFF ("surrogateescape", the
// convention of Python's PEP 383). `decodeGoBytes` produces such strings from bytes, so invalid
// UTF-8 survives the trip into JS and out again through `goQuote`. Any lone surrogate makes a
// string invalid UTF-8.
// ---------------------------------------------------------------------------------------------
// Go string model
/** The string that stands for `bytes`: valid UTF-8 sequences decode normally, each other byte
 * becomes the lone surrogate U+DC00+byte (only bytes >= 0x80 can be invalid). */
function decodeGoBytes(bytes) {
    let out = '';
    for (let i = 0; i < bytes.length;) {
        const [rune, width] = decodeRune(bytes, i);
        out += String.fromCodePoint(rune < 0 ? 0xdc00 + bytes[i] : rune);
        i += width;
    }
    return out;
}
/** The bytes a string stands for: UTF-8, with U+DC80..U+DCFF as raw bytes and any other lone
 * surrogate in its 3-byte generalized UTF-8 form (which Go also reads as invalid). */
function encodeGoBytes(s) {
    const out = [];
    for (const ch of s) {
        const cp = ch.codePointAt(0);
        if (cp >= 0xdc80 && cp <= 0xdcff)
            out.push(cp - 0xdc00);
        else if (cp < 0x80)
            out.push(cp);
        else if (cp < 0x800)
            out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
        else if (cp < 0x10000)
            out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
        else
            out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    }
    return out;
}
/** Decodes one rune at `i` as utf8.DecodeRune does, but returns rune -1 (width 1) where Go returns
 * RuneError for an invalid byte, so that a genuine U+FFFD stays distinguishable. */
function decodeRune(bytes, i) {
    const b0 = bytes[i];
    if (b0 < 0x80)
        return [b0, 1];
    // How many continuation bytes the lead byte announces; 0 for a byte that cannot start a rune.
    const need = b0 >= 0xf0 && b0 <= 0xf4 ? 3 : b0 >= 0xe0 && b0 <= 0xef ? 2 : b0 >= 0xc2 && b0 <= 0xdf ? 1 : 0;
    if (need === 0 || i + need >= bytes.length)
        return [-1, 1];
    let rune = b0 & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
        const b = bytes[i + k];
        if ((b & 0xc0) !== 0x80)
            return [-1, 1];
        rune = (rune << 6) | (b & 0x3f);
    }
    const tooShort = (need === 2 && rune < 0x800) || (need === 3 && rune < 0x10000);
    if (tooShort || rune > 0x10ffff || (rune >= 0xd800 && rune <= 0xdfff))
        return [-1, 1];
    return [rune, need + 1];
}
/** Reports whether s stands for valid UTF-8 (utf8.ValidString): true exactly when it has no lone
 * surrogate. */
function isValidUtf8$1(s) {
    return !/\p{Cs}/u.test(s);
}
// strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE$1 = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const CONTROL_ESCAPES = {
    0x07: '\\a',
    0x08: '\\b',
    0x0c: '\\f',
    0x0a: '\\n',
    0x0d: '\\r',
    0x09: '\\t',
    0x0b: '\\v'
};
function hex(n, width) {
    return n.toString(16).padStart(width, '0');
}
/** The escape of a valid rune that is not the quote character or a backslash (strconv's
 * appendEscapedRune). */
function escapeRune(r) {
    const ch = String.fromCodePoint(r);
    if (PRINTABLE$1.test(ch))
        return ch;
    if (CONTROL_ESCAPES[r] !== undefined)
        return CONTROL_ESCAPES[r];
    if (r < 0x20 || r === 0x7f)
        return '\\x' + hex(r, 2);
    return r < 0x10000 ? '\\u' + hex(r, 4) : '\\U' + hex(r, 8);
}
/** Go's `%q` of a string (strconv.Quote): double quotes, `\"` and `\\` escaped, non-printable runes
 * escaped, each byte of invalid UTF-8 written `\xNN`. */
function goQuote$1(s) {
    const bytes = encodeGoBytes(s);
    let out = '"';
    for (let i = 0; i < bytes.length;) {
        const [rune, width] = decodeRune(bytes, i);
        if (rune < 0)
            out += '\\x' + hex(bytes[i], 2);
        else if (rune === 0x22 || rune === 0x5c)
            out += '\\' + String.fromCharCode(rune);
        else
            out += escapeRune(rune);
        i += width;
    }
    return out + '"';
}
/** Go's `%q` of a rune (strconv.QuoteRune): single quotes, `\'` and `\\` escaped. */
function goQuoteRune(r) {
    if (r === 0x27 || r === 0x5c)
        return "'\\" + String.fromCharCode(r) + "'";
    const valid = r >= 0 && r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff);
    return "'" + escapeRune(valid ? r : 0xfffd) + "'";
}
/** strings.Compare: byte order of the UTF-8 forms, i.e. code point order (UTF-16 code unit order
 * differs for astral characters against U+E000..U+FFFF). */
function compareGoStrings(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a.charCodeAt(i);
        const y = b.charCodeAt(i);
        if (x !== y)
            return codeUnitRank(x) < codeUnitRank(y) ? -1 : 1;
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
// Moves surrogates above U+E000..U+FFFF so that code unit order becomes code point order.
function codeUnitRank(u) {
    if (u >= 0xe000)
        return u - 0x800;
    if (u >= 0xd800)
        return u + 0x2000;
    return u;
}
// Go's grammar, anchored: numbers without leading zeros and of any length; prerelease identifiers
// non-empty, numeric ones without leading zeros; build identifiers non-empty, leading zeros allowed;
// the shorthands vN and vN.M only without prerelease and build. `$` without the m flag is the true end.
const NUM = '0|[1-9][0-9]*';
const PRE_IDENT = `(?:${NUM}|[0-9]*[A-Za-z-][0-9A-Za-z-]*)`;
const BUILD_IDENT = '[0-9A-Za-z-]+';
const SEMVER_RE = new RegExp(`^v(${NUM})(?:\\.(${NUM})(?:\\.(${NUM})(-${PRE_IDENT}(?:\\.${PRE_IDENT})*)?(\\+${BUILD_IDENT}(?:\\.${BUILD_IDENT})*)?)?)?$`);
function parse(v) {
    const m = SEMVER_RE.exec(v);
    if (m === null)
        return undefined;
    const [, major, minor, patch, prerelease = '', build = ''] = m;
    if (minor === undefined)
        return { major, minor: '0', patch: '0', short: '.0.0', prerelease, build };
    if (patch === undefined)
        return { major, minor, patch: '0', short: '.0', prerelease, build };
    return { major, minor, patch, short: '', prerelease, build };
}
/** Reports whether v is a valid Go semantic version: `v` MAJOR [. MINOR [. PATCH [-PRERELEASE]
 * [+BUILD]]] with a lower-case `v`, decimal numbers of any size without leading zeros, non-empty
 * dot-separated `[0-9A-Za-z-]` identifiers (numeric prerelease identifiers without leading zeros),
 * no white space anywhere. The shorthands `vN` and `vN.M` are valid; build metadata is allowed. */
function isValid(v) {
    return parse(v) !== undefined;
}
/** semver.Canonical: `vMAJOR.MINOR.PATCH[-PRERELEASE]`, shorthands filled in with `.0`, build
 * metadata dropped; '' when v is invalid. */
function canonical(v) {
    const p = parse(v);
    if (p === undefined)
        return '';
    return v.slice(0, v.length - p.build.length) + p.short;
}
/** semver.Major: `vMAJOR` ('v2' for 'v2.1.0'); '' when v is invalid. */
function major(v) {
    const p = parse(v);
    return p === undefined ? '' : 'v' + p.major;
}
/** semver.Prerelease: the prerelease suffix with its `-` ('-rc.1'); '' when none or invalid. */
function prerelease(v) {
    return parse(v)?.prerelease ?? '';
}
/** semver.Build: the build suffix with its `+` ('+meta'); '' when none or invalid. */
function build(v) {
    return parse(v)?.build ?? '';
}
/** The decimal major without `v` ('2' for 'v2.1.0'); '' when v is invalid. Compare two of these
 * with `compareDecimal`, never as JS numbers or plain strings. */
function majorDigits(v) {
    return parse(v)?.major ?? '';
}
/** Compares two unsigned decimal digit strings of any length by value: a longer string (no
 * leading zeros assumed) is larger, equal lengths compare lexically, as semver's compareInt does. */
function compareDecimal(a, b) {
    if (a === b)
        return 0;
    if (a.length !== b.length)
        return a.length < b.length ? -1 : 1;
    return a < b ? -1 : 1;
}
// Go's comparePrerelease: no prerelease ranks above any prerelease; identifiers compare one by one,
// numeric ones by value and below alphanumeric ones, alphanumeric ones in ASCII order; a longer list
// wins when one is a prefix of the other.
function comparePrerelease(x, y) {
    if (x === y)
        return 0;
    if (x === '')
        return 1;
    if (y === '')
        return -1;
    const xs = x.slice(1).split('.');
    const ys = y.slice(1).split('.');
    for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
        const c = compareIdentifier(xs[i], ys[i]);
        if (c !== 0)
            return c;
    }
    return xs.length === ys.length ? 0 : xs.length < ys.length ? -1 : 1;
}
function compareIdentifier(a, b) {
    const aNum = /^[0-9]+$/.test(a);
    const bNum = /^[0-9]+$/.test(b);
    if (aNum && bNum)
        return compareDecimal(a, b);
    if (aNum !== bNum)
        return aNum ? -1 : 1;
    return a === b ? 0 : a < b ? -1 : 1;
}
function compareExact(p, q) {
    return (compareDecimal(p.major, q.major) ||
        compareDecimal(p.minor, q.minor) ||
        compareDecimal(p.patch, q.patch) ||
        comparePrerelease(p.prerelease, q.prerelease));
}
// npm semver is exact only below 2^53 (it rejects larger main numbers and compares larger numeric
// prerelease identifiers as floats) and for strings of at most 256 characters. 15 digits stay below
// 2^53, so a version whose every digit run is that short lies inside npm's domain.
const NPM_MAX_LENGTH = 256;
const LONG_DIGIT_RUN = /[0-9]{16}/;
function npmForm(p) {
    const s = `${p.major}.${p.minor}.${p.patch}${p.prerelease}`;
    return s.length <= NPM_MAX_LENGTH && !LONG_DIGIT_RUN.test(s) ? s : undefined;
}
/** semver.Compare: -1, 0 or +1 as a sorts before, with or after b. Build metadata is ignored,
 * shorthands equal their canonical form ('v2' == 'v2.0.0'), numbers compare by value at any size,
 * every invalid version is below every valid one and all invalid versions are equal. */
function compare(a, b) {
    const p = parse(a);
    const q = parse(b);
    if (p === undefined || q === undefined)
        return p === q ? 0 : p === undefined ? -1 : 1;
    const x = npmForm(p);
    const y = npmForm(q);
    if (x !== undefined && y !== undefined)
        return semver.compare(x, y);
    return compareExact(p, q);
}
// ---------------------------------------------------------------------------------------------
// golang.org/x/mod/module: versions
/** module.CanonicalVersion: `canonical(v)`, but a `+incompatible` build suffix is kept. */
function canonicalModuleVersion(v) {
    const c = canonical(v);
    return build(v) === '+incompatible' ? c + '+incompatible' : c;
}
const PSEUDO_RE = /^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
/** Reports whether v is a pseudo-version (module.IsPseudoVersion): a valid version with at least
 * two `-` of the form `vX.0.0-TIME-REV`, `vX.Y.Z-0.TIME-REV` or `vX.Y.Z-PRE.0.TIME-REV`, where TIME
 * is 14 digits and REV is `[A-Za-z0-9]+`, optionally followed by build metadata. */
function isPseudoVersion(v) {
    return countChar(v, '-') >= 2 && isValid(v) && PSEUDO_RE.test(v);
}
function countChar(s, ch) {
    return s.split(ch).length - 1;
}
/** Reports whether the go command accepts v as a release tag: exactly canonical (`v ===
 * canonical(v)`, so no shorthand, no build metadata, not even `+incompatible`) and not a
 * pseudo-version (coderepo.go ignores tags that look like one). Prereleases are release tags. */
function isReleaseVersion(v) {
    return v !== '' && v === canonical(v) && !isPseudoVersion(v);
}
/** Why v is not a release tag, in plain English with the fix when one can be derived
 * ('it is a shorthand: write v2.0.0'); undefined when `isReleaseVersion(v)`. The first defect in
 * this order is named: white space, pseudo-version, `+incompatible`, other build metadata,
 * shorthand, upper-case `V`, missing `v`, leading zero, anything else. */
function releaseVersionProblem(v) {
    if (isReleaseVersion(v))
        return undefined;
    const reason = firstReleaseDefect(v);
    const fix = suggestRelease(v);
    return fix === undefined ? reason : `${reason}: write ${fix}`;
}
function firstReleaseDefect(v) {
    if (/\s/.test(v))
        return 'it contains white space';
    if (isPseudoVersion(v))
        return 'it is a pseudo-version';
    const p = parse(v);
    if (p !== undefined) {
        if (p.build === '+incompatible')
            return '+incompatible is never part of a tag';
        if (p.build !== '')
            return `build metadata (${p.build}) is not allowed in a release tag`;
        return 'it is a shorthand';
    }
    if (v.startsWith('V'))
        return 'it has an upper-case "V"';
    if (/^[0-9]/.test(v))
        return 'it has no leading "v"';
    if (stripLeadingZeros(v) !== v)
        return 'a leading zero is not allowed';
    return 'it is not a semantic version';
}
// The release tag the author most likely meant: trimmed, `v` in front and in lower case, leading
// zeros removed, shorthand filled in, build metadata dropped. Pseudo-versions get no suggestion.
function suggestRelease(v) {
    if (isPseudoVersion(v))
        return undefined;
    let s = v.trim();
    if (/^V?[0-9]/.test(s))
        s = 'v' + s.replace(/^V/, '');
    const fixed = canonical(stripLeadingZeros(s));
    return fixed !== '' && isReleaseVersion(fixed) ? fixed : undefined;
}
// Drops leading zeros from the numbers of the main version and from numeric prerelease identifiers.
function stripLeadingZeros(v) {
    const plus = v.indexOf('+');
    const head = plus < 0 ? v : v.slice(0, plus);
    const tail = plus < 0 ? '' : v.slice(plus);
    const dash = head.indexOf('-');
    const main = dash < 0 ? head : head.slice(0, dash);
    const pre = dash < 0 ? '' : head.slice(dash);
    const trim = (id) => (/^[0-9]+$/.test(id) ? id.replace(/^0+(?=.)/, '') : id);
    const fixedMain = main.replace(/[0-9]+/g, trim);
    const fixedPre = pre === '' ? '' : '-' + pre.slice(1).split('.').map(trim).join('.');
    return fixedMain + fixedPre + tail;
}
/** incDecimal of pseudo.go: the decimal digit string plus one, at any length ('99' -> '100').
 * Like Go it does no validation; '' (where Go would panic) is treated as zero. */
function incDecimal(s) {
    let i = s.length - 1;
    while (i >= 0 && s[i] === '9')
        i--;
    const zeros = '0'.repeat(s.length - 1 - i);
    if (i < 0)
        return '1' + zeros;
    return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) + 1) + zeros;
}

// Module, import and file paths exactly as golang.org/x/mod/module checks them. Every error is the
// text of x/mod's err.Error(), with Go's %q quoting. Strings stand for Go byte strings as described
// in version.ts (invalid UTF-8 bytes are lone surrogates U+DC80..U+DCFF, see `decodeGoBytes`).
// ---------------------------------------------------------------------------------------------
// Path syntax
const BAD_WINDOWS_NAMES = new Set([
    'CON',
    'PRN',
    'AUX',
    'NUL',
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap(n => [`COM${n}`, `LPT${n}`])
]);
// A module path element: ASCII letters and digits and `-._~`. Import paths add `+` (used by binaries
// like `g++`). File paths allow every Unicode letter, ASCII digits, the space and `!#$%&()+,-.=@[]^_{}~`
// but none of the characters shells or file systems treat specially.
function charOK(ch, kind) {
    if (/^[A-Za-z0-9._~-]$/.test(ch))
        return true;
    return false;
}
function elemProblem(elem, kind) {
    if (elem === '')
        return 'empty path element';
    if (/^\.+$/.test(elem))
        return `invalid path element ${goQuote$1(elem)}`;
    if (elem.startsWith('.') && kind === 'module')
        return 'leading dot in path element';
    if (elem.endsWith('.'))
        return 'trailing dot in path element';
    for (const ch of elem) {
        if (!charOK(ch))
            return `invalid char ${goQuoteRune(ch.codePointAt(0))}`;
    }
    // Windows reserves these names whatever follows the first dot and whatever the case.
    const dot = elem.indexOf('.');
    const short = dot < 0 ? elem : elem.slice(0, dot);
    if (BAD_WINDOWS_NAMES.has(short.toUpperCase())) {
        return `${goQuote$1(short)} disallowed as path element component on Windows`;
    }
    // `~` plus digits looks like a Windows 8.3 short name; only file paths may have it.
    if (/~[0-9]+$/.test(short))
        return 'trailing tilde and digits in path element';
    return undefined;
}
// checkPath of module.go: the checks shared by the three kinds, the first failure wins.
function pathProblem(path, kind) {
    if (!isValidUtf8$1(path))
        return 'invalid UTF-8';
    if (path === '')
        return 'empty string';
    if (path.startsWith('-') && kind !== 'file')
        return 'leading dash';
    if (path.includes('//'))
        return 'double slash';
    if (path.endsWith('/'))
        return 'trailing slash';
    for (const elem of path.split('/')) {
        const problem = elemProblem(elem, kind);
        if (problem !== undefined)
            return problem;
    }
    return undefined;
}
// CheckPath's own rules on top of checkPath. (x/mod also tests for a leading slash here, which the
// empty-element check has already reported.)
function modulePathProblem(path) {
    const common = pathProblem(path, 'module');
    if (common !== undefined)
        return common;
    const slash = path.indexOf('/');
    const first = slash < 0 ? path : path.slice(0, slash);
    if (!first.includes('.'))
        return 'missing dot in first path element';
    if (path.startsWith('-'))
        return 'leading dash in first path element';
    const bad = /[^a-z0-9.-]/.exec(first);
    if (bad !== null)
        return `invalid char ${goQuoteRune(bad[0].codePointAt(0))} in first path element`;
    if (!splitPathVersion(path).ok)
        return 'invalid version';
    return undefined;
}
function malformed(kind, path, problem) {
    return problem === undefined ? undefined : `malformed ${kind} path ${goQuote$1(path)}: ${problem}`;
}
/** module.CheckPath: whether path is a valid module path. It must be a valid import path without `+`
 * and with no element starting with a dot; its first element must consist of `[a-z0-9.-]`, contain a
 * dot and not start with a dash; and `splitPathVersion` must accept its major suffix (`/vN` with
 * N >= 2 and no leading zero, or gopkg.in's `.vN`). Returns `malformed module path "…": reason`. */
function checkPath(path) {
    return malformed('module', path, modulePathProblem(path));
}
// ---------------------------------------------------------------------------------------------
// Major version suffixes
/** Reports whether path is served by gopkg.in (starts with `gopkg.in/`), whose paths carry the
 * major as `.vN` and need it even for v0 and v1. */
function isGopkgIn(path) {
    return path.startsWith('gopkg.in/');
}
/** module.SplitPathVersion: splits path into prefix + pathMajor. For gopkg.in paths pathMajor is
 * `.vN` or `.vN-unstable` (required; no leading zero except `.v0`). Otherwise it is `/vN` when the
 * last element is `v` followed by digits and dots; that suffix is ok only without dots, with N >= 2
 * and no leading zero, and is '' (ok) when the last element has no such shape. Not ok returns the
 * whole path as prefix. */
function splitPathVersion(path) {
    if (isGopkgIn(path))
        return splitGopkgIn(path);
    const m = /\/v([0-9.]+)$/.exec(path);
    if (m === null)
        return { prefix: path, pathMajor: '', ok: true };
    const digits = m[1];
    if (digits.includes('.') || digits.startsWith('0') || digits === '1') {
        return { prefix: path, pathMajor: '', ok: false };
    }
    return { prefix: path.slice(0, m.index), pathMajor: path.slice(m.index), ok: true };
}
function splitGopkgIn(path) {
    const m = /\.v([0-9]+)(?:-unstable)?$/.exec(path);
    if (m === null)
        return { prefix: path, pathMajor: '', ok: false };
    const pathMajor = path.slice(m.index);
    // Only exactly `.v0` may start with a zero (so `.v0-unstable` may not).
    if (m[1].startsWith('0') && pathMajor !== '.v0')
        return { prefix: path, pathMajor: '', ok: false };
    return { prefix: path.slice(0, m.index), pathMajor, ok: true };
}
// The "should be …, not …" reason of CheckPathMajor, or undefined when v fits pathMajor.
function pathMajorMismatch(v, pathMajor) {
    let pm = pathMajor;
    if (pm.startsWith('.v') && pm.endsWith('-unstable'))
        pm = pm.slice(0, -'-unstable'.length);
    // An old bug made v0.0.0 pseudo-versions for gopkg.in .v1 paths; x/mod still accepts them.
    if (v.startsWith('v0.0.0-') && pm === '.v1')
        return undefined;
    const m = major(v);
    let want = pm;
    if (pm === '') {
        if (m === 'v0' || m === 'v1' || build(v) === '+incompatible')
            return undefined;
        want = 'v0 or v1';
    }
    else if (pm.startsWith('/') || pm.startsWith('.')) {
        if (m === pm.slice(1))
            return undefined;
        want = pm.slice(1);
    }
    return `should be ${want}, not ${m}`;
}
/** module.CheckPathMajor: whether version v fits the path suffix pathMajor (from
 * `splitPathVersion`). No suffix accepts v0, v1 and any `+incompatible` version; `/vN` and `.vN`
 * accept major vN (`-unstable` ignored); `.v1` also accepts `v0.0.0-…` pseudo-versions. Returns
 * `version "…" invalid: should be vN, not vM` (`v0 or v1` for no suffix; M is '' when v is not a
 * semantic version). Like x/mod it accepts `+incompatible` where the go command would not. */
function checkPathMajor(v, pathMajor) {
    const reason = pathMajorMismatch(v, pathMajor);
    return reason === undefined ? undefined : `version ${goQuote$1(v)} invalid: ${reason}`;
}
/** module.PathMajorPrefix: the tag major a path suffix implies: '' -> '', '/v2' -> 'v2', '.v1' ->
 * 'v1', '.v2-unstable' -> 'v2'. Where x/mod panics (no `/` or `.` separator, or not a valid major)
 * this returns ''. */
function pathMajorPrefix(pathMajor) {
    let pm = pathMajor;
    if (pm.startsWith('.v') && pm.endsWith('-unstable'))
        pm = pm.slice(0, -'-unstable'.length);
    const m = pm.slice(1);
    const separated = pm.startsWith('/') || pm.startsWith('.');
    return separated && m === major(m) ? m : '';
}
/** The decimal major a path suffix demands: '' for no suffix, '2' for '/v2' or '.v2', '0'/'1' for gopkg.in '.v0'/'.v1'. */
function pathMajorDigits(pathMajor) {
    return pathMajorPrefix(pathMajor).slice(1);
}
/** The module path of another major of the same module: ('example.com/m', '3') -> 'example.com/m/v3', ('example.com/m', '1') -> 'example.com/m', gopkg.in prefix 'gopkg.in/yaml' with '3' -> 'gopkg.in/yaml.v3'. `prefix` is splitPathVersion's prefix.
 * Outside gopkg.in, majors '', '0' and '1' take no suffix; a gopkg.in path always gets `.vN`
 * (even v0 and v1), and '' leaves a gopkg.in prefix unchanged since no major is known. */
function pathForMajor(prefix, majorDigits) {
    if (isGopkgIn(prefix))
        return majorDigits === '' ? prefix : `${prefix}.v${majorDigits}`;
    return compareDecimal(majorDigits, '1') <= 0 ? prefix : `${prefix}/v${majorDigits}`;
}
/** module.Check: `checkPath(path)`, then version must be a valid semantic version
 * (`PATH@VERSION: invalid version: not a semantic version`) that fits the path's major suffix
 * (`PATH@VERSION: invalid version: should be …, not …`). */
function check$1(path, version) {
    const pathError = checkPath(path);
    if (pathError !== undefined)
        return pathError;
    const reason = isValid(version)
        ? pathMajorMismatch(version, splitPathVersion(path).pathMajor)
        : 'not a semantic version';
    return reason === undefined ? undefined : `${path}@${version}: invalid version: ${reason}`;
}
// ---------------------------------------------------------------------------------------------
// Prefix matching
/** Reports whether path equals prefix or lies under it (`path === prefix` or path starts with
 * `prefix + '/'`): 'example.com/m/v2' is under 'example.com/m', 'example.com/mod' is not. */
function hasPathPrefix(path, prefix) {
    // Hot path (every import against every candidate): compare in place, build no string.
    if (path.length === prefix.length)
        return path === prefix;
    return path.length > prefix.length && path.charCodeAt(prefix.length) === 0x2f && path.startsWith(prefix);
}

// A go.mod reader exactly as strict as golang.org/x/mod/modfile: the lexer and parser of read.go
// (tokens, blocks, comments, positions), then the directive rules of rule.go (Parse = 'strict' for the
// main module, ParseLax = 'lax' for dependencies, both without a version fixer).
//
// Two departures, both additive: the parse never throws, and it is best-effort. x/mod returns no file
// at all on error; here every directive that parses is kept, and a require/exclude/replace entry
// whose only problem is a path/version major mismatch stays in the result (the rules layer reports
// it as its own finding). The error list itself is exactly x/mod's.
//
// Strings follow the Go string model of ./version.ts: text is Go bytes, and a byte that is not valid
// UTF-8 is the lone surrogate U+DC00+byte, so positions and quoting match Go byte for byte.
// ---------------------------------------------------------------------------------------------
// Characters
// unicode.IsPrint without the ASCII space (callers exclude spaces anyway) and unicode.IsSpace.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const WHITE_SPACE = /^\p{White_Space}$/u;
/** A lone surrogate U+DC80..U+DCFF stands for one byte of invalid UTF-8 (see version.ts). */
function isRawByte(cp) {
    return cp >= 0xdc80 && cp <= 0xdcff;
}
function isSpace(cp) {
    return cp < 0x80 ? cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) : WHITE_SPACE.test(String.fromCodePoint(cp));
}
/** read.go isIdent: printable, non-space, and not one of the punctuation tokens. A raw byte decodes
 * to U+FFFD in Go, which is printable, so it is an identifier rune too. */
function isIdent(cp) {
    if (cp < 0x80)
        return cp > 0x20 && cp < 0x7f && !'()[]{},'.includes(String.fromCharCode(cp));
    return isRawByte(cp) || (!isSpace(cp) && PRINTABLE.test(String.fromCodePoint(cp)));
}
function utf8Length(cp) {
    if (isRawByte(cp))
        return 1;
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}
/** The input as a Go string: bytes decoded with raw-byte surrogates; a JS string re-read through its
 * bytes only when it has lone surrogates (which Go would see as invalid UTF-8). */
function toGoString(data) {
    if (typeof data !== 'string')
        return decodeGoBytes(data);
    return /\p{Cs}/u.test(data) ? decodeGoBytes(encodeGoBytes(data)) : data;
}
/** bytes.TrimSpace */
function trimSpace(s) {
    return s.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '');
}
// ---------------------------------------------------------------------------------------------
// strconv.Unquote
const SIMPLE_ESCAPES$1 = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
/** strconv.Unquote for a double-quoted or backquoted string; undefined where Go says ErrSyntax. */
function unquote(s) {
    if (s.length < 2)
        return undefined;
    if (s[0] === '`') {
        const end = s.indexOf('`', 1);
        // Carriage returns inside raw strings are discarded, as in Go source.
        return end === s.length - 1 ? s.slice(1, end).replaceAll('\r', '') : undefined;
    }
    if (s[0] !== '"')
        return undefined;
    const bytes = [];
    let i = 1;
    while (i < s.length && s[i] !== '"') {
        const cp = s.codePointAt(i);
        if (cp === 0x0a)
            return undefined;
        if (cp !== 0x5c) {
            // Go decodes each invalid byte to U+FFFD here, and writes that rune out again.
            bytes.push(...encodeGoBytes(String.fromCodePoint(isRawByte(cp) ? 0xfffd : cp)));
            i += cp > 0xffff ? 2 : 1;
            continue;
        }
        const escaped = unquoteEscape(s, i + 1);
        if (!escaped)
            return undefined;
        bytes.push(...escaped.bytes);
        i = escaped.next;
    }
    return i === s.length - 1 ? decodeGoBytes(bytes) : undefined;
}
/** One escape sequence after a backslash at s[i-1] (strconv.UnquoteChar, quote '"'). \x and octal
 * escapes give a single raw byte; \u and \U a UTF-8 encoded rune. */
function unquoteEscape(s, i) {
    const c = s[i];
    if (c === undefined)
        return undefined;
    if (c in SIMPLE_ESCAPES$1)
        return { bytes: [SIMPLE_ESCAPES$1[c]], next: i + 1 };
    if (c === '"')
        return { bytes: [0x22], next: i + 1 };
    const hexDigits = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
    if (hexDigits > 0) {
        const digits = s.slice(i + 1, i + 1 + hexDigits);
        if (!new RegExp(`^[0-9A-Fa-f]{${hexDigits}}$`).test(digits))
            return undefined;
        const value = parseInt(digits, 16);
        const next = i + 1 + hexDigits;
        if (c === 'x')
            return { bytes: [value], next };
        if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
            return undefined;
        return { bytes: encodeGoBytes(String.fromCodePoint(value)), next };
    }
    const octal = s.slice(i, i + 3);
    if (/^[0-7]{3}$/.test(octal) && parseInt(octal, 8) <= 255)
        return { bytes: [parseInt(octal, 8)], next: i + 3 };
    return undefined;
}
/** A read.go error: lexing and block structure errors stop the whole parse. */
class ReadError extends Error {
    pos;
    constructor(message, pos) {
        super(message);
        this.pos = pos;
    }
}
const PUNCTUATION = '\n()[]{},';
const NO_POSITION = { line: 0, column: 0, byte: 0 };
/** Produces one token of lookahead at a time, like read.go's input: `token` is the next token and
 * `pos` is where the lexer stands after it (which is where parser errors are reported). */
let Lexer$1 = class Lexer {
    src;
    token = { kind: 'eof', text: '', start: NO_POSITION, end: NO_POSITION };
    /** End-of-line comments, attached to the syntax tree after parsing. */
    suffixComments = [];
    i = 0;
    tokenIndex = 0;
    line = 1;
    column = 1;
    byte = 0;
    constructor(src) {
        this.src = src;
    }
    get pos() {
        return { line: this.line, column: this.column, byte: this.byte };
    }
    eof() {
        return this.i >= this.src.length;
    }
    /** The next rune, or 0 at end of input (as in Go). */
    peekRune() {
        return this.eof() ? 0 : this.src.codePointAt(this.i);
    }
    peekPrefix(prefix) {
        return this.src.startsWith(prefix, this.i);
    }
    readRune() {
        const cp = this.src.codePointAt(this.i);
        this.i += cp > 0xffff ? 2 : 1;
        this.byte += utf8Length(cp);
        if (cp === 0x0a) {
            this.line++;
            this.column = 1;
        }
        else {
            this.column++;
        }
        return cp;
    }
    fail(message) {
        throw new ReadError(message, this.pos);
    }
    startToken() {
        this.tokenIndex = this.i;
        const start = this.pos;
        this.token = { kind: 'eof', text: '', start, end: start };
    }
    /** Comment tokens keep their newline in the input but lose it (LF or CRLF) in their text. */
    endToken(kind) {
        let text = this.src.slice(this.tokenIndex, this.i);
        if (kind === 'comment' || kind === 'eolcomment')
            text = text.replace(/\r?\n$/, '');
        this.token = { kind, text, start: this.token.start, end: this.pos };
    }
    /** Whether anything but white space precedes the current position on its line. */
    afterTokenOnLine() {
        for (let j = this.i - 1; j >= 0 && this.src[j] !== '\n'; j--) {
            if (!isSpace(this.src.charCodeAt(j)))
                return true;
        }
        return false;
    }
    readToken() {
        while (!this.eof()) {
            const c = this.peekRune();
            if (c === 0x20 || c === 0x09 || c === 0x0d) {
                this.readRune();
                continue;
            }
            // `//` starts a comment anywhere outside a string; it runs through the newline.
            if (this.peekPrefix('//')) {
                this.startToken();
                const suffix = this.afterTokenOnLine();
                while (!this.eof() && this.readRune() !== 0x0a)
                    ;
                if (!suffix) {
                    this.endToken('comment');
                    return;
                }
                this.endToken('eolcomment');
                this.suffixComments.push({ start: this.token.start, token: this.token.text });
                return;
            }
            if (this.peekPrefix('/*'))
                this.fail('mod files must use // comments (not /* */ comments)');
            break;
        }
        this.startToken();
        if (this.eof()) {
            this.endToken('eof');
            return;
        }
        const c = this.peekRune();
        if (PUNCTUATION.includes(String.fromCodePoint(c))) {
            this.readRune();
            this.endToken(String.fromCodePoint(c));
            return;
        }
        if (c === 0x22 || c === 0x60) {
            this.readQuoted(c);
            return;
        }
        if (!isIdent(c))
            this.fail(`unexpected input character ${goQuoteRune(c)}`);
        while (isIdent(this.peekRune())) {
            if (this.peekPrefix('//'))
                break;
            if (this.peekPrefix('/*'))
                this.fail('mod files must use // comments (not /* */ comments)');
            this.readRune();
        }
        this.endToken('ident');
    }
    /** A "…" string (backslash escapes one rune) or a `…` string; neither may span lines. */
    readQuoted(quote) {
        this.readRune();
        for (;;) {
            if (this.eof())
                this.failAtTokenStart('unexpected EOF in string');
            if (this.peekRune() === 0x0a)
                this.fail('unexpected newline in string');
            const c = this.readRune();
            if (c === quote)
                break;
            if (c === 0x5c && quote !== 0x60) {
                if (this.eof())
                    this.failAtTokenStart('unexpected EOF in string');
                this.readRune();
            }
        }
        this.endToken('string');
    }
    failAtTokenStart(message) {
        throw new ReadError(message, this.token.start);
    }
};
function isEOL(kind) {
    return kind === 'eof' || kind === 'eolcomment' || kind === '\n';
}
function newLine(start, end, tokens) {
    return { kind: 'line', start, end, tokens, before: [], suffix: [] };
}
function newParen(pos) {
    return { kind: 'paren', pos, before: [], suffix: [] };
}
function newBlock(start, tokens, lparen, rparen) {
    return {
        kind: 'block',
        start,
        tokens,
        lparen: newParen(lparen),
        lines: [],
        rparen: newParen(rparen),
        before: [],
        suffix: []
    };
}
/** A statement is the tokens up to the end of its line; `(` as the last token opens a block. */
let Parser$1 = class Parser {
    lexer;
    file;
    stmts = [];
    constructor(lexer, file) {
        this.lexer = lexer;
        this.file = file;
    }
    peek() {
        return this.lexer.token.kind;
    }
    lex() {
        const tok = this.lexer.token;
        this.lexer.readToken();
        return tok;
    }
    fail(message) {
        throw new ReadError(message, this.lexer.pos);
    }
    /** Whole-line comments directly above a statement become its Before comments; a blank line turns
     * them into a free-standing comment block instead. */
    parseFile() {
        let pending;
        const flush = () => {
            if (pending)
                this.stmts.push(pending);
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
                default:
                    this.parseStmt();
                    if (pending)
                        this.stmts[this.stmts.length - 1].before = pending.before;
                    pending = undefined;
            }
        }
    }
    parseStmt() {
        const first = this.lex();
        const start = first.start;
        let end = first.end;
        const tokens = [first];
        for (;;) {
            const tok = this.lex();
            if (isEOL(tok.kind)) {
                this.stmts.push(newLine(start, end, tokens));
                return;
            }
            if (tok.kind === '(') {
                if (isEOL(this.peek())) {
                    this.stmts.push(this.parseLineBlock(start, tokens, tok));
                    return;
                }
                if (this.peek() === ')') {
                    const rparen = this.lex();
                    if (isEOL(this.peek())) {
                        this.lex();
                        this.stmts.push(newBlock(start, tokens, tok.start, rparen.start));
                        return;
                    }
                    // `( )` inside a line is two ordinary tokens (which do not extend the line's end).
                    tokens.push(tok, rparen);
                }
                else {
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
    parseLineBlock(start, tokens, lparen) {
        const block = newBlock(start, tokens, lparen.start, lparen.start);
        let comments = [];
        for (;;) {
            switch (this.peek()) {
                case 'eolcomment':
                    this.lex();
                    break;
                case '\n': {
                    this.lex();
                    const last = comments[comments.length - 1];
                    if ((comments.length === 0 && block.lines.length > 0) || (last && last.token !== '')) {
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
                    return this.fail(`syntax error (unterminated block started at ${this.file}:${start.line}:${start.column})`);
                case ')': {
                    const rparen = this.lex();
                    // A lone blank-line marker before `)` is not worth keeping.
                    if (comments.length === 1 && comments[0].token === '') {
                        comments = [];
                    }
                    block.rparen.pos = rparen.start;
                    block.rparen.before = comments;
                    if (!isEOL(this.peek()))
                        this.fail('syntax error (expected newline after closing paren)');
                    this.lex();
                    return block;
                }
                default: {
                    const line = this.parseLine();
                    line.before = comments;
                    block.lines.push(line);
                    comments = [];
                }
            }
        }
    }
    parseLine() {
        const first = this.lex();
        let end = first.end;
        const tokens = [first];
        for (;;) {
            const tok = this.lex();
            if (isEOL(tok.kind))
                return newLine(first.start, end, tokens);
            tokens.push(tok);
            end = tok.end;
        }
    }
};
function span(node) {
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
function afterParen(pos) {
    return { line: pos.line, column: pos.column + 1, byte: pos.byte + 1 };
}
function postOrder(stmts) {
    return stmts.flatMap((stmt) => stmt.kind === 'block' ? [stmt.lparen, ...stmt.lines, stmt.rparen, stmt] : [stmt]);
}
/** Each end-of-line comment goes to the last single-line node that ends before it. (Whole-line
 * comments were attached by the parser already.) */
function assignSuffixComments(stmts, comments) {
    const pending = [...comments];
    const nodes = postOrder(stmts);
    for (let n = nodes.length - 1; n >= 0; n--) {
        const { start, end } = span(nodes[n]);
        if (start.line !== end.line)
            continue;
        const taken = [];
        while (pending.length > 0 && end.byte <= pending[pending.length - 1].start.byte) {
            taken.unshift(pending.pop());
        }
        nodes[n].suffix.push(...taken);
    }
}
/** read.go parse, keeping the statements read before an error. */
function readSyntax(src, file) {
    const lexer = new Lexer$1(src);
    const parser = new Parser$1(lexer, file);
    let error;
    try {
        lexer.readToken();
        parser.parseFile();
    }
    catch (e) {
        // Anything but a ReadError is a bug here; x/mod reports its own panics the same way.
        error = e instanceof ReadError ? e : new ReadError(`internal error: ${String(e)}`, lexer.pos);
    }
    assignSuffixComments(parser.stmts, lexer.suffixComments);
    return { stmts: parser.stmts, error };
}
// ---------------------------------------------------------------------------------------------
// Directive rules (rule.go parseToFile, add, parseReplace, parseVersionInterval)
const GO_VERSION_RE = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$/;
const LAX_GO_VERSION_RE = /^v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9][\s\S]*)$/;
const TOOLCHAIN_RE = /^default$|^go1($|\.)/;
const DEPRECATED_RE = /(?:^|\n\n)Deprecated: *([\s\S]*?)(?:$|\n\n)/;
const BLOCK_VERBS = new Set([
    'module',
    'godebug',
    'require',
    'exclude',
    'replace',
    'retract',
    'tool',
    'ignore'
]);
const LAX_VERBS = new Set(['go', 'module', 'retract', 'require', 'ignore']);
const REPLACE_USAGE = (verb) => `usage: ${verb} module/path [v1.2.3] => other/module v1.4\n\t or ${verb} module/path [v1.2.3] => ../local/directory`;
function syntax(message) {
    return { kind: 'syntax', message };
}
/** rule.go Error's `verb modpath: ` (or `verb: `) prefix. */
function directivePrefix(verb, modPath) {
    return modPath !== '' ? `${verb} ${modPath}: ` : `${verb}: `;
}
/** rule.go parseString: "…" is unquoted; any other quote character is reserved. */
function parseString(text) {
    if (text.startsWith('"')) {
        const s = unquote(text);
        return s === undefined ? { ok: false, message: 'invalid syntax' } : { ok: true, value: s };
    }
    if (/["'`]/.test(text))
        return { ok: false, message: 'unquoted string cannot contain quote' };
    return { ok: true, value: text };
}
/** rule.go parseVersion without a fixer: the version must have a canonical form, which replaces it.
 * Retract versions (`asWritten`) are only unquoted: x/mod checks them only with a fixer. */
function parseVersion(verb, path, tok, asWritten = false) {
    const prefix = directivePrefix(verb, path);
    const s = parseString(tok.text);
    if (!s.ok)
        return { ok: false, message: `${prefix}version ${goQuote$1(tok.text)} invalid: ${s.message}` };
    if (asWritten)
        return s;
    const cv = canonicalModuleVersion(s.value);
    if (cv === '')
        return { ok: false, message: `${prefix}version ${goQuote$1(s.value)} invalid: must be of the form v1.2.3` };
    return { ok: true, value: cv };
}
/** rule.go modulePathMajor + CheckPathMajor as one finding, or none. */
function majorFinding(verb, path, version) {
    const split = splitPathVersion(path);
    if (!split.ok)
        return { kind: 'major', message: 'invalid module path' };
    if (version === undefined)
        return undefined;
    const err = checkPathMajor(version, split.pathMajor);
    return err === undefined ? undefined : { kind: 'major', message: directivePrefix(verb, path) + err };
}
/** rule.go IsDirectoryPath: relative (./, ../, .\, ..\) or rooted (/, \, X:) paths, in either OS's syntax. */
function isDirectoryPath(ns) {
    return /^(\.\.?([/\\]|$)|[/\\]|[A-Za-z]:)/.test(ns);
}
/** parseDirectiveComment: the line's own comments, or its block's when the line has none; `//`
 * stripped, trimmed, one line each (blank-line markers skipped). Each line keeps its source line. */
function directiveComment(block, line) {
    const own = line.before.length > 0 || line.suffix.length > 0;
    const c = block && !own ? block : line;
    const comments = [...c.before, ...c.suffix].filter(com => com.token.startsWith('//'));
    return {
        text: comments.map(com => trimSpace(com.token.slice(2))).join('\n'),
        lines: comments.map(com => com.start.line)
    };
}
/** parseDeprecation: the first paragraph of the comment that starts with "Deprecated:". */
function deprecation(block, line) {
    const comment = directiveComment(block, line);
    const m = DEPRECATED_RE.exec(comment.text);
    if (!m)
        return { text: '' };
    const at = m[0].startsWith('\n\n') ? m.index + 2 : m.index;
    const lineIndex = comment.text.slice(0, at).split('\n').length - 1;
    return { text: m[1], line: comment.lines[lineIndex] };
}
/** rule.go isIndirect: the first suffix comment is `// indirect` or starts `// indirect;`. */
function isIndirect(line) {
    if (line.suffix.length === 0)
        return false;
    const f = trimSpace(line.suffix[0].token.replace(/^\/\//, ''))
        .split(/\p{White_Space}+/u)
        .filter(Boolean);
    return (f.length === 1 && f[0] === 'indirect') || (f.length > 1 && f[0] === 'indirect;');
}
function tokenSpan(tok) {
    return { start: tok.start, end: tok.end };
}
function lineSpan(line) {
    return { start: line.start, end: line.end };
}
/** `module path`: exactly one argument, at most once per file. */
function addModule(b, d) {
    if (b.sawModule)
        return { findings: [syntax('repeated module statement')] };
    b.sawModule = true;
    if (d.args.length !== 1)
        return { findings: [syntax('usage: module module/path')] };
    const path = parseString(d.args[0].text);
    if (!path.ok)
        return { findings: [syntax(`invalid quoted string: ${path.message}`)] };
    const dep = deprecation(d.block, d.line);
    const module = {
        path: path.value,
        line: (d.block ?? d.line).start.line,
        pathSpan: tokenSpan(d.args[0]),
        block: d.block !== undefined
    };
    if (dep.text !== '')
        Object.assign(module, { deprecated: dep.text, deprecatedLine: dep.line });
    return { findings: [], value: module };
}
/** `go 1.N[.P][rcN]`, at most once; lax mode accepts `v1.N…` and keeps 1.N. */
function addGo(b, d) {
    if (b.modFile.go)
        return { findings: [syntax('repeated go statement')] };
    if (d.args.length !== 1)
        return { findings: [syntax('go directive expects exactly one argument')] };
    let version = d.args[0].text;
    if (!GO_VERSION_RE.test(version)) {
        const lax = b.mode === 'lax' ? LAX_GO_VERSION_RE.exec(version) : null;
        if (!lax)
            return { findings: [syntax(`invalid go version '${version}': must match format 1.23.0`)] };
        version = lax[1];
    }
    return { findings: [], value: { version, line: d.line.start.line } };
}
/** `toolchain go1…` or `toolchain default`, at most once. */
function addToolchain(b, d) {
    if (b.modFile.toolchain)
        return { findings: [syntax('repeated toolchain statement')] };
    if (d.args.length !== 1)
        return { findings: [syntax('toolchain directive expects exactly one argument')] };
    const name = d.args[0].text;
    if (!TOOLCHAIN_RE.test(name)) {
        return {
            findings: [syntax(`invalid toolchain version '${name}': must match format go1.23.0 or default`)]
        };
    }
    return { findings: [], value: { name, line: d.line.start.line } };
}
/** `godebug key=value`: one unquoted argument containing `=`. */
function addGodebug(d) {
    const arg = d.args.length === 1 ? d.args[0].text : undefined;
    const eq = arg === undefined || /["'`,]/.test(arg) ? -1 : arg.indexOf('=');
    if (arg === undefined || eq < 0)
        return { findings: [syntax('usage: godebug key=value')] };
    return {
        findings: [],
        value: { key: arg.slice(0, eq), value: arg.slice(eq + 1), line: d.line.start.line }
    };
}
/** `require|exclude path version`: the version must be canonicalisable and fit the path's major. */
function addRequirement(d) {
    if (d.args.length !== 2)
        return { findings: [syntax(`usage: ${d.verb} module/path v1.2.3`)] };
    const [pathTok, versionTok] = d.args;
    const path = parseString(pathTok.text);
    if (!path.ok)
        return { findings: [syntax(`invalid quoted string: ${path.message}`)] };
    const version = parseVersion(d.verb, path.value, versionTok);
    if (!version.ok)
        return { findings: [syntax(version.message)] };
    const mismatch = majorFinding(d.verb, path.value, version.value);
    return {
        findings: mismatch ? [mismatch] : [],
        value: {
            path: path.value,
            version: version.value,
            indirect: isIndirect(d.line),
            line: d.line.start.line,
            span: lineSpan(d.line),
            pathSpan: tokenSpan(pathTok),
            versionSpan: tokenSpan(versionTok)
        }
    };
}
/** `replace old [v] => new [v]`: a new path without a version must be a directory, one with a
 * version must not be. */
function addReplace(d) {
    const { args, verb } = d;
    const arrow = args.length >= 2 && args[1].text === '=>' ? 1 : 2;
    if (args.length < arrow + 2 || args.length > arrow + 3 || args[arrow].text !== '=>') {
        return { findings: [syntax(REPLACE_USAGE(verb))] };
    }
    const oldPath = parseString(args[0].text);
    if (!oldPath.ok)
        return { findings: [syntax(`invalid quoted string: ${oldPath.message}`)] };
    const findings = [];
    // The path's major suffix is checked before its version is even read.
    const badPath = majorFinding(verb, oldPath.value, undefined);
    if (badPath)
        findings.push({ ...badPath, message: directivePrefix(verb, oldPath.value) + badPath.message });
    let oldVersion = '';
    if (arrow === 2) {
        const v = parseVersion(verb, oldPath.value, args[1]);
        if (!v.ok)
            return { findings: [...findings, syntax(v.message)] };
        oldVersion = v.value;
        const mismatch = badPath ? undefined : majorFinding(verb, oldPath.value, oldVersion);
        if (mismatch)
            findings.push(mismatch);
    }
    const newTok = args[arrow + 1];
    const newPath = parseString(newTok.text);
    if (!newPath.ok)
        return { findings: [...findings, syntax(`invalid quoted string: ${newPath.message}`)] };
    const ns = newPath.value;
    let newVersion = '';
    if (args.length === arrow + 2) {
        if (!isDirectoryPath(ns)) {
            const message = ns.includes('@')
                ? "replacement module must match format 'path version', not 'path@version'"
                : 'replacement module without version must be directory path (rooted or starting with . or ..)';
            return { findings: [...findings, syntax(message)] };
        }
        if (ns.includes('\\')) {
            return {
                findings: [
                    ...findings,
                    syntax('replacement directory appears to be Windows path (on a non-windows system)')
                ]
            };
        }
    }
    else {
        const v = parseVersion(verb, ns, args[arrow + 2]);
        if (!v.ok)
            return { findings: [...findings, syntax(v.message)] };
        if (isDirectoryPath(ns)) {
            return {
                findings: [
                    ...findings,
                    syntax(`replacement module directory path ${goQuote$1(ns)} cannot have version`)
                ]
            };
        }
        newVersion = v.value;
    }
    return {
        findings,
        value: {
            oldPath: oldPath.value,
            oldVersion,
            newPath: ns,
            newVersion,
            line: d.line.start.line,
            span: lineSpan(d.line),
            oldPathSpan: tokenSpan(args[0]),
            newPathSpan: tokenSpan(newTok)
        }
    };
}
/** parseVersionInterval: `v` or `[ low , high ]`, returning the tokens left over. */
function parseVersionInterval(args) {
    const text = (i) => args[i]?.text;
    const fail = (message) => ({ ok: false, message });
    if (args.length === 0 || text(0) === '(')
        return fail("expected '[' or version");
    if (text(0) !== '[') {
        const v = parseVersion('retract', '', args[0], true);
        return v.ok ? { ok: true, value: { low: v.value, high: v.value, rest: args.slice(1) } } : v;
    }
    if (args.length < 2)
        return fail("expected version after '['");
    const low = parseVersion('retract', '', args[1], true);
    if (!low.ok)
        return low;
    if (text(2) !== ',')
        return fail("expected ',' after version");
    if (args.length < 4)
        return fail("expected version after ','");
    const high = parseVersion('retract', '', args[3], true);
    if (!high.ok)
        return high;
    if (text(4) !== ']')
        return fail("expected ']' after version");
    return { ok: true, value: { low: low.value, high: high.value, rest: args.slice(5) } };
}
/** `retract v` or `retract [low, high]`, with its comments as rationale. Lax mode ignores malformed
 * intervals and trailing tokens (future syntax). */
function addRetract(b, d) {
    const vi = parseVersionInterval(d.args);
    if (!vi.ok)
        return { findings: b.mode === 'strict' ? [syntax(vi.message)] : [] };
    if (vi.value.rest.length > 0 && b.mode === 'strict') {
        return { findings: [syntax(`unexpected token after version: ${goQuote$1(vi.value.rest[0].text)}`)] };
    }
    const { low, high } = vi.value;
    const rationale = directiveComment(d.block, d.line).text;
    return { findings: [], value: { low, high, rationale, line: d.line.start.line, span: lineSpan(d.line) } };
}
/** `tool path` and `ignore path`: exactly one (possibly quoted) argument. */
function addPath(d) {
    if (d.args.length !== 1)
        return { findings: [syntax(`${d.verb} directive expects exactly one argument`)] };
    const path = parseString(d.args[0].text);
    if (!path.ok)
        return { findings: [syntax(`invalid quoted string: ${path.message}`)] };
    return { findings: [], value: { path: path.value, line: d.line.start.line, span: lineSpan(d.line) } };
}
/** Records a directive's first finding and keeps its value unless a syntax problem spoilt it. */
function keep(b, d, outcome, store) {
    if (outcome.findings.length > 0)
        b.findings.push({ pos: d.line.start, finding: outcome.findings[0] });
    if (outcome.value !== undefined && outcome.findings.every(f => f.kind === 'major'))
        store(outcome.value);
}
/** rule.go add: one directive line. Lax mode reads only what a dependency's go.mod can affect. */
function addDirective(b, d) {
    const f = b.modFile;
    if (b.mode === 'lax' && !LAX_VERBS.has(d.verb))
        return;
    switch (d.verb) {
        case 'module':
            return keep(b, d, addModule(b, d), v => (f.module = v));
        case 'go':
            return keep(b, d, addGo(b, d), v => (f.go = v));
        case 'toolchain':
            return keep(b, d, addToolchain(b, d), v => (f.toolchain = v));
        case 'godebug':
            return keep(b, d, addGodebug(d), v => f.godebug.push(v));
        case 'require':
            return keep(b, d, addRequirement(d), v => f.require.push(v));
        case 'exclude':
            return keep(b, d, addRequirement(d), ({ path, version, line, span, pathSpan, versionSpan }) => f.exclude.push({ path, version, line, span, pathSpan, versionSpan }));
        case 'replace':
            return keep(b, d, addReplace(d), v => f.replace.push(v));
        case 'retract':
            return keep(b, d, addRetract(b, d), v => f.retract.push(v));
        case 'tool':
            return keep(b, d, addPath(d), v => f.tool.push(v));
        case 'ignore':
            return keep(b, d, addPath(d), v => f.ignore.push(v));
        default:
            b.findings.push({ pos: d.line.start, finding: syntax(`unknown directive: ${d.verb}`) });
    }
}
/** rule.go parseToFile: lines go to add; blocks only for the block verbs, with one verb token. */
function addStatements(b, stmts) {
    for (const stmt of stmts) {
        if (stmt.kind === 'line') {
            addDirective(b, { line: stmt, verb: stmt.tokens[0].text, args: stmt.tokens.slice(1) });
        }
        else if (stmt.kind === 'block') {
            const verb = stmt.tokens[0].text;
            if (stmt.tokens.length > 1 || !BLOCK_VERBS.has(verb)) {
                if (b.mode === 'strict') {
                    const words = stmt.tokens.map(t => t.text).join(' ');
                    b.findings.push({ pos: stmt.start, finding: syntax(`unknown block type: ${words}`) });
                }
                continue;
            }
            for (const line of stmt.lines)
                addDirective(b, { block: stmt, line, verb, args: line.tokens });
        }
    }
}
function toModError(file, pos, finding) {
    const where = pos.column > 1 ? `${file}:${pos.line}:${pos.column}: ` : `${file}:${pos.line}: `;
    return {
        line: pos.line,
        column: pos.column,
        kind: finding.kind,
        message: finding.message,
        text: where + finding.message
    };
}
function emptyModFile() {
    return { godebug: [], require: [], exclude: [], replace: [], retract: [], tool: [], ignore: [] };
}
// ---------------------------------------------------------------------------------------------
// Entry points
/** Parses a go.mod like modfile.Parse ('strict') or modfile.ParseLax ('lax') with no version fixer.
 * Never throws. The errors are x/mod's, in its order; after a syntax error in the file structure
 * (x/mod's only error then) the directives read before it are still returned. */
function parseModFile(data, options) {
    const file = options.file ?? 'go.mod';
    const b = { mode: options.mode, modFile: emptyModFile(), sawModule: false, findings: [] };
    try {
        const tree = readSyntax(toGoString(data), file);
        addStatements(b, tree.stmts);
        if (tree.error) {
            return { modFile: b.modFile, errors: [toModError(file, tree.error.pos, syntax(tree.error.message))] };
        }
        return {
            modFile: b.modFile,
            errors: b.findings.map(({ pos, finding }) => toModError(file, pos, finding))
        };
    }
    catch (e) {
        // Defensive: a bug must not take down the caller, so it becomes an error like x/mod's panics.
        const finding = syntax(`internal error: ${String(e)}`);
        return { modFile: b.modFile, errors: [toModError(file, { line: 1, column: 1}, finding)] };
    }
}
/** modfile.ModulePath: the go command's fast scan of fetched go.mod files. Takes the first line
 * that, cut at `//` and trimmed, is `module` plus white space plus something; a quoted rest is
 * unquoted (and a bad quote gives ''). Hence `module (` gives '('. '' when there is none. */
function modulePath(data) {
    for (const raw of toGoString(data).split('\n')) {
        const cut = raw.indexOf('//');
        const line = trimSpace(cut >= 0 ? raw.slice(0, cut) : raw);
        if (!line.startsWith('module'))
            continue;
        const rest = line.slice('module'.length);
        const path = trimSpace(rest);
        if (path.length === rest.length || path.length === 0)
            continue;
        if (path[0] === '"' || path[0] === '`')
            return unquote(path) ?? '';
        return path;
    }
    return '';
}

// The modules of a repository and how tags map to them (research/go-rules.md §4.2, §4.4, §6.3).
// Pure: works on file lists and go.mod contents that src/gather has read.
/** The repository root directory, as written in reports. */
const ROOT_DIR = '.';
function dirOf(file) {
    const slash = file.lastIndexOf('/');
    return slash < 0 ? ROOT_DIR : file.slice(0, slash);
}
function joinPath(dir, name) {
    return dir === ROOT_DIR || dir === '' ? name : `${dir}/${name}`;
}
/**
 * The go command ignores directories named testdata or vendor and every file or directory whose
 * name starts with '.' or '_' (helpdoc.go; zip.go isVendoredPackage). Such files are not part of
 * any package, and a go.mod under them is not a module.
 */
function isCountedPath(file) {
    // Element by element without splitting: it runs on every path of the tree, several times.
    for (let start = 0; start <= file.length;) {
        const slash = file.indexOf('/', start);
        const end = slash < 0 ? file.length : slash;
        const first = file.charCodeAt(start);
        if (first === 0x2e || first === 0x5f)
            return false; // '.' or '_'
        if (slash >= 0) {
            const length = end - start;
            if ((length === 8 && file.startsWith('testdata', start)) ||
                (length === 6 && file.startsWith('vendor', start)))
                return false;
        }
        if (slash < 0)
            break;
        start = slash + 1;
    }
    return true;
}
function isGoSourceFile(file) {
    return file.endsWith('.go') && isCountedPath(file);
}
/** The go.mod files that root a module: spelled exactly `go.mod`, on a counted path. */
function goModFiles(files) {
    return files.filter(f => (f === 'go.mod' || f.endsWith('/go.mod')) && isCountedPath(f));
}
/** A major-version subdirectory name: `v2`, `v10`, never `v0`, `v1` or `v02`. */
function isMajorDirName(name) {
    return /^v[1-9][0-9]*$/.test(name) && name !== 'v1';
}
/** Parses each go.mod (strict, as the main module) into a Module, deepest directories first. */
function loadModules(goMods) {
    const modules = [];
    for (const [goModFile, data] of goMods) {
        const { modFile, errors } = parseModFile(data, { mode: 'strict', file: goModFile });
        const path = modFile.module?.path;
        const split = path === undefined ? { prefix: '', pathMajor: '', ok: false } : splitPathVersion(path);
        modules.push({
            dir: dirOf(goModFile),
            goModFile,
            modFile,
            errors,
            path,
            prefix: split.ok ? split.prefix : (path ?? ''),
            pathMajor: split.ok ? split.pathMajor : '',
            pathMajorDigits: split.ok ? pathMajorDigits(split.pathMajor) : ''
        });
    }
    return modules.sort((a, b) => b.dir.length - a.dir.length || a.dir.localeCompare(b.dir));
}
/**
 * A lookup of the innermost of `dirs` that holds a file (nested modules own their subtree), or
 * undefined. Walks up the file's directories once per directory (files share them), so it costs the
 * path's depth, not the number of `dirs`.
 */
function innermostDirIndex(dirs) {
    const owners = new Map();
    for (const dir of dirs)
        owners.set(dir, dir);
    const ownerOf = (dir) => {
        if (owners.has(dir))
            return owners.get(dir);
        const owner = dir === ROOT_DIR ? undefined : ownerOf(dirOf(dir));
        owners.set(dir, owner);
        return owner;
    };
    return file => ownerOf(dirOf(file));
}
/** A lookup of the module whose directory holds a file: the innermost one (see innermostDirIndex). */
function fileOwnerIndex(modules) {
    const byDir = new Map(modules.map(m => [m.dir, m]));
    const ownerDir = innermostDirIndex(byDir.keys());
    return file => {
        const dir = ownerDir(file);
        return dir === undefined ? undefined : byDir.get(dir);
    };
}
/**
 * A lookup of the repository module whose declared path is the longest prefix of an import path.
 * Walks the import path's own prefixes against a map of module paths, so it costs the path's depth,
 * and remembers each distinct import path (a repository imports the same paths many times).
 */
function importOwnerIndex(modules) {
    const byPath = new Map();
    for (const m of modules)
        if (m.path !== undefined && !byPath.has(m.path))
            byPath.set(m.path, m);
    const memo = new Map();
    return importPath => {
        if (memo.has(importPath))
            return memo.get(importPath);
        let owner;
        for (let end = importPath.length; end > 0; end = importPath.lastIndexOf('/', end - 1)) {
            owner = byPath.get(importPath.slice(0, end));
            if (owner)
                break;
        }
        memo.set(importPath, owner);
        return owner;
    };
}
/** The tag prefix of a module directory: `sub/` for `sub` and for the major subdirectory `sub/v2`. */
function tagPrefixOf(dir) {
    if (dir === ROOT_DIR)
        return '';
    const parts = dir.split('/');
    if (isMajorDirName(parts[parts.length - 1]))
        parts.pop();
    return parts.length === 0 ? '' : `${parts.join('/')}/`;
}
/** Splits a tag at its last '/' into the directory prefix (with its slash) and the version. */
function splitTag(tag) {
    const slash = tag.lastIndexOf('/');
    return { prefix: tag.slice(0, slash + 1), version: tag.slice(slash + 1) };
}
/** The releases whose tags carry `tagPrefix`, as the go command lists them, in ascending order. */
function releasesWithPrefix(tags, tagPrefix) {
    const releases = [];
    for (const tag of tags) {
        const { prefix, version } = splitTag(tag.name);
        if (prefix === tagPrefix && isReleaseVersion(version))
            releases.push({ tag: tag.name, version, commit: tag.commit });
    }
    return releases.sort((a, b) => compare(a.version, b.version));
}
/**
 * The releases of one module: tags with its prefix whose major fits its path suffix. Without a
 * suffix, majors 0 and 1 are the module's own; v2+ tags there belong to /vN modules.
 */
function releasesOfModule(tags, module) {
    return releasesWithPrefix(tags, tagPrefixOf(module.dir)).filter(r => majorFits(majorDigits(r.version), module.pathMajorDigits));
}
/** Whether a version's major digits fit a path's demanded major ('' accepts 0 and 1). */
function majorFits(versionMajor, pathMajor) {
    if (pathMajor === '')
        return versionMajor === '0' || versionMajor === '1';
    return versionMajor === pathMajor;
}
/**
 * Finds the module a tag `prefix + version` releases (go-rules.md §4.2): `P/vN/go.mod` when it exists
 * (the major subdirectory, which the go command looks at first), else `P/go.mod`. With no go.mod in
 * the whole repository the tag releases the legacy root module; otherwise no module means the tag is
 * wrong.
 */
function resolveTag(tagPrefix, version, modules) {
    const dir = tagPrefix === '' ? ROOT_DIR : tagPrefix.slice(0, -1);
    const lastElement = dir.split('/').pop() ?? '';
    if (dir !== ROOT_DIR && isMajorDirName(lastElement)) {
        return {
            kind: 'none',
            reason: `its prefix "${tagPrefix}" includes the major version directory; the go command looks for ${tagPrefixOf(dir)}${version}, so tag it that way`
        };
    }
    const byDir = new Map(modules.map(m => [m.dir, m]));
    const versionMajor = majorDigits(version);
    const majorDir = isMajorDirName(`v${versionMajor}`) ? joinPath(dir, `v${versionMajor}`) : undefined;
    const module = (majorDir && byDir.get(majorDir)) || byDir.get(dir);
    if (module)
        return { kind: 'module', module };
    if (modules.length === 0 && dir === ROOT_DIR)
        return { kind: 'legacy-root' };
    const where = dir === ROOT_DIR ? 'at the repository root' : `in ${dir}/`;
    const orMajorDir = majorDir ? ` or in ${majorDir}/` : '';
    return { kind: 'none', reason: `no module releases it: there is no go.mod ${where}${orMajorDir}` };
}
/** Whether a module path is a gopkg.in path (suffix `.vN`, root only). */
function isGopkgInModule(module) {
    return module.path !== undefined && isGopkgIn(module.path);
}

const NO_PLACE = { file: null, line: null };
function makeFinding(rule, severity, place, message, module, extra = {}) {
    return {
        rule,
        severity,
        ...place,
        ...(module?.path !== undefined ? { module: module.path } : {}),
        message,
        ...extra,
        ...(module ? { moduleDir: module.dir } : {})
    };
}
/** The place of a go.mod's module line. */
function moduleLinePlace(module) {
    const directive = module.modFile.module;
    if (!directive)
        return { file: module.goModFile, line: 1 };
    const { start, end } = directive.pathSpan;
    return {
        file: module.goModFile,
        line: directive.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column
    };
}
/** Targets that gate a version (a release or a major bump) and have a module. */
function versionTargets(ctx) {
    return ctx.targets.filter((t) => t.mode !== 'consistency' && t.module !== undefined && t.version !== undefined && !t.tagProblem);
}
/** Targets with a module to check, in any mode. */
function moduleTargets(ctx) {
    return ctx.targets.filter((t) => t.module !== undefined);
}
/** The .go files a module owns (nested modules cut out), with their scans, in path order. */
function goFilesOf(ctx, module) {
    return ctx.goFilesByModule.get(module) ?? [];
}
const importsByFiles = new WeakMap();
/**
 * A module's imports by path, each path once with every declaration of it (files in path order).
 * The rules judge each path once: a large module imports a few hundred paths in tens of thousands
 * of declarations. Built once per module and shared by the rules.
 */
function importsOf(ctx, module) {
    const files = goFilesOf(ctx, module);
    let byPath = importsByFiles.get(files);
    if (!byPath) {
        byPath = new Map();
        for (const { file, scan } of files) {
            for (const spec of scan.imports) {
                const uses = byPath.get(spec.path);
                if (uses)
                    uses.push({ file, scan, spec });
                else
                    byPath.set(spec.path, [{ file, scan, spec }]);
            }
        }
        importsByFiles.set(files, byPath);
    }
    return byPath;
}
/** The major digits of a version, '' when the version is v0 or v1 (the unsuffixed path's majors). */
function suffixMajorOf(version) {
    const digits = majorDigits(version);
    return digits === '0' || digits === '1' ? '' : digits;
}
function quote(s) {
    return JSON.stringify(s);
}

/**
 * A release or pull request that removes or changes exported API without a new major breaks its
 * users' builds (apidiff's classification, read from source). A new major with no breaking change
 * is said as a notice: it could have been a minor release. v0 modules may break at will.
 */
const breakingChange = {
    id: 'breaking-change',
    severity: 'error',
    doc: 'Exported API removed or changed incompatibly without a major bump.',
    check(ctx) {
        return (ctx.snapshot.apiComparisons ?? []).flatMap(comparison => {
            const target = ctx.targets.find(t => t.module?.dir === comparison.moduleDir);
            if (!target?.module)
                return [];
            return judge$1(ctx, target, comparison, ctx.apiChanges.get(comparison.moduleDir) ?? []);
        });
    }
};
function judge$1(ctx, target, comparison, changes) {
    const { module } = target;
    const breaking = changes.filter(c => c.severity === 'breaking');
    const possibly = changes.filter(c => c.severity === 'possibly-breaking');
    if (isNewMajor(target)) {
        if (breaking.length > 0 || possibly.length > 0 || !target.version)
            return [];
        return [
            makeFinding('breaking-change', 'notice', moduleLinePlace(module), `this pull request moves to v${module.pathMajorDigits || '1'}, but the exported API has no breaking change since ${comparison.against.label}: this could be released as a minor version of the current major, sparing every user the import rewrite`, module)
        ];
    }
    // Only a release, or a pull request, promises compatibility; v0 promises none.
    if (target.mode === 'consistency' && target.source !== 'pull_request')
        return [];
    if (isV0(ctx, target, comparison))
        return [];
    const nextMajor = String(BigInt(module.pathMajorDigits === '' ? '1' : module.pathMajorDigits) + 1n);
    const advice = `restore it, or release a new major (module ${pathForMajor(module.prefix, nextMajor)}, tag v${nextMajor}.0.0)`;
    const where = (c) => (c.side === 'old' ? ` (as it was in ${comparison.against.label})` : '');
    return [
        ...breaking.map(c => makeFinding('breaking-change', 'error', { file: c.pos.file, line: c.pos.line, column: c.pos.column }, `${c.subject}: ${c.message}${where(c)}, which breaks users of ${module.path} compared with ${comparison.against.label}: ${advice}`, module)),
        ...possibly.map(c => makeFinding('breaking-change', 'warning', { file: c.pos.file, line: c.pos.line, column: c.pos.column }, `${c.subject}: possibly breaking: ${c.message}; source alone cannot tell whether users are affected, so check it (go-apidiff, gorelease) before releasing without a new major`, module))
    ];
}
/** A pull request's major bump (a release of a new major is never compared: see src/gather/api.ts). */
function isNewMajor(target) {
    return target.mode === 'major-bump';
}
/** A module whose releases so far are v0 (or that has none and no /vN suffix) promises no compatibility. */
function isV0(ctx, target, comparison) {
    if (target.version && majorDigits(target.version) === '0')
        return true;
    const version = comparison.against.version ?? releasesOfModule(ctx.snapshot.tags, target.module).pop()?.version;
    if (version)
        return majorDigits(version) === '0';
    return target.module.pathMajorDigits === '';
}

/** A `// Deprecated:` paragraph on the module line deprecates the very version being released. */
const deprecatedModule = {
    id: 'deprecated-module',
    severity: 'warning',
    doc: 'The go.mod being released carries a "// Deprecated:" paragraph on its module line.',
    check(ctx) {
        return versionTargets(ctx).flatMap(({ module, version }) => {
            const directive = module.modFile.module;
            if (!directive?.deprecated)
                return [];
            return [
                makeFinding('deprecated-module', 'warning', { file: module.goModFile, line: directive.deprecatedLine ?? directive.line }, `${module.goModFile} marks "${module.path}" as deprecated ("${directive.deprecated}"), so releasing ${version} tells every user of this module path to move away; remove the Deprecated comment unless that is the intent`, module)
            ];
        });
    }
};

/** A file that cannot be read or scanned is said, with its position: never a crash, never silence. */
const fileUnreadable = {
    id: 'file-unreadable',
    severity: 'warning',
    doc: 'A file could not be read or scanned (binary, unterminated comment in the header).',
    check(ctx) {
        const findings = [];
        const owner = fileOwnerIndex(ctx.modules);
        for (const { module } of moduleTargets(ctx)) {
            for (const { file, scan } of goFilesOf(ctx, module)) {
                if (!scan.error)
                    continue;
                findings.push(makeFinding('file-unreadable', 'warning', { file, line: scan.error.line, column: scan.error.column }, `could not read the imports of ${file}: ${scan.error.message}; the go command will fail on this file too, fix it so its imports can be checked`, module));
            }
            for (const [file, reason] of ctx.snapshot.unreadable) {
                if (owner(file) !== module)
                    continue;
                findings.push(makeFinding('file-unreadable', 'warning', { file, line: 1 }, `could not read ${file}: ${reason}`, module));
            }
        }
        return findings;
    }
};

/**
 * go.mod must parse under the go command's strict rules for a main module. Major mismatches in
 * require/exclude/replace are left to require-major-mismatch, which says more.
 */
const gomodSyntax = {
    id: 'gomod-syntax',
    severity: 'error',
    doc: "go.mod does not parse under the go command's strict rules (BOM, /* */ comments, quoted paths, unknown directives, ...).",
    check(ctx) {
        return moduleTargets(ctx).flatMap(({ module }) => {
            const findings = module.errors
                .filter(e => e.kind === 'syntax')
                .map(e => makeFinding('gomod-syntax', 'error', { file: module.goModFile, line: e.line, column: e.column }, `${e.text}: the go command rejects this go.mod; fix this line`, module));
            if (findings.length === 0 && !module.modFile.module) {
                findings.push(makeFinding('gomod-syntax', 'error', { file: module.goModFile, line: 1 }, `${module.goModFile} has no module directive: add "module <path>" as its first line`, module));
            }
            return findings;
        });
    }
};

/**
 * A v2+ tag without a prefix, on a repository whose root has no go.mod, is served by the go command
 * as vN.x.y+incompatible of the unsuffixed path (coderepo.go), even when vN/go.mod exists.
 */
const incompatibleRelease = {
    id: 'incompatible-release',
    severity: 'warning',
    doc: 'A v2+ tag on a root module with no go.mod: it will be served as +incompatible.',
    check(ctx) {
        if (ctx.snapshot.goMods.has('go.mod'))
            return [];
        return ctx.targets.flatMap(t => {
            if (t.mode !== 'release' || !t.tag || !t.version || t.tagProblem)
                return [];
            const major = majorDigits(t.version);
            if (splitTag(t.tag).prefix !== '' || major === '0' || major === '1')
                return [];
            const where = t.module
                ? ` (the go command does not look at ${t.module.goModFile} when it lists the repository's versions)`
                : '';
            return [
                makeFinding('incompatible-release', 'warning', NO_PLACE, `the repository root has no go.mod, so the go command will serve tag ${t.tag} as ${t.version}+incompatible of the unsuffixed path${where}; "go get" of the unsuffixed path's latest version will land on this v${major} code. Add a go.mod at the root (module path ending in /v${major}) to release it as a proper v${major} module`, t.module)
            ];
        });
    }
};

/** A directory replacement only works in the author's checkout: consumers ignore replace directives. */
const localReplace = {
    id: 'local-replace',
    severity: 'error',
    doc: 'A replace directive that points at a directory (error on a release, warning on a pull request).',
    check(ctx) {
        return moduleTargets(ctx).flatMap(target => {
            const { module } = target;
            const severity = target.mode === 'release' ? 'error' : 'warning';
            return module.modFile.replace
                .filter(r => r.newVersion === '' && isDirectoryPath(r.newPath))
                .map(r => makeFinding('local-replace', severity, { file: module.goModFile, line: r.line, column: r.span.start.column }, `replace ${r.oldPath}${r.oldVersion ? ` ${r.oldVersion}` : ''} => ${r.newPath} points at a local directory: consumers of the release ignore it, so it builds here and breaks there; require a published version instead and remove the replace (or use a go.work file for local development)`, module));
        });
    }
};

// Small helpers over collections, pure.
/**
 * The items by key, each group in the items' order, the groups in the order their keys first came.
 * An item whose key is undefined is left out.
 */
function groupBy(items, key) {
    const groups = new Map();
    for (const item of items) {
        const k = key(item);
        if (k === undefined)
            continue;
        const group = groups.get(k);
        if (group)
            group.push(item);
        else
            groups.set(k, [item]);
    }
    return groups;
}

// Which major of a module family an import path names. A family is every major of one module:
// `example.com/m`, `example.com/m/v2`, ... (or `gopkg.in/yaml.v2`, `gopkg.in/yaml.v3`, ...).
const MAJOR_ELEMENT = /^v([1-9][0-9]*)$/;
const GOPKG_IN = 'gopkg.in/';
/**
 * The member of family `prefix` that `importPath` belongs to, or undefined when the path is outside
 * the family. `prefix` is splitPathVersion's prefix of any member (`example.com/m`, `gopkg.in/yaml`).
 * Path elements are compared exactly: `example.com/m-extras` is not in the family of `example.com/m`.
 */
function familyMember(importPath, prefix) {
    if (prefix.startsWith(GOPKG_IN))
        return gopkgInMember(importPath, prefix);
    if (!hasPathPrefix(importPath, prefix))
        return undefined;
    const next = importPath.slice(prefix.length + 1).split('/')[0];
    const m = MAJOR_ELEMENT.exec(next);
    if (m && m[1] !== '1')
        return { major: m[1], modulePath: `${prefix}/${next}` };
    return { major: '', modulePath: prefix };
}
function gopkgInMember(importPath, prefix) {
    if (!importPath.startsWith(`${prefix}.v`))
        return undefined;
    const rest = importPath.slice(prefix.length + 2);
    const digits = /^(0|[1-9][0-9]*)(?=\/|$)/.exec(rest);
    if (!digits)
        return undefined;
    return { major: digits[1], modulePath: `${prefix}.v${digits[1]}` };
}
/**
 * The family an import path itself announces through a major element, for dependencies whose
 * go.mod we cannot see: `github.com/o/dep/v2/x` announces family `github.com/o/dep` at major 2;
 * `gopkg.in/yaml.v3` family `gopkg.in/yaml` at major 3. Undefined when the path names no major.
 */
function announcedFamily(importPath) {
    const elements = importPath.split('/');
    if (importPath.startsWith(GOPKG_IN)) {
        for (let i = 1; i < Math.min(elements.length, 3); i++) {
            const m = /^(.+)\.v(0|[1-9][0-9]*)$/.exec(elements[i]);
            if (m)
                return { prefix: [...elements.slice(0, i), m[1]].join('/'), major: m[2] };
        }
        return undefined;
    }
    for (let i = 1; i < elements.length; i++) {
        const m = MAJOR_ELEMENT.exec(elements[i]);
        if (m && m[1] !== '1')
            return { prefix: elements.slice(0, i).join('/'), major: m[1] };
    }
    return undefined;
}
/**
 * The family prefixes an import path could belong to, longest first: each of its `/`-prefixes, and for
 * gopkg.in the element without its `.vN` (`gopkg.in/yaml.v3/x` -> ..., `gopkg.in/yaml.v3`, `gopkg.in/yaml`).
 */
function familyCandidates(importPath) {
    const candidates = [];
    const gopkgIn = importPath.startsWith(GOPKG_IN);
    for (let end = importPath.length; end > 0; end = importPath.lastIndexOf('/', end - 1)) {
        const prefix = importPath.slice(0, end);
        candidates.push(prefix);
        if (gopkgIn) {
            const m = /^(.+)\.v(?:0|[1-9][0-9]*)$/.exec(prefix);
            if (m)
                candidates.push(m[1]);
        }
    }
    return candidates;
}
/** Orders major digit strings numerically ('' — v0/v1 — first). */
function compareMajors(a, b) {
    const na = a === '' ? 1n : BigInt(a);
    const nb = b === '' ? 1n : BigInt(b);
    return na < nb ? -1 : na > nb ? 1 : 0;
}

/**
 * Importing two majors of one dependency builds both into the program: usually half of a migration.
 * Reported at each import of the lower major(s).
 */
const mixedMajorImport = {
    id: 'mixed-major-import',
    severity: 'warning',
    doc: 'The module imports two majors of the same dependency.',
    check(ctx) {
        return moduleTargets(ctx).flatMap(({ module }) => checkModule$1(ctx, module));
    }
};
function checkModule$1(ctx, module) {
    const imports = importsOf(ctx, module);
    // Families are known from the repository's modules and announced by a major element in an import
    // or a require path (`.../dep/v2`). Each import belongs to the most specific family that holds it.
    const families = new Set(ctx.modules.map(m => m.prefix).filter(Boolean));
    const announce = (p) => {
        const family = announcedFamily(p);
        if (family)
            families.add(family.prefix);
    };
    for (const path of imports.keys())
        announce(path);
    for (const r of module.modFile.require)
        announce(r.path);
    const familyOf = (path) => {
        for (const prefix of familyCandidates(path)) {
            if (!families.has(prefix))
                continue;
            const member = familyMember(path, prefix);
            if (member)
                return { prefix, member };
        }
        return undefined;
    };
    const familyImports = [...imports].flatMap(([path, uses]) => {
        const found = familyOf(path);
        // The module's own family is stale-self-import's business.
        return found && found.prefix !== module.prefix
            ? [{ prefix: found.prefix, path, uses, ...found.member }]
            : [];
    });
    const importsByFamily = groupBy(familyImports, i => i.prefix);
    const findings = [];
    for (const members of importsByFamily.values()) {
        const majors = [...new Set(members.map(m => m.major))].sort(compareMajors);
        if (majors.length < 2)
            continue;
        const highest = majors[majors.length - 1];
        const highestPath = members.find(m => m.major === highest)?.modulePath;
        for (const member of members.filter(m => m.major !== highest)) {
            const message = `"${module.path}" imports both ${member.modulePath} and ${highestPath}, two majors of one module built side by side; finish the migration: import "${highestPath}${member.path.slice(member.modulePath.length)}" instead of "${member.path}"`;
            for (const { file, spec } of member.uses) {
                findings.push(makeFinding('mixed-major-import', 'warning', { file, line: spec.line, column: spec.column, endLine: spec.endLine, endColumn: spec.endColumn }, message, module));
            }
        }
    }
    return findings;
}

/**
 * A module's path must fit its directory, as the go command finds it (findDir) and gorelease checks
 * it: `sub/go.mod` ends in `/sub` or `/sub/vN`; a major subdirectory `v2/go.mod` ends in `/v2`;
 * gopkg.in only at the root; one path in one place.
 */
const moduleLocation = {
    id: 'module-location',
    severity: 'error',
    doc: 'The module path does not fit the directory of its go.mod, or the same path is declared twice.',
    check(ctx) {
        const findings = [];
        const reported = new Set();
        for (const { module } of moduleTargets(ctx)) {
            if (module.path === undefined || checkPath(module.path))
                continue;
            const problem = locationProblem(module);
            if (problem)
                findings.push(makeFinding('module-location', 'error', moduleLinePlace(module), problem, module));
            const twins = ctx.modules.filter(m => m.path === module.path);
            if (twins.length > 1) {
                for (const twin of twins) {
                    if (reported.has(twin))
                        continue;
                    reported.add(twin);
                    const others = twins.filter(t => t !== twin).map(t => t.goModFile);
                    findings.push(makeFinding('module-location', 'error', moduleLinePlace(twin), `"${module.path}" is also declared by ${others.join(', ')}: the go command refuses a module defined in two places; keep one of the go.mod files (the major branch layout at the root, or the ${module.pathMajor.slice(1) || 'major'} subdirectory, not both)`, twin));
                }
            }
        }
        return findings;
    }
};
/** What is wrong with where a module sits, or undefined when its path fits its directory. */
function locationProblem(module) {
    const path = module.path;
    const dir = module.dir;
    if (isGopkgInModule(module)) {
        return dir === ROOT_DIR
            ? undefined
            : `a gopkg.in module must be declared in the repository's root go.mod, not in ${module.goModFile}: gopkg.in serves only the root of a repository`;
    }
    if (dir === ROOT_DIR)
        return undefined;
    const endsWithDir = path.endsWith(`/${dir}`);
    if (module.pathMajor === '') {
        if (endsWithDir)
            return undefined;
        return `${module.goModFile} declares "${path}", but a module in ${dir}/ must have a path ending in "/${dir}"${isMajorDirHint(dir)}; write "module ${suggestPath(module)}"`;
    }
    if (endsWithDir || path.endsWith(`/${dir}${module.pathMajor}`))
        return undefined;
    return `${module.goModFile} declares "${path}", but a module in ${dir}/ must have a path ending in "/${dir}" or "/${dir}${module.pathMajor}"; write "module ${suggestPath(module)}"`;
}
function isMajorDirHint(dir) {
    const last = dir.split('/').pop() ?? '';
    return isMajorDirName(last) ? ` (a major version subdirectory's module path ends in "/${last}")` : '';
}
/** The path the directory implies: the repository part of the declared path plus the directory. */
function suggestPath(module) {
    const dir = module.dir;
    const isMajorDir = isMajorDirName(dir.split('/').pop() ?? '');
    // Guess the repository root: github.com/owner/repo, else the first element.
    const elements = module.prefix.split('/');
    const rootLength = elements[0] === 'github.com' || elements[0] === 'gitlab.com' || elements[0] === 'bitbucket.org' ? 3 : 1;
    const root = elements.slice(0, rootLength).join('/');
    if (isMajorDir)
        return `${root}/${dir}`;
    return `${root}/${dir}${module.pathMajor}`;
}

// Rules that compare a module's path with what it was: module-path-repository and module-renamed.
const GITHUB = 'github.com/';
/** `owner/repo` of a github.com module path, or undefined for any other host. */
function githubRepositoryOf(path) {
    if (!path.startsWith(GITHUB))
        return undefined;
    const [owner, repo] = path.slice(GITHUB.length).split('/');
    return owner && repo ? `${owner}/${repo}` : undefined;
}
/** The module paths the same go.mod declared before: at the pull request's base and at the latest release. */
function earlierPaths(ctx, module) {
    const paths = [];
    for (const source of [ctx.snapshot.baseGoMods, ctx.snapshot.releasedGoMods]) {
        const data = source?.get(module.goModFile);
        if (data) {
            const p = modulePath(data);
            if (p)
                paths.push(p);
        }
    }
    return paths;
}
const modulePathRepository = {
    id: 'module-path-repository',
    severity: 'error',
    doc: 'A github.com module path names another repository than the one being released.',
    check(ctx) {
        const repository = ctx.snapshot.repository;
        if (!repository)
            return [];
        return moduleTargets(ctx).flatMap(({ module }) => {
            const named = module.path === undefined ? undefined : githubRepositoryOf(module.path);
            if (!named || named === repository)
                return [];
            const caseOnly = named.toLowerCase() === repository.toLowerCase();
            const established = earlierPaths(ctx, module).some(p => githubRepositoryOf(p) === named);
            const suffix = module.path.slice(GITHUB.length + named.length);
            const want = `${GITHUB}${repository}${suffix}`;
            const why = caseOnly
                ? 'the names differ only in letter case, and the go command compares module paths exactly'
                : established
                    ? 'the path was already released this way (as after a repository rename that GitHub redirects); consumers keep working through the redirect, but the path should move to the new name at the next major'
                    : "consumers who fetch this path will get the other repository's code, not this release";
            return [
                makeFinding('module-path-repository', caseOnly || established ? 'warning' : 'error', moduleLinePlace(module), `module path "${module.path}" names repository ${named}, but this is ${repository}: ${why}; write "module ${want}"`, module)
            ];
        });
    }
};
const moduleRenamed = {
    id: 'module-renamed',
    severity: 'warning',
    doc: 'A pull request changes the module path by more than its major suffix.',
    check(ctx) {
        const base = ctx.snapshot.baseGoMods;
        if (!base)
            return [];
        return moduleTargets(ctx).flatMap(({ module }) => {
            const data = base.get(module.goModFile);
            const before = data ? modulePath(data) : '';
            if (!before || module.path === undefined || before === module.path)
                return [];
            if (splitPathVersion(before).prefix === module.prefix)
                return [];
            return [
                makeFinding('module-renamed', 'warning', moduleLinePlace(module), `this change renames the module from "${before}" to "${module.path}": every consumer's imports break and must be rewritten; if only the major should change, write "module ${splitPathVersion(before).prefix}${module.pathMajor}"`, module)
            ];
        });
    }
};

/** The module path must pass CheckPath, the rule the go command applies to every module it fetches. */
const modulePathInvalid = {
    id: 'module-path-invalid',
    severity: 'error',
    doc: "The module path fails the go command's CheckPath, or is declared in a form (`module (` block) that cannot be fetched.",
    check(ctx) {
        return moduleTargets(ctx).flatMap(({ module }) => {
            const path = module.path;
            if (path === undefined)
                return [];
            const place = moduleLinePlace(module);
            if (module.modFile.module?.block) {
                return [
                    makeFinding('module-path-invalid', 'error', { ...place, line: module.modFile.module.line }, `the module path is declared as a "module (" block: it builds locally, but the go command reads a fetched go.mod with a line scan that finds the path "(", so nobody can download it; write "module ${path}" on one line`, module)
                ];
            }
            const problem = checkPath(path);
            if (!problem)
                return [];
            return [
                makeFinding('module-path-invalid', 'error', place, `${problem}: ${advice(path, problem)}`, module)
            ];
        });
    }
};
function advice(path, problem) {
    if (problem.endsWith('invalid version')) {
        return `a major version suffix is /vN with N >= 2 and no leading zero or dot (v0 and v1 modules have none); write ${quote(path.replace(/\/v[0-9.]*$/, ''))} for v0/v1, or ${quote(path.replace(/\/v[0-9.]*$/, '/v2'))} for v2`;
    }
    if (problem.includes('missing dot in first path element')) {
        return 'consumers can only fetch a module whose path starts with a domain name, such as "github.com/owner/repo"';
    }
    if (problem.includes('in first path element')) {
        return 'the domain name (the first path element) must be lower case letters, digits, "." and "-"';
    }
    return 'fix the module path in go.mod so that the go command accepts it';
}

/**
 * The path's major suffix must match the version gated: v2+ needs /vN (gopkg.in: .vN), v0 and v1
 * have none. In consistency mode the path must not be behind the module's latest release.
 */
const modulePathMajor = {
    id: 'module-path-major',
    severity: 'error',
    doc: "The module path's major suffix does not match the version gated, or is behind the latest release.",
    check(ctx) {
        return [...checkGatedVersions(ctx), ...checkLatestReleases(ctx)];
    }
};
function checkGatedVersions(ctx) {
    return versionTargets(ctx).flatMap(({ module, version }) => {
        if (module.path === undefined || checkPath(module.path))
            return [];
        const wantSuffix = suffixForRelease(module, version);
        if (module.pathMajorDigits === wantSuffix)
            return [];
        if (module.pathMajor.startsWith('.') && version.startsWith('v0.0.0-') && module.pathMajorDigits === '1')
            return [];
        const want = pathForMajor(module.prefix, wantSuffix);
        return [
            makeFinding('module-path-major', 'error', moduleLinePlace(module), `${module.goModFile} declares "${module.path}", which cannot be released as ${version}: ${wantSuffix === ''
                ? 'v0 and v1 paths have no major suffix'
                : `a v${wantSuffix} module path must end in ${module.pathMajor.startsWith('.') || module.path.startsWith('gopkg.in/') ? `.v${wantSuffix}` : `/v${wantSuffix}`}`}; write "module ${want}" (and update every import of the module's own packages)`, module, { fix: { replacement: want } })
        ];
    });
}
/** The major suffix a release of `version` needs: gopkg.in's `.vN` carries every major, `/vN` only v2 and up. */
function suffixForRelease(module, version) {
    return module.pathMajor.startsWith('.') ? majorDigits(version) : suffixMajorOf(version);
}
function checkLatestReleases(ctx) {
    return moduleTargets(ctx)
        .filter(t => t.mode === 'consistency')
        .flatMap(({ module }) => {
        if (module.path === undefined || checkPath(module.path))
            return [];
        // A tag of a major that has its own major-subdirectory module belongs to that module.
        const prefix = tagPrefixOf(module.dir);
        const releases = releasesWithPrefix(ctx.snapshot.tags, prefix).filter(r => {
            const owner = resolveTag(prefix, r.version, ctx.modules);
            return owner.kind === 'module' && owner.module === module;
        });
        const latest = releases[releases.length - 1];
        if (!latest)
            return [];
        const latestSuffix = suffixForRelease(module, latest.version);
        if (compareMajors(latestSuffix, module.pathMajorDigits) <= 0)
            return [];
        const want = pathForMajor(module.prefix, latestSuffix);
        return [
            makeFinding('module-path-major', 'error', moduleLinePlace(module), `the latest release is ${latest.tag}, but ${module.goModFile} declares "${module.path}": a v${latestSuffix} module's path must be "${want}"; write "module ${want}"`, module, { fix: { replacement: want } })
        ];
    });
}

/**
 * Each require, exclude and replace version must fit its path's major suffix (CheckPathMajor):
 * v2+ needs /vN or +incompatible, /vN needs vN, +incompatible never goes with /vN.
 */
const requireMajorMismatch = {
    id: 'require-major-mismatch',
    severity: 'error',
    doc: 'A require/exclude/replace version whose major does not fit its module path.',
    check(ctx) {
        return moduleTargets(ctx).flatMap(({ module }) => {
            const findings = [];
            const check = (verb, path, version, span, line) => {
                const problem = mismatch(path, version);
                if (!problem)
                    return;
                findings.push(makeFinding('require-major-mismatch', 'error', {
                    file: module.goModFile,
                    line,
                    column: span.start.column,
                    endLine: span.end.line,
                    endColumn: span.end.column
                }, `${verb} ${path} ${version}: ${problem}`, module));
            };
            const { require, exclude, replace } = module.modFile;
            for (const r of require)
                check('require', r.path, r.version, r.versionSpan, r.line);
            for (const e of exclude)
                check('exclude', e.path, e.version, e.versionSpan, e.line);
            for (const r of replace) {
                if (r.oldVersion)
                    check('replace', r.oldPath, r.oldVersion, r.oldPathSpan, r.line);
                if (r.newVersion)
                    check('replace', r.newPath, r.newVersion, r.newPathSpan, r.line);
            }
            return findings;
        });
    }
};
/** The go command's complaint about a path/version pair plus what to write, or undefined. */
function mismatch(path, version) {
    if (!isValid(version))
        return undefined;
    const { prefix, pathMajor, ok } = splitPathVersion(path);
    if (!ok)
        return undefined;
    const problem = checkPathMajor(version, pathMajor);
    if (problem) {
        const m = /^v(\d+)/.exec(version);
        const major = m ? m[1] : '';
        const suggestion = pathMajor === '' && Number(major) >= 2
            ? `use the module's /v${major} path ("${prefix}/v${major}"), or ${version}+incompatible if that module has no go.mod`
            : pathMajor !== '' && major !== pathMajor.slice(2)
                ? `use a ${pathMajor.slice(1)}.x.y version, or the path of major v${major}`
                : 'fix the version';
        return `${problem}; ${suggestion}`;
    }
    if (pathMajor !== '' && version.endsWith('+incompatible')) {
        return `+incompatible is only for modules without a major suffix; write ${version.slice(0, -'+incompatible'.length)}`;
    }
    return undefined;
}

/**
 * retract may only name versions of the module's own major: the go command (with its version fixer,
 * as when it loads the main module) rejects `retract v1.2.0` in a /v2 go.mod.
 */
const retractMajorMismatch = {
    id: 'retract-major-mismatch',
    severity: 'error',
    doc: 'A retract of a version of another major (typically v1 retractions left in a v2 go.mod).',
    check(ctx) {
        return moduleTargets(ctx).flatMap(({ module }) => {
            if (module.path === undefined)
                return [];
            return module.modFile.retract.flatMap(r => {
                const bad = [r.low, r.high].filter(v => isValid(v) && checkPathMajor(v, module.pathMajor));
                if (bad.length === 0)
                    return [];
                const range = r.low === r.high ? r.low : `[${r.low}, ${r.high}]`;
                return [
                    makeFinding('retract-major-mismatch', 'error', { file: module.goModFile, line: r.line, column: r.span.start.column }, `retract ${range} names a version of another major than "${module.path}" (${checkPathMajor(bad[0], module.pathMajor)}): retractions of the old major belong in the old major's go.mod; remove this line`, module)
                ];
            });
        });
    }
};

/** A module that requires or replaces another major of itself usually carries a leftover of the bump. */
const selfRequirement = {
    id: 'self-requirement',
    severity: 'warning',
    doc: 'go.mod requires or replaces another major of the module itself.',
    check(ctx) {
        return moduleTargets(ctx).flatMap(({ module }) => {
            if (module.path === undefined)
                return [];
            const findings = [];
            const otherMajor = (p) => {
                const member = familyMember(p, module.prefix);
                return member !== undefined && member.modulePath === p && p !== module.path;
            };
            for (const r of module.modFile.require) {
                if (!otherMajor(r.path))
                    continue;
                findings.push(makeFinding('self-requirement', 'warning', { file: module.goModFile, line: r.line, column: r.span.start.column }, `"${module.path}" requires ${r.path} ${r.version}, another major of itself: usually a leftover of the major bump (a stale import pulled it in). Fix the imports, then remove this line (go mod tidy), unless the new major deliberately wraps the old one`, module));
            }
            for (const r of module.modFile.replace) {
                if (!otherMajor(r.oldPath))
                    continue;
                findings.push(makeFinding('self-requirement', 'warning', { file: module.goModFile, line: r.line, column: r.span.start.column }, `"${module.path}" replaces ${r.oldPath}, another major of itself: remove this replace directive; consumers ignore it, and the module should not depend on its own old major`, module));
            }
            return findings;
        });
    }
};

/**
 * When a version starts a new major, the repository's other modules that still require or import an
 * older major of it keep consumers on two majors at once. Said once per require line and import.
 */
const siblingOldMajor = {
    id: 'sibling-old-major',
    severity: 'warning',
    doc: 'Another module of the same repository still requires or imports an older major of a bumped module.',
    check(ctx) {
        return versionTargets(ctx)
            .filter(t => startsNewMajor(ctx, t))
            .flatMap(t => ctx.modules.filter(m => m !== t.module).flatMap(other => checkSibling(ctx, t, other)));
    }
};
function startsNewMajor(ctx, target) {
    if (target.mode === 'major-bump')
        return true;
    const gated = majorDigits(target.version);
    return !releasesWithPrefix(ctx.snapshot.tags, tagPrefixOf(target.module.dir)).some(r => majorDigits(r.version) === gated && r.tag !== target.tag);
}
function checkSibling(ctx, target, other) {
    const gated = target.module;
    const newMajor = suffixMajorOf(target.version);
    const isOlder = (p) => {
        const member = familyMember(p, gated.prefix);
        return member !== undefined && compareMajors(member.major, newMajor) < 0 ? member : undefined;
    };
    const advice = (old) => `${other.goModFile.replace(/go\.mod$/, '') || 'the root '}module still uses ${old}, an older major of ${gated.path}, which ${target.version} replaces: move it to ${gated.path} (or keep it on purpose)`;
    const findings = [];
    for (const r of other.modFile.require) {
        const member = isOlder(r.path);
        if (!member || member.modulePath !== r.path)
            continue;
        findings.push(makeFinding('sibling-old-major', 'warning', { file: other.goModFile, line: r.line, column: r.span.start.column }, `require ${r.path} ${r.version}: ${advice(r.path)}`, other));
    }
    for (const [importPath, uses] of importsOf(ctx, other)) {
        const member = isOlder(importPath);
        // Packages of a module that lives in this repository (the v1 root beside a v2/ directory) are not stale.
        if (!member || ctx.importOwner(importPath))
            continue;
        for (const { file, spec } of uses) {
            findings.push(makeFinding('sibling-old-major', 'warning', { file, line: spec.line, column: spec.column, endLine: spec.endLine, endColumn: spec.endColumn }, `import "${spec.path}": ${advice(member.modulePath)}`, other));
        }
    }
    return findings;
}

// References to a module's import paths outside Go import declarations: a .proto `go_package`, buf's
// managed-mode `go_package_prefix` and overrides, `go get`/`go install` lines, import lines and import
// blocks in Markdown code fences, pkg.go.dev links, `-X importpath.name=value` linker flags, the package
// arguments of go commands in Makefiles, Dockerfiles, workflows and shell scripts, and //go:generate lines.
//
// Pure: works on the lines that src/gather found with one `git grep` for the modules' family prefixes
// (and the whole text of the Markdown files among them, for code fences), and on the //go:generate
// lines of the .go files, found in their bytes as they are read. Only command, import and option
// contexts count: a path in prose, in a comment or in a repository URL is never a reference.
/**
 * Directories never searched: vendored copies of other modules, test data, and JavaScript packages.
 * Files whose names say they record history (changelogs, release notes) or explain a migration name
 * the old path on purpose and are skipped too.
 */
const SKIPPED_DIRS = new Set(['vendor', 'testdata', 'node_modules']);
const HISTORY_FILE = /^(?:change[-_.]?log|changes|history|news|release[-_.]?notes|migrat|upgrad)/i;
/**
 * Which kind of file `file` is for references, or undefined when its references are not looked at.
 * Keep REFERENCE_PATHSPECS (the git grep prefilter) a superset of what this accepts.
 */
function referenceFileKind(file) {
    const elements = file.split('/');
    const name = elements[elements.length - 1];
    for (let i = 0; i < elements.length - 1; i++)
        if (SKIPPED_DIRS.has(elements[i]))
            return undefined;
    const lower = name.toLowerCase();
    if (lower.endsWith('.go'))
        return 'go';
    if (lower.endsWith('.proto'))
        return 'proto';
    if (/^buf(?:\.[^/]+)?\.ya?ml$/.test(lower))
        return 'buf';
    if (/\.(?:md|markdown|mdx)$/.test(lower))
        return HISTORY_FILE.test(name) ? undefined : 'markdown';
    if (/\.(?:rst|txt|adoc)$/.test(lower))
        return HISTORY_FILE.test(name) ? undefined : 'doc';
    if (name === 'Makefile' || name === 'makefile' || name === 'GNUmakefile' || lower.endsWith('.mk'))
        return 'build';
    if (/^\.?goreleaser\.ya?ml$/.test(lower))
        return 'build';
    if (/^(?:dockerfile|containerfile)(?:\..+)?$/.test(lower) || lower.endsWith('.dockerfile'))
        return 'build';
    if (elements.length === 3 &&
        elements[0] === '.github' &&
        elements[1] === 'workflows' &&
        /\.ya?ml$/.test(lower))
        return 'build';
    if (/\.(?:sh|bash)$/.test(lower))
        return 'build';
    return undefined;
}
const GO_GENERATE_BYTES = new TextEncoder().encode('//go:generate');
const LF$1 = 0x0a;
const CR$1 = 0x0d;
const lineDecoder = new TextDecoder();
/** git grep -I takes a file with a NUL byte in its first 8,000 bytes for binary, and skips it. */
const BINARY_PROBE = 8000;
/**
 * The lines of a .go file's bytes that start with //go:generate (the only .go lines looked at), as
 * git grep -I would give them: none for a binary file, 1-based numbers, the text without its line
 * feed or a carriage return before it. The .go files are read whole anyway (a commit's blobs, the
 * work tree's files): searching them here spares git reading every file a second time.
 */
function goGenerateLines(data) {
    const lines = [];
    let line = 1;
    let counted = 0;
    for (let at = indexOfMark(data, 0); at >= 0; at = indexOfMark(data, at + 1)) {
        if (at > 0 && data[at - 1] !== LF$1)
            continue;
        if (lines.length === 0 && isBinary(data))
            return lines;
        for (; counted < at; counted++)
            if (data[counted] === LF$1)
                line++;
        let end = data.indexOf(LF$1, at);
        if (end < 0)
            end = data.length;
        if (data[end - 1] === CR$1)
            end--;
        lines.push({ line, text: lineDecoder.decode(data.subarray(at, end)) });
    }
    return lines;
}
function isBinary(data) {
    return data.subarray(0, BINARY_PROBE).indexOf(0) >= 0;
}
function indexOfMark(data, from) {
    // Node's Buffer searches natively; a plain Uint8Array is searched byte by byte.
    if (typeof Buffer !== 'undefined' && Buffer.isBuffer(data))
        return data.indexOf(GO_GENERATE_BYTES, from);
    outer: for (let i = data.indexOf(GO_GENERATE_BYTES[0], from); i >= 0; i = data.indexOf(GO_GENERATE_BYTES[0], i + 1)) {
        for (let k = 1; k < GO_GENERATE_BYTES.length; k++)
            if (data[i + k] !== GO_GENERATE_BYTES[k])
                continue outer;
        return i;
    }
    return -1;
}
const SKIPPED_PATHSPECS = [...SKIPPED_DIRS].map(dir => `:(top,glob,exclude)**/${dir}/**`);
/**
 * `git grep` pathspecs (relative to the top of the repository) for the files other than .go that
 * referenceFileKind may accept: git then never reads the other files at all. Case-sensitive globs, so
 * each spelling is listed.
 */
const REFERENCE_PATHSPECS = [
    ...[
        '*.proto',
        'buf*.yaml',
        'buf*.yml',
        '*.md',
        '*.MD',
        '*.markdown',
        '*.mdx',
        '*.rst',
        '*.txt',
        '*.adoc',
        'Makefile',
        'makefile',
        'GNUmakefile',
        '*.mk',
        '.goreleaser.yml',
        '.goreleaser.yaml',
        'goreleaser.yml',
        'goreleaser.yaml',
        'Dockerfile',
        'Dockerfile.*',
        '*.Dockerfile',
        '*.dockerfile',
        'Containerfile',
        'Containerfile.*',
        '*.sh',
        '*.bash'
    ].map(glob => `:(top,glob)**/${glob}`),
    ':(top,glob).github/workflows/*.yml',
    ':(top,glob).github/workflows/*.yaml',
    ...SKIPPED_PATHSPECS
];
/**
 * The lines git grep found in `file` that are worth keeping: none when the file is not looked at, in
 * .go files only the //go:generate lines (the import declarations are stale-self-import's), elsewhere all.
 */
function referenceLinesToKeep(file, lines) {
    const kind = referenceFileKind(file);
    if (kind === undefined)
        return [];
    return kind === 'go' ? lines.filter(hit => GO_GENERATE.test(hit.text)) : lines;
}
/** Whether a file's whole text is needed to read its references (Markdown: fences, import blocks). */
function needsWholeText(file) {
    return referenceFileKind(file) === 'markdown';
}
/**
 * The fixed strings to search for: the family prefix of each module path (`github.com/o/r` for
 * `github.com/o/r/v2`, `gopkg.in/yaml` for `gopkg.in/yaml.v3`), without those another one already
 * covers (`github.com/o/r/tools` is found by `github.com/o/r`), sorted.
 */
function referencePatterns(modulePaths) {
    const prefixes = new Set();
    for (const path of modulePaths) {
        if (!path)
            continue;
        const split = splitPathVersion(path);
        prefixes.add(split.ok ? split.prefix : path);
    }
    const sorted = [...prefixes].sort();
    const out = [];
    for (const p of sorted)
        if (!out.some(q => p.startsWith(q)))
            out.push(p);
    return out;
}
const GO_GENERATE = /^\/\/go:generate[ \t]/;
const PATH_CHAR = /[A-Za-z0-9._~+\-/]/;
const GO_COMMAND = /(?:\bgo|\$\(GO\)|\$\{GO\})[ \t]+(?:get|install|build|run|test|vet|list)\b/g;
const COMMAND_END = /[;|&`]/;
const PROTO_OPTION = /^\s*option\s+go_package\s*=\s*["']/;
const IMPORT_LINE = /^\s*import\s+(?:[A-Za-z_][A-Za-z0-9_]*\s+|[._]\s+)?"/;
const IMPORT_SPEC = /^\s*(?:[A-Za-z_][A-Za-z0-9_]*\s+|[._]\s+)?"/;
const IMPORT_BLOCK_OPEN = /^\s*import\s*\(\s*(?:\/\/.*)?$/;
const LDFLAGS_X = /-X(?:\s+|=)["']?$/;
const PKG_GO_DEV = /pkg\.go\.dev\/(badge\/)?$/i;
/**
 * Finds the references of one file. `modules` are every module of the repository (a path that
 * belongs to any of them is never stale); `document` is the file's whole text when needsWholeText.
 * Each reference names the module whose older major it uses; the caller keeps those of the modules
 * it checks.
 */
function referenceFinder(modules) {
    const families = new Map();
    for (const m of modules) {
        if (m.path === undefined || m.prefix === '')
            continue;
        let list = families.get(m.prefix);
        if (!list)
            families.set(m.prefix, (list = []));
        list.push(m);
    }
    const prefixes = [...families.keys()].sort((a, b) => b.length - a.length);
    return (file, lines, document) => {
        const kind = referenceFileKind(file);
        if (kind === undefined || prefixes.length === 0)
            return [];
        const states = kind === 'markdown' && document !== undefined ? markdownStates(document) : undefined;
        const out = [];
        for (const { line, text } of lines) {
            for (const mention of mentionsIn(kind, text, prefixes, states?.[line - 1] ?? 'text')) {
                const ref = judge(mention, families);
                if (ref)
                    out.push({ ...ref, line });
            }
        }
        return out;
    };
}
/**
 * The state of every line of a Markdown document (index 0 is line 1). Fences follow CommonMark: three
 * or more backticks or tildes open one (at any indentation, as in list items), the same character
 * at least as many times with nothing after closes it; the fence lines themselves are 'text'.
 */
function markdownStates(document) {
    const states = [];
    let fence;
    let importBlock = false;
    for (const raw of document.split('\n')) {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        const marker = /^\s*(`{3,}|~{3,})(.*)$/.exec(line);
        if (!fence) {
            if (marker && !(marker[1][0] === '`' && marker[2].includes('`'))) {
                fence = { char: marker[1][0], length: marker[1].length };
                importBlock = false;
            }
            states.push('text');
            continue;
        }
        if (marker &&
            marker[1][0] === fence.char &&
            marker[1].length >= fence.length &&
            marker[2].trim() === '') {
            fence = undefined;
            states.push('text');
            continue;
        }
        if (importBlock) {
            if (/^\s*\)/.test(line)) {
                importBlock = false;
                states.push('fence');
            }
            else
                states.push('import-block');
            continue;
        }
        if (IMPORT_BLOCK_OPEN.test(line))
            importBlock = true;
        states.push('fence');
    }
    return states;
}
/** The paths of a family that a line names in a context its file kind counts. */
function mentionsIn(kind, text, prefixes, state) {
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (kind === 'go' && !GO_GENERATE.test(line))
        return [];
    const starts = new Set();
    for (const prefix of prefixes) {
        for (let i = line.indexOf(prefix); i >= 0; i = line.indexOf(prefix, i + 1))
            starts.add(i);
    }
    const mentions = [];
    for (const start of [...starts].sort((a, b) => a - b)) {
        const before = line.slice(0, start);
        const prev = before[before.length - 1];
        let end = start;
        while (end < line.length && PATH_CHAR.test(line[end]))
            end++;
        let token = line.slice(start, end);
        const context = contextOf(kind, line, before, start, state);
        if (!context)
            continue;
        if (prev !== undefined && PATH_CHAR.test(prev) && context !== 'pkg.go.dev')
            continue;
        if (context === 'ldflags') {
            // -X importpath.name=value: the linker splits at the last dot of the last element.
            const dot = token.lastIndexOf('.');
            if (dot <= token.lastIndexOf('/'))
                continue;
            token = token.slice(0, dot);
        }
        else if (context === 'pkg.go.dev' && PKG_GO_DEV.exec(before)?.[1]) {
            if (!token.endsWith('.svg'))
                continue;
            token = token.slice(0, -'.svg'.length);
        }
        // A package pattern's `/...` and a sentence's final dot are not part of the path.
        token = token.replace(/\/\.\.\.$/, '').replace(/[./]+$/, '');
        const after = line.slice(start + token.length);
        const version = /^@([^\s"'`)\]>;,/#?]+)/.exec(after)?.[1];
        const column = codePoints(before) + 1;
        mentions.push({
            column,
            endColumn: column + codePoints(token),
            path: token,
            ...(version !== undefined ? { version } : {}),
            context
        });
    }
    return mentions;
}
/** The context that makes a path at `start` a reference in this kind of file, or undefined. */
function contextOf(kind, line, before, start, state) {
    const prev = before[before.length - 1];
    switch (kind) {
        case 'proto': {
            const m = PROTO_OPTION.exec(line);
            return m && m[0].length === start ? 'go_package' : undefined;
        }
        case 'buf':
            // Any Go path in buf configuration is a go_package (prefix, override, or protoc-gen-go's
            // module= option), unless it is commented out or part of a URL.
            return /(?:^|\s)#/.test(before) || prev === '/' ? undefined : 'buf';
        case 'go':
            if (LDFLAGS_X.test(before))
                return 'ldflags';
            return prev === '/' ? undefined : 'go:generate';
        case 'markdown':
        case 'doc':
        case 'build': {
            if (LDFLAGS_X.test(before))
                return 'ldflags';
            if (kind !== 'build' && PKG_GO_DEV.test(before))
                return 'pkg.go.dev';
            if (prev === '/')
                return undefined;
            if (isCommandArgument(before))
                return 'go-command';
            if (kind === 'markdown') {
                if (state === 'fence' && IMPORT_LINE.exec(line)?.[0].length === start)
                    return 'import';
                if (state === 'import-block' && IMPORT_SPEC.exec(line)?.[0].length === start)
                    return 'import';
            }
            return undefined;
        }
    }
}
/** Whether the text before a path ends inside the arguments of a go command (`go install ... `). */
function isCommandArgument(before) {
    const prev = before[before.length - 1];
    if (prev !== undefined && !/[\s"'=]/.test(prev))
        return false;
    let last = -1;
    for (const m of before.matchAll(GO_COMMAND))
        last = (m.index ?? 0) + m[0].length;
    return last >= 0 && !COMMAND_END.test(before.slice(last));
}
/**
 * Whether a mentioned path is an older major of a module of the repository, and which one: the
 * module family with the longest prefix that holds the path decides. A path that is the declared
 * path of some module (current or another one), names a newer major than any module of its family,
 * or pins a version of its own major on purpose (`@v1.5.0`) is not stale.
 */
function judge(mention, families) {
    const { path } = mention;
    for (const candidate of familyCandidates(path)) {
        const modules = families.get(candidate);
        if (!modules)
            continue;
        const member = familyMember(path, candidate);
        if (!member)
            continue;
        if (modules.some(m => m.path === member.modulePath))
            return undefined;
        let target;
        for (const m of modules) {
            if (compareMajors(m.pathMajorDigits, member.major) <= 0)
                continue;
            if (!target || compareMajors(m.pathMajorDigits, target.pathMajorDigits) > 0)
                target = m;
        }
        if (!target)
            return undefined;
        if (mention.version !== undefined) {
            const digits = majorDigits(mention.version);
            if (digits !== '' && majorFits(digits, member.major))
                return undefined;
        }
        return {
            column: mention.column,
            endColumn: mention.endColumn,
            stale: path,
            corrected: target.path + path.slice(member.modulePath.length),
            module: target,
            major: member.major,
            context: mention.context
        };
    }
    return undefined;
}
function codePoints(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 0xdc00 || c > 0xdfff)
            n++;
    }
    return n;
}

/**
 * Files other than Go imports that name an older major's path of a checked module: a .proto
 * `go_package`, buf's go_package settings, `go get`/`go install` lines, import lines in Markdown code
 * fences, pkg.go.dev links, `-X` linker flags and go command arguments in build files, //go:generate
 * lines (src/go/module/references.ts says exactly where). Users of the new major who follow them get the old
 * one, or a build that stamps a variable that no longer exists. A path that belongs to another module
 * of the repository is never stale.
 */
const staleReference = {
    id: 'stale-reference',
    severity: 'warning',
    doc: "A non-Go file (or a //go:generate line) names an older major's path of the module: .proto go_package, buf, docs, ldflags, go commands.",
    check(ctx) {
        const lines = ctx.snapshot.referenceLines;
        if (!lines || lines.size === 0)
            return [];
        const checked = new Set(moduleTargets(ctx).map(t => t.module));
        if (checked.size === 0)
            return [];
        const find = referenceFinder(ctx.modules);
        const findings = [];
        for (const [file, found] of lines) {
            for (const ref of find(file, found, ctx.snapshot.referenceDocuments?.get(file))) {
                if (!checked.has(ref.module))
                    continue;
                findings.push(makeFinding('stale-reference', 'warning', { file, line: ref.line, column: ref.column, endLine: ref.line, endColumn: ref.endColumn }, message$1(ref), ref.module, { fix: { replacement: ref.corrected } }));
            }
        }
        return findings;
    }
};
const WHERE = {
    go_package: 'in the go_package option',
    buf: 'in the buf go_package configuration',
    'go-command': 'in a go command',
    ldflags: 'in an -X linker flag',
    import: 'in an import in a code fence',
    'pkg.go.dev': 'in a pkg.go.dev link',
    'go:generate': 'in a //go:generate command'
};
function message$1(ref) {
    const which = ref.major === '' ? 'the v0/v1 path' : `major v${ref.major}`;
    return `${quote(ref.stale)} ${WHERE[ref.context]} refers to ${which} of this module, not to ${quote(ref.module.path)}: write ${quote(ref.corrected)}`;
}

/**
 * Every import of a module's own packages must use the module's declared path (go-rules.md §6.5):
 * an import of another major of the same module makes the new major depend on the old one. Imports
 * owned by another module of the repository are not self-imports.
 */
const staleSelfImport = {
    id: 'stale-self-import',
    severity: 'error',
    doc: "A .go file imports the module's own packages through another major's path.",
    check(ctx) {
        return moduleTargets(ctx).flatMap(({ module }) => checkModule(ctx, module));
    }
};
function checkModule(ctx, module) {
    const path = module.path;
    if (path === undefined)
        return [];
    const findings = [];
    for (const [importPath, uses] of importsOf(ctx, module)) {
        const stale = staleImport(importPath, module, ctx.importOwner);
        if (!stale)
            continue;
        for (const { file, scan, spec } of uses) {
            const severity = scan.buildIgnore || stale.caseOnly ? 'warning' : 'error';
            findings.push(makeFinding('stale-self-import', severity, { file, line: spec.line, column: spec.column, endLine: spec.endLine, endColumn: spec.endColumn }, message(spec, stale, path, scan.buildIgnore), module, { fix: { replacement: quote(stale.corrected) } }));
        }
    }
    return findings;
}
/** Whether `importPath` names this module's packages through a path other than the declared one. */
function staleImport(importPath, module, importOwner) {
    const path = module.path;
    if (hasPathPrefix(importPath, path))
        return undefined;
    if (hasPathPrefix(importPath.toLowerCase(), path.toLowerCase())) {
        return { corrected: path + importPath.slice(path.length), caseOnly: true, major: module.pathMajorDigits };
    }
    const member = familyMember(importPath, module.prefix);
    if (!member || member.major === module.pathMajorDigits)
        return undefined;
    const owner = importOwner(importPath);
    if (owner && owner !== module)
        return undefined;
    return {
        corrected: path + importPath.slice(member.modulePath.length),
        caseOnly: false,
        major: member.major
    };
}
function message(spec, stale, path, buildIgnore) {
    if (stale.caseOnly) {
        return `import "${spec.path}" differs from the module path "${path}" only in letter case: the go command treats it as another module; write "${stale.corrected}"`;
    }
    const which = stale.major === '' ? 'the v0/v1 path' : `major v${stale.major}`;
    const ignored = buildIgnore
        ? ' (this file is excluded by //go:build ignore, but "go run" of it still imports the old major)'
        : '';
    return `import "${spec.path}" refers to ${which} of this module, not to "${path}"${ignored}: write "${stale.corrected}"`;
}

// The rules about the tag or version itself: tag-invalid, tag-exists, version-order, retracted-version.
const tagInvalid = {
    id: 'tag-invalid',
    severity: 'error',
    doc: 'The tag is not a canonical Go release version, or maps to no module.',
    check(ctx) {
        return ctx.targets
            .filter(t => t.tagProblem)
            .map(t => makeFinding('tag-invalid', 'error', NO_PLACE, `${t.tag !== undefined ? `tag ${JSON.stringify(t.tag)}` : `version ${JSON.stringify(t.version)}`} is not a valid release tag: ${t.tagProblem}`, t.module));
    }
};
const tagExists = {
    id: 'tag-exists',
    severity: 'error',
    doc: 'The version gated is already tagged for that module.',
    check(ctx) {
        return versionTargets(ctx)
            .filter(t => t.mode === 'release' && t.tag !== undefined)
            .flatMap(t => {
            const existing = ctx.snapshot.tags.find(tag => tag.name === t.tag);
            // A tag already on the gated commit is the release being guarded, not a clash.
            if (!existing || existing.commit === ctx.snapshot.commit)
                return [];
            return [
                makeFinding('tag-exists', 'error', NO_PLACE, `tag ${t.tag} already exists (on commit ${existing.commit.slice(0, 12)}): a published version must never change, because the checksum database has recorded it; release the next version instead`, t.module)
            ];
        });
    }
};
const versionOrder = {
    id: 'version-order',
    severity: 'warning',
    doc: "The version is not above the module's latest release, or skips a major.",
    check(ctx) {
        return versionTargets(ctx).flatMap(t => {
            const sameModule = releasesOfModule(ctx.snapshot.tags, t.module).filter(r => r.tag !== t.tag);
            const latest = sameModule[sameModule.length - 1];
            if (latest && compare(t.version, latest.version) <= 0) {
                return [
                    makeFinding('version-order', 'warning', NO_PLACE, `${t.version} is not above the latest release ${latest.tag} of "${t.module.path}": the go command's "latest" stays at ${latest.version}; release a version above it`, t.module)
                ];
            }
            const family = releasesWithPrefix(ctx.snapshot.tags, tagPrefixOf(t.module.dir)).filter(r => r.tag !== t.tag);
            if (family.length === 0)
                return [];
            const highest = family
                .map(r => majorDigits(r.version))
                .reduce((a, b) => (compareMajors(a, b) >= 0 ? a : b));
            const gated = majorDigits(t.version);
            if (BigInt(gated) <= BigInt(highest) + 1n)
                return [];
            return [
                makeFinding('version-order', 'warning', NO_PLACE, `${t.version} skips a major: the highest release so far is v${highest}; release v${BigInt(highest) + 1n}.0.0 unless skipping is deliberate`, t.module)
            ];
        });
    }
};
const retractedVersion = {
    id: 'retracted-version',
    severity: 'error',
    doc: "The version gated is retracted by the module's own go.mod.",
    check(ctx) {
        return versionTargets(ctx).flatMap(({ module, version }) => module.modFile.retract
            .filter(r => compare(r.low, version) <= 0 && compare(version, r.high) <= 0)
            .map(r => makeFinding('retracted-version', 'error', { file: module.goModFile, line: r.line, column: r.span.start.column }, `${version} is retracted by this go.mod (retract ${r.low === r.high ? r.low : `[${r.low}, ${r.high}]`}${r.rationale ? `: ${r.rationale}` : ''}): the go command would hide it as soon as it is published; release another version or remove the retraction`, module)));
    }
};

const rules = [
    gomodSyntax,
    modulePathInvalid,
    modulePathMajor,
    modulePathRepository,
    moduleRenamed,
    moduleLocation,
    incompatibleRelease,
    staleSelfImport,
    selfRequirement,
    requireMajorMismatch,
    retractMajorMismatch,
    mixedMajorImport,
    siblingOldMajor,
    localReplace,
    deprecatedModule,
    tagInvalid,
    tagExists,
    versionOrder,
    retractedVersion,
    staleReference,
    breakingChange,
    fileUnreadable
];

/** Every change between two APIs of the same module (old = base or latest release, new = head),
 * sorted by subject. */
function compareApis(oldApi, newApi, options = {}) {
    const differ = new Differ(newApi.modulePath, options);
    const oldPkgs = publicPackages(oldApi);
    const newPkgs = publicPackages(newApi);
    for (const [dir, oldPkg] of oldPkgs) {
        const newPkg = newPkgs.get(dir);
        if (newPkg === undefined) {
            differ.add('breaking', dir, `package ${importPath(oldApi.modulePath, dir)} removed`, oldPkg.pos, 'old');
        }
        else {
            differ.comparePackages(oldPkg, newPkg);
        }
    }
    for (const [dir, newPkg] of newPkgs) {
        if (!oldPkgs.has(dir)) {
            differ.add('compatible', dir, `package ${importPath(newApi.modulePath, dir)} added`, newPkg.pos, 'new');
        }
    }
    return differ.changes.sort((a, b) => compareGoStrings(a.subject, b.subject) ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        compareGoStrings(a.message, b.message));
}
/** How many changes are breaking, possibly breaking, and compatible (additions). */
function summarizeChanges(changes) {
    const count = (s) => changes.filter(c => c.severity === s).length;
    return {
        breaking: count('breaking'),
        possiblyBreaking: count('possibly-breaking'),
        compatible: count('compatible')
    };
}
const SEVERITY_ORDER = { breaking: 0, 'possibly-breaking': 1, compatible: 2 };
// gorelease leaves out packages nobody outside the module can import: internal ones and commands.
function publicPackages(api) {
    const out = new Map();
    for (const [dir, pkg] of api.packages) {
        if (pkg.name === 'main' || dir.split('/').includes('internal'))
            continue;
        out.set(dir, pkg);
    }
    return out;
}
function importPath(modulePath, dir) {
    return dir === '.' || dir === '' ? modulePath : `${modulePath}/${dir}`;
}
function subjectOf(dir, ...parts) {
    const name = parts.join('.');
    return dir === '.' || dir === '' ? name : `${dir}.${name}`;
}
/** Go's token.IsExported: the name starts with an upper-case letter. */
function isExported$1(name) {
    return /^\p{Lu}/u.test(name);
}
function sortedNames(...maps) {
    const names = new Set();
    for (const m of maps)
        for (const k of m.keys())
            names.add(k);
    return [...names].sort(compareGoStrings);
}
/** A non-generic defined type that is not an interface: one whose method set can implement interfaces. */
function isMethodSetOwner(o) {
    return o?.kind === 'type' && !o.alias && o.typeParams.length === 0 && o.underlying.kind !== 'interface';
}
/** An interface whose every method the source shows, with at least one method. */
function isCheckableInterface(o) {
    return (o?.kind === 'type' &&
        !o.alias &&
        o.typeParams.length === 0 &&
        o.underlying.kind === 'interface' &&
        !o.underlying.typeSet &&
        !o.underlying.hasUnexportedMethods &&
        o.underlying.embeds.length === 0 &&
        o.underlying.methods.length > 0);
}
function methodSetKey(methods) {
    return methods
        .map(m => `${m.name} ${key(m.signature)}`)
        .sort()
        .join('\n');
}
/** Every method of a type, its own and promoted, by name. */
function methodSetOf(t) {
    return byName(withPromoted(t.methods, t.promoted?.methods));
}
/** Whether a method set (of the pointer type, with `pointer`) holds every method given. */
function implementsWith(set, wanted, pointer) {
    return wanted.every(w => {
        const m = set.get(w.name);
        return m !== undefined && (pointer || !m.pointer) && key(m.signature) === key(w.signature);
    });
}
/** A type's own members after the promoted ones, so that byName (the last of a name wins) lets them hide. */
function withPromoted(own, promoted = []) {
    return [...promoted, ...own];
}
function byName(list, exportedOnly = false) {
    return new Map(list.filter(x => !exportedOnly || isExported$1(x.name)).map(x => [x.name, x]));
}
// ---------------------------------------------------------------------------------------------
// Type text: comparison keys
const IDENT = String.raw `[\p{L}_][\p{L}\p{N}_]*`;
// An identifier that is not a selector's right-hand side (`Node` in `yaml.Node`).
const LOCAL_IDENT = new RegExp(String.raw `(?<![\p{L}\p{N}_.])${IDENT}`, 'gu');
// A qualified identifier: `yaml.Node` (the qualifier not itself preceded by a dot or letter).
const QUALIFIED = new RegExp(String.raw `(?<![\p{L}\p{N}_.])(${IDENT})\.(${IDENT})`, 'gu');
function renamingOf(params) {
    return new Map(params.map((p, i) => [p.name, `#${i}`]));
}
/** The text with insignificant spacing removed, type parameters renamed and `interface{}` read as
 * `any`: two type texts denote the same type when their keys are equal. */
function key(text, renaming = new Map()) {
    let s = text.replace(/\s+/g, ' ').trim();
    // A space only matters between two word characters (`chan int`, `func() error`).
    s = s.replace(/ (?=[^\p{L}\p{N}_])|(?<=[^\p{L}\p{N}_]) /gu, '');
    s = s.replace(/(?<![\p{L}\p{N}_.])interface\{\}/gu, 'any');
    if (renaming.size > 0)
        s = s.replace(LOCAL_IDENT, id => renaming.get(id) ?? id);
    return s;
}
function typeParamsText(params) {
    return params.length === 0 ? 'none' : `[${params.map(p => `${p.name} ${p.constraint}`).join(', ')}]`;
}
function sameTypeParams(a, b) {
    if (a.length !== b.length)
        return false;
    const ra = renamingOf(a);
    const rb = renamingOf(b);
    return a.every((p, i) => key(p.constraint, ra) === key(b[i].constraint, rb));
}
// A Go integer literal, optionally negated: compared by value (0x10 == 16 == 0o20 == 1_6).
const INT_LITERAL = /^-?(?:0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|[1-9][0-9_]*|0)$/;
function constantKey(value) {
    const k = key(value);
    if (!INT_LITERAL.test(k))
        return k;
    const negative = k.startsWith('-');
    let digits = (negative ? k.slice(1) : k).replace(/_/g, '');
    if (/^0[0-7]+$/.test(digits))
        digits = '0o' + digits.slice(1);
    else if (/^0[oO]/.test(digits))
        digits = '0o' + digits.slice(2);
    try {
        const n = BigInt(digits);
        return String(negative ? -n : n);
    }
    catch {
        return k;
    }
}
// An untyped constant's literal: its default type is fixed by the literal, so `const X = 1` really is
// untyped. Anything else (`5 * time.Second`) may carry a type the source text does not show.
function isPlainLiteral(value) {
    if (value === undefined)
        return false;
    const v = value.trim();
    return (INT_LITERAL.test(key(v)) ||
        /^-?[0-9][0-9_]*\.?[0-9_]*(?:[eE][+-]?[0-9_]+)?i?$/.test(v) ||
        /^"(?:[^"\\]|\\.)*"$/.test(v) ||
        /^`[^`]*`$/.test(v) ||
        /^'(?:[^'\\]|\\.+)'$/.test(v) ||
        v === 'true' ||
        v === 'false');
}
function parseChan(text) {
    const t = text.trim();
    let m = /^<-\s*chan\b\s*(.+)$/s.exec(t);
    if (m)
        return { dir: 'recv', elem: m[1] };
    // `chan <-chan T` is `chan<- (chan T)`: the arrow binds to the leftmost chan.
    m = /^chan\s*<-\s*(.+)$/s.exec(t);
    if (m)
        return { dir: 'send', elem: m[1] };
    m = /^chan\b\s*(.+)$/s.exec(t);
    if (m)
        return { dir: 'both', elem: m[1] };
    return undefined;
}
// Widening a defined type's basic underlying type is compatible (apidiff's compatibleBasics): every
// old value still fits. Each list is ordered from narrow to wide.
const WIDENINGS = [
    ['uint8', 'uint16', 'uint32', 'uint', 'uint64'],
    ['int8', 'int16', 'int32', 'int', 'int64'],
    ['float32', 'float64'],
    ['complex64', 'complex128']
];
const BASIC_ALIASES = { byte: 'uint8', rune: 'int32' };
function isBasicWidening(from, to) {
    const a = BASIC_ALIASES[from] ?? from;
    const b = BASIC_ALIASES[to] ?? to;
    return WIDENINGS.some(list => list.includes(a) && list.includes(b) && list.indexOf(a) < list.indexOf(b));
}
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
function comparability(text, pkg, typeParams, seen) {
    const t = key(text);
    if (t.startsWith('[]') || t.startsWith('map[') || /^func\b/.test(t))
        return 'no';
    if (t.startsWith('*') || /^(?:<-)?chan\b/.test(t) || t.startsWith('interface{'))
        return 'yes';
    if (COMPARABLE_BASICS.has(t))
        return 'yes';
    const array = /^\[[^\]]+\](.+)$/s.exec(t);
    if (array)
        return comparability(array[1], pkg, typeParams, seen);
    if (!new RegExp(`^${IDENT}$`, 'u').test(t) || typeParams.has(t) || seen.has(t))
        return 'unknown';
    const obj = pkg.objects.get(t);
    if (obj?.kind !== 'type')
        return 'unknown';
    const inner = new Set(seen).add(t);
    if (obj.alias)
        return comparability(obj.text, pkg, renamingOf(obj.typeParams), inner);
    return underlyingComparability(obj.underlying, pkg, renamingOf(obj.typeParams), inner);
}
/**
 * The names of the package's types that comparing type `obj` may look up in the package (through
 * comparability): a comparison given only some of a package's objects must be given these too.
 */
function consultedTypeNames(obj) {
    if (obj.kind !== 'type')
        return [];
    const u = obj.underlying;
    const texts = obj.alias
        ? [obj.text]
        : u.kind === 'struct'
            ? u.fields.map(f => f.type)
            : u.kind === 'other'
                ? [u.text]
                : [];
    const names = [];
    for (const text of texts) {
        let t = key(text);
        for (let array = /^\[[^\]]+\](.+)$/s.exec(t); array; array = /^\[[^\]]+\](.+)$/s.exec(t))
            t = array[1];
        if (new RegExp(`^${IDENT}$`, 'u').test(t))
            names.push(t);
    }
    return names;
}
/**
 * Whether two versions of a type could differ in which of the package's interfaces they implement
 * (compareImplementations): both have method sets, and these differ in a method, its signature or
 * its receiver. When no type's does, the package's interfaces need not be given to the comparison.
 */
function methodSetsDiffer(old, now) {
    if (!isMethodSetOwner(old) || !isMethodSetOwner(now))
        return false;
    const keyOf = (t) => [...methodSetOf(t).values()]
        .map(m => `${m.name} ${key(m.signature)}${m.pointer ? ' *' : ''}`)
        .sort()
        .join('\n');
    return keyOf(old) !== keyOf(now);
}
function underlyingComparability(u, pkg, typeParams, seen) {
    if (u.kind === 'interface')
        return 'yes';
    if (u.kind === 'other')
        return comparability(u.text, pkg, typeParams, seen);
    let result = u.hasUnexportedFields ? 'unknown' : 'yes';
    for (const f of u.fields) {
        const c = comparability(f.type, pkg, typeParams, seen);
        if (c === 'no')
            return 'no';
        if (c === 'unknown')
            result = 'unknown';
    }
    return result;
}
// ---------------------------------------------------------------------------------------------
// Interfaces embedded from other packages whose method sets are fixed (the standard library keeps
// them stable), so that embedding one can be compared as the methods it brings.
const KNOWN_INTERFACES = {
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
function assumedPackageName(path) {
    const elems = path.split('/');
    let base = elems[elems.length - 1];
    if (/^v[0-9]+$/.test(base) && elems.length > 1)
        base = elems[elems.length - 2];
    base = base.replace(/^go-/, '');
    const cut = /[^\p{L}\p{N}_]/u.exec(base);
    return cut ? base.slice(0, cut.index) : base;
}
// ---------------------------------------------------------------------------------------------
class Differ {
    modulePath;
    options;
    changes = [];
    constructor(modulePath, options) {
        this.modulePath = modulePath;
        this.options = options;
    }
    add(severity, subject, message, pos, side) {
        this.changes.push({ severity, subject, message, pos, side });
    }
    comparePackages(oldPkg, newPkg) {
        const dir = newPkg.dir;
        for (const name of sortedNames(oldPkg.objects, newPkg.objects)) {
            const o = oldPkg.objects.get(name);
            const n = newPkg.objects.get(name);
            if (o !== undefined && !isExported$1(o.name))
                continue;
            if (n === undefined) {
                if (o)
                    this.add('breaking', subjectOf(dir, name), `${o.kind} ${name} removed`, o.pos, 'old');
            }
            else if (o === undefined) {
                if (isExported$1(n.name))
                    this.add('compatible', subjectOf(dir, name), `${n.kind} ${name} added`, n.pos, 'new');
            }
            else {
                const before = this.breakingCount();
                this.compareObjects(dir, o, n, oldPkg, newPkg);
                // A declaration already reported as breaking needs no further warning about its dependencies.
                if (this.breakingCount() === before)
                    this.checkDependencies(dir, n);
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
    compareImplementations(dir, oldPkg, newPkg) {
        const interfaces = [...oldPkg.objects.values()].filter(isCheckableInterface);
        if (interfaces.length === 0)
            return;
        for (const old of oldPkg.objects.values()) {
            const now = newPkg.objects.get(old.name);
            if (!isMethodSetOwner(old) || !isMethodSetOwner(now))
                continue;
            // Each type's method set is built once, not once per interface.
            const o = methodSetOf(old);
            const n = methodSetOf(now);
            for (const oi of interfaces) {
                const ni = newPkg.objects.get(oi.name);
                if (!isCheckableInterface(ni) ||
                    methodSetKey(oi.underlying.methods) !== methodSetKey(ni.underlying.methods))
                    continue;
                const wanted = oi.underlying.methods;
                const holder = implementsWith(o, wanted, false)
                    ? old.name
                    : implementsWith(o, wanted, true)
                        ? `*${old.name}`
                        : undefined;
                if (holder === undefined || implementsWith(n, wanted, holder.startsWith('*')))
                    continue;
                this.add('breaking', subjectOf(dir, old.name), `${holder} no longer implements ${oi.name}`, now.pos, 'new');
            }
        }
    }
    breakingCount() {
        return this.changes.filter(c => c.severity === 'breaking').length;
    }
    compareObjects(dir, o, n, oldPkg, newPkg) {
        const subject = subjectOf(dir, o.name);
        const name = o.name;
        if (o.kind === 'const' && n.kind === 'const')
            return this.compareConsts(subject, o, n);
        if (o.kind === 'var' && n.kind === 'var')
            return this.compareVarTypes(subject, `var ${name}`, o.type, n.type, n.pos);
        if (o.kind === 'func' && n.kind === 'func') {
            if (!sameTypeParams(o.typeParams, n.typeParams)) {
                const msg = `func ${name} changed type parameters from ${typeParamsText(o.typeParams)} to ${typeParamsText(n.typeParams)}`;
                this.add('breaking', subject, msg, n.pos, 'new');
            }
            if (key(o.signature, renamingOf(o.typeParams)) !== key(n.signature, renamingOf(n.typeParams))) {
                this.add('breaking', subject, `func ${name} changed from ${o.signature} to ${n.signature}`, n.pos, 'new');
            }
            return;
        }
        if (o.kind === 'type' && n.kind === 'type')
            return this.compareTypes(dir, o, n, oldPkg, newPkg);
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
    compareConsts(subject, o, n) {
        const what = `const ${o.name}`;
        if (o.type !== undefined && n.type !== undefined) {
            if (key(o.type) !== key(n.type)) {
                this.add('breaking', subject, `${what} changed from ${o.type} to ${n.type}`, n.pos, 'new');
                return;
            }
        }
        else if (o.type !== undefined || n.type !== undefined) {
            // One side has no written type: a plain literal makes it an untyped constant (a real type
            // change); an expression may well have the same type as the other side.
            const untyped = o.type === undefined ? o : n;
            const from = o.type ?? `untyped ${o.value ?? 'constant'}`;
            const to = n.type ?? `untyped ${n.value ?? 'constant'}`;
            if (isPlainLiteral(untyped.value)) {
                this.add('breaking', subject, `${what} changed from ${from} to ${to}`, n.pos, 'new');
            }
            else {
                const msg = `${what} changed from ${o.type ?? `a type inferred from ${o.value ?? 'its value'}`} to ${n.type ?? `a type inferred from ${n.value ?? 'its value'}`}`;
                this.add('possibly-breaking', subject, msg, n.pos, 'new');
            }
            return;
        }
        if (o.value !== undefined && n.value !== undefined && constantKey(o.value) !== constantKey(n.value)) {
            this.add('breaking', subject, `${what} value changed from ${o.value} to ${n.value}`, n.pos, 'new');
        }
    }
    compareVarTypes(subject, what, oldType, newType, pos) {
        if (oldType !== undefined && newType !== undefined) {
            if (key(oldType) !== key(newType))
                this.add('breaking', subject, `${what} changed from ${oldType} to ${newType}`, pos, 'new');
        }
        else if (oldType !== undefined || newType !== undefined) {
            const msg = `${what} changed from ${oldType ?? 'a type inferred from its value'} to ${newType ?? 'a type inferred from its value'}`;
            this.add('possibly-breaking', subject, msg, pos, 'new');
        }
        // Both inferred: nothing in the source says the type changed.
    }
    compareTypes(dir, o, n, oldPkg, newPkg) {
        const subject = subjectOf(dir, o.name);
        const what = `type ${o.name}`;
        if (o.alias !== n.alias) {
            const describe = (t) => (t.alias ? `an alias of ${t.text}` : `a defined type (${t.text})`);
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
            const describe = (t) => t.underlying.kind === 'other' ? t.underlying.text : t.underlying.kind;
            this.add('breaking', subject, `${what} changed from ${describe(o)} to ${describe(n)}`, n.pos, 'new');
            return; // apidiff does not compare the method sets of types of different kinds
        }
        if (ou.kind === 'struct' && nu.kind === 'struct') {
            this.compareStructs(dir, o, n, ou, nu, oldPkg, newPkg);
        }
        else if (ou.kind === 'interface' && nu.kind === 'interface') {
            this.compareInterfaces(dir, o, n, ou, nu);
            return; // methods cannot be declared on an interface type
        }
        else if (ou.kind === 'other' && nu.kind === 'other') {
            this.compareOthers(subject, what, ou.text, nu.text, ro, rn, n.pos);
        }
        this.compareMethods(dir, o.name, withPromoted(o.methods, o.promoted?.methods), withPromoted(n.methods, n.promoted?.methods), ro, rn);
    }
    compareOthers(subject, what, oldText, newText, ro, rn, pos) {
        if (key(oldText, ro) === key(newText, rn))
            return;
        const oc = parseChan(key(oldText, ro));
        const nc = parseChan(key(newText, rn));
        if (oc && nc && oc.elem === nc.elem) {
            if (nc.dir === 'both') {
                this.add('compatible', subject, `${what} removed direction (from ${oldText} to ${newText})`, pos, 'new');
            }
            else {
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
    compareStructs(dir, o, n, ou, nu, oldPkg, newPkg) {
        const ro = renamingOf(o.typeParams);
        const rn = renamingOf(n.typeParams);
        // Selectable fields: the struct's own, and those promoted from embedded types of the package.
        const oldFields = byName(withPromoted(ou.fields, o.promoted?.fields), true);
        const newFields = byName(withPromoted(nu.fields, n.promoted?.fields), true);
        const fieldWord = (f) => `${f.embedded ? 'embedded field' : 'field'}${f.via ? ` (promoted through ${f.via})` : ''}`;
        for (const name of sortedNames(oldFields, newFields)) {
            const of = oldFields.get(name);
            const nf = newFields.get(name);
            const subject = subjectOf(dir, o.name, name);
            if (nf === undefined) {
                if (of)
                    this.add('breaking', subject, `${fieldWord(of)} ${o.name}.${name} removed`, of.pos, 'old');
            }
            else if (of === undefined) {
                this.add('compatible', subject, `${fieldWord(nf)} ${o.name}.${name} added`, nf.pos, 'new');
            }
            else if (key(of.type, ro) !== key(nf.type, rn)) {
                this.add('breaking', subject, `${fieldWord(of)} ${o.name}.${name} changed from ${of.type} to ${nf.type}`, nf.pos, 'new');
            }
            else if (of.embedded && !nf.embedded) {
                // The fields and methods it promoted are gone from the struct.
                this.add('breaking', subject, `field ${o.name}.${name} is no longer embedded`, nf.pos, 'new');
            }
        }
        const before = underlyingComparability(ou, oldPkg, ro, new Set([o.name]));
        const after = underlyingComparability(nu, newPkg, rn, new Set([n.name]));
        const subject = subjectOf(dir, o.name);
        if (after === 'no' && before === 'yes') {
            this.add('breaking', subject, `type ${o.name} is no longer comparable (old is comparable, new is not)`, n.pos, 'new');
        }
        else if (after === 'no' && before === 'unknown') {
            const msg = `type ${o.name} may no longer be comparable: a field of a non-comparable type was added or changed, and whether the old struct was comparable depends on fields the source does not show`;
            this.add('possibly-breaking', subject, msg, n.pos, 'new');
        }
    }
    compareInterfaces(dir, o, n, ou, nu) {
        const subject = subjectOf(dir, o.name);
        const what = `interface ${o.name}`;
        const ro = renamingOf(o.typeParams);
        const rn = renamingOf(n.typeParams);
        const isConstraint = (u) => u.typeSet || u.embeds.some(e => key(e) === 'comparable');
        if (isConstraint(ou) || isConstraint(nu)) {
            // A constraint's type set is its terms and embeds: adding a term lets in types that generic code
            // written against it cannot handle, removing one rejects type arguments that used to work.
            const terms = (u, r) => u.embeds
                .map(e => key(e, r))
                .sort(compareGoStrings)
                .join(';');
            const typeSetChanged = isConstraint(ou) !== isConstraint(nu) ||
                terms(ou, ro) !== terms(nu, rn) ||
                key(o.text, ro) !== key(n.text, rn);
            if (typeSetChanged) {
                const show = (t, u) => u.embeds.length > 0 ? `interface{ ${u.embeds.join('; ')} }` : t.text;
                this.add('breaking', subject, `${what} changed type set from ${show(o, ou)} to ${show(n, nu)}`, n.pos, 'new');
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
                if (!om)
                    continue;
                if (gainedEmbeds.length > 0) {
                    const msg = `method ${o.name}.${name} removed, unless it now comes from embedded ${gainedEmbeds.join(', ')}`;
                    this.add('possibly-breaking', msubject, msg, om.pos, 'old');
                }
                else {
                    this.add('breaking', msubject, `method ${o.name}.${name} removed`, om.pos, 'old');
                }
            }
            else if (om === undefined) {
                if (!implementable) {
                    this.add('compatible', msubject, `method ${o.name}.${name} added`, nm.pos, 'new');
                }
                else if (lostEmbeds.length > 0) {
                    const msg = `method ${o.name}.${name} added, unless it came from formerly embedded ${lostEmbeds.join(', ')}: types outside the package that implement ${o.name} would no longer do`;
                    this.add('possibly-breaking', msubject, msg, nm.pos, 'new');
                }
                else {
                    const msg = `method ${o.name}.${name} added: types outside the package that implement ${o.name} no longer do`;
                    this.add('breaking', msubject, msg, nm.pos, 'new');
                }
            }
            else if (key(om.signature, ro) !== key(nm.signature, rn)) {
                this.add('breaking', msubject, `method ${o.name}.${name} changed from ${om.signature} to ${nm.signature}`, nm.pos, 'new');
            }
        }
        if (implementable && nu.hasUnexportedMethods) {
            const msg = `${what} added unexported method: types outside the package can no longer implement it`;
            this.add('breaking', subject, msg, n.pos, 'new');
        }
        if (isConstraint(ou) || isConstraint(nu))
            return; // embeds were compared as the type set
        for (const e of lostEmbeds) {
            const msg = `${what} no longer embeds ${oldSide.unknownEmbeds.get(e)}: the methods it provided may be gone`;
            this.add('possibly-breaking', subject, msg, n.pos, 'new');
        }
        for (const e of gainedEmbeds) {
            const shown = newSide.unknownEmbeds.get(e);
            if (!implementable) {
                this.add('compatible', subject, `${what} now embeds ${shown}`, n.pos, 'new');
            }
            else {
                const msg = `${what} now embeds ${shown}: if that brings methods ${o.name} did not have, types outside the package that implement ${o.name} no longer do`;
                this.add('possibly-breaking', subject, msg, n.pos, 'new');
            }
        }
    }
    /** An interface's exported methods, with embedded well-known interfaces expanded; the embeds whose
     * methods are unknown are returned by key, with their text. */
    interfaceMethods(u, pos, side) {
        const methods = byName(u.methods, true);
        const unknownEmbeds = new Map();
        for (const embed of u.embeds) {
            const known = KNOWN_INTERFACES[this.knownInterfaceName(key(embed), pos, side)];
            if (known === undefined) {
                unknownEmbeds.set(key(embed), embed);
                continue;
            }
            for (const [name, signature] of known)
                if (!methods.has(name))
                    methods.set(name, { name, signature, pos });
        }
        return { methods, unknownEmbeds };
    }
    // `io.Reader` stays `io.Reader` when the file imports "io" under that name; `json.Marshaler`
    // becomes `encoding/json.Marshaler`. Without a resolver, the usual package names are assumed.
    knownInterfaceName(text, pos, side) {
        const m = new RegExp(`^(${IDENT})\\.(${IDENT})$`, 'u').exec(text);
        if (!m)
            return text;
        const resolved = this.options.resolveQualifier?.(m[1], pos, side);
        if (resolved !== undefined)
            return `${resolved}.${m[2]}`;
        return m[1] === 'json' ? `encoding/json.${m[2]}` : text;
    }
    compareMethods(dir, typeName, oldMethods, newMethods, ro, rn) {
        const om = byName(oldMethods, true);
        const nm = byName(newMethods, true);
        for (const name of sortedNames(om, nm)) {
            const a = om.get(name);
            const b = nm.get(name);
            const subject = subjectOf(dir, typeName, name);
            const what = (m) => `method ${typeName}.${name}${m.via ? ` (promoted through ${m.via})` : ''}`;
            if (b === undefined) {
                if (a)
                    this.add('breaking', subject, `${what(a)} removed`, a.pos, 'old');
            }
            else if (a === undefined) {
                this.add('compatible', subject, `${what(b)} added`, b.pos, 'new');
            }
            else if (key(a.signature, ro) !== key(b.signature, rn)) {
                this.add('breaking', subject, `${what(b)} changed from ${a.signature} to ${b.signature}`, b.pos, 'new');
            }
            else if (!a.pointer && b.pointer) {
                // Values of the type lose the method: calls on values and interface satisfaction break.
                const msg = `${what(b)} moved to a pointer receiver: a ${typeName} value no longer has it, only *${typeName} does`;
                this.add('breaking', subject, msg, b.pos, 'new');
            }
            else if (a.pointer && !b.pointer) {
                this.add('compatible', subject, `${what(b)} is now in the method set of ${typeName} values too`, b.pos, 'new');
            }
        }
    }
    // -------------------------------------------------------------------------------------------
    // Dependencies whose required version changed
    checkDependencies(dir, obj) {
        const deps = this.options.changedDependencies;
        if (deps === undefined || deps.size === 0)
            return;
        const found = new Map(); // dependency path -> qualified names used
        for (const text of mentionedTexts(obj)) {
            for (const m of text.matchAll(QUALIFIED)) {
                const dep = this.dependencyOf(m[1], obj.pos, deps);
                if (dep === undefined)
                    continue;
                const names = found.get(dep) ?? new Set();
                names.add(`${m[1]}.${m[2]}`);
                found.set(dep, names);
            }
        }
        if (found.size === 0)
            return;
        const parts = [...found.keys()]
            .sort(compareGoStrings)
            .map(dep => `${[...found.get(dep)].sort(compareGoStrings).join(', ')} from ${dep}`);
        const what = parts.join('; ');
        const plural = found.size > 1 ? 'whose required versions changed' : 'whose required version changed';
        const msg = `${obj.kind} ${obj.name} uses ${what}, ${plural}: what changed there can break users of ${obj.name}`;
        this.add('possibly-breaking', subjectOf(dir, obj.name), msg, obj.pos, 'new');
    }
    /** The changed dependency (as listed) that a qualifier refers to, if any. */
    dependencyOf(qualifier, pos, deps) {
        const resolved = this.options.resolveQualifier?.(qualifier, pos, 'new');
        const sorted = [...deps].sort(compareGoStrings);
        if (resolved !== undefined) {
            if (resolved === this.modulePath || resolved.startsWith(this.modulePath + '/'))
                return undefined;
            return sorted.find(dep => resolved === dep || resolved.startsWith(dep + '/'));
        }
        return sorted.find(dep => assumedPackageName(dep) === qualifier);
    }
}
/** Every type text of a declaration (and of its fields and methods) that may name another package. */
function mentionedTexts(obj) {
    switch (obj.kind) {
        case 'const':
            return [obj.type ?? '', obj.value ?? ''];
        case 'var':
            return [obj.type ?? ''];
        case 'func':
            return [obj.signature, ...obj.typeParams.map(p => p.constraint)];
        case 'type': {
            const u = obj.underlying;
            const inner = u.kind === 'struct'
                ? u.fields.filter(f => isExported$1(f.name) || f.embedded).map(f => f.type)
                : u.kind === 'interface'
                    ? [...u.methods.map(m => m.signature), ...u.embeds]
                    : [u.text];
            return [
                obj.text,
                ...inner,
                ...obj.methods.filter(m => isExported$1(m.name)).map(m => m.signature),
                ...obj.typeParams.map(p => p.constraint)
            ];
        }
    }
}

// The release version gorelease would suggest (report.go suggestReleaseVersion), extended to a
// breaking change at v1 or later, where gorelease refuses and the only honest suggestion is the next
// major. Pure; numbers are decimal strings of any length.
/** The version gorelease would suggest after `latest` (a canonical release version, or undefined for
 * a first release of a module whose path suffix demands `pathMajorDigits`, '' for none) given the
 * changes: a prerelease latest gives its release; a breaking change at v1 or later the next major; an
 * addition, or a breaking change at v0, the next minor; otherwise the next patch. A first release is
 * v0.1.0, or vN.0.0 for a /vN (or gopkg.in .vN, N >= 1) path. Throws on an invalid `latest`. */
function suggestNextVersion(latest, pathMajorDigits, changes) {
    if (latest === undefined) {
        return pathMajorDigits === '' || pathMajorDigits === '0' ? 'v0.1.0' : `v${pathMajorDigits}.0.0`;
    }
    if (!isValid(latest))
        throw new Error(`suggestNextVersion: ${JSON.stringify(latest)} is not a semantic version`);
    const full = canonical(latest);
    const pre = prerelease(full);
    const release = full.slice(0, full.length - pre.length);
    const [maj, min, pat] = release.slice(1).split('.');
    const breaksCompatibility = changes.breaking > 0 && majorDigits(full) !== '0';
    if (pre !== '') {
        // The prerelease of a new major (vN.0.0-rc.1) promised nothing yet: its release is next. A
        // prerelease of a minor or patch did promise compatibility with the major's earlier releases.
        if (!breaksCompatibility || (min === '0' && pat === '0'))
            return release;
    }
    if (breaksCompatibility)
        return `v${incDecimal(maj)}.0.0`;
    if (changes.compatible > 0 || changes.breaking > 0)
        return `v${maj}.${incDecimal(min)}.0`;
    return `v${maj}.${min}.${incDecimal(pat)}`;
}

// The tool's own name and version, as reported in JSON and SARIF (kept equal to package.json by a test).
const TOOL_NAME = 'go-major-gate';
const TOOL_VERSION = '0.1.0';

/** A request that names nothing usable (bad flag, missing module, not a repository): exit code 2, no stack trace. */
class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}

// Snapshot + Intent -> Report: resolves what is gated, runs the rules in order, applies the stopping
// rules of the conformance conventions, and concludes. Pure: no I/O.
function analyze(snapshot, options) {
    const startedAt = options.startedAt ?? Date.now();
    const modules = loadModules(snapshot.goMods);
    const targets = resolveTargets(options.intent, modules, snapshot);
    const ctx = {
        snapshot,
        modules,
        targets,
        goFilesByModule: groupGoFiles(snapshot, modules),
        importOwner: importOwnerIndex(modules),
        apiChanges: new Map((snapshot.apiComparisons ?? []).map(c => [
            c.moduleDir,
            compareApis(c.oldApi, c.newApi, { changedDependencies: new Set(c.changedDependencies) })
        ]))
    };
    const disabled = new Set(options.disable ?? []);
    const found = rules.flatMap(rule => rule.check(ctx));
    const findings = sortFindings(applyStoppingRules(found).filter(f => !disabled.has(f.rule)));
    return {
        tool: { name: TOOL_NAME, version: TOOL_VERSION },
        targets: targets.map(t => summarizeTarget(t, ctx)),
        modules: modules
            .slice()
            .sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0))
            .map(m => summarizeModule(m, ctx)),
        findings,
        conclusion: conclude(findings, options.failOn ?? 'error'),
        stats: { files: snapshot.stats.files, bytes: snapshot.stats.bytes, ms: Date.now() - startedAt }
    };
}
/** What is gated, per DESIGN.md §2. Throws UsageError when the request names nothing that exists. */
function resolveTargets(intent, modules, snapshot) {
    switch (intent.kind) {
        case 'tag':
            return [tagTarget(intent.tag, intent.source, modules)];
        case 'version':
            return [versionTarget(intent.version, intent.moduleDir ?? ROOT_DIR, intent.source, modules)];
        case 'consistency':
            return modules.map(module => ({ mode: 'consistency', source: intent.source, module }));
        case 'pull-request':
            return modules.map(module => pullRequestTarget(module, intent.source, snapshot));
    }
}
function tagTarget(tag, source, modules) {
    const { prefix, version } = splitTag(tag);
    const problem = releaseVersionProblem(version);
    const resolution = resolveTag(prefix, problem ? '' : version, modules);
    const base = { mode: 'release', source, tag, version };
    if (problem)
        return {
            ...base,
            tagProblem: problem,
            ...(resolution.kind === 'module' ? { module: resolution.module } : {})
        };
    if (resolution.kind === 'none')
        return { ...base, tagProblem: resolution.reason };
    if (resolution.kind === 'legacy-root')
        return { ...base, legacyRoot: true };
    return { ...base, module: resolution.module };
}
function versionTarget(version, moduleDir, source, modules) {
    const dir = normalizeDir(moduleDir);
    const module = modules.find(m => m.dir === dir);
    if (!module) {
        if (modules.length === 0 && dir === ROOT_DIR)
            return { mode: 'release', source, version, tag: version, legacyRoot: true };
        throw new UsageError(`there is no module in ${dir === ROOT_DIR ? 'the repository root' : `${dir}/`}: no go.mod there (modules: ${modules.map(m => m.dir).join(', ') || 'none'})`);
    }
    const tag = tagPrefixOf(dir) + version;
    const problem = releaseVersionProblem(version);
    return { mode: 'release', source, module, version, tag, ...(problem ? { tagProblem: problem } : {}) };
}
/** A pull request bumps a module's major when its go.mod's suffix differs from the base's. */
function pullRequestTarget(module, source, snapshot) {
    const base = snapshot.baseGoMods?.get(module.goModFile);
    const basePath = base ? modulePath(base) : '';
    if (basePath && module.path !== undefined) {
        const before = splitPathVersion(basePath);
        const beforeMajor = before.ok ? pathMajorDigits(before.pathMajor) : '';
        if (before.ok && beforeMajor !== module.pathMajorDigits) {
            const major = module.pathMajorDigits === '' ? '1' : module.pathMajorDigits;
            const version = `v${major}.0.0`;
            return { mode: 'major-bump', source, module, version, tag: tagPrefixOf(module.dir) + version };
        }
    }
    return { mode: 'consistency', source, module };
}
function normalizeDir(dir) {
    const trimmed = dir
        .replace(/\\/g, '/')
        .replace(/^\.\/+/, '')
        .replace(/\/+$/, '');
    return trimmed === '' || trimmed === '.' ? ROOT_DIR : trimmed;
}
function groupGoFiles(snapshot, modules) {
    const owner = fileOwnerIndex(modules);
    const groups = new Map();
    const files = [...snapshot.goFiles.keys()].sort();
    for (const file of files) {
        const module = owner(file);
        if (!module)
            continue;
        let list = groups.get(module);
        if (!list)
            groups.set(module, (list = []));
        list.push({ file, scan: snapshot.goFiles.get(file) });
    }
    return groups;
}
const STOPPED_BY_INVALID_PATH = new Set(['module-path-major', 'module-location']);
/**
 * Conformance conventions §5: a go.mod that fails gomod-syntax gets no other finding for its module;
 * module-path-invalid stops module-path-major and module-location; tag-exists stops version-order.
 * (tag-invalid stops the version rules by construction: such a target gates no version.)
 */
function applyStoppingRules(findings) {
    const dirsWith = (rule) => new Set(findings.filter(f => f.rule === rule).map(f => f.moduleDir));
    const syntax = dirsWith('gomod-syntax');
    const invalidPath = dirsWith('module-path-invalid');
    const tagExists = dirsWith('tag-exists');
    return findings.filter(f => {
        if (f.rule !== 'gomod-syntax' && syntax.has(f.moduleDir) && f.moduleDir !== undefined)
            return false;
        if (STOPPED_BY_INVALID_PATH.has(f.rule) && invalidPath.has(f.moduleDir))
            return false;
        if (f.rule === 'version-order' && tagExists.has(f.moduleDir))
            return false;
        return true;
    });
}
/** The report with each finding marked `new` when it is on a line the pull request added. */
function markNewFindings(report, addedLines) {
    return { ...report, findings: report.findings.map(f => markNew(f, addedLines)) };
}
function markNew(finding, addedLines) {
    const added = finding.file !== null && finding.line !== null && addedLines.get(finding.file)?.has(finding.line);
    return { ...finding, new: Boolean(added) };
}
function sortFindings(findings) {
    const key = (f) => [f.file ?? '', f.line ?? 0, f.column ?? 0];
    return findings.slice().sort((a, b) => {
        const [fa, la, ca] = key(a);
        const [fb, lb, cb] = key(b);
        if (fa !== fb)
            return fa < fb ? -1 : 1;
        return la - lb || ca - cb || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
    });
}
/** failure when a finding reaches the fail-on severity, neutral for any other finding, else success. */
function conclude(findings, failOn) {
    const failing = failOn === 'error' ? ['error'] : failOn === 'warning' ? ['error', 'warning'] : [];
    if (findings.some(f => failing.includes(f.severity)))
        return 'failure';
    if (findings.some(f => f.severity === 'error' || f.severity === 'warning'))
        return 'neutral';
    return 'success';
}
function summarizeTarget(t, ctx) {
    const suggested = suggestedVersion(t, ctx);
    return {
        module: t.module?.path ?? null,
        dir: t.module?.dir ?? (t.legacyRoot ? ROOT_DIR : null),
        version: t.version ?? null,
        tag: t.tag ?? null,
        mode: t.mode,
        source: t.source,
        ...(suggested ? { suggested } : {})
    };
}
/** The version gorelease would suggest after the module's latest release, given its API changes. */
function suggestedVersion(t, ctx) {
    if (!t.module)
        return undefined;
    const changes = ctx.apiChanges.get(t.module.dir);
    if (!changes)
        return undefined;
    const latest = releasesOfModule(ctx.snapshot.tags, t.module)
        .filter(r => r.tag !== t.tag)
        .pop();
    return suggestNextVersion(latest?.version, t.module.pathMajorDigits, summarizeChanges(changes));
}
function summarizeModule(module, ctx) {
    let major = module.pathMajorDigits === '' ? 1 : Number(module.pathMajorDigits);
    if (module.pathMajorDigits === '') {
        const releases = releasesOfModule(ctx.snapshot.tags, module);
        const latest = releases[releases.length - 1];
        if (latest && majorDigits(latest.version) === '0')
            major = 0;
    }
    return {
        dir: module.dir,
        path: module.path ?? null,
        major,
        goFiles: ctx.goFilesByModule.get(module)?.length ?? 0
    };
}

// A major bump rewrites the module's own import paths in every file (`m/v2/x` -> `m/v3/x`). Whether
// a file changed only that way is a question of bytes: rebuild the blob it would have had with those
// paths moved back, and compare that blob's id with the one git lists for it at the comparison
// point. Then the file declares what it did, and neither side needs to be read or parsed again.
function moduleMove(from, to) {
    const encoder = new TextEncoder();
    return { from, to, fromBytes: encoder.encode(from), toBytes: encoder.encode(to) };
}
/**
 * The git blob id of `data` with the literals of its imports of `move.to` (and its packages) moved
 * back to `move.from`; undefined when it has no such literal spelled out plainly (an escape in it,
 * or none at all: then a changed file did not change by a move).
 */
function movedBackBlobId(data, imports, move, format) {
    const { to, toBytes, fromBytes } = move;
    // The pieces of the old file: the bytes between moved paths, and the old path in each gap.
    const pieces = [];
    let from = 0;
    for (const spec of imports) {
        if (spec.path !== to && !spec.path.startsWith(`${to}/`))
            continue;
        const start = spec.offset + 1;
        if (!spellsAt(data, toBytes, start))
            return undefined;
        const next = data[start + toBytes.length];
        if (next !== 0x2f /* / */ && next !== data[spec.offset])
            return undefined;
        pieces.push(data.subarray(from, start), fromBytes);
        from = start + toBytes.length;
    }
    if (pieces.length === 0)
        return undefined;
    pieces.push(data.subarray(from));
    const size = data.length + ((pieces.length - 1) / 2) * (fromBytes.length - toBytes.length);
    const hash = createHash(format).update(`blob ${size}\0`);
    for (const piece of pieces)
        hash.update(piece);
    return hash.digest('hex');
}
function spellsAt(data, bytes, at) {
    if (at + bytes.length > data.length)
        return false;
    for (let i = 0; i < bytes.length; i++)
        if (data[at + i] !== bytes[i])
            return false;
    return true;
}

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
// Shared by the leaves (most nodes), which never add to them.
const NO_CHILDREN = [];
const NO_FIELDS = [];
/** A node of the syntax tree. */
class SyntaxNode {
    type;
    startIndex;
    endIndex;
    source;
    isNamed;
    children = NO_CHILDREN;
    fields = NO_FIELDS;
    hasError = false;
    constructor(type, startIndex, endIndex, source, isNamed = true) {
        this.type = type;
        this.startIndex = startIndex;
        this.endIndex = endIndex;
        this.source = source;
        this.isNamed = isNamed;
    }
    get text() {
        return this.source.slice(this.startIndex, this.endIndex);
    }
    get namedChildren() {
        return this.children.filter(c => c.isNamed);
    }
    get childCount() {
        return this.children.length;
    }
    child(index) {
        return this.children[index] ?? null;
    }
    childForFieldName(field) {
        const i = this.fields.indexOf(field);
        return i < 0 ? null : this.children[i];
    }
    childrenForFieldName(field) {
        return this.children.filter((_, i) => this.fields[i] === field);
    }
    /** Appends a child (and widens this node to cover it). */
    add(node, field) {
        if (this.children === NO_CHILDREN) {
            this.children = [];
            this.fields = [];
        }
        this.children.push(node);
        this.fields.push(field);
        if (node.endIndex > this.endIndex)
            this.endIndex = node.endIndex;
        if (node.hasError)
            this.hasError = true;
        return node;
    }
}
// ---------------------------------------------------------------------------------------------
// Lexer
var Tok;
(function (Tok) {
    Tok[Tok["EOF"] = 0] = "EOF";
    Tok[Tok["Ident"] = 1] = "Ident";
    Tok[Tok["Int"] = 2] = "Int";
    Tok[Tok["Float"] = 3] = "Float";
    Tok[Tok["Imag"] = 4] = "Imag";
    Tok[Tok["Rune"] = 5] = "Rune";
    Tok[Tok["String"] = 6] = "String";
    Tok[Tok["RawString"] = 7] = "RawString";
    Tok[Tok["Op"] = 8] = "Op";
    /** An explicit `;` or one inserted at a line end (Go's rule). */
    Tok[Tok["Semi"] = 9] = "Semi";
})(Tok || (Tok = {}));
/** Thrown inside a declaration that does not parse; caught per declaration. */
class ParseError extends Error {
}
/** The operator or punctuation at i (longest match), or undefined. */
function operatorAt(src, i) {
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
            if (d === '^')
                return src[i + 2] === '=' ? '&^=' : '&^';
            return d === '&' || d === '=' ? c + d : c;
        case '|':
            return d === '|' || d === '=' ? c + d : c;
        case '<':
            if (d === '-')
                return '<-';
            if (d === '<')
                return src[i + 2] === '=' ? '<<=' : '<<';
            return d === '=' ? '<=' : '<';
        case '>':
            if (d === '>')
                return src[i + 2] === '=' ? '>>=' : '>>';
            return d === '=' ? '>=' : '>';
        default:
            return undefined;
    }
}
const isAsciiLetter = (c) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isDigit = (c) => c >= 0x30 && c <= 0x39;
const UNICODE_LETTER = /[\p{L}]/u;
const UNICODE_DIGIT = /[\p{Nd}]/u;
class Lexer {
    src;
    pos = 0;
    /** Where the token before the current one ends (a skipped group counts as one token). */
    prevEnd = 0;
    /** Whether a line end here ends a statement (the previous token allows it). */
    semiAllowed = false;
    // The current token (fields, not an object: a file has tens of thousands of tokens).
    kind = Tok.EOF;
    start = 0;
    end = 0;
    /** The identifier, keyword or operator text; '' for literals and implicit semicolons. */
    value = '';
    constructor(src) {
        this.src = src;
        this.next();
    }
    save() {
        return [this.pos, this.semiAllowed, this.kind, this.start, this.end, this.value, this.prevEnd];
    }
    restore([pos, semi, kind, start, end, value, prevEnd]) {
        this.pos = pos;
        this.semiAllowed = semi;
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.value = value;
        this.prevEnd = prevEnd;
    }
    next() {
        this.prevEnd = this.end;
        const src = this.src;
        const n = src.length;
        let i = this.pos;
        for (;;) {
            if (i >= n) {
                if (this.semiAllowed)
                    return this.emitSemi(i, i);
                return this.set(Tok.EOF, n, n, '');
            }
            const c = src.charCodeAt(i);
            if (c === 0x0a) {
                if (this.semiAllowed)
                    return this.emitSemi(i, i + 1);
                i++;
            }
            else if (c === 0x20 || c === 0x09 || c === 0x0d) {
                i++;
            }
            else if (c === 0x2f && src.charCodeAt(i + 1) === 0x2f) {
                const e = src.indexOf('\n', i);
                i = e < 0 ? n : e;
            }
            else if (c === 0x2f && src.charCodeAt(i + 1) === 0x2a) {
                const e = src.indexOf('*/', i + 2);
                const end = e < 0 ? n : e + 2;
                // A general comment with a line break acts like a newline.
                if (this.semiAllowed && src.slice(i, end).includes('\n'))
                    return this.emitSemi(i, end);
                i = end;
            }
            else
                break;
        }
        const start = i;
        const c = src.charCodeAt(i);
        if (isAsciiLetter(c) || (c >= 0x80 && this.isUnicodeIdentStart(i))) {
            i++;
            while (i < n) {
                const d = src.charCodeAt(i);
                if (isAsciiLetter(d) || isDigit(d))
                    i++;
                else if (d >= 0x80 && this.isUnicodeIdentPart(i))
                    i += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
                else
                    break;
            }
            const word = src.slice(start, i);
            this.set(Tok.Ident, start, i, word);
            this.semiAllowed =
                !KEYWORDS$2.has(word) ||
                    word === 'break' ||
                    word === 'continue' ||
                    word === 'fallthrough' ||
                    word === 'return';
            return;
        }
        if (isDigit(c) || (c === 0x2e && isDigit(src.charCodeAt(i + 1))))
            return this.number(i);
        if (c === 0x22 || c === 0x27) {
            let k = i + 1;
            for (; k < n; k++) {
                const d = src.charCodeAt(k);
                if (d === c)
                    break;
                if (d === 0x0a)
                    throw new ParseError('newline in string');
                if (d === 0x5c)
                    k++;
            }
            if (k >= n)
                throw new ParseError('string not terminated');
            this.set(c === 0x22 ? Tok.String : Tok.Rune, start, k + 1, '');
            this.semiAllowed = true;
            return;
        }
        if (c === 0x60) {
            const e = src.indexOf('`', i + 1);
            if (e < 0)
                throw new ParseError('raw string not terminated');
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
        if (op === undefined)
            throw new ParseError(`unexpected character ${JSON.stringify(src[i])}`);
        this.set(Tok.Op, start, i + op.length, op);
        this.semiAllowed = op === ')' || op === ']' || op === '}' || op === '++' || op === '--';
    }
    emitSemi(start, end) {
        this.set(Tok.Semi, start, start, '');
        this.pos = end;
        this.semiAllowed = false;
    }
    set(kind, start, end, value) {
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.value = value;
        this.pos = end;
    }
    number(i) {
        const src = this.src;
        const start = i;
        let float = false;
        const hex = src.charCodeAt(i) === 0x30 && (src[i + 1] === 'x' || src[i + 1] === 'X');
        if (hex)
            i += 2;
        for (;;) {
            const ch = src[i];
            if (ch === undefined)
                break;
            if (/[0-9a-zA-Z_]/.test(ch)) {
                const exponent = hex ? ch === 'p' || ch === 'P' : ch === 'e' || ch === 'E';
                if (exponent) {
                    float = true;
                    if (src[i + 1] === '+' || src[i + 1] === '-')
                        i++;
                }
                else if (ch === 'i' && !/[0-9a-zA-Z_]/.test(src[i + 1] ?? '')) {
                    this.set(Tok.Imag, start, i + 1, '');
                    this.semiAllowed = true;
                    return;
                }
                i++;
            }
            else if (ch === '.') {
                float = true;
                i++;
            }
            else
                break;
        }
        this.set(float ? Tok.Float : Tok.Int, start, i, '');
        this.semiAllowed = true;
    }
    isUnicodeIdentStart(i) {
        return UNICODE_LETTER.test(String.fromCodePoint(this.src.codePointAt(i) ?? 0));
    }
    isUnicodeIdentPart(i) {
        const ch = String.fromCodePoint(this.src.codePointAt(i) ?? 0);
        return UNICODE_LETTER.test(ch) || UNICODE_DIGIT.test(ch);
    }
    /**
     * With the current token an opening `{`, `(` or `[`: moves past its closing partner without
     * tokenizing what is inside (comments, strings and runes are still respected), then reads the
     * next token. Used for function bodies and initializers, whose content the API does not need.
     */
    skipGroup() {
        const src = this.src;
        const n = src.length;
        let depth = 0;
        let k = this.start;
        while (k < n) {
            const c = src.charCodeAt(k);
            if (c === 0x7b || c === 0x28 || c === 0x5b)
                depth++;
            else if (c === 0x7d || c === 0x29 || c === 0x5d) {
                if (--depth === 0) {
                    k++;
                    break;
                }
            }
            else if (c === 0x2f && src.charCodeAt(k + 1) === 0x2f) {
                const e = src.indexOf('\n', k);
                k = e < 0 ? n : e;
                continue;
            }
            else if (c === 0x2f && src.charCodeAt(k + 1) === 0x2a) {
                const e = src.indexOf('*/', k + 2);
                k = e < 0 ? n : e + 2;
                continue;
            }
            else if (c === 0x60) {
                const e = src.indexOf('`', k + 1);
                k = e < 0 ? n : e + 1;
                continue;
            }
            else if (c === 0x22 || c === 0x27) {
                let j = k + 1;
                for (; j < n; j++) {
                    const d = src.charCodeAt(j);
                    if (d === c || d === 0x0a)
                        break;
                    if (d === 0x5c)
                        j++;
                }
                k = j + 1;
                continue;
            }
            k++;
        }
        if (depth > 0 && k >= n)
            throw new ParseError('unbalanced brackets');
        this.pos = k;
        this.semiAllowed = true;
        this.next();
        this.prevEnd = k;
    }
}
const KEYWORDS$2 = new Set([
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
const PRECEDENCE = {
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
const LITERAL_NODE = {
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
function startsType(t) {
    if (t.kind === Tok.Ident)
        return !KEYWORDS$2.has(t.value) || ['func', 'map', 'chan', 'struct', 'interface'].includes(t.value);
    return t.kind === Tok.Op && (t.value === '*' || t.value === '[' || t.value === '(' || t.value === '<-');
}
class Parser {
    src;
    lex;
    constructor(src) {
        this.src = src;
        this.lex = new Lexer(src);
    }
    get tok() {
        return this.lex;
    }
    node(type, start = this.tok.start) {
        return new SyntaxNode(type, start, start, this.src);
    }
    /** The current token as a leaf node, consumed. */
    leaf(type, isNamed = true) {
        const t = this.tok;
        const leaf = new SyntaxNode(type, t.start, t.end, this.src, isNamed);
        this.lex.next();
        return leaf;
    }
    is(op) {
        return this.tok.kind === Tok.Op && this.tok.value === op;
    }
    isWord(word) {
        return this.tok.kind === Tok.Ident && this.tok.value === word;
    }
    atSemi() {
        return this.tok.kind === Tok.Semi;
    }
    isName() {
        return this.tok.kind === Tok.Ident && !KEYWORDS$2.has(this.tok.value);
    }
    fail(what) {
        throw new ParseError(`expected ${what}`);
    }
    /**
     * Consumes operator `op`, failing if it is not there. Punctuation is kept in the tree (as an
     * anonymous child of `into`) only where the extractor reads it: `*` and `<-` in types.
     */
    expect(op, into) {
        if (!this.is(op))
            this.fail(op);
        if (into)
            into.add(this.leaf(op, false));
        else
            this.lex.next();
    }
    keyword(word, into) {
        if (!this.isWord(word))
            this.fail(word);
        if (into)
            into.add(this.leaf(word, false));
        else
            this.lex.next();
    }
    name(type) {
        if (!this.isName())
            this.fail('a name');
        return this.leaf(type);
    }
    /** After a declaration or spec: a semicolon, or the `)` / `}` that closes the group. */
    endOfSpec() {
        if (this.atSemi())
            this.lex.next();
        else if (!this.is(')') && !this.is('}') && this.tok.kind !== Tok.EOF)
            this.fail('end of declaration');
    }
    /** Skips to the end of the current spec (a semicolon or `)` outside brackets) without reading it. */
    skipToEndOfSpec() {
        while (!this.atSemi() && this.tok.kind !== Tok.EOF && !this.is(')') && !this.is('}')) {
            if (this.is('(') || this.is('[') || this.is('{'))
                this.lex.skipGroup();
            else
                this.lex.next();
        }
    }
    parseFile() {
        const root = new SyntaxNode('source_file', 0, 0, this.src);
        for (;;) {
            let start = this.tok.start;
            try {
                while (this.atSemi())
                    this.lex.next();
                if (this.tok.kind === Tok.EOF)
                    break;
                start = this.tok.start;
                root.add(this.topLevel());
            }
            catch (e) {
                if (!(e instanceof ParseError))
                    throw e;
                const broken = new SyntaxNode('ERROR', start, start, this.src);
                broken.hasError = true;
                root.add(broken);
                if (!this.resync(start))
                    break;
            }
        }
        root.endIndex = this.src.length;
        return root;
    }
    /** Moves to the next line after `from` that starts a top-level declaration; false if none. */
    resync(from) {
        for (let i = this.src.indexOf('\n', from); i >= 0; i = this.src.indexOf('\n', i + 1)) {
            if (!DECL_LINE.test(this.src.slice(i + 1, i + 8)))
                continue;
            this.lex.pos = i + 1;
            try {
                this.lex.next();
                return true;
            }
            catch {
                // cannot happen at a keyword; keep looking
            }
        }
        return false;
    }
    topLevel() {
        if (this.tok.kind !== Tok.Ident)
            this.fail('a declaration');
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
    importDecl() {
        const decl = this.node('import_declaration');
        this.keyword('import');
        if (this.is('('))
            this.lex.skipGroup();
        else
            this.skipToEndOfSpec();
        decl.endIndex = this.tok.start;
        this.endOfSpec();
        return decl;
    }
    /**
     * `const`, `var` or `type` with one spec or a parenthesized group of them. A spec that does not
     * parse becomes a `brokenType` node with `hasError`; the group goes on with the next spec.
     */
    group(type, keyword, listType, spec, brokenType) {
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
            while (this.atSemi())
                this.lex.next();
            if (this.is(')'))
                break;
            if (this.tok.kind === Tok.EOF)
                this.fail(')');
            const start = this.tok.start;
            try {
                const node = spec();
                this.endOfSpec();
                list.add(node);
            }
            catch (e) {
                if (!(e instanceof ParseError))
                    throw e;
                const broken = list.add(new SyntaxNode(brokenType, start, this.tok.start, this.src));
                broken.hasError = true;
                list.hasError = true;
                decl.hasError = true;
                this.skipToEndOfSpec();
                if (this.atSemi())
                    this.lex.next();
                else if (this.is('}'))
                    this.fail(')');
            }
        }
        this.expect(')');
        this.endOfSpec();
        return decl;
    }
    identifierList(spec, type) {
        spec.add(this.name(type), 'name');
        while (this.is(',')) {
            this.expect(',');
            spec.add(this.name(type), 'name');
        }
    }
    constSpec() {
        const spec = this.node('const_spec');
        this.identifierList(spec, 'identifier');
        if (startsType(this.tok))
            spec.add(this.type(), 'type');
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
    varSpec() {
        const spec = this.node('var_spec');
        this.identifierList(spec, 'identifier');
        if (!this.is('='))
            spec.add(this.type(), 'type');
        if (this.is('=')) {
            this.expect('=');
            // Initializers do not change the API (a variable without a declared type shows none).
            this.skipToEndOfSpec();
            spec.endIndex = this.tok.start;
        }
        return spec;
    }
    typeSpec() {
        const start = this.tok.start;
        const name = this.name('type_identifier');
        const params = this.is('[') && this.startsTypeParams() ? this.typeParameterList() : undefined;
        const alias = this.is('=');
        const spec = this.node(alias ? 'type_alias' : 'type_spec', start);
        spec.add(name, 'name');
        if (params)
            spec.add(params, 'type_parameters');
        if (alias)
            this.expect('=');
        spec.add(this.type(), 'type');
        return spec;
    }
    /**
     * At the `[` after a type name: whether a type parameter list follows rather than an array
     * length. As in the Go spec, `[P *C]` and `[P (C)]` are array lengths; a trailing comma or an
     * identifier, `~`, `[` or type keyword after the first name makes it a parameter list.
     */
    startsTypeParams() {
        const saved = this.lex.save();
        try {
            this.lex.next();
            if (!this.isName())
                return false;
            this.lex.next();
            const t = this.tok;
            if (t.kind === Tok.Ident)
                return true;
            if (t.kind !== Tok.Op)
                return false;
            if (t.value === ',' || t.value === '~' || t.value === '[')
                return true;
            if (t.value !== '*')
                return false;
            // `[P *C, Q any]` or `[P *C,]`: a comma at the top level of the brackets.
            this.lex.restore(saved);
            const open = this.tok.start;
            this.lex.skipGroup();
            return /,/.test(this.topLevelText(open, this.tok.start));
        }
        catch {
            return false;
        }
        finally {
            this.lex.restore(saved);
        }
    }
    /** The text between `from` and `to` with nested brackets removed (for a top-level search). */
    topLevelText(from, to) {
        let depth = 0;
        let out = '';
        for (let i = from + 1; i < to - 1; i++) {
            const ch = this.src[i];
            if (ch === '(' || ch === '[' || ch === '{')
                depth++;
            else if (ch === ')' || ch === ']' || ch === '}')
                depth--;
            else if (depth === 0)
                out += ch;
        }
        return out;
    }
    typeParameterList() {
        const list = this.node('type_parameter_list');
        this.expect('[');
        let pending = [];
        while (!this.is(']')) {
            const name = this.name('identifier');
            if (this.is(',')) {
                pending.push(name);
                this.lex.next();
                continue;
            }
            const decl = this.node('type_parameter_declaration', (pending[0] ?? name).startIndex);
            for (const n of [...pending, name])
                decl.add(n, 'name');
            pending = [];
            decl.add(this.typeElem('type_constraint'), 'type');
            list.add(decl);
            if (this.is(','))
                this.expect(',');
            else if (!this.is(']'))
                this.fail(']');
        }
        if (pending.length > 0)
            this.fail('a constraint');
        this.expect(']');
        return list;
    }
    /** `T`, `~T` or a union of them: a constraint or an interface's type element. */
    typeElem(type) {
        const elem = this.node(type);
        for (;;) {
            if (this.is('~')) {
                const negated = this.node('negated_type');
                this.expect('~');
                negated.add(this.type());
                elem.add(negated);
            }
            else
                elem.add(this.type());
            if (!this.is('|'))
                return elem;
            this.expect('|');
        }
    }
    funcDecl() {
        const start = this.tok.start;
        const func = this.leaf('func', false);
        const method = this.is('(');
        const decl = this.node(method ? 'method_declaration' : 'function_declaration', start);
        decl.add(func);
        if (method)
            decl.add(this.parameterList(), 'receiver');
        decl.add(this.name(method ? 'field_identifier' : 'identifier'), 'name');
        if (!method && this.is('['))
            decl.add(this.typeParameterList(), 'type_parameters');
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
    signature(node) {
        node.add(this.parameterList(), 'parameters');
        if (this.is('('))
            node.add(this.parameterList(), 'result');
        else if (startsType(this.tok))
            node.add(this.type(), 'result');
    }
    /**
     * `(a, b int, c ...string)` or `(int, string)`: as in Go, when any entry has a name, every lone
     * identifier is a name that shares the type that follows it.
     */
    parameterList() {
        const list = this.node('parameter_list');
        this.expect('(');
        const entries = [];
        while (!this.is(')')) {
            entries.push(this.parameterEntry());
            if (this.is(','))
                this.lex.next();
            else if (!this.is(')'))
                this.fail(')');
        }
        const named = entries.some(e => e.names.length > 0);
        let pending = [];
        for (const e of entries) {
            if (named && e.bare) {
                pending.push(e.bare);
                continue;
            }
            const names = [...pending, ...e.names];
            pending = [];
            const type = e.type ?? e.bare;
            const decl = this.nodeAt(e.variadic ? 'variadic_parameter_declaration' : 'parameter_declaration', (names[0] ?? type).startIndex);
            for (const n of names)
                decl.add(n, 'name');
            decl.add(type, 'type');
            list.add(decl);
        }
        if (pending.length > 0)
            this.fail('a parameter type');
        this.expect(')');
        return list;
    }
    nodeAt(type, start) {
        return new SyntaxNode(type, start, start, this.src);
    }
    parameterEntry() {
        if (this.is('...')) {
            this.lex.next();
            return { names: [], type: this.type(), variadic: true };
        }
        if (!this.isName())
            return { names: [], type: this.type() };
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
    arrayFollows() {
        const saved = this.lex.save();
        try {
            this.lex.next();
            if (this.is(']'))
                return true;
            this.lex.restore(saved);
            this.lex.skipGroup();
            return startsType(this.tok) && !this.is('(');
        }
        catch {
            return false;
        }
        finally {
            this.lex.restore(saved);
        }
    }
    // Types -------------------------------------------------------------------------------------
    type() {
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
                    if (this.is('<-'))
                        this.expect('<-', chan);
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
        if (t.kind !== Tok.Op)
            return this.fail('a type');
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
    typeName() {
        const first = this.name('type_identifier');
        let base = first;
        if (this.is('.')) {
            base = this.nodeAt('qualified_type', first.startIndex);
            base.add(new SyntaxNode('package_identifier', first.startIndex, first.endIndex, this.src), 'package');
            this.expect('.');
            base.add(this.name('type_identifier'), 'name');
        }
        if (!this.is('['))
            return base;
        const generic = this.nodeAt('generic_type', base.startIndex);
        generic.add(base, 'type');
        const args = generic.add(this.node('type_arguments'), 'type_arguments');
        this.expect('[');
        while (!this.is(']')) {
            args.add(this.typeElem('type_elem'));
            if (this.is(','))
                this.expect(',');
            else if (!this.is(']'))
                this.fail(']');
        }
        this.expect(']');
        return generic;
    }
    structType() {
        const struct = this.node('struct_type');
        this.keyword('struct');
        const list = struct.add(this.node('field_declaration_list'));
        this.bracedElements(list, () => this.fieldDeclaration());
        return struct;
    }
    /** `{ e; e; ... }` into `into`: a struct's fields or an interface's elements, `;` or newline between. */
    bracedElements(into, element) {
        this.expect('{');
        for (;;) {
            while (this.atSemi())
                this.lex.next();
            if (this.is('}'))
                break;
            into.add(element());
            if (!this.is('}')) {
                if (!this.atSemi())
                    this.fail('; or }');
                this.lex.next();
            }
        }
        this.expect('}');
    }
    fieldDeclaration() {
        const field = this.node('field_declaration');
        if (this.is('*')) {
            this.expect('*', field);
            field.add(this.typeName(), 'type');
        }
        else if (this.isName() && this.fieldHasNames()) {
            this.identifierList(field, 'field_identifier');
            field.add(this.type(), 'type');
        }
        else {
            field.add(this.typeName(), 'type');
        }
        if (this.tok.kind === Tok.String)
            field.add(this.leaf('interpreted_string_literal'), 'tag');
        else if (this.tok.kind === Tok.RawString)
            field.add(this.leaf('raw_string_literal'), 'tag');
        return field;
    }
    /** At a field's first identifier: whether it is a name (`A, B T`, `A T`) rather than an embedded type. */
    fieldHasNames() {
        const saved = this.lex.save();
        try {
            this.lex.next();
            if (this.is(','))
                return true;
            if (this.is('.'))
                return false;
            if (this.is('['))
                return this.arrayFollows();
            return startsType(this.tok);
        }
        finally {
            this.lex.restore(saved);
        }
    }
    interfaceType() {
        const iface = this.node('interface_type');
        this.keyword('interface');
        this.bracedElements(iface, () => this.interfaceElem());
        return iface;
    }
    interfaceElem() {
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
    expression(minPrecedence = 1) {
        let left = this.unary();
        for (;;) {
            const t = this.tok;
            const precedence = t.kind === Tok.Op ? PRECEDENCE[t.value] : undefined;
            if (precedence === undefined || precedence < minPrecedence)
                return left;
            const binary = this.nodeAt('binary_expression', left.startIndex);
            binary.add(left, 'left');
            binary.add(this.leaf(t.value, false), 'operator');
            binary.add(this.expression(precedence + 1), 'right');
            left = binary;
        }
    }
    unary() {
        if (this.tok.kind === Tok.Op && UNARY.has(this.tok.value)) {
            const unary = this.node('unary_expression');
            unary.add(this.leaf(this.tok.value, false), 'operator');
            unary.add(this.unary(), 'operand');
            return unary;
        }
        return this.primary();
    }
    primary() {
        const t = this.tok;
        let x;
        const literal = LITERAL_NODE[t.kind];
        if (literal)
            x = this.leaf(literal);
        else if (t.kind === Tok.Ident && !KEYWORDS$2.has(t.value))
            x = this.leaf(NAMED_IDENTIFIERS.has(t.value) ? t.value : 'identifier');
        else if (this.is('(')) {
            x = this.node('parenthesized_expression');
            this.expect('(');
            x.add(this.expression());
            this.expect(')');
        }
        else if (startsType(t))
            return this.opaque();
        else
            return this.fail('an expression');
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
            }
            else if (this.is('(')) {
                const call = this.nodeAt('call_expression', x.startIndex);
                call.add(x, 'function');
                const args = call.add(this.node('argument_list'), 'arguments');
                this.expect('(');
                while (!this.is(')')) {
                    args.add(this.expression());
                    if (this.is('...'))
                        this.expect('...');
                    if (this.is(','))
                        this.expect(',');
                    else if (!this.is(')'))
                        this.fail(')');
                }
                this.expect(')');
                x = call;
            }
            else if (this.is('[')) {
                return this.opaque(x);
            }
            else
                return x;
        }
    }
    /**
     * An expression this parser does not model (a composite or function literal, a conversion to a
     * type literal, an index): one node over its text, which is all the API shows of it.
     */
    opaque(from) {
        const start = this.tok.start;
        const node = this.nodeAt('expression', from?.startIndex ?? start);
        node.endIndex = from?.endIndex ?? start;
        while (!this.atSemi() &&
            this.tok.kind !== Tok.EOF &&
            !(this.tok.kind === Tok.Op && [',', ')', ']', '}', '=', ':'].includes(this.tok.value)) &&
            !(this.tok.kind === Tok.Ident && DECLARATION_KEYWORDS.has(this.tok.value))) {
            if (this.is('(') || this.is('[') || this.is('{'))
                this.lex.skipGroup();
            else
                this.lex.next();
            node.endIndex = this.lex.prevEnd;
        }
        if (node.endIndex <= start && !from)
            this.fail('an expression');
        return node;
    }
}
/** The syntax tree of Go source `text`: declarations in full, function bodies and initializers skipped. */
function parseGoDeclarations(text) {
    try {
        return new Parser(text).parseFile();
    }
    catch (e) {
        if (!(e instanceof ParseError))
            throw e;
        // The first token already failed (an unterminated literal, a stray character).
        const root = new SyntaxNode('source_file', 0, text.length, text);
        root.hasError = true;
        return root;
    }
}

// The import header of a Go source file, read the way the go command reads it (go1.19):
//
// - the byte-level reader of go/build (read.go `readGoInfo`): BOM, `package` clause, then
//   `import` declarations, stopping at the first other token, so later text is never looked at;
// - the checks go/parser then makes on that header (go list takes no imports from a file that
//   fails them): semicolons, identifiers, UTF-8, import path syntax;
// - the build-constraint header of cmd/go/internal/imports (build.go `parseFileHeader` and
//   `ShouldBuild`), evaluated with the `AnyTags` set of `go mod tidy`: every tag except `ignore`
//   counts as both true and false;
// - the expression syntax of go/build/constraint (`//go:build` expressions, `// +build` lines).
//
// Pure: bytes in, plain data out. No I/O and no Node APIs.
const NUL = 0x00;
const TAB = 0x09;
const LF = 0x0a;
const FF = 0x0c;
const CR = 0x0d;
const SPACE = 0x20;
const DQUOTE = 0x22;
const LPAREN = 0x28;
const RPAREN = 0x29;
const STAR = 0x2a;
const DOT = 0x2e;
const SLASH = 0x2f;
const SEMICOLON = 0x3b;
const BACKSLASH = 0x5c;
const BACKQUOTE = 0x60;
const LOWER_I = 0x69;
const PACKAGE = bytesOf('package');
const IMPORT = bytesOf('import');
const SLASH_SLASH = bytesOf('//');
const GO_BUILD = bytesOf('//go:build');
const PLUS_BUILD = bytesOf('+build');
function bytesOf(ascii) {
    return Uint8Array.from(ascii, c => c.charCodeAt(0));
}
/** go/build's identifier bytes: ASCII letters, digits, '_', and every byte of a multi-byte character. */
function isIdentByte(c) {
    return ((c >= 0x61 && c <= 0x7a) ||
        (c >= 0x41 && c <= 0x5a) ||
        (c >= 0x30 && c <= 0x39) ||
        c === 0x5f ||
        c >= 0x80);
}
function startsWith(data, at, end, prefix) {
    if (end - at < prefix.length)
        return false;
    for (let i = 0; i < prefix.length; i++)
        if (data[at + i] !== prefix[i])
            return false;
    return true;
}
// ---------------------------------------------------------------------------------------------
// UTF-8
/** Short ASCII strings already made, by hash: the same import paths recur in file after file. */
const interned = new Map();
const MAX_INTERNED = 65536;
const MAX_INTERNED_LENGTH = 128;
/** Decodes bytes [from, to); a byte that is not valid UTF-8 becomes U+FFFD, as when Go ranges over a string. */
function decodeUtf8(bytes, from, to) {
    let i = from;
    let hash = 0x811c9dc5;
    while (i < to && bytes[i] < 0x80)
        hash = Math.imul(hash ^ bytes[i++], 0x01000193);
    if (i === to && to - from <= MAX_INTERNED_LENGTH) {
        const known = interned.get(hash);
        if (known !== undefined && known.length === to - from && sameAscii(known, bytes, from))
            return known;
        const made = asciiString(bytes, from, to);
        if (known === undefined && interned.size < MAX_INTERNED)
            interned.set(hash, made);
        return made;
    }
    // Import paths and names are almost always ASCII: one flat string, not a rope of single characters.
    let out = asciiString(bytes, from, i);
    while (i < to) {
        const b = bytes[i];
        if (b < 0x80) {
            out += String.fromCharCode(b);
            i++;
            continue;
        }
        const size = utf8SequenceLength(bytes, i, to);
        if (size === 0) {
            out += '\ufffd';
            i++;
            continue;
        }
        let cp = b & (size === 2 ? 0x1f : size === 3 ? 0x0f : 0x07);
        for (let k = 1; k < size; k++)
            cp = (cp << 6) | (bytes[i + k] & 0x3f);
        out += String.fromCodePoint(cp);
        i += size;
    }
    return out;
}
function sameAscii(text, bytes, from) {
    for (let k = 0; k < text.length; k++)
        if (text.charCodeAt(k) !== bytes[from + k])
            return false;
    return true;
}
const ASCII_CHUNK = 4096;
function asciiString(bytes, from, to) {
    // Node's Buffer decodes a range natively, several times faster than building the string here.
    if (typeof Buffer !== 'undefined' && Buffer.isBuffer(bytes))
        return bytes.toString('latin1', from, to);
    if (bytes instanceof Uint8Array && to - from <= ASCII_CHUNK) {
        return String.fromCharCode.apply(null, bytes.subarray(from, to));
    }
    let out = '';
    for (let i = from; i < to; i++)
        out += String.fromCharCode(bytes[i]);
    return out;
}
function isValidUtf8(bytes) {
    for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] < 0x80)
            continue;
        const size = utf8SequenceLength(bytes, i, bytes.length);
        if (size === 0)
            return false;
        i += size - 1;
    }
    return true;
}
/**
 * The length of the valid multi-byte UTF-8 sequence at `i`, or 0 when the bytes there are not one
 * (Go's rules: no overlong forms, no surrogates, nothing above U+10FFFF).
 */
function utf8SequenceLength(bytes, i, to) {
    const b = bytes[i];
    const cont = (k, lo = 0x80, hi = 0xbf) => i + k < to && bytes[i + k] >= lo && bytes[i + k] <= hi;
    if (b >= 0xc2 && b <= 0xdf)
        return cont(1) ? 2 : 0;
    if (b >= 0xe0 && b <= 0xef) {
        // E0 must not be overlong; ED must not encode a surrogate.
        const second = b === 0xe0 ? cont(1, 0xa0) : b === 0xed ? cont(1, 0x80, 0x9f) : cont(1);
        return second && cont(2) ? 3 : 0;
    }
    if (b >= 0xf0 && b <= 0xf4) {
        const second = b === 0xf0 ? cont(1, 0x90) : b === 0xf4 ? cont(1, 0x80, 0x8f) : cont(1);
        return second && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
}
function appendUtf8(out, cp) {
    if (cp < 0x80)
        out.push(cp);
    else if (cp < 0x800)
        out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000)
        out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
        out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}
/**
 * The byte length of the white space (Go's unicode.IsSpace) starting at `i`, or 0. This is the set
 * bytes.TrimSpace removes, which the constraint header rules use (unlike the import reader).
 */
function spaceAt(d, i, end) {
    const b = d[i];
    if (b === SPACE || (b >= TAB && b <= CR))
        return 1;
    if (b === 0xc2 && i + 1 < end)
        return d[i + 1] === 0x85 || d[i + 1] === 0xa0 ? 2 : 0;
    if (i + 2 >= end)
        return 0;
    return isThreeByteSpace(b, d[i + 1], d[i + 2]) ? 3 : 0;
}
/** The offset of the first byte in [a, b) that does not start white space, or b. */
function skipWhite(d, a, b) {
    for (let n; a < b && (n = spaceAt(d, a, b)) > 0;)
        a += n;
    return a;
}
/** The byte length of the white space that ends just before `j`, or 0. */
function spaceBefore(d, j, start) {
    const b = d[j - 1];
    if (b === SPACE || (b >= TAB && b <= CR))
        return 1;
    if (j - 2 >= start && d[j - 2] === 0xc2 && (b === 0x85 || b === 0xa0))
        return 2;
    return j - 3 >= start && isThreeByteSpace(d[j - 3], d[j - 2], b) ? 3 : 0;
}
/** U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000. */
function isThreeByteSpace(b0, b1, b2) {
    if (b0 === 0xe1)
        return b1 === 0x9a && b2 === 0x80;
    if (b0 === 0xe3)
        return b1 === 0x80 && b2 === 0x80;
    if (b0 !== 0xe2)
        return false;
    if (b1 === 0x80)
        return (b2 >= 0x80 && b2 <= 0x8a) || b2 === 0xa8 || b2 === 0xa9 || b2 === 0xaf;
    return b1 === 0x81 && b2 === 0x9f;
}
function isSpaceRune(cp) {
    return (cp === 0x20 ||
        (cp >= 0x09 && cp <= 0x0d) ||
        cp === 0x85 ||
        cp === 0xa0 ||
        cp === 0x1680 ||
        (cp >= 0x2000 && cp <= 0x200a) ||
        cp === 0x2028 ||
        cp === 0x2029 ||
        cp === 0x202f ||
        cp === 0x205f ||
        cp === 0x3000);
}
// ---------------------------------------------------------------------------------------------
// Positions
/** Turns byte offsets into 1-based line and code-point column, walking forward from the last answer. */
class PositionCounter {
    data;
    start;
    offset;
    line = 1;
    lineStart;
    constructor(data, start) {
        this.data = data;
        this.start = start;
        this.offset = start;
        this.lineStart = start;
    }
    at(target) {
        if (target < this.offset) {
            this.offset = this.lineStart = this.start;
            this.line = 1;
        }
        const d = this.data;
        for (let i = this.offset; i < target; i++) {
            if (d[i] === LF) {
                this.line++;
                this.lineStart = i + 1;
            }
        }
        this.offset = target;
        let column = 1;
        for (let i = this.lineStart; i < target; i++)
            if ((d[i] & 0xc0) !== 0x80)
                column++;
        return { line: this.line, column };
    }
}
const NUL_MESSAGE = 'unexpected NUL byte';
class Halt {
    kind;
    at;
    message;
    constructor(kind, at, message) {
        this.kind = kind;
        this.at = at;
        this.message = message;
    }
}
// prettier-ignore
const KEYWORDS$1 = new Set([
    'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go',
    'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var'
]);
const IDENTIFIER = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;
/**
 * A cursor over the header, after go/build's importReader, which decides where the header ends.
 * Every byte it looks at is "read": a NUL there is an error, as in Go. Running out of input is an
 * error only when the input is the whole file; otherwise it asks for more.
 *
 * go/build then parses that header with go/parser, and go list takes no imports from a file that
 * fails. So the reader also makes the parser's checks that the loose reader skips:
 * - go/scanner: the bytes are valid UTF-8 with no BOM, in comments too; names are identifiers;
 * - semicolons: the reader skips them like spaces, but the grammar needs exactly one after the
 *   package clause and after each import declaration, one between the specs of a group (optional
 *   before `)`), and none inside a spec or declaration. A newline after an identifier, a string or
 *   `)` counts as one (Go's automatic semicolons), also when it is inside a comment.
 */
class ImportReader {
    data;
    eof;
    pos;
    /** Semicolons since the last token: offsets of explicit ones and of newlines that count as one. */
    separators = [];
    /** The last token lets a newline end the statement: an identifier, a string or `)`. */
    semicolonAtNewline = false;
    /**
     * go/parser is done with the header: it failed (`problem`), or it stopped reading imports at a
     * `;;`. The reader still reads on to where go/build stops, because a NUL byte there is a read
     * error, which counts before any syntax error.
     */
    parserDone = false;
    problem;
    constructor(data, eof, start) {
        this.data = data;
        this.eof = eof;
        this.pos = start;
    }
    /** A syntax error of the reader itself: reading stops. */
    fail(at, message) {
        throw new Halt('syntax', at, message);
    }
    /** An error only go/parser sees: the first one is kept, and the reader goes on. */
    parserError(at, message) {
        if (!this.parserDone)
            this.problem = { at, message };
        this.parserDone = true;
    }
    /** The input ended at a point where more bytes could change the answer. */
    outOfInput(at, message) {
        throw new Halt(this.eof ? 'syntax' : 'more', at, message);
    }
    /** Reads byte `i`, which must exist; NUL is never valid input. */
    byteAt(i) {
        const c = this.data[i];
        if (c === NUL)
            throw new Halt('nul', i, NUL_MESSAGE);
        return c;
    }
    /** Checks the multi-byte character at `i` as go/scanner does and returns its length (1 if invalid). */
    rune(i) {
        const d = this.data;
        const size = utf8SequenceLength(d, i, d.length);
        if (size === 0) {
            if (i + 4 > d.length && !this.eof)
                this.outOfInput(i, '');
            this.parserError(i, 'invalid UTF-8 encoding');
            return 1;
        }
        if (d[i] === 0xef && d[i + 1] === 0xbb && d[i + 2] === 0xbf)
            this.parserError(i, 'unexpected byte order mark');
        return size;
    }
    /** Moves past a token. */
    advance(to, semicolonAtNewline) {
        this.pos = to;
        this.separators = [];
        this.semicolonAtNewline = semicolonAtNewline;
    }
    semicolon(at) {
        this.separators.push(at);
        this.semicolonAtNewline = false;
    }
    newline(at) {
        if (this.semicolonAtNewline)
            this.semicolon(at);
    }
    /**
     * Skips spaces, \f \t \r \n, semicolons (the reader never needs them) and comments, noting the
     * semicolons. Returns the next byte, or -1 at the end of the file.
     */
    skipSpace() {
        const d = this.data;
        for (;;) {
            if (this.pos >= d.length) {
                if (!this.eof)
                    this.outOfInput(this.pos, '');
                return -1;
            }
            const c = this.byteAt(this.pos);
            if (c === SPACE || c === TAB || c === CR || c === FF) {
                this.pos++;
            }
            else if (c === LF || c === SEMICOLON) {
                if (c === LF)
                    this.newline(this.pos);
                else
                    this.semicolon(this.pos);
                this.pos++;
            }
            else if (c === SLASH) {
                this.skipComment();
            }
            else {
                return c;
            }
        }
    }
    skipComment() {
        const d = this.data;
        const start = this.pos;
        if (start + 1 >= d.length)
            this.outOfInput(start, 'unexpected "/"');
        const kind = this.byteAt(start + 1);
        if (kind === SLASH) {
            let i = start + 2;
            for (let c; i < d.length && (c = this.byteAt(i)) !== LF; i++)
                if (c >= 0x80)
                    i += this.rune(i) - 1;
            if (i >= d.length && !this.eof)
                this.outOfInput(start, '');
            if (i < d.length)
                this.newline(i);
            this.pos = Math.min(i + 1, d.length);
        }
        else if (kind === STAR) {
            // The search starts after "/*", so "/*/" does not close itself.
            let newline = -1;
            for (let i = start + 2; i < d.length; i++) {
                const c = this.byteAt(i);
                if (c === STAR && i + 1 < d.length && d[i + 1] === SLASH) {
                    if (newline >= 0)
                        this.newline(newline);
                    this.pos = i + 2;
                    return;
                }
                if (c === LF && newline < 0)
                    newline = i;
                else if (c >= 0x80)
                    i += this.rune(i) - 1;
            }
            this.outOfInput(start, 'unterminated /* comment');
        }
        else {
            this.fail(start, 'unexpected "/"');
        }
    }
    /** No semicolon may stand here. */
    noSemicolon() {
        if (this.parserDone || this.separators.length === 0)
            return;
        const at = this.separators[0];
        this.parserError(at, this.data[at] === SEMICOLON ? 'unexpected ";"' : 'unexpected newline');
    }
    /** Exactly one semicolon must stand here, or at most one when `optional` (before `)`). */
    oneSemicolon(optional) {
        if (this.parserDone)
            return;
        if (this.separators.length === 0 && !optional)
            this.parserError(this.pos, 'expected ";" or newline');
        else if (this.separators.length > 1)
            this.parserError(this.separators[1], 'unexpected ";"');
    }
    /**
     * Before another `import`: one semicolon must end the previous declaration. After two, go/parser
     * has stopped reading imports (it sees an empty statement, not `import`), so the rest is ignored.
     */
    endOfDeclaration() {
        if (this.parserDone || this.separators.length === 1)
            return;
        if (this.separators.length === 0)
            this.parserError(this.pos, 'expected ";" or newline before import');
        this.parserDone = true;
    }
    /** Reads `kw`, which must not run on into an identifier (`packagex` is not `package`). */
    readKeyword(kw, message) {
        const d = this.data;
        const start = this.pos;
        for (let i = 0; i < kw.length; i++) {
            if (start + i >= d.length)
                this.outOfInput(start, message);
            if (this.byteAt(start + i) !== kw[i])
                this.fail(start, message);
        }
        const after = start + kw.length;
        if (after >= d.length) {
            if (!this.eof)
                this.outOfInput(start, message);
        }
        else if (isIdentByte(this.byteAt(after))) {
            this.fail(start, message);
        }
        this.advance(after, false);
    }
    /**
     * Reads a name. The reader takes any run of identifier bytes; go/scanner then wants a real
     * identifier: a letter or '_' first, Unicode letters and digits, not a keyword.
     */
    readIdent(message) {
        const d = this.data;
        const c = this.skipSpace();
        const start = this.pos;
        if (c < 0)
            this.outOfInput(start, message);
        if (!isIdentByte(c))
            this.fail(start, message);
        let i = start + 1;
        while (i < d.length && isIdentByte(d[i]))
            i++;
        if (i >= d.length && !this.eof)
            this.outOfInput(start, message);
        const name = decodeUtf8(d, start, i);
        for (let k = start; k < i; k++)
            if (d[k] >= 0x80)
                k += this.rune(k) - 1;
        if (KEYWORDS$1.has(name) || !IDENTIFIER.test(name))
            this.parserError(start, `invalid name "${name}"`);
        this.advance(i, true);
        return name;
    }
    /** Reads one string literal: `…` up to the next backquote, "…" up to an unescaped quote on the same line. */
    readString(name) {
        const d = this.data;
        const quote = this.skipSpace();
        const open = this.pos;
        if (quote < 0)
            this.outOfInput(open, 'expected import path string');
        let escaped = false;
        let i = open + 1;
        if (quote === BACKQUOTE) {
            for (let c; i < d.length && (c = this.byteAt(i)) !== BACKQUOTE; i++)
                if (c >= 0x80)
                    i += this.rune(i) - 1;
            if (i >= d.length)
                this.outOfInput(open, 'unterminated raw string literal');
        }
        else if (quote === DQUOTE) {
            for (;; i++) {
                if (i >= d.length)
                    this.outOfInput(open, 'unterminated string literal');
                const c = this.byteAt(i);
                if (c === DQUOTE)
                    break;
                if (c === LF)
                    this.fail(open, 'newline in string literal');
                if (c >= 0x80)
                    i += this.rune(i) - 1;
                if (c === BACKSLASH) {
                    escaped = true;
                    i++; // the escaped byte, whatever it is; the unquoting judges it
                    if (i >= d.length)
                        this.outOfInput(open, 'unterminated string literal');
                    this.byteAt(i);
                }
            }
        }
        else {
            this.fail(open, 'expected import path string');
        }
        this.advance(i + 1, true);
        return { name, open, close: i, escaped };
    }
    /** ImportSpec = [ "." | identifier ] string, all on one line when the name is an identifier. */
    readImport() {
        const c = this.skipSpace();
        let name;
        if (c === DOT) {
            this.advance(this.pos + 1, false);
            name = '.';
        }
        else if (c >= 0 && isIdentByte(c)) {
            name = this.readIdent('expected import name');
        }
        else {
            return this.readString();
        }
        this.skipSpace();
        this.noSemicolon();
        return this.readString(name);
    }
}
// ---------------------------------------------------------------------------------------------
// Import paths
/** Unquotes the literal of `raw` as strconv.Unquote does, or says where it is not a valid import path. */
function importSpec(data, raw, positions) {
    // The reader has checked the bytes of the literal (UTF-8, no BOM) already.
    const literal = decodeUtf8(data, raw.open, raw.close + 1);
    let path;
    if (data[raw.open] === BACKQUOTE)
        path = literal.slice(1, -1).replaceAll('\r', '');
    else if (!raw.escaped)
        path = literal.slice(1, -1);
    else {
        const unescaped = unescapePath(data, raw);
        if (typeof unescaped !== 'string')
            return unescaped;
        path = unescaped;
    }
    if (!isValidImportPath(path))
        return { at: raw.open, message: `invalid import path ${literal}` };
    const start = positions.at(raw.open);
    const end = positions.at(raw.close + 1);
    const spec = {
        path,
        literal,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        offset: raw.open
    };
    if (raw.name !== undefined)
        spec.name = raw.name;
    return spec;
}
/** ASCII bytes that may not appear in an import path: controls, space, DEL and !"#$%&'()*,:;<=>?[\]^`{|}. */
const ILLEGAL_IN_PATH = new Uint8Array(0x80);
for (let c = 0; c <= 0x20; c++)
    ILLEGAL_IN_PATH[c] = 1;
ILLEGAL_IN_PATH[0x7f] = 1;
for (const c of '!"#$%&\'()*,:;<=>?[\\]^`{|}')
    ILLEGAL_IN_PATH[c.charCodeAt(0)] = 1;
/** Unicode's graphic classes, as Go's unicode.IsGraphic: letters, marks, numbers, punctuation, symbols, Zs. */
const GRAPHIC = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]$/u;
/**
 * go/parser's restriction on import paths (the spec's implementation restriction): not empty;
 * graphic characters only, no white space, none of !"#$%&'()*,:;<=>?[\]^`{|} and no U+FFFD.
 */
function isValidImportPath(path) {
    if (path === '')
        return false;
    for (let i = 0; i < path.length; i++) {
        const c = path.charCodeAt(i);
        if (c < 0x80) {
            if (ILLEGAL_IN_PATH[c] === 1)
                return false;
            continue;
        }
        const cp = path.codePointAt(i);
        if (cp > 0xffff)
            i++;
        if (cp === 0xfffd || isSpaceRune(cp) || !GRAPHIC.test(String.fromCodePoint(cp)))
            return false;
    }
    return true;
}
const SIMPLE_ESCAPES = {
    0x61: 0x07, // \a
    0x62: 0x08, // \b
    0x66: 0x0c, // \f
    0x6e: 0x0a, // \n
    0x72: 0x0d, // \r
    0x74: 0x09, // \t
    0x76: 0x0b, // \v
    0x5c: 0x5c, // \\
    0x22: 0x22 // \"  (\' is not valid inside "…")
};
/** Digits, base and maximum of the numeric escapes \NNN, \xNN, \uNNNN, \UNNNNNNNN, by their letter. */
const NUMERIC_ESCAPES = {
    0x78: { digits: 2, base: 16, max: 0xff },
    0x75: { digits: 4, base: 16, max: 0x10ffff },
    0x55: { digits: 8, base: 16, max: 0x10ffff }
};
const OCTAL_ESCAPE = { digits: 3, base: 8, max: 0xff };
function digitValue(c) {
    if (c >= 0x30 && c <= 0x39)
        return c - 0x30;
    if (c >= 0x61 && c <= 0x66)
        return c - 0x61 + 10;
    if (c >= 0x41 && c <= 0x46)
        return c - 0x41 + 10;
    return 99;
}
/**
 * The path of a "…" literal with escapes. \x and \NNN give single bytes, \u and \U give the UTF-8 of
 * a code point (never a surrogate); the bytes of the result must then be valid UTF-8.
 */
function unescapePath(data, raw) {
    const out = [];
    for (let i = raw.open + 1; i < raw.close; i++) {
        const c = data[i];
        if (c !== BACKSLASH) {
            out.push(c);
            continue;
        }
        const at = i;
        const e = data[++i];
        if (e in SIMPLE_ESCAPES) {
            out.push(SIMPLE_ESCAPES[e]);
            continue;
        }
        const numeric = e >= 0x30 && e <= 0x37 ? OCTAL_ESCAPE : NUMERIC_ESCAPES[e];
        if (numeric === undefined)
            return { at, message: 'unknown escape sequence' };
        if (numeric !== OCTAL_ESCAPE)
            i++; // the letter; octal digits start right after the backslash
        let value = 0;
        for (let k = 0; k < numeric.digits; k++, i++) {
            const v = i < raw.close ? digitValue(data[i]) : 99;
            if (v >= numeric.base)
                return { at, message: 'invalid escape sequence' };
            value = value * numeric.base + v;
        }
        i--; // the loop's i++ moves past the last digit
        if (value > numeric.max || (value >= 0xd800 && value < 0xe000 && numeric.max > 0xff)) {
            return { at, message: 'escape sequence is not a valid code point' };
        }
        if (numeric.max === 0xff)
            out.push(value);
        else
            appendUtf8(out, value);
    }
    return isValidUtf8(out)
        ? decodeUtf8(out, 0, out.length)
        : { at: raw.open, message: 'invalid UTF-8 in import path' };
}
// ---------------------------------------------------------------------------------------------
// The header
const BOM = [0xef, 0xbb, 0xbf];
/** 3 when the input starts with a UTF-8 BOM (dropped, as go/build does), else 0; -1 when a prefix is too short to tell. */
function bomLength(data, eof) {
    const n = Math.min(data.length, 3);
    for (let i = 0; i < n; i++)
        if (data[i] !== BOM[i])
            return 0;
    if (n === 3)
        return 3;
    return eof ? 0 : -1;
}
/**
 * Reads the header of a Go source file like go/build's readGoInfo: the `package` clause, then every
 * `import` declaration (a spec, or a parenthesised group of specs) while the next token starts with
 * `i`; the first other token ends the header and nothing after it is read. It also applies the
 * build-constraint rules of `go mod tidy` to the comments before `package`. Never throws.
 */
function scanImports(data, options) {
    const eof = options?.eof ?? true;
    const scan = { imports: [], buildIgnore: false, end: data.length, needMore: false };
    const start = bomLength(data, eof);
    if (start < 0)
        return { ...scan, needMore: true };
    const positions = new PositionCounter(data, start);
    const r = new ImportReader(data, eof, start);
    const collect = (raw) => {
        if (r.parserDone)
            return;
        const spec = importSpec(data, raw, positions);
        if ('message' in spec)
            r.parserError(spec.at, spec.message);
        else
            scan.imports.push(spec);
    };
    // Where the comments that may hold build constraints end: at the first token, or at the end of a
    // file that go/build takes whole.
    let commentsEnd = -1;
    try {
        r.skipSpace();
        commentsEnd = r.pos;
        scan.packageName = readPackageClause(r);
        scan.packageAt = commentsEnd;
        while (r.skipSpace() === LOWER_I)
            readImportDecl(r, collect);
        scan.end = r.pos;
    }
    catch (halt) {
        if (!(halt instanceof Halt))
            throw halt;
        if (halt.kind === 'more')
            return { ...scan, needMore: true };
        scan.end = halt.at;
        if (commentsEnd < 0)
            commentsEnd = halt.at;
        if (halt.kind === 'nul') {
            r.problem = halt; // a read error counts before any syntax error
        }
        else {
            // go/build then reads the rest of the file as the header, and a NUL byte fails that read.
            const nul = data.indexOf(NUL, start);
            if (nul < 0 && !eof)
                return { ...scan, needMore: true };
            if (nul >= 0) {
                r.problem = { at: nul, message: NUL_MESSAGE };
            }
            else {
                commentsEnd = data.length;
                if (!r.parserDone)
                    r.problem = halt; // once go/parser is done, it never sees this
            }
        }
    }
    if (r.problem)
        scan.error = { ...positions.at(r.problem.at), message: r.problem.message };
    applyConstraints(scan, readConstraintHeader(data, start, commentsEnd), positions);
    return scan;
}
/** PackageClause = "package" identifier, at the reader's first token. */
function readPackageClause(r) {
    r.noSemicolon();
    r.readKeyword(PACKAGE, 'missing package clause');
    r.skipSpace();
    r.noSemicolon();
    return r.readIdent('expected package name');
}
/** ImportDecl = "import" ( ImportSpec | "(" { ImportSpec ";" } ")" ), at a token that starts with `i`. */
function readImportDecl(r, collect) {
    r.endOfDeclaration();
    r.readKeyword(IMPORT, 'expected "import"');
    const c = r.skipSpace();
    r.noSemicolon();
    if (c !== LPAREN) {
        collect(r.readImport());
        return;
    }
    const group = r.pos;
    r.advance(group + 1, false);
    for (let first = true;; first = false) {
        const next = r.skipSpace();
        if (next < 0)
            r.outOfInput(group, 'unterminated import ( group');
        if (first)
            r.noSemicolon();
        else
            r.oneSemicolon(next === RPAREN);
        if (next === RPAREN)
            break;
        collect(r.readImport());
    }
    r.advance(r.pos + 1, true);
}
function applyConstraints(scan, header, positions) {
    if (header.error) {
        scan.buildIgnore = true;
        scan.constraintError = { ...positions.at(header.error.at), message: header.error.message };
        if (header.error.expr !== undefined)
            scan.constraint = header.error.expr;
        return;
    }
    if (header.goBuild !== undefined) {
        scan.constraint = header.goBuild.text;
        scan.buildIgnore = !evalAnyTags(header.goBuild.expr, true);
    }
    else if (header.plusBuild.length > 0) {
        // Every counted line must hold, so the lines combine with &&.
        const expr = header.plusBuild.reduce((x, y) => ({ op: '&&', x, y }));
        scan.constraint = formatExpr(expr);
        scan.buildIgnore = !evalAnyTags(expr, true);
    }
}
/**
 * Finds the build constraints of the header, as cmd/go's parseFileHeader does, line by line (lines
 * end at \n and are trimmed of Unicode white space) over the comments before the first token at
 * `limit`:
 * - a `//go:build` line counts anywhere in the leading comments, outside a /* comment; a second
 *   one is an error;
 * - `// +build` lines count only inside the leading run of blank and `//` lines, and only up to the
 *   last blank line of that run (a +build line right above `package` is doc text, not a constraint).
 * The line that holds the first token at `limit` stops the search: the reader skipped only spaces
 * and comments before it, and the token is not white space, so the line is neither blank nor a
 * comment line. When the reader failed, go/build takes the whole file as the header, and then
 * `limit` is the end of the file (the line rules may see past the failure, since bytes.TrimSpace
 * also trims \v and Unicode spaces, which the reader does not skip).
 */
function readConstraintHeader(data, start, limit) {
    const header = { plusBuild: [] };
    const plusLines = [];
    let plusEnd = start; // just past the last blank line of the leading run
    let ended = false; // a line other than blank or // has been seen
    let inBlockComment = false;
    let goBuildAt = -1;
    let goBuildEnd = -1;
    lines: for (let p = start; p < limit;) {
        const newline = data.indexOf(LF, p);
        const lineEnd = newline < 0 || newline >= limit ? limit : newline;
        if (lineEnd === limit && limit < data.length)
            break; // the line of the first token
        const next = lineEnd + 1;
        let a = p;
        let b = lineEnd;
        p = next;
        a = skipWhite(data, a, b);
        for (let n; b > a && (n = spaceBefore(data, b, a)) > 0;)
            b -= n;
        if (a === b && !ended) {
            plusEnd = Math.min(next, limit);
            continue;
        }
        const lineComment = startsWith(data, a, b, SLASH_SLASH);
        if (!lineComment)
            ended = true;
        else if (!ended)
            plusLines.push([a, b]);
        if (!inBlockComment && isGoBuildLine(data, a, b)) {
            if (goBuildAt >= 0) {
                header.error = { at: a, message: 'multiple //go:build comments' };
                return header;
            }
            goBuildAt = a;
            goBuildEnd = b;
        }
        while (a < b) {
            if (inBlockComment) {
                const close = indexOfStarSlash(data, a, b);
                if (close < 0)
                    continue lines;
                inBlockComment = false;
                a = skipWhite(data, close + 2, b);
            }
            else if (startsWith(data, a, b, SLASH_SLASH)) {
                continue lines;
            }
            else if (a + 1 < b && data[a] === SLASH && data[a + 1] === STAR) {
                inBlockComment = true;
                a = skipWhite(data, a + 2, b);
            }
            else {
                break lines;
            }
        }
    }
    if (goBuildAt >= 0) {
        const text = trimGoSpace(decodeUtf8(data, goBuildAt + GO_BUILD.length, goBuildEnd));
        const parsed = parseConstraint(text);
        if ('message' in parsed)
            header.error = { at: goBuildAt, message: `parsing //go:build line: ${parsed.message}`, expr: text };
        else
            header.goBuild = { text, expr: parsed };
        return header;
    }
    for (const [a, b] of plusLines) {
        if (b > plusEnd)
            break;
        const text = plusBuildText(data, a, b);
        if (text !== undefined)
            header.plusBuild.push(parsePlusBuildExpr(text));
    }
    return header;
}
function indexOfStarSlash(data, a, b) {
    for (let i = a; i + 1 < b; i++)
        if (data[i] === STAR && data[i + 1] === SLASH)
            return i;
    return -1;
}
/** A trimmed line is a //go:build line when `//go:build` is followed by white space or nothing. */
function isGoBuildLine(data, a, b) {
    if (!startsWith(data, a, b, GO_BUILD))
        return false;
    const rest = a + GO_BUILD.length;
    return rest === b || spaceAt(data, rest, b) > 0;
}
/** The expression of a trimmed `// +build` line (the space after // is optional), else undefined. */
function plusBuildText(data, a, b) {
    let i = skipWhite(data, a + SLASH_SLASH.length, b);
    if (!startsWith(data, i, b, PLUS_BUILD))
        return undefined;
    i += PLUS_BUILD.length;
    if (i < b && spaceAt(data, i, b) === 0)
        return undefined; // +buildfoo
    return trimGoSpace(decodeUtf8(data, i, b));
}
function trimGoSpace(s) {
    let a = 0;
    let b = s.length;
    while (a < b && isSpaceRune(s.charCodeAt(a)))
        a++;
    while (b > a && isSpaceRune(s.charCodeAt(b - 1)))
        b--;
    return s.slice(a, b);
}
/** A tag is letters, digits, '_' and '.' (Unicode letters and decimal digits count). */
const TAG_CHAR = /[\p{L}\p{Nd}_.]/u;
function isValidTag(word) {
    if (word === '')
        return false;
    for (const ch of word)
        if (!TAG_CHAR.test(ch))
            return false;
    return true;
}
/**
 * Parses a //go:build expression: `||` binds looser than `&&`, `!` applies to one operand and may
 * not be doubled, parentheses group; tokens may be separated by spaces and tabs.
 */
function parseConstraint(text) {
    try {
        return new ExprParser(text).parse();
    }
    catch (e) {
        if (e instanceof ConstraintSyntaxError)
            return { message: e.message };
        throw e;
    }
}
/** Recursive descent over the expression; each rule returns with the next token already lexed. */
class ExprParser {
    text;
    i = 0;
    tok = ''; // the current token; '' at the end
    isTag = false;
    constructor(text) {
        this.text = text;
    }
    parse() {
        const x = this.or();
        if (!this.at(''))
            throw new ConstraintSyntaxError(`unexpected token ${this.tok}`);
        return x;
    }
    at(tok) {
        return this.tok === tok;
    }
    or() {
        let x = this.and();
        while (this.at('||'))
            x = { op: '||', x, y: this.and() };
        return x;
    }
    and() {
        let x = this.not();
        while (this.at('&&'))
            x = { op: '&&', x, y: this.not() };
        return x;
    }
    not() {
        this.lex();
        if (!this.at('!'))
            return this.atom();
        this.lex();
        if (this.at('!'))
            throw new ConstraintSyntaxError('double negation not allowed');
        return { op: '!', x: this.atom() };
    }
    atom() {
        if (this.at('(')) {
            let x;
            try {
                x = this.or();
            }
            catch (e) {
                // Running out inside parentheses is reported as the missing ')'.
                if (e instanceof ConstraintSyntaxError && e.message === 'unexpected end of expression') {
                    throw new ConstraintSyntaxError('missing close paren');
                }
                throw e;
            }
            if (!this.at(')'))
                throw new ConstraintSyntaxError('missing close paren');
            this.lex();
            return x;
        }
        if (!this.isTag) {
            throw new ConstraintSyntaxError(this.at('') ? 'unexpected end of expression' : `unexpected token ${this.tok}`);
        }
        const tag = this.tok;
        this.lex();
        return { tag };
    }
    lex() {
        const text = this.text;
        this.isTag = false;
        while (this.i < text.length && (text[this.i] === ' ' || text[this.i] === '\t'))
            this.i++;
        const c = text[this.i];
        if (c === undefined) {
            this.tok = '';
        }
        else if (c === '(' || c === ')' || c === '!') {
            this.tok = c;
            this.i++;
        }
        else if (c === '&' || c === '|') {
            if (text[this.i + 1] !== c)
                throw new ConstraintSyntaxError(`invalid syntax at ${c}`);
            this.tok = c + c;
            this.i += 2;
        }
        else {
            let j = this.i;
            for (const ch of text.slice(this.i)) {
                if (!TAG_CHAR.test(ch))
                    break;
                j += ch.length;
            }
            if (j === this.i)
                throw new ConstraintSyntaxError(`invalid syntax at ${String.fromCodePoint(text.codePointAt(j) ?? 0)}`);
            this.tok = text.slice(this.i, j);
            this.i = j;
            this.isTag = true;
        }
    }
}
class ConstraintSyntaxError extends Error {
}
/**
 * A `// +build` expression: space-separated options (OR) of comma-separated terms (AND), each a tag
 * or `!tag`. A malformed term (`!!x`, a lone `!`, bad characters) becomes the tag `ignore`, as in Go.
 */
function parsePlusBuildExpr(text) {
    let x;
    for (const clause of fields(text)) {
        let y;
        for (const lit of clause.split(',')) {
            let z;
            if (lit.startsWith('!!') || lit === '!')
                z = { tag: 'ignore' };
            else if (lit.startsWith('!'))
                z = { op: '!', x: { tag: isValidTag(lit.slice(1)) ? lit.slice(1) : 'ignore' } };
            else
                z = { tag: isValidTag(lit) ? lit : 'ignore' };
            y = y === undefined ? z : { op: '&&', x: y, y: z };
        }
        if (y !== undefined)
            x = x === undefined ? y : { op: '||', x, y };
    }
    return x ?? { tag: 'ignore' };
}
/** Splits at runs of white space (Go's strings.Fields). */
function fields(text) {
    const out = [];
    let from = -1;
    for (let i = 0; i <= text.length; i++) {
        const space = i === text.length || isSpaceRune(text.charCodeAt(i));
        if (space && from >= 0) {
            out.push(text.slice(from, i));
            from = -1;
        }
        else if (!space && from < 0) {
            from = i;
        }
    }
    return out;
}
/** Prints an expression in //go:build syntax, with only the parentheses it needs. */
function formatExpr(x) {
    if ('tag' in x)
        return x.tag;
    if (x.op === '!')
        return '!' + ('tag' in x.x || x.x.op === '!' ? formatExpr(x.x) : `(${formatExpr(x.x)})`);
    const other = x.op === '&&' ? '||' : '&&';
    const arg = (e) => ('op' in e && e.op === other ? `(${formatExpr(e)})` : formatExpr(e));
    return `${arg(x.x)} ${x.op} ${arg(x.y)}`;
}
/**
 * cmd/go's evaluation under AnyTags: `ignore` is false, and every other tag takes whatever value
 * helps, so a tag satisfies both `tag` and `!tag` (a negation flips the preferred value).
 */
function evalAnyTags(x, prefer) {
    if ('tag' in x)
        return x.tag === 'ignore' ? false : prefer;
    if (x.op === '!')
        return !evalAnyTags(x.x, !prefer);
    if (x.op === '&&')
        return evalAnyTags(x.x, prefer) && evalAnyTags(x.y, prefer);
    return evalAnyTags(x.x, prefer) || evalAnyTags(x.y, prefer);
}

// What a Go file declares at the top level and which identifiers it spells, from one pass over its
// bytes: no tokens, no tree. The comparison of two versions of a package (api.ts) uses it to decide
// which unchanged files it may leave unparsed, so every answer errs on the side of "yes": a name that
// might be declared is reported declared, and an identifier is reported spelled when its hash is in
// the set (a collision only means parsing one more file). A file the pass cannot follow (an
// unterminated string, unbalanced brackets) gets no answer, and is parsed.
var Ch;
(function (Ch) {
    Ch[Ch["Tab"] = 9] = "Tab";
    Ch[Ch["Newline"] = 10] = "Newline";
    Ch[Ch["Return"] = 13] = "Return";
    Ch[Ch["Space"] = 32] = "Space";
    Ch[Ch["Quote"] = 34] = "Quote";
    Ch[Ch["Apostrophe"] = 39] = "Apostrophe";
    Ch[Ch["OpenParen"] = 40] = "OpenParen";
    Ch[Ch["CloseParen"] = 41] = "CloseParen";
    Ch[Ch["Comma"] = 44] = "Comma";
    Ch[Ch["Slash"] = 47] = "Slash";
    Ch[Ch["Star"] = 42] = "Star";
    Ch[Ch["Semicolon"] = 59] = "Semicolon";
    Ch[Ch["OpenBracket"] = 91] = "OpenBracket";
    Ch[Ch["Backslash"] = 92] = "Backslash";
    Ch[Ch["CloseBracket"] = 93] = "CloseBracket";
    Ch[Ch["Backquote"] = 96] = "Backquote";
    Ch[Ch["OpenBrace"] = 123] = "OpenBrace";
    Ch[Ch["CloseBrace"] = 125] = "CloseBrace";
})(Ch || (Ch = {}));
const isWordByte = (c) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c >= 0x80;
const isAsciiWordByte = (c) => c < 0x80 && isWordByte(c);
/** FNV-1a over an identifier's UTF-8 bytes. */
function hashBytes(data, start, end) {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++)
        h = Math.imul(h ^ data[i], 0x01000193);
    return h >>> 0;
}
const encoder = new TextEncoder();
/** The hash spelled sets hold for `name`. */
function identifierHash(name) {
    const bytes = encoder.encode(name);
    return hashBytes(bytes, 0, bytes.length);
}
/** The keywords that start what a file has at the top level (`package` and `import` declare nothing). */
const KEYWORDS = new Map([
    ['type', 'type'],
    ['const', 'const'],
    ['var', 'var'],
    ['func', 'func'],
    ['package', 'none'],
    ['import', 'none']
]);
/**
 * One pass over `data`. At bracket depth 0 a keyword `type`, `const`, `var` or `func` names what
 * follows: its next identifier is declared (a `func (` starts a receiver instead, whose identifiers
 * are kept), and so is each identifier after a `,` at depth 0. Inside a `type (`, `const (` or
 * `var (` group, each identifier that starts a line, follows `(`, `;` or `,` is declared: every spec
 * starts so, and a continued line only adds a name.
 */
function scanTopLevel(data) {
    const out = {
        referable: new Set(),
        declared: new Set(),
        receivers: new Set(),
        spelled: new Set()
    };
    const n = data.length;
    let depth = 0;
    // The keyword whose declaration is being read at depth 0, and whether its name is still to come.
    let kind;
    let expectName = false;
    // A `(` group of specs opened at depth 1, and whether the next identifier would start a spec.
    let group;
    let specStart = false;
    let inReceiver = false;
    const declare = (name, as) => {
        out.declared.add(name);
        if (as === 'type' || as === 'const')
            out.referable.add(name);
    };
    let i = 0;
    while (i < n) {
        const c = data[i];
        if (c === Ch.Space || c === Ch.Tab || c === Ch.Return) {
            i++;
            continue;
        }
        if (c === Ch.Newline || c === Ch.Semicolon) {
            if (group && depth === 1)
                specStart = true;
            i++;
            continue;
        }
        if (c === Ch.Slash && data[i + 1] === Ch.Slash) {
            while (i < n && data[i] !== Ch.Newline)
                i++;
            continue;
        }
        if (c === Ch.Slash && data[i + 1] === Ch.Star) {
            let j = i + 2;
            while (j < n && !(data[j] === Ch.Star && data[j + 1] === Ch.Slash))
                j++;
            if (j >= n)
                return undefined;
            // A comment spanning lines counts as a newline.
            if (group && depth === 1 && data.subarray(i, j).includes(Ch.Newline))
                specStart = true;
            i = j + 2;
            continue;
        }
        if (isWordByte(c)) {
            let j = i + 1;
            while (j < n && isWordByte(data[j]))
                j++;
            if (c >= 0x30 && c <= 0x39) {
                // A number (its letters are digits or exponents, and never a name).
                i = j;
                specStart = false;
                continue;
            }
            spell(out.spelled, data, i, j);
            const keyword = depth === 0 && j - i >= 3 && j - i <= 7 ? KEYWORDS.get(latin1(data, i, j)) : undefined;
            if (keyword) {
                kind = keyword === 'none' ? undefined : keyword;
                expectName = kind !== undefined;
            }
            else if (depth === 0 && kind && expectName) {
                declare(utf8(data, i, j), kind);
                expectName = false;
            }
            else if (inReceiver && endsType(data, j)) {
                out.receivers.add(utf8(data, i, j));
            }
            else if (group && depth === 1 && specStart) {
                declare(utf8(data, i, j), group);
            }
            if (depth !== 0 || !keyword)
                expectName = false;
            specStart = false;
            i = j;
            continue;
        }
        if (c === Ch.Quote || c === Ch.Apostrophe) {
            let j = i + 1;
            while (j < n && data[j] !== c) {
                if (data[j] === Ch.Newline)
                    return undefined;
                j += data[j] === Ch.Backslash ? 2 : 1;
            }
            if (j >= n)
                return undefined;
            i = j + 1;
            specStart = false;
            expectName = false;
            continue;
        }
        if (c === Ch.Backquote) {
            const j = data.indexOf(Ch.Backquote, i + 1);
            if (j < 0)
                return undefined;
            i = j + 1;
            specStart = false;
            expectName = false;
            continue;
        }
        if (c === Ch.OpenParen || c === Ch.OpenBracket || c === Ch.OpenBrace) {
            if (depth === 0 && c === Ch.OpenParen && kind && expectName) {
                if (kind === 'func')
                    inReceiver = true;
                else
                    group = kind;
            }
            depth++;
            specStart = group !== undefined && depth === 1;
            expectName = false;
            i++;
            continue;
        }
        if (c === Ch.CloseParen || c === Ch.CloseBracket || c === Ch.CloseBrace) {
            if (--depth < 0)
                return undefined;
            if (depth === 0) {
                if (inReceiver) {
                    // The method's name follows; it declares nothing at the package level.
                    inReceiver = false;
                    kind = undefined;
                }
                group = undefined;
            }
            specStart = false;
            expectName = false;
            i++;
            continue;
        }
        if (c === Ch.Comma) {
            if (depth === 0 && (kind === 'const' || kind === 'var'))
                expectName = true;
            if (group && depth === 1)
                specStart = true;
            i++;
            continue;
        }
        // An operator or other punctuation.
        specStart = false;
        expectName = false;
        i++;
    }
    return depth === 0 ? out : undefined;
}
/**
 * Whether the identifier ending at `end` in a receiver can be its type's name: `T` in `(x *T)`,
 * `(T)` and `(x T[K])` is followed by `)` or `[`; the variable `x` is not (a comment might be).
 */
function endsType(data, end) {
    let k = end;
    while (k < data.length &&
        (data[k] === Ch.Space || data[k] === Ch.Tab || data[k] === Ch.Newline || data[k] === Ch.Return))
        k++;
    return data[k] === Ch.CloseParen || data[k] === Ch.OpenBracket || data[k] === Ch.Slash;
}
/** Adds an identifier's hash; one with bytes outside ASCII adds its ASCII runs too (see below). */
function spell(spelled, data, start, end) {
    spelled.add(hashBytes(data, start, end));
    let ascii = true;
    for (let k = start; k < end; k++)
        if (data[k] >= 0x80)
            ascii = false;
    if (ascii)
        return;
    // Which bytes outside ASCII Go takes for letters is Unicode's business; a run of ASCII word bytes
    // next to one may be an identifier of its own, so it counts as spelled as well.
    for (let k = start; k < end;) {
        if (!isAsciiWordByte(data[k])) {
            k++;
            continue;
        }
        let e = k + 1;
        while (e < end && isAsciiWordByte(data[e]))
            e++;
        spelled.add(hashBytes(data, k, e));
        k = e;
    }
}
function latin1(data, start, end) {
    let s = '';
    for (let k = start; k < end; k++)
        s += String.fromCharCode(data[k]);
    return s;
}
const decoder$1 = new TextDecoder('utf-8');
function utf8(data, start, end) {
    return decoder$1.decode(data.subarray(start, end));
}

const GO_UPPER = /^\p{Lu}/u;
const isExported = (name) => GO_UPPER.test(name);
function relDir(file, moduleDir) {
    const rel = moduleDir === '.' || moduleDir === ''
        ? file
        : file.startsWith(`${moduleDir}/`)
            ? file.slice(moduleDir.length + 1)
            : undefined;
    if (rel === undefined)
        return undefined;
    const i = rel.lastIndexOf('/');
    return i < 0 ? '.' : rel.slice(0, i);
}
function isInternalDir(dir) {
    return dir !== '.' && dir.split('/').includes('internal');
}
function lineStartsOf(text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        starts.push(i + 1);
    return starts;
}
function posOf(ctx, node) {
    const index = node.startIndex;
    let lo = 0;
    let hi = ctx.lineStarts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (ctx.lineStarts[mid] <= index)
            lo = mid;
        else
            hi = mid - 1;
    }
    const lineStart = ctx.lineStarts[lo];
    // Columns in code points from the line start (as imports.ts reports them), 1-based.
    const column = [...ctx.text.slice(lineStart, Math.max(lineStart, index))].length + 1;
    return { file: ctx.file, line: lo + 1, column };
}
/** Whether a top-level declaration is broken where it matters (a function's body does not). */
function isBroken(decl) {
    if (!decl.hasError)
        return false;
    if (decl.type !== 'function_declaration' && decl.type !== 'method_declaration')
        return true;
    return ['name', 'type_parameters', 'parameters', 'result', 'receiver'].some(f => decl.childForFieldName(f)?.hasError);
}
const decoder = new TextDecoder('utf-8');
/**
 * The directories (packages) whose files declare the same on both sides: the same file names, each
 * file identical or changed only in header comments and the module's own import paths (`old/x` ->
 * `new/x`), as a major bump rewrites every package. The extractor names a package of the module by
 * its directory, not its import path, so such a package's API is the same, and it need not be parsed.
 */
function unchangedPackages(old, now) {
    const byDir = (files) => {
        const dirs = new Map();
        for (const { file, data } of files) {
            const dir = dirOf(file);
            let list = dirs.get(dir);
            if (!list)
                dirs.set(dir, (list = new Map()));
            list.set(file, data);
        }
        return dirs;
    };
    const before = byDir(old.files);
    const same = new Set();
    for (const [dir, files] of byDir(now.files)) {
        const earlier = before.get(dir);
        if (!earlier || earlier.size !== files.size)
            continue;
        const declareTheSame = [...files].every(([file, data]) => {
            const was = earlier.get(file);
            return (was !== undefined &&
                (sameBytes(was, data) || sameDeclarations(was, data, old.modulePath, now.modulePath)));
        });
        if (declareTheSame)
            same.add(dir);
    }
    return same;
}
/** Two versions of a file that differ at most in their header's comments and own-module import paths. */
function sameDeclarations(old, now, oldModule, newModule) {
    let a;
    let b;
    try {
        a = scanImports(old);
        b = scanImports(now);
    }
    catch {
        return false;
    }
    if (a.error || b.error || a.constraintError || b.constraintError)
        return false;
    if (a.packageName !== b.packageName || a.buildIgnore !== b.buildIgnore || a.constraint !== b.constraint) {
        return false;
    }
    if (a.imports.length !== b.imports.length)
        return false;
    const own = (path, module) => path === module ? '\0.' : path.startsWith(`${module}/`) ? `\0${path.slice(module.length + 1)}` : path;
    for (let i = 0; i < a.imports.length; i++) {
        const x = a.imports[i];
        const y = b.imports[i];
        if (x.name !== y.name || own(x.path, oldModule) !== own(y.path, newModule))
            return false;
    }
    // Everything after the header: the declarations, byte for byte.
    return sameBytes(old.subarray(a.end), now.subarray(b.end));
}
/**
 * The two APIs whose comparison gives the changes from `old` to `now`, parsing only what changed.
 * A package is given by what the comparison reports of it when it can be:
 * - one that a major bump only rewrote: left out (unchangedPackages);
 * - one that only one side has: its name and position (reported added or removed);
 * - one whose new version only adds declarations (additionsOnly): no objects before, the
 *   additions after, read from its changed files alone.
 * Any other is compared by the declarations of its affected files only (affectedFiles): the
 * changed ones, and the unchanged ones whose declarations could read differently because of them.
 * The declarations those consult in files left out (a type a struct embeds, the methods of that
 * type, a constant an expression names, in this package or another of the comparison) are read as
 * the extractor asks for them (extractAsked). The changes found are those of comparing both sides
 * whole.
 */
function extractComparedApis(moduleDir, old, now, options = {}) {
    const parse = options.parse ?? parseGoDeclarations;
    const dependents = options.dependents ?? new Set();
    const skipped = unchangedPackages(old, now);
    for (const dir of dependents)
        skipped.delete(dir);
    const cache = new Map();
    const sideOf = ({ modulePath, files }) => {
        const dirs = filesByPackage(files, moduleDir, skipped);
        const headers = new Map();
        for (const [dir, list] of dirs) {
            const header = packageHeader(dir, list, parse, cache);
            if (header)
                headers.set(dir, header);
        }
        return { modulePath, dirs, headers };
    };
    const sides = [sideOf(old), sideOf(now)];
    const [oldDirs, newDirs] = [sides[0].dirs, sides[1].dirs];
    const short = new Map();
    const modes = new Map();
    for (const dir of new Set([...oldDirs.keys(), ...newDirs.keys()])) {
        const before = oldDirs.get(dir);
        const after = newDirs.get(dir);
        const files = [...(before ?? []), ...(after ?? [])];
        if (files.some(f => dependents.has(dirOf(f.file)))) {
            modes.set(dir, 'whole');
            continue;
        }
        const given = before && after
            ? options.dependencyChanged
                ? undefined
                : additionsOnly(dir, before, after, old.modulePath, now.modulePath, parse, cache)
            : {
                old: sides[0].headers.get(dir),
                now: sides[1].headers.get(dir)
            };
        if (given)
            short.set(dir, given);
        // With a required version changed, the comparison warns about any declaration naming the
        // dependency's package, changed or not: all are read.
        if (before && after)
            modes.set(dir, given ? 'additions' : options.dependencyChanged ? 'whole' : 'partial');
    }
    const scans = new Map();
    const affected = affectedFiles(sides, modes, scans);
    const compared = new Map();
    for (const [dir, mode] of modes) {
        if (mode === 'additions')
            continue;
        compared.set(dir, mode);
        short.delete(dir);
    }
    const apis = extractAsked(sides, compared, affected, parse, cache, scans);
    for (const [api, side] of [
        [apis[0], 'old'],
        [apis[1], 'now']
    ]) {
        for (const given of short.values()) {
            const pkg = given[side];
            if (pkg && pkg.name !== 'main' && !isInternalDir(pkg.dir))
                api.packages.set(pkg.dir, pkg);
        }
        api.packages = new Map([...api.packages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return apis;
}
function scanCached(src, cache) {
    return cachedFor(cache, src, data => ({ scan: scanTopLevel(data) })).scan;
}
/**
 * For each package of the comparison, the files whose declarations may read differently on the two
 * sides: every file of one compared whole; of one compared partially, the changed files (added,
 * removed, or with other bytes) and, until none is added, every unchanged file that spells a type
 * or constant an affected file declares or receives methods on, in its own package or one it
 * imports, or that declares a name an affected file of its package declares (twice declared, the
 * first wins). A file the top-level scan cannot read counts as affected. Of a package given short,
 * the changed files: what its importers may spell.
 *
 * Why that is enough: a declaration reads the same on both sides unless something it consults
 * differs, and all it consults it reaches by names: ones its file spells, then ones the files
 * declaring those spell, and so on. The first file in that chain that changed declares the name
 * the file before it spells, which is then affected, and so on back to the declaration's own file.
 */
function affectedFiles(sides, modes, scans) {
    const [before, after] = sides.map(s => s.dirs);
    const affected = new Map();
    // Each file's versions on the two sides; an unchanged file has one.
    const filesOf = new Map();
    for (const dir of new Set([...before.keys(), ...after.keys()])) {
        const files = new Map();
        for (const src of [...(before.get(dir) ?? []), ...(after.get(dir) ?? [])]) {
            const seen = files.get(src.file);
            if (!seen)
                files.set(src.file, [src]);
            else if (!sameBytes(seen[0].data, src.data))
                seen.push(src);
        }
        filesOf.set(dir, files);
        const mode = modes.get(dir);
        const onBothSides = new Set(before.get(dir)?.map(src => src.file));
        const later = new Set(after.get(dir)?.map(src => src.file));
        for (const file of onBothSides)
            if (!later.has(file))
                onBothSides.delete(file);
        const set = new Set();
        for (const [file, srcs] of files) {
            if (mode === 'whole' || srcs.length > 1 || !onBothSides.has(file))
                set.add(file);
        }
        affected.set(dir, set);
    }
    const unreadable = (dir) => {
        const set = affected.get(dir);
        for (const [file, [src]] of filesOf.get(dir) ?? [])
            if (!scanCached(src, scans))
                set.add(file);
    };
    for (const [dir, mode] of modes)
        if (mode === 'partial')
            unreadable(dir);
    // What the affected files of each package declare: hashes of the names others refer to, and every name.
    const refers = (dir) => {
        const hashes = new Set();
        const names = new Set();
        for (const file of affected.get(dir) ?? []) {
            for (const src of filesOf.get(dir)?.get(file) ?? []) {
                const scan = scanCached(src, scans);
                for (const n of scan?.referable ?? [])
                    hashes.add(identifierHash(n));
                for (const n of scan?.receivers ?? [])
                    hashes.add(identifierHash(n));
                for (const n of scan?.declared ?? [])
                    if (n !== '_')
                        names.add(n);
            }
        }
        return { hashes, names };
    };
    const spellsAny = (scan, hashes) => {
        for (const h of hashes)
            if (scan.spelled.has(h))
                return true;
        return false;
    };
    const modulePaths = sides.map(s => s.modulePath);
    const importsOf = new Map();
    for (let grew = true; grew;) {
        grew = false;
        const declared = new Map([...affected.keys()].map(dir => [dir, refers(dir)]));
        // The affected declarations of the other packages a file imports, undefined when its header is unreadable.
        const importedFrom = (src, dir) => {
            if (!importsOf.has(src))
                importsOf.set(src, importPaths(src));
            return importsOf.get(src)?.flatMap(path => {
                const target = modulePaths.map(m => ownPackageDir(path, m)).find(d => d !== undefined);
                const theirs = target === undefined || target === dir ? undefined : declared.get(target);
                return theirs && theirs.hashes.size > 0 ? [theirs.hashes] : [];
            });
        };
        for (const [dir, mode] of modes) {
            if (mode === 'whole')
                continue;
            const set = affected.get(dir);
            const own = declared.get(dir);
            for (const [file, [src]] of filesOf.get(dir) ?? []) {
                if (set.has(file))
                    continue;
                const others = importedFrom(src, dir);
                // Within a package that only adds, additionsOnly saw to it that no old file spells an added
                // name: only other packages' changes can reach its files.
                if (mode === 'additions' && others?.length === 0)
                    continue;
                const scan = scanCached(src, scans);
                const hit = !scan ||
                    !others ||
                    (mode === 'partial' &&
                        (spellsAny(scan, own.hashes) || [...scan.declared].some(n => own.names.has(n)))) ||
                    others.some(hashes => spellsAny(scan, hashes));
                if (!hit)
                    continue;
                set.add(file);
                grew = true;
                if (mode === 'additions') {
                    // An unchanged declaration reads another package's changed one: compare it as well.
                    modes.set(dir, 'partial');
                    unreadable(dir);
                    break;
                }
            }
        }
    }
    return affected;
}
/** A file's import paths, undefined when its header cannot be read. */
function importPaths(src) {
    try {
        return scanImports(src.data).imports.map(i => i.path);
    }
    catch {
        return undefined;
    }
}
/**
 * Both sides' APIs of the compared packages, from their affected files, reading more files as the
 * extractor asks for names they may declare (a lookup that found nothing is an answer too: another
 * file might declare the name). Every package of the comparison answers such lookups, the ones
 * given short included; the extraction starts over until no lookup asks for an unread file. Then
 * what the comparison itself consults (moreForComparison) is added to the affected files, and the
 * whole starts over until nothing is.
 */
function extractAsked(sides, compared, affected, parse, cache, scans) {
    const loaded = sides.map(side => new Map([...side.dirs.keys()].map(dir => [dir, new Set()])));
    for (;;) {
        for (const read of loaded) {
            for (const [dir, files] of affected)
                if (compared.has(dir))
                    for (const f of files)
                        read.get(dir)?.add(f);
        }
        const results = sides.map((side, s) => extractLoaded(side, loaded[s], compared, affected, parse, cache));
        let grew = false;
        sides.forEach((side, s) => {
            for (const [dir, names] of results[s].asked) {
                const read = loaded[s].get(dir);
                for (const src of side.dirs.get(dir) ?? []) {
                    if (read.has(src.file))
                        continue;
                    const scan = scanCached(src, scans);
                    const declares = (n) => !scan || scan.declared.has(n) || scan.receivers.has(n);
                    if ([...names].some(declares)) {
                        read.add(src.file);
                        grew = true;
                    }
                }
            }
        });
        if (grew)
            continue;
        const apis = [results[0].api, results[1].api];
        if (!moreForComparison(apis, sides, compared, affected, scans))
            return apis;
    }
}
/**
 * Adds to the affected files of each partially compared package what comparing its objects looks
 * up in the package besides them (apidiff.ts): the types a type's comparability reads, and, when a
 * type's method set changed, every interface it may have implemented. True when any was added.
 */
function moreForComparison([oldApi, newApi], sides, compared, affected, scans) {
    let grew = false;
    for (const [dir, mode] of compared) {
        if (mode !== 'partial')
            continue;
        const before = oldApi.packages.get(dir)?.objects ?? new Map();
        const after = newApi.packages.get(dir)?.objects ?? new Map();
        const names = new Set([...before.values(), ...after.values()].flatMap(consultedTypeNames));
        const interfaces = [...before].some(([name, o]) => {
            const n = after.get(name);
            return n !== undefined && methodSetsDiffer(o, n);
        });
        if (names.size === 0 && !interfaces)
            continue;
        const set = affected.get(dir);
        for (const side of sides) {
            for (const src of side.dirs.get(dir) ?? []) {
                if (set.has(src.file))
                    continue;
                const scan = scanCached(src, scans);
                const wanted = !scan || (interfaces && scan.referable.size > 0) || [...scan.declared].some(n => names.has(n));
                if (wanted) {
                    set.add(src.file);
                    grew = true;
                }
            }
        }
    }
    return grew;
}
/** A map that remembers every key it was asked for, found or not. */
class AskedMap extends Map {
    asked = new Set();
    get(key) {
        this.asked.add(key);
        return super.get(key);
    }
    has(key) {
        this.asked.add(key);
        return super.has(key);
    }
}
/**
 * One side's API of the compared packages from the files loaded so far (the affected ones emit
 * their objects; the others are only consulted), and the names each package was asked for.
 */
function extractLoaded(side, loaded, compared, affected, parse, cache) {
    const pkgs = new Map();
    const lookups = [];
    for (const [dir, files] of side.dirs) {
        const header = side.headers.get(dir);
        if (!header)
            continue;
        const { name, pos } = header;
        const pkg = { dir, name, pos, files: [], types: new Map(), consts: new Map(), decls: [] };
        const read = loaded.get(dir);
        for (const src of files) {
            if (!read?.has(src.file))
                continue;
            const file = fileContext(src, parse, cache);
            if (!file)
                continue;
            pkg.files.push(file.ctx);
            const consulted = !compared.has(dir) || !affected.get(dir)?.has(src.file);
            collectDecls(pkg, named(file.root), file.ctx, consulted);
        }
        const types = new AskedMap(pkg.types);
        const consts = new AskedMap(pkg.consts);
        pkgs.set(dir, { ...pkg, types, consts });
        lookups.push([dir, types, consts]);
    }
    resolveQualifiers(pkgs, side.modulePath);
    const packages = new Map();
    const extractor = new Extractor(pkgs);
    for (const dir of [...compared.keys()].sort()) {
        const pkg = pkgs.get(dir);
        if (!pkg || pkg.name === 'main' || isInternalDir(pkg.dir))
            continue;
        packages.set(dir, { dir, name: pkg.name, objects: extractor.objects(pkg), pos: pkg.pos });
    }
    const asked = new Map();
    for (const [dir, types, consts] of lookups) {
        const names = new Set([...types.asked, ...consts.asked]);
        if (names.size > 0)
            asked.set(dir, names);
    }
    return { api: { modulePath: side.modulePath, packages }, asked };
}
/** The counted files of each package (module-relative directory), sorted, outside `skipped` directories. */
function filesByPackage(files, moduleDir, skipped) {
    return groupBy([...files].sort(byFile), src => skipped.has(dirOf(src.file)) ? undefined : packageDirOf(src.file, moduleDir));
}
/** The module-relative directory of an import of the module's own packages, else undefined. */
function ownPackageDir(importPath, modulePath) {
    if (importPath === modulePath)
        return '.';
    return importPath.startsWith(`${modulePath}/`) ? importPath.slice(modulePath.length + 1) : undefined;
}
/**
 * A package's name and position without its objects: from its first file that counts, as extractWith
 * takes them, read from the file's header where it can (no parse).
 */
function packageHeader(dir, files, parse, cache) {
    for (const src of files) {
        let scanned;
        try {
            scanned = scanImports(src.data);
        }
        catch {
            continue;
        }
        if (scanned.buildIgnore)
            continue;
        const header = (name, pos) => ({ dir, name, objects: new Map(), pos });
        if (scanned.packageName !== undefined && scanned.packageAt !== undefined) {
            return header(scanned.packageName, positionAt(src.file, src.data, scanned.packageAt));
        }
        const read = fileContext(src, parse, cache);
        if (read)
            return header(read.pkgName, posOf(read.ctx, read.clause ?? read.root));
    }
    return undefined;
}
/** posOf for a byte offset: the line, and the column in code points (not counting a byte order mark, which the decoder drops). */
function positionAt(file, data, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
        if (data[i] === 0x0a) {
            line++;
            lineStart = i + 1;
        }
    }
    const bom = lineStart === 0 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
    let column = 1;
    for (let i = bom ? 3 : lineStart; i < offset; i++)
        if ((data[i] & 0xc0) !== 0x80)
            column++;
    return { file, line, column };
}
/**
 * A package whose new version only adds declarations, given as no objects before and the added
 * objects after; undefined when it does more. It only adds when no file was removed, and in each
 * changed file: the build constraint is the same, every import is kept (the module's own moved with
 * the module), no dot import is added, and every declaration is still there, the same up to a
 * function's body. What is added must leave the rest as it was: a method only on an added type, and
 * no added name (nor an added import's name) that the package's old files spell anywhere, since it
 * could shadow what they meant by it (`type error ...`).
 */
function additionsOnly(dir, before, after, oldModule, newModule, parse, cache) {
    const was = new Map(before.map(src => [src.file, src.data]));
    const files = new Set(after.map(src => src.file));
    if (before.some(src => !files.has(src.file)))
        return undefined;
    const added = [];
    const names = [];
    for (const src of after) {
        const oldData = was.get(src.file);
        if (oldData && sameBytes(oldData, src.data))
            continue;
        const then = oldData ? fileContext({ file: src.file, data: oldData }, parse, cache) : undefined;
        const now = fileContext(src, parse, cache);
        // A file that counts on one side only (a build constraint or package clause changed).
        if (oldData && Boolean(then) !== Boolean(now))
            return undefined;
        if (!now)
            continue;
        if (then) {
            // What the header adds is named in the file's scope: nothing the file's declarations used.
            const newImports = keptHeader(then.scanned, now.scanned, oldModule, newModule);
            if (!newImports || newImports.some(i => i.name === '.'))
                return undefined;
            for (const i of newImports)
                names.push({ name: i.name ?? i.path.slice(i.path.lastIndexOf('/') + 1), in: oldData });
        }
        const left = countTexts(then ? topLevelDecls(then.root).map(d => declarationKey(d, then.ctx.text)) : []);
        for (const decl of topLevelDecls(now.root)) {
            const key = declarationKey(decl, now.ctx.text);
            const count = left.get(key) ?? 0;
            if (count > 0)
                left.set(key, count - 1);
            else if (decl.hasError)
                return undefined;
            else
                added.push({ node: decl, ctx: now.ctx });
        }
        if ([...left.values()].some(n => n > 0))
            return undefined;
    }
    const declared = declaredNames(added.map(a => a.node));
    if (!declared)
        return undefined;
    names.push(...declared.map(name => ({ name })));
    for (const { name, in: file } of names) {
        if (name === '_' || name === '.')
            continue;
        if ((file ? [file] : [...was.values()]).some(data => spellsWord(data, name)))
            return undefined;
    }
    const oldPkg = packageHeader(dir, before, parse, cache);
    const newPkg = packageHeader(dir, after, parse, cache);
    if (!oldPkg || !newPkg || oldPkg.name !== newPkg.name)
        return undefined;
    const pkg = {
        dir,
        name: newPkg.name,
        pos: newPkg.pos,
        files: [],
        types: new Map(),
        consts: new Map(),
        decls: []
    };
    for (const { node, ctx } of added)
        collectDecls(pkg, [node], ctx);
    return { old: oldPkg, now: { ...newPkg, objects: new Extractor(new Map([[dir, pkg]])).objects(pkg) } };
}
/**
 * The imports a changed file adds, when its header otherwise stays: the same build constraint and
 * every old import kept (by name and path, the module's own paths taken relative to the module).
 * Undefined when it does not.
 */
function keptHeader(then, now, oldModule, newModule) {
    if (then.error || now.error || then.constraint !== now.constraint)
        return undefined;
    const key = (i, module) => `${i.name ?? ''}\0${ownPackageDir(i.path, module) ?? `\0${i.path}`}`;
    const left = countTexts(then.imports.map(i => key(i, oldModule)));
    const added = [];
    for (const i of now.imports) {
        const k = key(i, newModule);
        const count = left.get(k) ?? 0;
        if (count > 0)
            left.set(k, count - 1);
        else
            added.push(i);
    }
    return [...left.values()].some(n => n > 0) ? undefined : added;
}
/** The top-level declarations of a file: everything but the package clause, imports and comments. */
function topLevelDecls(root) {
    return named(root).filter(n => n.type !== 'package_clause' && n.type !== 'import_declaration');
}
/**
 * What a declaration contributes to the API, as source text: from its start to the end of the last
 * node read in it (a function's body and a variable's initializer are not), so a node's own end,
 * which may stop before its last child's, is not relied on.
 */
function declarationKey(decl, text) {
    const body = decl.type === 'function_declaration' || decl.type === 'method_declaration'
        ? decl.childForFieldName('body')
        : null;
    return `${decl.type} ${text.slice(decl.startIndex, extentEnd(decl, body))}`;
}
function extentEnd(node, skip = null) {
    let end = node.endIndex;
    for (const c of node.children)
        if (c && c !== skip)
            end = Math.max(end, extentEnd(c));
    return end;
}
function countTexts(texts) {
    const counts = new Map();
    for (const t of texts)
        counts.set(t, (counts.get(t) ?? 0) + 1);
    return counts;
}
/**
 * The package-level names added declarations declare, undefined when they can touch what was there:
 * a method on a type they do not declare, or one name declared twice. `init` functions declare none.
 */
function declaredNames(decls) {
    const names = [];
    const receivers = [];
    for (const decl of decls) {
        switch (decl.type) {
            case 'function_declaration': {
                const name = decl.childForFieldName('name')?.text;
                if (name === undefined)
                    return undefined;
                if (name !== 'init')
                    names.push(name);
                break;
            }
            case 'method_declaration': {
                const recv = receiverOf(decl.childForFieldName('receiver'));
                if (!recv)
                    return undefined;
                receivers.push(recv.base);
                break;
            }
            case 'type_declaration':
                for (const spec of named(decl)) {
                    const name = spec.childForFieldName('name')?.text;
                    if (name === undefined)
                        return undefined;
                    names.push(name);
                }
                break;
            case 'const_declaration':
                for (const { nameNode } of constSpecs(decl))
                    names.push(nameNode.text);
                break;
            case 'var_declaration':
                for (const spec of varSpecs(decl))
                    names.push(...fieldChildren(spec, 'name').map(n => n.text));
                break;
            default:
                return undefined;
        }
    }
    const declared = names.filter(n => n !== '_');
    if (new Set(declared).size !== declared.length)
        return undefined;
    return receivers.every(r => declared.includes(r)) ? declared : undefined;
}
/**
 * Whether a file spells `word` as a whole identifier anywhere (comments and strings too). A byte
 * outside ASCII next to it counts as a boundary: a false match only means parsing more.
 */
function spellsWord(data, word) {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const isIdent = (c) => c !== undefined &&
        ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f);
    const needle = Buffer.from(word, 'utf8');
    for (let i = bytes.indexOf(needle); i >= 0; i = bytes.indexOf(needle, i + 1)) {
        if (!isIdent(i > 0 ? bytes[i - 1] : undefined) && !isIdent(bytes[i + needle.length]))
            return true;
    }
    return false;
}
function sameBytes(a, b) {
    if (a === b)
        return true;
    return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
function readFile(data, parse) {
    let scanned;
    try {
        scanned = scanImports(data);
    }
    catch {
        return undefined;
    }
    if (scanned.buildIgnore)
        return undefined;
    let text = decoder.decode(data);
    if (text.charCodeAt(0) === 0xfeff)
        text = ` ${text.slice(1)}`;
    return { text, root: parse(text), lineStarts: lineStartsOf(text), scanned };
}
/** The module-relative package directory of a file whose declarations count, else undefined. */
function packageDirOf(file, moduleDir) {
    if (!file.endsWith('.go') || file.endsWith('_test.go'))
        return undefined;
    const dir = relDir(file, moduleDir);
    if (dir === undefined)
        return undefined;
    const name = file.slice(file.lastIndexOf('/') + 1);
    return isCountedPath(dir === '.' ? name : `${dir}/${name}`) ? dir : undefined;
}
/** A file read, through the cache: a file with the same path and bytes is parsed once. */
function readCached(src, parse, cache) {
    return cachedFor(cache, src, data => ({ read: readFile(data, parse) })).read;
}
/** What `compute` makes of a file, once per path and content. */
function cachedFor(cache, src, compute) {
    let seen = cache.get(src.file)?.find(entry => sameBytes(entry.data, src.data));
    if (!seen) {
        seen = { data: src.data, ...compute(src.data) };
        const versions = cache.get(src.file);
        if (versions)
            versions.push(seen);
        else
            cache.set(src.file, [seen]);
    }
    return seen;
}
/** A file's context for the extractor, its root, package clause and package name; undefined when it does not count. */
function fileContext(src, parse, cache) {
    const read = readCached(src, parse, cache);
    if (!read)
        return undefined;
    const { text, root, lineStarts, scanned } = read;
    const clause = root.namedChildren.find(n => n?.type === 'package_clause') ?? undefined;
    const nameNode = clause?.namedChildren.find(n => n?.type === 'package_identifier');
    const pkgName = nameNode?.text ?? scanned.packageName;
    if (!pkgName)
        return undefined;
    const ctx = {
        file: src.file,
        text,
        lineStarts,
        qualifiers: new Map(),
        imports: scanned.imports.filter(i => i.path !== 'C').map(i => ({ name: i.name, path: i.path }))
    };
    return { ctx, root, clause, pkgName, scanned };
}
function byFile(a, b) {
    return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}
/** Each file's import qualifiers that name packages of this module. */
function resolveQualifiers(pkgs, modulePath) {
    for (const pkg of pkgs.values()) {
        for (const ctx of pkg.files) {
            for (const imp of ctx.imports) {
                const target = ownPackageDir(imp.path, modulePath);
                if (target === undefined)
                    continue;
                const name = imp.name ?? pkgs.get(target)?.name ?? imp.path.slice(imp.path.lastIndexOf('/') + 1);
                if (name === '_' || name === '.')
                    continue;
                ctx.qualifiers.set(name, target);
            }
        }
    }
}
function fieldChildren(node, field) {
    // childrenForFieldName also returns the anonymous `,` tokens between the names.
    return node.childrenForFieldName(field).filter((n) => n !== null && n.isNamed);
}
function named(node) {
    return node.namedChildren.filter((n) => n !== null && n.type !== 'comment');
}
function collectDecls(pkg, decls, ctx, consulted = false) {
    const push = (node) => pkg.decls.push(consulted ? { node, ctx, consulted } : { node, ctx });
    for (const decl of decls) {
        switch (decl.type) {
            case 'type_declaration':
                for (const spec of named(decl)) {
                    if (spec.hasError)
                        continue;
                    if (spec.type !== 'type_spec' && spec.type !== 'type_alias')
                        continue;
                    const name = spec.childForFieldName('name')?.text;
                    if (name && !pkg.types.has(name))
                        pkg.types.set(name, { node: spec, ctx });
                }
                push(decl);
                break;
            case 'const_declaration': {
                for (const { nameNode, index, iota, typeNode, valueNodes } of constSpecs(decl)) {
                    if (!pkg.consts.has(nameNode.text)) {
                        pkg.consts.set(nameNode.text, {
                            name: nameNode.text,
                            index,
                            iota,
                            typeNode,
                            valueNodes,
                            nameNode,
                            ctx
                        });
                    }
                }
                push(decl);
                break;
            }
            case 'var_declaration':
            case 'function_declaration':
            case 'method_declaration':
                push(decl);
                break;
        }
    }
}
/** Type arguments in force while the text of an instantiated generic declaration is produced. */
let subst;
function withSubst(s, fn) {
    const saved = subst;
    subst = s;
    try {
        return fn();
    }
    finally {
        subst = saved;
    }
}
const NAMED_OR_LITERAL = new Set([
    'struct_type',
    'interface_type',
    'type_identifier',
    'qualified_type',
    'generic_type'
]);
/** Normalized Go type text (see the file comment). */
function typeText(node) {
    if (!node)
        return '';
    switch (node.type) {
        case 'type_identifier':
            return subst?.get(node.text) ?? node.text;
        case 'identifier':
        case 'package_identifier':
        case 'field_identifier':
            return node.text;
        case 'qualified_type': {
            const pkg = node.childForFieldName('package')?.text ?? '';
            return `${pkg}.${node.childForFieldName('name')?.text ?? ''}`;
        }
        case 'generic_type': {
            const args = node.childForFieldName('type_arguments');
            return `${typeText(node.childForFieldName('type'))}[${(args ? named(args) : []).map(typeText).join(', ')}]`;
        }
        case 'pointer_type':
            return `*${typeText(named(node)[0] ?? null)}`;
        case 'slice_type':
            return `[]${typeText(node.childForFieldName('element'))}`;
        case 'array_type':
            return `[${exprText(node.childForFieldName('length'))}]${typeText(node.childForFieldName('element'))}`;
        case 'implicit_length_array_type':
            return `[...]${typeText(node.childForFieldName('element'))}`;
        case 'map_type':
            return `map[${typeText(node.childForFieldName('key'))}]${typeText(node.childForFieldName('value'))}`;
        case 'channel_type': {
            const first = node.child(0)?.type;
            const second = node.child(1)?.type;
            const dir = first === '<-' ? 'recv' : second === '<-' ? 'send' : 'both';
            return chanText(dir, node.childForFieldName('value'));
        }
        case 'function_type':
            return `func${signatureText(node.childForFieldName('parameters'), node.childForFieldName('result'))}`;
        case 'struct_type':
            return `struct{${structEntries(node).join('; ')}}`;
        case 'interface_type':
            return interfaceText(node);
        case 'parenthesized_type':
            return typeText(named(node)[0] ?? null);
        case 'negated_type':
            return `~${typeText(named(node)[0] ?? null)}`;
        case 'type_elem':
        case 'type_constraint':
            return named(node).map(typeText).join(' | ');
        default:
            return collapse(node.text);
    }
}
/**
 * `chan <-chan T` is `chan<- (chan T)` in Go (`<-` binds to the leftmost `chan`). goparse.ts reads
 * it so; tree-sitter-go (the differential tests' parser) reads `chan (<-chan T)`: re-associate that
 * shape unless the inner type was parenthesized.
 */
function chanText(dir, value) {
    if (dir === 'both' && value?.type === 'channel_type' && value.child(0)?.type === '<-') {
        return `chan<- ${chanText('both', value.childForFieldName('value'))}`;
    }
    const elem = typeText(value);
    if (dir === 'recv')
        return `<-chan ${elem}`;
    if (dir === 'send')
        return `chan<- ${elem}`;
    return elem.startsWith('<-chan') ? `chan (${elem})` : `chan ${elem}`;
}
function collapse(text) {
    return text.replace(/\s+/g, ' ').trim();
}
function structEntries(node) {
    const list = named(node).find(n => n.type === 'field_declaration_list');
    const out = [];
    for (const f of list ? named(list) : []) {
        if (f.type !== 'field_declaration')
            continue;
        const type = embeddedTypeText(f);
        const names = fieldChildren(f, 'name');
        if (names.length === 0)
            out.push(type);
        else
            for (const n of names)
                out.push(`${n.text} ${type}`);
    }
    return out;
}
/** A field's type text; for an embedded field the `*` is a separate token of the declaration. */
function embeddedTypeText(field) {
    const type = typeText(field.childForFieldName('type'));
    if (fieldChildren(field, 'name').length > 0)
        return type;
    return embedsPointer(field) ? `*${type}` : type;
}
/** Whether an embedded field is written `*T`: the tree keeps the `*` as a token of the field itself. */
function embedsPointer(field) {
    for (let i = 0; i < field.childCount; i++) {
        const c = field.child(i);
        if (c?.type === '*')
            return true;
        if (c?.isNamed)
            break;
    }
    return false;
}
function interfaceText(node) {
    const methods = [];
    const elems = [];
    for (const c of named(node)) {
        if (c.type === 'method_elem') {
            const name = c.childForFieldName('name')?.text ?? '';
            methods.push(`${name}${signatureText(c.childForFieldName('parameters'), c.childForFieldName('result'))}`);
        }
        else if (c.type === 'type_elem') {
            elems.push(typeText(c));
        }
    }
    methods.sort();
    return `interface{${[...methods, ...elems].join('; ')}}`;
}
/** `(int, ...string) (T, error)`: parameter types only; one result without parentheses. */
function signatureText(params, result) {
    const ps = paramTypes(params);
    let out = `(${ps.join(', ')})`;
    if (result) {
        if (result.type === 'parameter_list') {
            const rs = paramTypes(result);
            if (rs.length === 1)
                out += ` ${rs[0]}`;
            else if (rs.length > 1)
                out += ` (${rs.join(', ')})`;
        }
        else {
            out += ` ${typeText(result)}`;
        }
    }
    return out;
}
function paramTypes(list) {
    const out = [];
    for (const p of list ? named(list) : []) {
        if (p.type !== 'parameter_declaration' && p.type !== 'variadic_parameter_declaration')
            continue;
        const t = (p.type === 'variadic_parameter_declaration' ? '...' : '') + typeText(p.childForFieldName('type'));
        const n = Math.max(1, fieldChildren(p, 'name').length);
        for (let i = 0; i < n; i++)
            out.push(t);
    }
    return out;
}
/** Normalized expression text (single spaces around binary operators). */
function exprText(node) {
    if (!node)
        return '';
    switch (node.type) {
        case 'binary_expression':
            return `${exprText(node.childForFieldName('left'))} ${node.childForFieldName('operator')?.text ?? ''} ${exprText(node.childForFieldName('right'))}`;
        case 'unary_expression':
            return `${node.childForFieldName('operator')?.text ?? ''}${exprText(node.childForFieldName('operand'))}`;
        case 'parenthesized_expression':
            return `(${named(node).map(exprText).join('')})`;
        case 'call_expression': {
            const args = node.childForFieldName('arguments');
            return `${exprText(node.childForFieldName('function'))}(${(args ? named(args) : []).map(exprText).join(', ')})`;
        }
        case 'selector_expression':
            return `${exprText(node.childForFieldName('operand'))}.${node.childForFieldName('field')?.text ?? ''}`;
        default:
            return collapse(node.text);
    }
}
function typeParams(list) {
    const out = [];
    for (const d of list ? named(list) : []) {
        if (d.type !== 'type_parameter_declaration')
            continue;
        const constraint = typeText(d.childForFieldName('type'));
        for (const n of fieldChildren(d, 'name'))
            out.push({ name: n.text, constraint });
    }
    return out;
}
function parseIntLit(text) {
    const t = text.replace(/_/g, '');
    try {
        if (/^0[0-7]+$/.test(t))
            return BigInt(`0o${t.slice(1)}`);
        if (/^0[oO][0-7]+$/.test(t))
            return BigInt(`0o${t.slice(2)}`);
        if (/^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)$/.test(t))
            return BigInt(t);
    }
    catch {
        return undefined;
    }
    return undefined;
}
function decodeGoString(lit) {
    if (lit.startsWith('`'))
        return lit.slice(1, -1).replace(/\r/g, '');
    if (!lit.startsWith('"') && !lit.startsWith("'"))
        return undefined;
    const body = lit.slice(1, -1);
    const bytes = [];
    const enc = new TextEncoder();
    const simple = {
        a: 7,
        b: 8,
        f: 12,
        n: 10,
        r: 13,
        t: 9,
        v: 11,
        '\\': 92,
        '"': 34,
        "'": 39
    };
    for (let i = 0; i < body.length;) {
        const ch = body[i];
        if (ch !== '\\') {
            const cp = body.codePointAt(i) ?? 0;
            const s = String.fromCodePoint(cp);
            bytes.push(...enc.encode(s));
            i += s.length;
            continue;
        }
        const e = body[i + 1];
        if (e in simple) {
            bytes.push(simple[e]);
            i += 2;
        }
        else if (e === 'x') {
            bytes.push(parseInt(body.slice(i + 2, i + 4), 16));
            i += 4;
        }
        else if (e >= '0' && e <= '7') {
            bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
            i += 4;
        }
        else if (e === 'u' || e === 'U') {
            const n = e === 'u' ? 4 : 8;
            bytes.push(...enc.encode(String.fromCodePoint(parseInt(body.slice(i + 2, i + 2 + n), 16))));
            i += 2 + n;
        }
        else {
            return undefined;
        }
    }
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
}
/** strconv.Quote for the printable ASCII/Unicode common case. */
function goQuote(s) {
    let out = '"';
    for (const ch of s) {
        const cp = ch.codePointAt(0) ?? 0;
        if (ch === '"' || ch === '\\')
            out += `\\${ch}`;
        else if (cp === 7)
            out += '\\a';
        else if (cp === 8)
            out += '\\b';
        else if (cp === 12)
            out += '\\f';
        else if (cp === 10)
            out += '\\n';
        else if (cp === 13)
            out += '\\r';
        else if (cp === 9)
            out += '\\t';
        else if (cp === 11)
            out += '\\v';
        else if (cp < 0x20 || cp === 0x7f)
            out += `\\x${cp.toString(16).padStart(2, '0')}`;
        else if (cp === 0xfffd)
            out += '\\ufffd';
        else if (cp >= 0x80 && cp < 0xa0)
            out += `\\u${cp.toString(16).padStart(4, '0')}`;
        else
            out += ch;
    }
    return `${out}"`;
}
function showConst(v) {
    if (v.k === 'int')
        return v.v.toString();
    if (v.k === 'str')
        return goQuote(v.v);
    return String(v.v);
}
const MAX_SHIFT = 10000n;
class ConstEvaluator {
    pkg;
    busy = new Set();
    cache = new Map();
    constructor(pkg) {
        this.pkg = pkg;
    }
    entry(e) {
        if (this.cache.has(e))
            return this.cache.get(e) ?? undefined;
        if (this.busy.has(e))
            return undefined;
        this.busy.add(e);
        const node = e.valueNodes?.[e.index] ?? null;
        const v = node ? this.eval(node, e.iota) : undefined;
        this.busy.delete(e);
        this.cache.set(e, v ?? null);
        return v;
    }
    eval(node, iota) {
        switch (node.type) {
            case 'int_literal': {
                const v = parseIntLit(node.text);
                return v === undefined ? undefined : { k: 'int', v };
            }
            case 'rune_literal': {
                const s = decodeGoString(node.text);
                const cp = s === undefined ? undefined : s.codePointAt(0);
                return cp === undefined ? undefined : { k: 'int', v: BigInt(cp) };
            }
            case 'interpreted_string_literal':
            case 'raw_string_literal': {
                const s = decodeGoString(node.text);
                return s === undefined ? undefined : { k: 'str', v: s };
            }
            case 'true':
                return { k: 'bool', v: true };
            case 'false':
                return { k: 'bool', v: false };
            case 'iota':
                return { k: 'int', v: BigInt(iota) };
            case 'identifier': {
                const e = this.pkg.consts.get(node.text);
                return e ? this.entry(e) : undefined;
            }
            case 'parenthesized_expression': {
                const inner = named(node)[0];
                return inner ? this.eval(inner, iota) : undefined;
            }
            case 'call_expression': {
                // A conversion T(x) to a named or predeclared integer/string type keeps the value.
                const fn = node.childForFieldName('function');
                const args = node.childForFieldName('arguments');
                const list = args ? named(args) : [];
                if (!fn || list.length !== 1)
                    return undefined;
                if (fn.type !== 'identifier' && fn.type !== 'type_identifier' && fn.type !== 'selector_expression')
                    return undefined;
                if (fn.type === 'identifier' && (this.pkg.consts.has(fn.text) || BUILTIN_FUNCS.has(fn.text)))
                    return undefined;
                const v = this.eval(list[0], iota);
                return v && v.k !== 'str' ? v : undefined;
            }
            case 'unary_expression': {
                const op = node.childForFieldName('operator')?.text;
                const operand = node.childForFieldName('operand');
                const x = operand ? this.eval(operand, iota) : undefined;
                if (!x)
                    return undefined;
                if (x.k === 'int') {
                    if (op === '-')
                        return { k: 'int', v: -x.v };
                    if (op === '+')
                        return x;
                    if (op === '^')
                        return { k: 'int', v: -x.v - 1n };
                }
                if (x.k === 'bool' && op === '!')
                    return { k: 'bool', v: !x.v };
                return undefined;
            }
            case 'binary_expression': {
                const op = node.childForFieldName('operator')?.text ?? '';
                const l = node.childForFieldName('left');
                const r = node.childForFieldName('right');
                const a = l ? this.eval(l, iota) : undefined;
                const b = r ? this.eval(r, iota) : undefined;
                if (!a || !b)
                    return undefined;
                return binary(op, a, b);
            }
            default:
                return undefined;
        }
    }
}
const BUILTIN_FUNCS = new Set(['len', 'cap', 'real', 'imag', 'complex', 'unsafe']);
function binary(op, a, b) {
    if (a.k === 'int' && b.k === 'int') {
        const x = a.v;
        const y = b.v;
        switch (op) {
            case '+':
                return { k: 'int', v: x + y };
            case '-':
                return { k: 'int', v: x - y };
            case '*':
                return { k: 'int', v: x * y };
            case '/':
                return y === 0n ? undefined : { k: 'int', v: x / y };
            case '%':
                return y === 0n ? undefined : { k: 'int', v: x % y };
            case '<<':
                return y < 0n || y > MAX_SHIFT ? undefined : { k: 'int', v: x << y };
            case '>>':
                return y < 0n || y > MAX_SHIFT ? undefined : { k: 'int', v: x >> y };
            case '&':
                return { k: 'int', v: x & y };
            case '|':
                return { k: 'int', v: x | y };
            case '^':
                return { k: 'int', v: x ^ y };
            case '&^':
                return { k: 'int', v: x & ~y };
        }
    }
    if (a.k === 'str' && b.k === 'str' && op === '+')
        return { k: 'str', v: a.v + b.v };
    if (a.k === 'bool' && b.k === 'bool') {
        if (op === '&&')
            return { k: 'bool', v: a.v && b.v };
        if (op === '||')
            return { k: 'bool', v: a.v || b.v };
    }
    if (a.k === b.k) {
        const x = a.v;
        const y = b.v;
        switch (op) {
            case '==':
                return { k: 'bool', v: x === y };
            case '!=':
                return { k: 'bool', v: x !== y };
        }
        if (a.k !== 'bool') {
            switch (op) {
                case '<':
                    return { k: 'bool', v: x < y };
                case '<=':
                    return { k: 'bool', v: x <= y };
                case '>':
                    return { k: 'bool', v: x > y };
                case '>=':
                    return { k: 'bool', v: x >= y };
            }
        }
    }
    return undefined;
}
function mentionsIota(node) {
    if (node.type === 'iota')
        return true;
    return named(node).some(mentionsIota);
}
// ---------------------------------------------------------------------------------------------
// Objects
const PREDECLARED_NON_INTERFACE = new Set([
    'bool',
    'byte',
    'complex64',
    'complex128',
    'float32',
    'float64',
    'int',
    'int8',
    'int16',
    'int32',
    'int64',
    'rune',
    'string',
    'uint',
    'uint8',
    'uint16',
    'uint32',
    'uint64',
    'uintptr'
]);
class Extractor {
    pkgs;
    constructor(pkgs) {
        this.pkgs = pkgs;
    }
    objects(pkg) {
        const objects = new Map();
        const methods = new Map();
        const evaluator = new ConstEvaluator(pkg);
        const add = (o) => {
            if (!objects.has(o.name))
                objects.set(o.name, o);
        };
        for (const { node: decl, ctx, consulted } of pkg.decls) {
            // A consulted declaration's methods are what embedding types get; nothing else of it is wanted.
            if (consulted && decl.type !== 'method_declaration')
                continue;
            switch (decl.type) {
                case 'const_declaration':
                    this.consts(pkg, decl, ctx, evaluator, add);
                    break;
                case 'var_declaration':
                    for (const spec of varSpecs(decl)) {
                        if (spec.hasError)
                            continue;
                        const type = spec.childForFieldName('type');
                        for (const n of fieldChildren(spec, 'name')) {
                            if (!isExported(n.text))
                                continue;
                            add({
                                kind: 'var',
                                name: n.text,
                                ...(type ? { type: typeText(type) } : {}),
                                pos: posOf(ctx, n)
                            });
                        }
                    }
                    break;
                case 'function_declaration': {
                    if (isBroken(decl))
                        break;
                    const name = decl.childForFieldName('name');
                    if (!name || !isExported(name.text))
                        break;
                    add({
                        kind: 'func',
                        name: name.text,
                        typeParams: typeParams(decl.childForFieldName('type_parameters')),
                        signature: `func${signatureText(decl.childForFieldName('parameters'), decl.childForFieldName('result'))}`,
                        pos: posOf(ctx, name)
                    });
                    break;
                }
                case 'method_declaration': {
                    if (isBroken(decl))
                        break;
                    const name = decl.childForFieldName('name');
                    const recv = receiverOf(decl.childForFieldName('receiver'));
                    // Methods of unexported types count too: an exported struct that embeds the type gets them.
                    if (!name || !recv || !isExported(name.text))
                        break;
                    const list = methods.get(recv.base) ?? [];
                    list.push({
                        name: name.text,
                        signature: `func${signatureText(decl.childForFieldName('parameters'), decl.childForFieldName('result'))}`,
                        pos: posOf(ctx, name),
                        ...(recv.pointer ? { pointer: true } : {})
                    });
                    methods.set(recv.base, list);
                    break;
                }
                case 'type_declaration':
                    for (const spec of named(decl)) {
                        if (spec.hasError || (spec.type !== 'type_spec' && spec.type !== 'type_alias'))
                            continue;
                        const name = spec.childForFieldName('name');
                        if (!name || !isExported(name.text))
                            continue;
                        const type = spec.childForFieldName('type');
                        const text = type?.type === 'struct_type'
                            ? 'struct{...}'
                            : type?.type === 'interface_type'
                                ? 'interface{...}'
                                : typeText(type);
                        add({
                            kind: 'type',
                            name: name.text,
                            alias: spec.type === 'type_alias',
                            typeParams: typeParams(spec.childForFieldName('type_parameters')),
                            text,
                            underlying: this.underlying(pkg, type, ctx),
                            methods: [],
                            pos: posOf(ctx, name)
                        });
                    }
                    break;
            }
        }
        for (const list of methods.values()) {
            const seen = new Set();
            const unique = list.filter(m => !seen.has(m.name) && seen.add(m.name));
            list.splice(0, list.length, ...unique.sort(byMemberName));
        }
        for (const t of objects.values()) {
            if (t.kind !== 'type' || t.alias)
                continue;
            const own = methods.get(t.name);
            if (own)
                t.methods.push(...own);
            const promoted = t.typeParams.length === 0 ? this.promoted(pkg, t.name, methods) : undefined;
            if (promoted && (promoted.methods.length > 0 || promoted.fields.length > 0))
                t.promoted = promoted;
        }
        return objects;
    }
    /**
     * The struct or interface type a same-package, non-generic type name stands for, through
     * definitions like `type D S` (D has S's fields, so what they promote, but not S's methods).
     */
    localType(pkg, name) {
        for (let depth = 0; depth < MAX_EMBEDDING_DEPTH; depth++) {
            const decl = pkg.types.get(name);
            if (!decl || decl.node.type !== 'type_spec' || decl.node.childForFieldName('type_parameters'))
                return undefined;
            const node = decl.node.childForFieldName('type');
            if (node?.type === 'struct_type' || node?.type === 'interface_type')
                return { node, ctx: decl.ctx };
            if (node?.type !== 'type_identifier')
                return undefined;
            name = node.text;
        }
        return undefined;
    }
    /**
     * The methods and exported fields struct type `name` gets from the same-package types it embeds,
     * level by level (the spec's selector rule): a name at a shallower depth hides deeper ones, and a
     * name found twice at the same depth is ambiguous, so it is selectable through neither.
     */
    promoted(pkg, name, methods) {
        const own = this.localType(pkg, name);
        if (own?.node.type !== 'struct_type')
            return undefined;
        const taken = new Set([...(methods.get(name) ?? []).map(m => m.name), ...structFieldNames(own.node)]);
        const out = { methods: [], fields: [] };
        const visited = new Set([name]);
        let level = [{ type: own, via: '', pointer: false }];
        for (let depth = 1; level.length > 0 && depth <= MAX_EMBEDDING_DEPTH; depth++) {
            const found = new Map();
            const offer = (memberName, member) => {
                const seen = found.get(memberName);
                if (seen)
                    seen.count++;
                else
                    found.set(memberName, { member, count: 1 });
            };
            const next = [];
            const reached = new Set();
            for (const at of level) {
                for (const e of localEmbeddings(at.type.node)) {
                    if (visited.has(e.name))
                        continue;
                    const type = this.localType(pkg, e.name);
                    const via = at.via ? `${at.via}.${e.name}` : e.name;
                    // Through an embedded pointer, even pointer-receiver methods are in the value's method set.
                    const pointer = at.pointer || e.pointer;
                    for (const m of methods.get(e.name) ?? []) {
                        offer(m.name, { method: { ...m, pointer: Boolean(m.pointer) && !pointer, via } });
                    }
                    if (type?.node.type === 'interface_type') {
                        for (const m of this.flatten(pkg, type.node, type.ctx, new Set()).methods.values()) {
                            offer(m.name, { method: { ...m, via } });
                        }
                    }
                    else if (type) {
                        const u = structUnderlying(type.node, type.ctx);
                        if (u.kind === 'struct')
                            for (const f of u.fields)
                                offer(f.name, { field: { ...f, via } });
                        next.push({ type, via, pointer });
                    }
                    reached.add(e.name);
                }
            }
            for (const [memberName, { member, count }] of found) {
                if (taken.has(memberName))
                    continue;
                taken.add(memberName);
                if (count > 1)
                    continue;
                if ('method' in member)
                    out.methods.push(member.method);
                else
                    out.fields.push(member.field);
            }
            for (const r of reached)
                visited.add(r);
            level = next;
        }
        out.methods.sort(byMemberName);
        out.fields.sort(byMemberName);
        return out;
    }
    consts(pkg, decl, ctx, evaluator, add) {
        for (const { nameNode: n, index, iota, typeNode, valueNodes } of constSpecs(decl)) {
            if (!isExported(n.text))
                continue;
            const expr = valueNodes?.[index] ?? null;
            const entry = pkg.consts.get(n.text);
            let value;
            const v = entry && entry.ctx === ctx && entry.nameNode.startIndex === n.startIndex
                ? evaluator.entry(entry)
                : expr
                    ? evaluator.eval(expr, iota)
                    : undefined;
            if (v)
                value = showConst(v);
            else if (expr)
                value = mentionsIota(expr) ? `${exprText(expr)}@${iota}` : exprText(expr);
            add({
                kind: 'const',
                name: n.text,
                ...(typeNode ? { type: typeText(typeNode) } : {}),
                ...(value !== undefined ? { value } : {}),
                pos: posOf(ctx, n)
            });
        }
    }
    underlying(pkg, type, ctx, depth = 0) {
        if (type?.type === 'struct_type')
            return structUnderlying(type, ctx);
        if (type?.type === 'interface_type') {
            const f = this.flatten(pkg, type, ctx, new Set());
            return {
                kind: 'interface',
                methods: [...f.methods.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
                embeds: f.embeds,
                hasUnexportedMethods: f.hasUnexportedMethods,
                typeSet: f.typeSet
            };
        }
        // The predeclared interfaces (unless a declaration of the package shadows them).
        if (type?.type === 'type_identifier' && !subst?.has(type.text) && !pkg.types.has(type.text)) {
            const base = { kind: 'interface', embeds: [], hasUnexportedMethods: false, typeSet: false };
            if (type.text === 'any')
                return { ...base, methods: [] };
            if (type.text === 'error')
                return { ...base, methods: [{ name: 'Error', signature: 'func() string', pos: posOf(ctx, type) }] };
        }
        // `type A B` or `type A = B[int]` with B a struct or interface type of this module: A has
        // B's structure (type arguments substituted).
        if (type && depth < 16) {
            const target = this.resolve(pkg, type, ctx);
            const t = target?.decl.node.childForFieldName('type');
            if (target && t && NAMED_OR_LITERAL.has(t.type)) {
                const u = withSubst(target.subst, () => this.underlying(target.pkg, t, target.decl.ctx, depth + 1));
                if (u.kind !== 'other')
                    return u;
            }
        }
        return { kind: 'other', text: typeText(type) };
    }
    /** The declaration a type name (`T`, `pkg.T`, `T[int]`) refers to in this module, with its type arguments. */
    resolve(pkg, type, ctx) {
        let base = type;
        let args;
        if (type.type === 'generic_type') {
            base = type.childForFieldName('type');
            const list = type.childForFieldName('type_arguments');
            args = (list ? named(list) : []).map(typeText);
        }
        if (!base)
            return undefined;
        let found;
        if (base.type === 'type_identifier') {
            if (subst?.has(base.text))
                return undefined; // a type parameter
            const decl = pkg.types.get(base.text);
            if (decl)
                found = { pkg, decl };
        }
        else if (base.type === 'qualified_type') {
            const dir = ctx.qualifiers.get(base.childForFieldName('package')?.text ?? '');
            const other = dir === undefined ? undefined : this.pkgs.get(dir);
            const decl = other?.types.get(base.childForFieldName('name')?.text ?? '');
            if (other && decl)
                found = { pkg: other, decl };
        }
        if (!found)
            return undefined;
        const params = typeParams(found.decl.node.childForFieldName('type_parameters'));
        if (params.length === 0)
            return args ? undefined : { ...found, subst: undefined };
        if (!args || args.length !== params.length)
            return undefined;
        return { ...found, subst: new Map(params.map((p, i) => [p.name, args[i]])) };
    }
    flatten(pkg, iface, ctx, visiting) {
        const out = { methods: new Map(), embeds: [], hasUnexportedMethods: false, typeSet: false };
        const key = `${ctx.file}:${iface.startIndex}`;
        if (visiting.has(key))
            return out;
        visiting.add(key);
        for (const c of named(iface)) {
            if (c.hasError)
                continue;
            if (c.type === 'method_elem') {
                const name = c.childForFieldName('name');
                if (!name)
                    continue;
                if (!isExported(name.text)) {
                    out.hasUnexportedMethods = true;
                    continue;
                }
                if (!out.methods.has(name.text)) {
                    out.methods.set(name.text, {
                        name: name.text,
                        signature: `func${signatureText(c.childForFieldName('parameters'), c.childForFieldName('result'))}`,
                        pos: posOf(ctx, name)
                    });
                }
                continue;
            }
            if (c.type !== 'type_elem')
                continue;
            const terms = named(c);
            const text = typeText(c);
            const only = terms.length === 1 ? terms[0] : undefined;
            if (!only || !['type_identifier', 'qualified_type', 'generic_type'].includes(only.type)) {
                out.typeSet = true;
                out.embeds.push(text);
                continue;
            }
            if (only.type === 'type_identifier' &&
                PREDECLARED_NON_INTERFACE.has(only.text) &&
                !pkg.types.has(only.text)) {
                out.typeSet = true;
                out.embeds.push(text);
                continue;
            }
            const inner = this.resolveInterface(pkg, only, ctx, 0);
            if (inner === 'not-interface') {
                out.typeSet = true;
                out.embeds.push(text);
            }
            else if (inner) {
                const f = withSubst(inner.subst, () => this.flatten(inner.pkg, inner.node, inner.ctx, visiting));
                for (const [k, m] of f.methods)
                    if (!out.methods.has(k))
                        out.methods.set(k, m);
                out.embeds.push(...f.embeds);
                out.hasUnexportedMethods ||= f.hasUnexportedMethods;
                out.typeSet ||= f.typeSet;
            }
            else {
                out.embeds.push(text);
            }
        }
        visiting.delete(key);
        return out;
    }
    /** The interface literal a same-module type name stands for, 'not-interface', or undefined (unknown). */
    resolveInterface(pkg, type, ctx, depth) {
        if (depth > 16)
            return undefined;
        const target = this.resolve(pkg, type, ctx);
        if (!target)
            return undefined;
        const t = target.decl.node.childForFieldName('type');
        if (!t)
            return undefined;
        if (t.type === 'interface_type')
            return { pkg: target.pkg, node: t, ctx: target.decl.ctx, subst: target.subst };
        if (t.type === 'type_identifier' || t.type === 'qualified_type' || t.type === 'generic_type') {
            if (t.type === 'type_identifier' &&
                PREDECLARED_NON_INTERFACE.has(t.text) &&
                !target.pkg.types.has(t.text))
                return 'not-interface';
            return withSubst(target.subst, () => this.resolveInterface(target.pkg, t, target.decl.ctx, depth + 1));
        }
        if (t.type === 'parenthesized_type')
            return undefined;
        return 'not-interface';
    }
}
function varSpecs(decl) {
    const out = [];
    for (const c of named(decl)) {
        if (c.type === 'var_spec')
            out.push(c);
        else if (c.type === 'var_spec_list')
            out.push(...named(c).filter(s => s.type === 'var_spec'));
    }
    return out;
}
/** The base type name of a method's receiver, and whether the receiver is a pointer. */
function receiverOf(recv) {
    const p = recv ? named(recv).find(n => n.type === 'parameter_declaration') : undefined;
    let t = p?.childForFieldName('type') ?? null;
    let pointer = false;
    while (t) {
        if (t.type === 'type_identifier')
            return { base: t.text, pointer };
        if (t.type === 'pointer_type')
            pointer = true;
        if (t.type === 'pointer_type' || t.type === 'parenthesized_type')
            t = named(t)[0] ?? null;
        else if (t.type === 'generic_type')
            t = t.childForFieldName('type');
        else
            return undefined;
    }
    return undefined;
}
/** How deep promotion is followed; real code embeds a few levels at most. */
const MAX_EMBEDDING_DEPTH = 8;
const byMemberName = (a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
/** Every field name of a struct type (exported or not, embedded ones by their type name): depth 0 of selection. */
function structFieldNames(node) {
    const list = named(node).find(n => n.type === 'field_declaration_list');
    return (list ? named(list) : []).flatMap(f => {
        if (f.type !== 'field_declaration')
            return [];
        const names = fieldChildren(f, 'name');
        return names.length > 0 ? names.map(n => n.text) : [embeddedName(f.childForFieldName('type'))];
    });
}
/** The embedded fields of a struct type that name a type of the same package (`T` or `*T`, not generic). */
function localEmbeddings(node) {
    const list = named(node).find(n => n.type === 'field_declaration_list');
    const out = [];
    for (const f of list ? named(list) : []) {
        if (f.type !== 'field_declaration' || f.hasError || fieldChildren(f, 'name').length > 0)
            continue;
        let t = f.childForFieldName('type');
        let pointer = embedsPointer(f);
        while (t?.type === 'pointer_type' || t?.type === 'parenthesized_type') {
            if (t.type === 'pointer_type')
                pointer = true;
            t = named(t)[0] ?? null;
        }
        if (t?.type === 'type_identifier')
            out.push({ name: t.text, pointer });
    }
    return out;
}
function structUnderlying(node, ctx) {
    const list = named(node).find(n => n.type === 'field_declaration_list');
    const fields = [];
    let hasUnexportedFields = false;
    for (const f of list ? named(list) : []) {
        if (f.type !== 'field_declaration')
            continue;
        if (f.hasError) {
            hasUnexportedFields = true;
            continue;
        }
        const type = embeddedTypeText(f);
        const names = fieldChildren(f, 'name');
        if (names.length === 0) {
            const typeNode = f.childForFieldName('type');
            const name = embeddedName(typeNode);
            if (isExported(name))
                fields.push({ name, type, embedded: true, pos: posOf(ctx, typeNode ?? f) });
            else
                hasUnexportedFields = true;
            continue;
        }
        for (const n of names) {
            if (isExported(n.text))
                fields.push({ name: n.text, type, embedded: false, pos: posOf(ctx, n) });
            else
                hasUnexportedFields = true;
        }
    }
    return { kind: 'struct', fields, hasUnexportedFields };
}
function embeddedName(t) {
    while (t) {
        if (t.type === 'type_identifier')
            return t.text;
        if (t.type === 'qualified_type')
            return t.childForFieldName('name')?.text ?? '';
        if (t.type === 'generic_type')
            t = t.childForFieldName('type');
        else if (t.type === 'pointer_type' || t.type === 'parenthesized_type')
            t = named(t)[0] ?? null;
        else
            return '';
    }
    return '';
}
/**
 * The names of a const declaration with what Go gives each: a spec without values repeats the
 * previous spec's type and values, and iota counts the specs.
 */
function* constSpecs(decl) {
    let typeNode = null;
    let valueNodes = null;
    let iota = 0;
    for (const spec of named(decl)) {
        if (spec.type !== 'const_spec')
            continue;
        const values = spec.childForFieldName('value');
        if (values) {
            typeNode = spec.childForFieldName('type');
            valueNodes = named(values);
        }
        if (!spec.hasError) {
            const names = fieldChildren(spec, 'name');
            for (const [index, nameNode] of names.entries())
                yield { nameNode, index, iota, typeNode, valueNodes };
        }
        iota++;
    }
}

var __awaiter$3 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs.promises;
// export const {open} = 'fs'
const IS_WINDOWS$1 = process.platform === 'win32';
fs.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter$3(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS$1) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter$3(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS$1) {
                // on Windows, test for valid extension
                const upperExt = path.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS$1) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = path.dirname(filePath);
                        const upperName = path.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = path.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS$1) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}

var __awaiter$2 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return __awaiter$2(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS$1) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return __awaiter$2(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS$1 && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(path.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(path.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(path.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(path.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}

var __awaiter$1 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/* eslint-disable @typescript-eslint/unbound-method */
const IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends events.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(os.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + os.EOL.length);
                n = s.indexOf(os.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return __awaiter$1(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = path.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => __awaiter$1(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = child.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends events.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = setTimeout(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}

var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return __awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}

// A thin layer over the git CLI: one method per question, argument arrays only (no shell), and refs
// after --end-of-options so that a ref can never be read as an option.
class GitError extends Error {
    exitCode;
    constructor(message, exitCode) {
        super(message);
        this.exitCode = exitCode;
        this.name = 'GitError';
    }
}
/** Pathspecs longer than this are not passed (see addedLines). */
const MAX_PATHSPEC_CHARS = 24_000;
/** No credential prompts (a check never waits on a terminal), and messages in English for the parsers. */
function gitEnvironment() {
    return { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
}
/** git's absolute path by the PATH it was found on. */
const gitOnPath = new Map();
/**
 * git's path, looked up once per PATH. Given a bare name, @actions/exec searches PATH with a stat per
 * directory before each process it starts (about 4 ms each, a check starts a dozen); given an
 * absolute path it makes one. Not on Windows, where executables carry an extension, nor when git is
 * not found: then exec looks for 'git' itself, and says so when it is missing.
 */
function gitExecutable() {
    const path = process.env.PATH ?? '';
    if (process.platform === 'win32')
        return 'git';
    let found = gitOnPath.get(path);
    if (found === undefined) {
        found = findGit(path.split(delimiter));
        gitOnPath.set(path, found);
    }
    return found;
}
function findGit(dirs) {
    for (const dir of dirs) {
        // A relative entry is left to exec, which would read it against the repository, not our cwd.
        if (dir !== '' && !isAbsolute(dir))
            return 'git';
        if (dir !== '' && isExecutableFile(join(dir, 'git')))
            return join(dir, 'git');
    }
    return 'git';
}
function isExecutableFile(file) {
    try {
        accessSync(file, constants$1.X_OK);
        return statSync(file).isFile();
    }
    catch {
        return false;
    }
}
class Git {
    cwd;
    constructor(cwd) {
        this.cwd = cwd;
    }
    async run(args, options = {}) {
        const out = [];
        const err = [];
        const onStdout = options.onStdout ?? ((chunk) => void out.push(chunk));
        const onStderr = (chunk) => void err.push(chunk);
        let exitCode;
        try {
            exitCode =
                options.bulk || options.onStdout
                    ? await this.runPlain(args, options.input, onStdout, onStderr)
                    : await exec(gitExecutable(), args, {
                        cwd: this.cwd,
                        silent: true,
                        ignoreReturnCode: true,
                        input: options.input,
                        env: gitEnvironment(),
                        listeners: { stdout: onStdout, stderr: onStderr }
                    });
        }
        catch (error) {
            throw new GitError(`could not run git: ${error.message}`, -1);
        }
        const result = {
            exitCode,
            stdout: Buffer.concat(out).toString('utf8'),
            stderr: Buffer.concat(err).toString('utf8')
        };
        if (exitCode !== 0 && !options.allowFailure) {
            const detail = result.stderr.trim().split('\n').slice(-3).join(' ');
            throw new GitError(`git ${args[0]} failed (exit ${exitCode}): ${detail}`, exitCode);
        }
        return result;
    }
    /**
     * Runs git as a plain child process (see RunOptions.bulk): an argument array, no shell. Resolves
     * with the exit code.
     */
    runPlain(args, input, onStdout, onStderr) {
        return new Promise((resolve, reject) => {
            const child = spawn(gitExecutable(), args, { cwd: this.cwd, env: gitEnvironment() });
            // Node says `spawn /usr/bin/git ENOENT` for a missing directory as for a missing git: say where.
            child.on('error', error => reject(new Error(`${error.message} (in ${this.cwd})`)));
            // git may exit before reading all of its input (a failure, reported by its exit code): a
            // write to the closed pipe must not become an unhandled error.
            child.stdin.on('error', () => undefined);
            child.stdout.on('data', onStdout);
            child.stderr.on('data', onStderr);
            child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
            child.stdin.end(input);
        });
    }
    /**
     * Where `cwd` is, in one process: undefined outside a repository; otherwise the top directory of
     * its work tree (undefined in a bare repository).
     */
    async location() {
        const r = await this.run(['rev-parse', '--git-dir', '--show-toplevel'], { allowFailure: true });
        const [gitDir, topLevel] = r.stdout.split('\n');
        if (!gitDir)
            return undefined;
        return topLevel ? { topLevel } : {};
    }
    /** The top directory of the work tree, or undefined when `cwd` is not inside a git repository. */
    async topLevel() {
        const r = await this.run(['rev-parse', '--show-toplevel'], { allowFailure: true });
        return r.exitCode === 0 ? r.stdout.trim() : undefined;
    }
    /** Whether `cwd` is a git repository (a work tree or a bare one). */
    async isRepository() {
        const r = await this.run(['rev-parse', '--git-dir'], { allowFailure: true });
        return r.exitCode === 0;
    }
    /** The commit a ref names, or undefined when it names none. */
    async commitOf(ref) {
        const r = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
            allowFailure: true
        });
        return r.exitCode === 0 ? r.stdout.trim() : undefined;
    }
    /** Every tag with the commit it points to; annotated tags are peeled to their commit. */
    async tags() {
        const r = await this.run([
            'for-each-ref',
            '--format=%(refname:strip=2)%00%(objecttype)%00%(objectname)%00%(*objectname)',
            'refs/tags'
        ], { bulk: true });
        const tags = [];
        for (const line of r.stdout.split('\n')) {
            if (!line)
                continue;
            const [name, type, oid, peeled] = line.split('\0');
            if (type === 'tag' && peeled)
                tags.push({ name, commit: peeled });
            else if (type === 'commit')
                tags.push({ name, commit: oid });
        }
        return tags;
    }
    async isShallow() {
        const r = await this.run(['rev-parse', '--is-shallow-repository'], { allowFailure: true });
        return r.stdout.trim() === 'true';
    }
    async mergeBase(a, b) {
        const r = await this.run(['merge-base', '--end-of-options', a, b], { allowFailure: true });
        return r.exitCode === 0 ? r.stdout.trim() : undefined;
    }
    /**
     * The lines added on the way from `base` to `head` (the working tree when absent) to each of
     * `files`, renamed files diffed with their old paths (`renamed` maps a new path to its old one).
     * The paths are given to git literally, unless they would not fit a command line (Windows allows
     * 32,767 characters): then the whole diff is read.
     */
    async addedLines(base, head, files, renamed) {
        if (files.length === 0)
            return new Map();
        const paths = files.flatMap(f => (renamed.has(f) ? [f, renamed.get(f)] : [f]));
        const fits = paths.reduce((n, p) => n + p.length + 12, 0) < MAX_PATHSPEC_CHARS;
        const r = await this.run([
            'diff',
            '--unified=0',
            '--no-color',
            '--no-ext-diff',
            '--no-textconv',
            // Fixed prefixes: diff.noprefix or diff.mnemonicPrefix in the user's config would change them.
            '--src-prefix=a/',
            '--dst-prefix=b/',
            '--find-renames',
            '--diff-filter=AMR',
            '--end-of-options',
            base,
            ...(head ? [head] : []),
            '--',
            ...(fits ? paths.map(p => `:(literal)${p}`) : [])
        ], { bulk: true });
        const added = parseAddedLines(r.stdout);
        const wanted = new Set(files);
        for (const path of added.keys())
            if (!wanted.has(path))
                added.delete(path);
        return added;
    }
    /** Files renamed from `base` to `head` (the working tree when absent): new path -> old path. */
    async renamedFiles(base, head) {
        const r = await this.run([
            'diff',
            '--name-status',
            '-z',
            '--find-renames',
            '--diff-filter=R',
            '--end-of-options',
            base,
            ...(head ? [head] : []),
            '--'
        ], { bulk: true });
        // Records: "R<score>\0old\0new\0".
        const fields = r.stdout.split('\0');
        const renamed = new Map();
        for (let i = 0; i + 2 < fields.length; i += 3)
            renamed.set(fields[i + 2], fields[i + 1]);
        return renamed;
    }
    /** Whether the object `sha` names a commit that is present locally. */
    async hasCommit(sha) {
        const r = await this.run(['cat-file', '-e', '--end-of-options', `${sha}^{commit}`], {
            allowFailure: true
        });
        return r.exitCode === 0;
    }
    /**
     * `git fetch` from a remote, quietly and without prompting; returns the error text instead of
     * throwing, since every fetch here is an attempt with a fallback.
     */
    async fetch(remote, args) {
        const r = await this.run(['fetch', '--quiet', '--no-recurse-submodules', ...args, '--', remote], {
            allowFailure: true
        });
        return r.exitCode === 0 ? undefined : r.stderr.trim().split('\n').pop() || `exit ${r.exitCode}`;
    }
    /** Fetches specific refs or commits (a SHA works on GitHub); `--depth=1` only keeps a shallow clone shallow. */
    async fetchRefs(remote, refspecs, shallow) {
        const r = await this.run([
            'fetch',
            '--quiet',
            '--no-tags',
            '--no-recurse-submodules',
            ...(shallow ? ['--depth=1'] : []),
            '--',
            remote,
            ...refspecs
        ], { allowFailure: true });
        return r.exitCode === 0 ? undefined : r.stderr.trim().split('\n').pop() || `exit ${r.exitCode}`;
    }
    /** The URL of a remote, or undefined. */
    async remoteUrl(name = 'origin') {
        const r = await this.run(['remote', 'get-url', '--', name], { allowFailure: true });
        return r.exitCode === 0 ? r.stdout.trim() : undefined;
    }
    /** Tracked and untracked-but-not-ignored files of the work tree, less those deleted from it. */
    async workTreeFiles() {
        // One process: -t tags each entry, and a tracked file deleted from the work tree is listed
        // once more with the tag R.
        const r = await this.run(['ls-files', '-z', '-t', '--cached', '--others', '--deleted', '--exclude-standard'], { bulk: true });
        const present = new Set();
        const deleted = new Set();
        for (const entry of r.stdout.split('\0')) {
            if (entry.length < 3)
                continue;
            (entry[0] === 'R' ? deleted : present).add(entry.slice(2));
        }
        return [...present].filter(f => !deleted.has(f));
    }
    /** Every blob of the tree at `ref` (recursively), with its object id. */
    async listTree(ref) {
        const r = await this.run(['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', ref], { bulk: true });
        const entries = [];
        for (const record of r.stdout.split('\0')) {
            if (!record)
                continue;
            const tab = record.indexOf('\t');
            const [mode, type, oid] = record.slice(0, tab).split(' ');
            if (type === 'blob')
                entries.push({ path: record.slice(tab + 1), oid, mode });
        }
        return entries;
    }
    /**
     * The lines that contain any of the fixed strings `patterns`, per file, in ONE `git grep` process:
     * in the commit `commit`, or without it in the work tree (tracked files and untracked ones that are
     * not ignored, as workTreeFiles lists them). Binary files are skipped; `pathspecs` limit the files
     * read. Paths are relative to the top of the repository.
     */
    async grepLines(patterns, pathspecs, commit) {
        const out = new Map();
        if (patterns.length === 0)
            return out;
        const r = await this.run([
            'grep',
            '--line-number',
            '--null',
            '-I',
            '--fixed-strings',
            '--no-color',
            '--no-column',
            '--full-name',
            '--no-recurse-submodules',
            '--no-textconv',
            ...(commit ? [] : ['--untracked']),
            ...patterns.flatMap(p => ['-e', p]),
            // A commit id from commitOf (hex, never an option): git grep has no --end-of-options.
            ...(commit ? [commit] : []),
            '--',
            ...pathspecs
        ], { allowFailure: true, bulk: true });
        // Exit 1: nothing matched.
        if (r.exitCode !== 0 && r.exitCode !== 1) {
            const detail = r.stderr.trim().split('\n').slice(-3).join(' ');
            throw new GitError(`git grep failed (exit ${r.exitCode}): ${detail}`, r.exitCode);
        }
        return parseGrepOutput(r.stdout, commit ? `${commit}:` : '', out);
    }
    /**
     * Streams the contents of many objects through ONE `git cat-file --batch` process. `onObject`
     * receives each object in request order; a missing object arrives as undefined.
     */
    async readObjects(oids, onObject) {
        if (oids.length === 0)
            return;
        const parser = new BatchParser(onObject);
        await this.run(['cat-file', '--batch'], {
            input: Buffer.from(oids.join('\n') + '\n'),
            onStdout: chunk => parser.push(chunk)
        });
        parser.finish();
    }
}
/**
 * Parses `git grep --null --line-number` output, records of `PATH\0LINE\0TEXT\n` (a path may hold any
 * byte but NUL, a text any but newline); `prefix` is the `COMMIT:` git puts before paths in a commit.
 */
function parseGrepOutput(output, prefix, out = new Map()) {
    let at = 0;
    while (at < output.length) {
        const pathEnd = output.indexOf('\0', at);
        const lineEnd = pathEnd < 0 ? -1 : output.indexOf('\0', pathEnd + 1);
        if (lineEnd < 0)
            break;
        let textEnd = output.indexOf('\n', lineEnd + 1);
        if (textEnd < 0)
            textEnd = output.length;
        let path = output.slice(at, pathEnd);
        if (prefix && path.startsWith(prefix))
            path = path.slice(prefix.length);
        const line = Number(output.slice(pathEnd + 1, lineEnd));
        let text = output.slice(lineEnd + 1, textEnd);
        if (text.endsWith('\r'))
            text = text.slice(0, -1);
        let list = out.get(path);
        if (!list)
            out.set(path, (list = []));
        list.push({ line, text });
        at = textEnd + 1;
    }
    return out;
}
/**
 * Parses `git diff --unified=0` output into the added line numbers of each new-side file (deleted
 * files are left out). A hunk's body is exactly as long as its header says, so that a removed line
 * "-- x" or an added "++ x" is not taken for a file's `---`/`+++` line.
 */
function parseAddedLines(diff) {
    const added = new Map();
    let current;
    let bodyLeft = 0;
    for (const line of diff.split('\n')) {
        if (bodyLeft > 0 && (line.startsWith('-') || line.startsWith('+'))) {
            bodyLeft--;
            continue;
        }
        if (line.startsWith('diff '))
            current = undefined;
        else if (line.startsWith('+++ ')) {
            const path = diffPath(line.slice(4), 'b/');
            current = path === undefined ? undefined : new Set();
            if (path !== undefined && current)
                added.set(path, current);
        }
        else if (line.startsWith('@@') && current) {
            const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
            if (!m)
                continue;
            const removed = m[1] === undefined ? 1 : Number(m[1]);
            const start = Number(m[2]);
            const count = m[3] === undefined ? 1 : Number(m[3]);
            for (let i = 0; i < count; i++)
                current.add(start + i);
            bodyLeft = removed + count;
        }
    }
    return added;
}
/** A path of a `---`/`+++` line: undefined for /dev/null; git ends a name with a space with a tab. */
function diffPath(text, prefix) {
    const name = text.endsWith('\t') ? text.slice(0, -1) : text;
    if (name === '/dev/null')
        return undefined;
    const path = unquoteDiffPath(name);
    return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
/** git quotes paths with unusual bytes as C strings: "b/a\303\251.go". */
function unquoteDiffPath(path) {
    if (!path.startsWith('"'))
        return path;
    const bytes = [];
    const escapes = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
    for (let i = 1; i < path.length - 1; i++) {
        const c = path[i];
        if (c !== '\\') {
            bytes.push(...Buffer.from(c, 'utf8'));
            continue;
        }
        const next = path[i + 1];
        if (/[0-7]/.test(next)) {
            bytes.push(parseInt(path.slice(i + 1, i + 4), 8));
            i += 3;
        }
        else {
            bytes.push(escapes[next] ?? next.charCodeAt(0));
            i += 1;
        }
    }
    return Buffer.from(bytes).toString('utf8');
}
/** Incremental parser of `git cat-file --batch` output: `<oid> <type> <size>\n<data>\n` records. */
class BatchParser {
    onObject;
    pending = Buffer.alloc(0);
    body = [];
    bodyLength = 0;
    expected = -1;
    oid = '';
    constructor(onObject) {
        this.onObject = onObject;
    }
    push(chunk) {
        let data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
        this.pending = Buffer.alloc(0);
        while (data.length > 0) {
            if (this.expected < 0) {
                const newline = data.indexOf(10);
                if (newline < 0) {
                    this.pending = data;
                    return;
                }
                const header = data.subarray(0, newline).toString('utf8').split(' ');
                data = data.subarray(newline + 1);
                if (header[1] === 'missing' || header.length < 3) {
                    this.onObject(header[0], undefined);
                    continue;
                }
                this.oid = header[0];
                this.expected = Number(header[2]);
                this.body = [];
                this.bodyLength = 0;
            }
            // Collect the body plus its trailing newline.
            const need = this.expected + 1 - this.bodyLength;
            const take = Math.min(need, data.length);
            this.body.push(data.subarray(0, take));
            this.bodyLength += take;
            data = data.subarray(take);
            if (this.bodyLength === this.expected + 1) {
                const whole = this.body.length === 1 ? this.body[0] : Buffer.concat(this.body, this.bodyLength);
                this.onObject(this.oid, whole.subarray(0, this.expected));
                this.expected = -1;
                this.body = [];
            }
        }
    }
    finish() {
        if (this.expected >= 0 || this.pending.length > 0) {
            throw new GitError('git cat-file --batch ended in the middle of an object', -1);
        }
    }
}

// One interface over the two places a repository's files can come from: the working tree on disk
// and a git ref read from objects (no checkout needed). A ref is read with one `git ls-tree` and one
// `git cat-file --batch` process, never a process per file.
/** Most Go files fit: a read of a few kilobytes costs what a read of one does, and gives the whole file. */
const FIRST_READ = 16384;
/** Header files read between two turns of the event loop. */
const YIELD_EVERY = 200;
class WorkingTree {
    root;
    description;
    git;
    constructor(root) {
        this.root = root;
        this.description = root;
        this.git = new Git(root);
    }
    listFiles() {
        return this.git.workTreeFiles();
    }
    async read(request, { onFile, onScan, onWholeDone, onSource }) {
        for (const path of request.whole) {
            try {
                onFile(path, readFileSync(join(this.root, path)));
            }
            catch (error) {
                onFile(path, undefined, describeIoError(error));
            }
        }
        onWholeDone?.();
        let buffer = Buffer.allocUnsafe(FIRST_READ);
        let sinceYield = 0;
        for (const path of request.headers) {
            // The reads are synchronous (fastest here); let the event loop turn now and then so that git
            // processes started meanwhile (onWholeDone's grep) get spawned and run beside this loop.
            if (++sinceYield === YIELD_EVERY) {
                sinceYield = 0;
                await new Promise(setImmediate);
            }
            let fd;
            try {
                fd = openSync(`${this.root}/${path}`, 'r');
                let length = 0;
                let scan;
                for (;;) {
                    // Once the header is scanned, the rest is wanted whole: room for the file, one byte over
                    // so that the read that reaches its end comes back short.
                    if (length === buffer.length)
                        buffer = growBuffer(buffer, scan ? fstatSync(fd).size + 1 : 0);
                    const n = readSync(fd, buffer, length, buffer.length - length, length);
                    length += n;
                    const eof = n === 0 || length < buffer.length;
                    if (!scan) {
                        const scanned = scanImports(buffer.subarray(0, length), { eof });
                        if (!scanned.needMore)
                            scan = scanned;
                    }
                    if (eof || (scan && !onSource))
                        break;
                }
                onScan(path, scan, length);
                onSource?.(path, buffer.subarray(0, length));
            }
            catch (error) {
                onScan(path, undefined, 0, describeIoError(error));
            }
            finally {
                if (fd !== undefined)
                    closeSync(fd);
            }
        }
    }
}
class GitTree {
    git;
    ref;
    description;
    /** The listing, asked once: the snapshot and the API comparison may both want it at the same time. */
    entries;
    constructor(git, ref) {
        this.git = git;
        this.ref = ref;
        this.description = ref;
    }
    /** Each file's blob id, by path. */
    blobIds() {
        // Symbolic links (mode 120000) and submodules are not files of the module.
        this.entries ??= this.git
            .listTree(this.ref)
            .then(entries => new Map(entries.filter(e => e.mode !== '120000').map(e => [e.path, e.oid])));
        return this.entries;
    }
    async listFiles() {
        return [...(await this.blobIds()).keys()];
    }
    async read(request, { onFile, onScan, onWholeDone, onSource }) {
        const ids = await this.blobIds();
        const wanted = [];
        const missing = `not in ${this.description}`;
        for (const path of request.whole) {
            if (ids.has(path))
                wanted.push({ path, whole: true });
            else
                onFile(path, undefined, missing);
        }
        for (const path of request.headers) {
            if (ids.has(path))
                wanted.push({ path, whole: false });
            else
                onScan(path, undefined, 0, missing);
        }
        // Whole files come first in the stream: say when the last of them has arrived.
        const wholeCount = wanted.filter(w => w.whole).length;
        if (wholeCount === 0)
            onWholeDone?.();
        let next = 0;
        await this.git.readObjects(wanted.map(w => ids.get(w.path)), (_oid, data) => {
            const { path, whole } = wanted[next++];
            const error = data ? undefined : 'object missing from the repository';
            if (whole)
                onFile(path, data, error);
            else if (data) {
                onScan(path, scanImports(data, { eof: true }), data.length);
                onSource?.(path, data);
            }
            else
                onScan(path, undefined, 0, error);
            if (whole && next === wholeCount)
                onWholeDone?.();
        });
    }
}
/** A larger buffer that starts with `buffer`'s bytes: `atLeast` long when that is larger, else 4x. */
function growBuffer(buffer, atLeast) {
    const bigger = Buffer.allocUnsafe(atLeast > buffer.length ? atLeast : buffer.length * 4);
    buffer.copy(bigger);
    return bigger;
}
function describeIoError(error) {
    const e = error;
    if (e.code === 'EISDIR')
        return 'it is a directory';
    if (e.code === 'ENOENT')
        return 'it does not exist in the working tree';
    if (e.code === 'EACCES')
        return 'permission denied';
    return e.message ?? String(error);
}

// Reads what the breaking-change rule compares: for each module gated or checked, its exported API
// now and at the comparison point (the pull request's base, else the module's latest release). Only
// packages with a changed file are read, and of those extractComparedApis parses only what a
// comparison needs; at the comparison point only the files the diff lists are read from git.
async function gatherApiComparisons(git, tree, inputs, intent) {
    const modules = loadModules(inputs.goMods);
    let targets;
    try {
        const baseGoMods = await inputs.base?.goMods;
        targets = resolveTargets(intent, modules, baseGoMods ? { baseGoMods } : {});
    }
    catch {
        return []; // the analysis reports the bad request itself
    }
    const wanted = targets.flatMap(t => {
        const point = t.module?.path !== undefined && !t.tagProblem ? comparisonPoint(t, inputs) : undefined;
        return point ? [{ target: t, point }] : [];
    });
    if (wanted.length === 0)
        return [];
    const headIsCommit = tree instanceof GitTree;
    const bases = new Map();
    const baseSide = (commit) => {
        let side = bases.get(commit);
        if (!side) {
            const known = inputs.base?.tree.ref === commit ? inputs.base : undefined;
            side = readBaseSide(git, known ?? { tree: new GitTree(git, commit) }, inputs.commit, headIsCommit);
            bases.set(commit, side);
        }
        return side;
    };
    const headFilesOf = apiFilesByModule(inputs.files, modules);
    // One module after the other: a pull request in a monorepo compares every module, and each
    // comparison reads through its own git processes.
    const comparisons = [];
    for (const { target, point } of wanted) {
        const base = await baseSide(point.commit);
        const module = target.module;
        const baseModule = base.modules.find(m => m.dir === module.dir);
        const headFiles = headFilesOf.get(module) ?? [];
        const baseFiles = (baseModule && base.filesOf.get(baseModule)) ?? [];
        // Packages (directories) with a changed, added or removed file are the only ones worth reading;
        // a file that a major bump only rewrote declares what it did and does not count.
        const headSet = new Set(headFiles);
        const baseSet = new Set(baseFiles);
        const rewritten = inputs.base && point.commit === inputs.base.tree.ref && baseModule?.path !== module.path
            ? await rewrittenFiles(base.tree, await inputs.base.movedBack, headFiles)
            : new Set();
        const differsFromHead = (f) => base.changed.has(f) || !headSet.has(f);
        const declaresOtherwise = (f) => differsFromHead(f) && !rewritten.has(f);
        const dirs = new Set();
        for (const f of headFiles)
            if (!baseSet.has(f) || declaresOtherwise(f))
                dirs.add(dirOf(f));
        for (const f of baseFiles)
            if (declaresOtherwise(f))
                dirs.add(dirOf(f));
        // A package that imports a dependency whose required version changed may change underneath.
        // Which packages those are, the import headers tell; only then is their scan awaited.
        const changedDependencies = changedRequirements(baseModule, module);
        const dependents = new Set();
        if (changedDependencies.length > 0) {
            const goFiles = await inputs.goFiles;
            for (const f of headFiles) {
                const imports = goFiles.get(f)?.imports ?? [];
                if (imports.some(i => changedDependencies.some(d => hasPathPrefix(i.path, d))))
                    dependents.add(dirOf(f));
            }
        }
        const inDirs = (f) => dirs.has(dirOf(f)) || dependents.has(dirOf(f));
        // At the comparison point only the files the diff lists are read: the others are the head's bytes.
        const oldRead = readSources(base.tree, baseFiles.filter(f => inDirs(f) && differsFromHead(f)));
        // Of a package only the gated tree has, the comparison needs its name and position only.
        const baseDirs = new Set(baseFiles.map(dirOf));
        const added = [...dirs].filter(d => !baseDirs.has(d) && !dependents.has(d));
        const headerFiles = added.length > 0
            ? headerFilesOfAdded(added, [...dirs, ...dependents], headFiles, await inputs.goFiles, module)
            : undefined;
        const [newSources, oldChanged] = await Promise.all([
            readSources(tree, headFiles.filter(f => inDirs(f) && (headerFiles?.get(dirOf(f))?.has(f) ?? true))),
            oldRead
        ]);
        const headData = new Map(newSources.map(s => [s.file, s.data]));
        const oldData = new Map(oldChanged.map(s => [s.file, s.data]));
        const oldSources = baseFiles.filter(inDirs).flatMap(file => {
            const data = differsFromHead(file) ? oldData.get(file) : headData.get(file);
            return data ? [{ file, data }] : [];
        });
        const [oldApi, newApi] = extractComparedApis(module.dir, { modulePath: baseModule?.path ?? module.path, files: oldSources }, { modulePath: module.path, files: newSources }, { dependents, dependencyChanged: changedDependencies.length > 0 });
        comparisons.push({
            moduleDir: module.dir,
            against: {
                commit: point.commit,
                label: point.label,
                ...(point.version ? { version: point.version } : {})
            },
            oldApi,
            newApi,
            changedDependencies,
            filesRead: newSources.length + oldChanged.length
        });
    }
    return comparisons;
}
/**
 * For each package in `added` (directories only the gated tree has) that no package read whole
 * imports, directly or through another added one, the files that give its name and position: up to
 * its first file that counts with a package clause, by the header scans (as packageHeader in
 * go/api.ts reads them). The others are read whole: the extractor follows types into them.
 */
function headerFilesOfAdded(added, read, headFiles, scans, module) {
    const filesOf = groupBy([...headFiles].sort(), dirOf);
    const importPathOf = (dir) => dir === module.dir
        ? module.path
        : `${module.path}/${module.dir === ROOT_DIR ? dir : dir.slice(module.dir.length + 1)}`;
    const addedByPath = new Map(added.map(d => [importPathOf(d), d]));
    const addedSet = new Set(added);
    // The packages read whole: every read one that is not added, then the added ones they import.
    const whole = read.filter(d => !addedSet.has(d));
    const wholeSet = new Set(whole);
    for (let i = 0; i < whole.length; i++) {
        for (const f of filesOf.get(whole[i]) ?? []) {
            for (const spec of scans.get(f)?.imports ?? []) {
                const dir = addedByPath.get(spec.path);
                if (dir !== undefined && !wholeSet.has(dir)) {
                    wholeSet.add(dir);
                    whole.push(dir);
                }
            }
        }
    }
    const headers = new Map();
    for (const dir of added) {
        if (wholeSet.has(dir))
            continue;
        const wanted = new Set();
        for (const f of filesOf.get(dir) ?? []) {
            wanted.add(f);
            const scan = scans.get(f);
            if (scan && !scan.error && !scan.buildIgnore && scan.packageName !== undefined)
                break;
        }
        headers.set(dir, wanted);
    }
    return headers;
}
/** The files whose bytes, own imports moved back, are the blob the base has at their path. */
async function rewrittenFiles(base, movedBack, files) {
    if (movedBack.size === 0)
        return new Set();
    const blobIds = await base.blobIds();
    return new Set(files.filter(f => movedBack.has(f) && movedBack.get(f) === blobIds.get(f)));
}
/** The .go files whose declarations count (no tests) of each module: nested modules cut out. */
function apiFilesByModule(files, modules) {
    const owner = fileOwnerIndex(modules);
    return groupBy(files, file => (isApiFile(file) ? owner(file) : undefined));
}
/**
 * The comparison point's listing and go.mod files (those already read when given), and the diff
 * from it to the gated tree, at once.
 */
async function readBaseSide(git, { tree, goMods }, head, headIsCommit) {
    const [files, changed] = await Promise.all([
        tree.listFiles(),
        changedFiles(git, tree.ref, head, headIsCommit)
    ]);
    const modules = loadModules(await (goMods ?? readWhole(tree, goModFiles(files))));
    return { tree, modules, filesOf: apiFilesByModule(files, modules), changed };
}
/**
 * What a target is compared with: a pull request's base, else the latest earlier release of the same
 * module path. A release that starts a new major has no such release and is not compared
 * (conformance convention 14); on a pull request a major bump is compared with its base.
 */
function comparisonPoint(target, inputs) {
    if (inputs.base && target.source === 'pull_request') {
        return { commit: inputs.base.tree.ref, label: 'the pull request base' };
    }
    const earlier = releasesOfModule(inputs.tags, target.module).filter(r => r.tag !== target.tag && (target.version === undefined || compare(r.version, target.version) < 0));
    const latest = earlier[earlier.length - 1];
    return latest ? { commit: latest.commit, label: latest.tag, version: latest.version } : undefined;
}
function isApiFile(file) {
    return isGoSourceFile(file) && !file.endsWith('_test.go');
}
/** Files that differ between a commit and the gated tree (a commit, or the work tree). */
async function changedFiles(git, base, head, headIsCommit) {
    const args = [
        'diff',
        '--name-only',
        '-z',
        '--no-renames',
        '--end-of-options',
        base,
        ...(headIsCommit && head ? [head] : []),
        '--'
    ];
    const r = await git.run(args, { bulk: true });
    return new Set(r.stdout.split('\0').filter(Boolean));
}
/** Module paths whose required version changed: their packages may have changed underneath. */
function changedRequirements(before, after) {
    if (!before)
        return [];
    const old = new Map(before.modFile.require.map(r => [r.path, r.version]));
    return after.modFile.require.filter(r => old.has(r.path) && old.get(r.path) !== r.version).map(r => r.path);
}
async function readWhole(tree, paths) {
    const out = new Map();
    await tree.read({ whole: paths, headers: [] }, { onFile: (p, d) => void (d && out.set(p, d)), onScan: () => undefined });
    return out;
}
async function readSources(tree, paths) {
    const contents = await readWhole(tree, paths);
    return paths.flatMap(file => contents.has(file) ? [{ file, data: contents.get(file) }] : []);
}

// Builds the Snapshot the rules work on: the files of the tree (working tree or a git ref), every
// go.mod, the import headers of every counted .go file inside a module, the tags, and the comparison
// points (a pull request's base, each module's latest release).
async function gatherSnapshot(options) {
    const dir = resolve(options.dir);
    const probe = new Git(dir);
    const location = await probe.location();
    if (!location) {
        throw new UsageError(`${dir} is not a git repository (go-major-gate reads tags and history from git)`);
    }
    const root = options.head ? dir : (location.topLevel ?? dir);
    const git = new Git(root);
    const workingTree = options.head ? undefined : new WorkingTree(root);
    // The questions to git are independent: ask them at once.
    const [commit, tags, shallow, remote, workingFiles, baseCommit] = await Promise.all([
        git.commitOf(options.head ?? 'HEAD'),
        options.tags ?? git.tags(),
        git.isShallow(),
        options.repository ? undefined : git.remoteUrl(),
        workingTree?.listFiles(),
        options.base ? git.commitOf(options.base) : undefined
    ]);
    if (options.head && !commit)
        throw new UsageError(`--head ${options.head} names no commit in ${root}`);
    if (options.base && !baseCommit) {
        throw new UsageError(`--base ${options.base} names no commit in ${root}`);
    }
    const tree = workingTree ?? new GitTree(git, commit);
    const files = (workingFiles ?? (await tree.listFiles())).sort();
    const stats = { files: files.length, bytes: 0 };
    const unreadable = new Map();
    // What a pull request's base adds (its go.mod files, the lines added since) is read meanwhile.
    const baseTree = baseCommit ? new GitTree(git, baseCommit) : undefined;
    const baseGoMods = baseTree ? inBackground(readGoMods(baseTree)) : undefined;
    // The pull request's own changes start at the merge base. Which files it renamed is asked now (no
    // patches, so cheap); the lines it added only later, and only in the files with findings.
    const diffFrom = baseCommit
        ? inBackground((async () => (commit && (await git.mergeBase(baseCommit, commit))) || baseCommit)())
        : undefined;
    const headRef = options.head ? commit : undefined;
    const renames = diffFrom && inBackground(diffFrom.then(from => git.renamedFiles(from, headRef)));
    const goMods = new Map();
    const goFiles = new Map();
    const goModPaths = goModFiles(files);
    const apiIntent = options.disable?.includes('breaking-change') ? undefined : options.intent;
    // A major-bump pull request rewrites the own imports of every file. Each .go file read whole is
    // hashed as it was before that move (rewrite.ts), so that the API comparison can tell the files
    // that changed only so from the base's blob ids, and read none of them again. Which modules moved,
    // their module lines at the base say.
    const baseModulePaths = baseCommit && apiIntent ? inBackground(readModulePathsAt(git, baseCommit, goModPaths)) : undefined;
    const movedBack = new Map();
    let moveBack;
    // A separate git process reads the go.mod files of the latest releases while this one reads the tree.
    const releasedGoMods = inBackground(readReleasedGoMods(git, goModPaths, tags));
    const moduleDirOf = innermostDirIndex(goModPaths.map(dirOf));
    // One pass over the tree (for a ref: one cat-file process): go.mod files first, then the .go
    // headers. As soon as the go.mod files are in, the work that needs only them starts and runs while
    // the headers are scanned: one git grep for the modules' family prefixes (it finds every line that
    // may name an old major), and the git side of the API comparison.
    let references;
    let apiComparisons;
    // The //go:generate lines are found in the bytes of the .go files whose headers are scanned (those
    // of a module: go generate runs on packages), as they are read (each file whole).
    const generateLines = new Map();
    let headersRead = () => undefined;
    const headersDone = new Promise(done => (headersRead = done));
    const goGenerate = headersDone.then(() => generateLines);
    // The .go files of the modules: their headers are scanned, and only their //go:generate lines count.
    const goSources = files.filter(f => isGoSourceFile(f) && moduleDirOf(f) !== undefined);
    const startReferences = () => readReferences(git, tree, files, [...goMods.values()].map(data => modulePath(data)), options.head ? commit : undefined, goGenerate);
    const startApiComparisons = () => apiIntent
        ? gatherApiComparisons(git, tree, {
            files,
            goMods,
            tags,
            ...(commit ? { commit } : {}),
            ...(baseTree && baseGoMods
                ? { base: { tree: baseTree, goMods: baseGoMods, movedBack: headersDone.then(() => movedBack) } }
                : {}),
            goFiles: headersDone.then(() => goFiles)
        }, apiIntent)
        : undefined;
    // Asked before the tree is read, so that every file read whole is hashed (one small cat-file).
    const baseModulesBefore = await baseModulePaths?.catch(() => undefined);
    await tree.read({ whole: goModPaths, headers: goSources }, {
        onFile(path, data, error) {
            if (data) {
                goMods.set(path, data);
                stats.bytes += data.length;
            }
            else
                unreadable.set(path, error ?? 'unknown error');
        },
        onWholeDone() {
            references = inBackground(startReferences());
            const comparisons = startApiComparisons();
            if (comparisons)
                apiComparisons = inBackground(comparisons);
            if (baseModulesBefore) {
                moveBack = movedBackHasher(baseModulesBefore, goMods, goFiles, movedBack, baseCommit);
            }
        },
        onScan(path, scan, bytes, error) {
            stats.bytes += bytes;
            if (scan)
                goFiles.set(path, scan);
            else
                unreadable.set(path, error ?? 'unknown error');
        },
        onSource(path, data) {
            moveBack?.(path, data);
            const found = goGenerateLines(data);
            if (found.length > 0)
                generateLines.set(path, found);
        }
    });
    headersRead();
    const snapshot = {
        files,
        goMods,
        goFiles,
        unreadable,
        tags,
        stats,
        ...(commit ? { commit } : {})
    };
    if (baseCommit) {
        snapshot.baseCommit = baseCommit;
        snapshot.baseGoMods = await baseGoMods;
    }
    const { lines: referenceLines, documents: referenceDocuments } = await (references ?? startReferences());
    snapshot.referenceLines = referenceLines;
    snapshot.referenceDocuments = referenceDocuments;
    snapshot.releasedGoMods = await releasedGoMods;
    if (shallow)
        snapshot.shallow = true;
    const comparisons = apiComparisons ?? startApiComparisons();
    if (comparisons)
        snapshot.apiComparisons = await comparisons;
    const repository = options.repository ?? githubRepositoryFromRemote(remote);
    if (repository)
        snapshot.repository = repository;
    const gathered = { snapshot, root, git, tree };
    if (diffFrom && renames) {
        const [from, renamed] = await Promise.all([diffFrom, renames]);
        gathered.addedLinesIn = files => git.addedLines(from, headRef, files, renamed);
    }
    return gathered;
}
/**
 * The findings of a pull request marked `new` when on a line it added. The diff is taken of the
 * files with findings only: a diff of every file a large pull request changed (a major bump
 * rewrites them all) takes longer than the rest of the check.
 */
async function markAddedLines(gathered, report, startedAt) {
    if (!gathered.addedLinesIn)
        return report;
    const files = [...new Set(report.findings.flatMap(f => (f.file === null ? [] : [f.file])))];
    const added = await gathered.addedLinesIn(files);
    gathered.snapshot.addedLines = added;
    const marked = markNewFindings(report, added);
    return { ...marked, stats: { ...marked.stats, ms: Date.now() - startedAt } };
}
/**
 * Work started now and awaited later: a failure meanwhile must not count as an unhandled rejection
 * (it surfaces where the promise is awaited).
 */
function inBackground(work) {
    work.catch(() => undefined);
    return work;
}
/**
 * The lines of the files src/go/module/references.ts reads that contain a family prefix of the modules: in
 * files other than .go found by ONE `git grep` over the work tree or the commit, in .go files among
 * their //go:generate lines. Also the whole text of the Markdown files among them (read through the
 * tree, so only those few files). Files the tree does not list (symbolic links in a commit) are left
 * out, so both sources give the same result.
 */
async function readReferences(git, tree, files, modulePaths, commit, 
/** The //go:generate lines of the .go files that count, by file. */
goGenerate) {
    const lines = new Map();
    const documents = new Map();
    const patterns = referencePatterns(modulePaths);
    if (patterns.length === 0)
        return { lines, documents };
    // Other files are searched for any mention; .go files only on their //go:generate lines (every
    // import line would match a family prefix).
    const [others, generateLines] = await Promise.all([
        git.grepLines(patterns, REFERENCE_PATHSPECS, commit),
        goGenerate
    ]);
    const generate = new Map([...generateLines]
        .map(([file, found]) => [file, found.filter(hit => patterns.some(p => hit.text.includes(p)))])
        .filter(([, found]) => found.length > 0));
    const hits = new Map([...others, ...generate]);
    if (hits.size === 0)
        return { lines, documents };
    const listed = new Set(files);
    for (const [file, found] of hits) {
        if (!listed.has(file))
            continue;
        const kept = referenceLinesToKeep(file, found);
        if (kept.length > 0)
            lines.set(file, kept);
    }
    const whole = [...lines.keys()].filter(needsWholeText);
    if (whole.length > 0) {
        await tree.read({ whole, headers: [] }, {
            onFile: (path, data) => void (data && documents.set(path, new TextDecoder().decode(data))),
            onScan: () => undefined
        });
    }
    return { lines, documents };
}
/** The module path of each of `goModPaths` at `commit` (those it has), from one cat-file process. */
async function readModulePathsAt(git, commit, goModPaths) {
    const goMods = await readGoModsAt(git, goModPaths.map(goModFile => ({ goModFile, commit })));
    const paths = new Map();
    for (const [goModFile, data] of goMods) {
        const path = modulePath(data);
        if (path)
            paths.set(goModFile, path);
    }
    return paths;
}
/**
 * What hashes each .go file read whole into `movedBack` (see above), for the modules whose module
 * line moved since the base; undefined when none did.
 */
function movedBackHasher(before, goMods, goFiles, movedBack, baseCommit) {
    const moved = new Map();
    for (const [goMod, data] of goMods) {
        const from = before.get(goMod);
        const to = modulePath(data);
        if (from && to && from !== to)
            moved.set(dirOf(goMod), moduleMove(from, to));
    }
    if (moved.size === 0)
        return undefined;
    const format = baseCommit.length === 64 ? 'sha256' : 'sha1';
    const moduleDirOf = innermostDirIndex([...goMods.keys()].map(dirOf));
    return (path, data) => {
        const dir = moduleDirOf(path);
        const move = dir === undefined ? undefined : moved.get(dir);
        const scan = move && goFiles.get(path);
        if (!move || !scan || scan.error)
            return;
        const id = movedBackBlobId(data, scan.imports, move, format);
        if (id)
            movedBack.set(path, id);
    };
}
/** Every go.mod of a tree, whole. */
async function readGoMods(tree) {
    const out = new Map();
    await tree.read({ whole: goModFiles(await tree.listFiles()), headers: [] }, { onFile: (path, data) => void (data && out.set(path, data)), onScan: () => undefined });
    return out;
}
/** Each module's go.mod at the latest release of its tag prefix, read in one cat-file process. */
async function readReleasedGoMods(git, goModPaths, tags) {
    const wanted = [];
    for (const goModFile of goModPaths) {
        const releases = releasesWithPrefix(tags, tagPrefixOf(dirOf(goModFile)));
        const latest = releases[releases.length - 1];
        if (latest)
            wanted.push({ goModFile, commit: latest.commit });
    }
    return readGoModsAt(git, wanted);
}
/** Each go.mod file at its commit (those that exist there), from one cat-file process. */
async function readGoModsAt(git, wanted) {
    const out = new Map();
    let next = 0;
    await git.readObjects(wanted.map(w => `${w.commit}:${w.goModFile}`), (_oid, data) => {
        const { goModFile } = wanted[next++];
        if (data)
            out.set(goModFile, data);
    });
    return out;
}
/** `owner/name` from a GitHub remote URL (https, ssh or git@ forms), else undefined. */
function githubRepositoryFromRemote(url) {
    if (!url)
        return undefined;
    const m = /^(?:https?:\/\/(?:[^@/]+@)?github\.com\/|ssh:\/\/git@github\.com\/|git@github\.com:)([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
    return m ? `${m[1]}/${m[2]}` : undefined;
}

function findingToJson(f) {
    const out = { rule: f.rule, severity: f.severity, file: f.file, line: f.line };
    if (f.column !== undefined)
        out.column = f.column;
    if (f.endLine !== undefined)
        out.endLine = f.endLine;
    if (f.endColumn !== undefined)
        out.endColumn = f.endColumn;
    if (f.module !== undefined)
        out.module = f.module;
    out.message = f.message;
    if (f.fix)
        out.fix = { replacement: f.fix.replacement };
    if (f.new !== undefined)
        out.new = f.new;
    return out;
}
function reportToJson(report) {
    return {
        tool: report.tool,
        targets: report.targets,
        modules: report.modules,
        findings: report.findings.map(findingToJson),
        conclusion: report.conclusion,
        stats: report.stats
    };
}
function formatJson(report) {
    return `${JSON.stringify(reportToJson(report), null, 2)}\n`;
}

// SARIF 2.1.0 for GitHub code scanning: one run, every registered rule, one result per finding.
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/go-major-gate/go-major-gate';
/** Versioned so that a change of the hashed fields can start a new series instead of reopening alerts. */
const FINGERPRINT_KEY = 'goMajorGate/v1';
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
function toSarif(report) {
    const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
    const occurrences = new Map();
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: report.tool.name,
                        version: report.tool.version,
                        semanticVersion: report.tool.version,
                        informationUri: INFORMATION_URI,
                        rules: rules.map(rule => ({
                            id: rule.id,
                            shortDescription: { text: rule.doc },
                            defaultConfiguration: { level: LEVEL[rule.severity] }
                        }))
                    }
                },
                // Finding columns count characters, not SARIF's default UTF-16 code units.
                columnKind: 'unicodeCodePoints',
                results: report.findings.map(f => {
                    const file = f.file ?? fallbackGoMod(f, report);
                    const fingerprint = fingerprintOf(f, file, occurrences);
                    return sarifResult(f, file, ruleIndex.get(f.rule), fingerprint);
                })
            }
        ]
    };
}
function formatSarif(report) {
    return `${JSON.stringify(toSarif(report), null, 2)}\n`;
}
function sarifResult(f, file, ruleIndex, fingerprint) {
    const artifactLocation = { uri: toUri(file), uriBaseId: '%SRCROOT%' };
    const region = regionOf(f);
    return {
        ruleId: f.rule,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation, region } }],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
        ...(f.fix && f.file !== null && f.line !== null
            ? {
                fixes: [
                    {
                        description: { text: `Replace with ${f.fix.replacement}` },
                        artifactChanges: [
                            {
                                artifactLocation,
                                replacements: [{ deletedRegion: region, insertedContent: { text: f.fix.replacement } }]
                            }
                        ]
                    }
                ]
            }
            : {})
    };
}
/** Code scanning needs a line: findings without one sit on line 1 of their file. */
function regionOf(f) {
    if (f.file === null || f.line === null)
        return { startLine: 1 };
    const region = { startLine: f.line };
    if (f.column !== undefined)
        region.startColumn = f.column;
    if (f.endLine !== undefined)
        region.endLine = f.endLine;
    if (f.endColumn !== undefined)
        region.endColumn = f.endColumn;
    return region;
}
/** Tag and version findings are located at the go.mod of the module they gate. */
function fallbackGoMod(f, report) {
    const dir = f.moduleDir ?? report.targets.find(t => t.dir !== null)?.dir ?? report.modules[0]?.dir ?? '.';
    return dir === '.' ? 'go.mod' : `${dir}/go.mod`;
}
/**
 * Stable across runs: rule, file and message, never the line (edits above a finding move it). The same
 * finding twice in one file is told apart by its occurrence number, as GitHub's own line hashes do.
 */
function fingerprintOf(f, file, occurrences) {
    const hash = createHash('sha256').update(`${f.rule}\0${file}\0${f.message}`).digest('hex').slice(0, 32);
    const n = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, n);
    return `${hash}:${n}`;
}
/** A repository-relative path as a relative URI reference: each segment percent-encoded. */
function toUri(file) {
    return file.split('/').map(encodeURIComponent).join('/');
}

const COLORS = {
    error: '\u001b[31m',
    warning: '\u001b[33m',
    notice: '\u001b[36m',
    bold: '\u001b[1m',
    reset: '\u001b[0m'
};
function formatText(report, options = {}) {
    const paint = (code, s) => (options.color ? `${code}${s}${COLORS.reset}` : s);
    const lines = [];
    for (const t of report.targets) {
        if (t.mode === 'consistency')
            continue;
        const what = t.module ? `${t.module} (${t.dir})` : t.dir === '.' ? 'the repository root' : 'no module';
        lines.push(`Gating ${what} at ${t.version ?? '?'}${t.tag && t.tag !== t.version ? `, tag ${t.tag}` : ''} [${t.mode}]`);
    }
    if (report.targets.length > 0 && report.targets.every(t => t.mode === 'consistency')) {
        lines.push(`Checking ${report.targets.length} module${report.targets.length === 1 ? '' : 's'} for consistency`);
    }
    for (const [group, findings] of groupBy(report.findings, f => f.module ?? '')) {
        lines.push('', paint(COLORS.bold, group || 'Tag and version'));
        for (const [file, inFile] of groupBy(findings, f => f.file ?? '')) {
            if (file)
                lines.push(`  ${file}`);
            for (const f of inFile) {
                const where = f.line === null ? '' : `${f.line}${f.column ? `:${f.column}` : ''}`;
                const severity = paint(COLORS[f.severity], f.severity.padEnd(7));
                lines.push(`${file ? '    ' : '  '}${where ? `${where.padEnd(7)} ` : ''}${severity} ${f.rule}: ${f.message}`);
            }
        }
    }
    lines.push('', verdict(report, paint));
    return `${lines.join('\n')}\n`;
}
function verdict(report, paint) {
    const count = (severity) => report.findings.filter(f => f.severity === severity).length;
    const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const tally = `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}`;
    const scope = `${plural(report.modules.length, 'module')}, ${plural(report.stats.files, 'file')}, ${report.stats.ms} ms`;
    switch (report.conclusion) {
        case 'failure':
            return paint(COLORS.error, `FAIL: ${tally} (${scope})`);
        case 'neutral':
            return paint(COLORS.warning, `PASS with warnings: ${tally} (${scope})`);
        default:
            return `PASS: no findings (${scope})`;
    }
}

// Unified diffs in git's format (`diff --git`, three lines of context), which `git apply` and
// `patch -p1` accept. Pure. Lines are compared with Myers' O(ND) algorithm.
function splitLines(text) {
    if (text === '')
        return [];
    const parts = text.split('\n');
    const last = parts.pop();
    const lines = parts.map(t => ({ text: t, newline: true }));
    if (last !== '')
        lines.push({ text: last, newline: false });
    return lines;
}
/** The shortest edit script from a to b, as a list of kept, removed and added lines. */
function myers(a, b) {
    const eq = (i, j) => a[i].text === b[j].text && a[i].newline === b[j].newline;
    // Trim the common prefix and suffix: edits are usually few and local.
    let pre = 0;
    while (pre < a.length && pre < b.length && eq(pre, pre))
        pre++;
    let suf = 0;
    while (suf < a.length - pre && suf < b.length - pre && eq(a.length - 1 - suf, b.length - 1 - suf))
        suf++;
    const n = a.length - pre - suf;
    const m = b.length - pre - suf;
    const max = n + m;
    const v = new Int32Array(2 * max + 2);
    const trace = [];
    let found = false;
    for (let d = 0; d <= max && !found; d++) {
        trace.push(v.slice());
        for (let k = -d; k <= d; k += 2) {
            let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
            let y = x - k;
            while (x < n && y < m && eq(pre + x, pre + y)) {
                x++;
                y++;
            }
            v[max + k] = x;
            if (x >= n && y >= m) {
                found = true;
                break;
            }
        }
    }
    // Walk the trace back into an edit script.
    const middle = [];
    let x = n;
    let y = m;
    for (let d = trace.length - 1; d >= 0; d--) {
        const vd = trace[d];
        const k = x - y;
        const prevK = k === -d || (k !== d && vd[max + k - 1] < vd[max + k + 1]) ? k + 1 : k - 1;
        const prevX = d === 0 ? 0 : vd[max + prevK];
        const prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            x--;
            y--;
            middle.push({ kind: ' ', line: a[pre + x], a: pre + x, b: pre + y });
        }
        if (d === 0)
            break;
        if (x === prevX)
            middle.push({ kind: '+', line: b[pre + prevY], a: pre + x, b: pre + prevY });
        else
            middle.push({ kind: '-', line: a[pre + prevX], a: pre + prevX, b: pre + y });
        x = prevX;
        y = prevY;
    }
    middle.reverse();
    const ops = [];
    for (let i = 0; i < pre; i++)
        ops.push({ kind: ' ', line: a[i], a: i, b: i });
    ops.push(...middle);
    for (let i = 0; i < suf; i++) {
        const ai = a.length - suf + i;
        ops.push({ kind: ' ', line: a[ai], a: ai, b: b.length - suf + i });
    }
    return ops;
}
/**
 * A unified diff of one file in git's format, or '' when the texts are equal. `path` is
 * repository-relative with forward slashes.
 */
function unifiedDiff(path, before, after, context = 3) {
    if (before === after)
        return '';
    const a = splitLines(before);
    const b = splitLines(after);
    const ops = myers(a, b);
    const out = [`diff --git a/${path} b/${path}`, `--- a/${path}`, `+++ b/${path}`];
    let i = 0;
    while (i < ops.length) {
        if (ops[i].kind === ' ') {
            i++;
            continue;
        }
        // A hunk: from `context` lines before this change to `context` lines after the last change
        // that is at most 2 * context lines further.
        const start = Math.max(0, i - context);
        let end = i;
        for (let j = i; j < ops.length; j++) {
            if (ops[j].kind !== ' ')
                end = j;
            else if (j - end > 2 * context)
                break;
        }
        const stop = Math.min(ops.length, end + context + 1);
        const hunk = ops.slice(start, stop);
        const oldLines = hunk.filter(o => o.kind !== '+').length;
        const newLines = hunk.filter(o => o.kind !== '-').length;
        const oldStart = (hunk.find(o => o.kind !== '+')?.a ?? hunk[0].a) + (oldLines === 0 ? 0 : 1);
        const newStart = (hunk.find(o => o.kind !== '-')?.b ?? hunk[0].b) + (newLines === 0 ? 0 : 1);
        out.push(`@@ -${range(oldStart, oldLines)} +${range(newStart, newLines)} @@`);
        for (const o of hunk) {
            out.push(o.kind + o.line.text);
            if (!o.line.newline)
                out.push('\\ No newline at end of file');
        }
        i = stop;
    }
    return out.join('\n') + '\n';
}
function range(start, count) {
    return count === 1 ? `${start}` : `${start},${count}`;
}

// Text edits, pure. Two kinds: byte-offset edits (go.mod, whose parser gives byte offsets) and
// line/column edits (findings and references: 1-based lines, columns in code points, on one line).
/** Applies non-overlapping byte edits; throws when two overlap. */
function applyByteEdits(data, edits) {
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    const encoder = new TextEncoder();
    const parts = [];
    let at = 0;
    for (const e of sorted) {
        // Two removals may share the blank line between them (each tidies its own side): one removal.
        if (e.start < at && e.text === '' && parts.length > 0 && parts[parts.length - 1].length === 0) {
            at = Math.max(at, e.end);
            continue;
        }
        if (e.start < at || e.end < e.start || e.end > data.length)
            throw new Error('overlapping or invalid edit');
        parts.push(data.subarray(at, e.start), encoder.encode(e.text));
        at = e.end;
    }
    parts.push(data.subarray(at));
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of parts) {
        out.set(p, offset);
        offset += p.length;
    }
    return out;
}
/**
 * Applies line/column edits to a text. Returns undefined when an edit does not fit the text (a line
 * or column out of range) or two edits overlap: the caller then leaves the file alone. An edit whose
 * span already holds `corrected` changes nothing, so applying the same edits twice is harmless.
 */
function applyLineEdits(text, edits) {
    const lines = text.split('\n');
    const byLine = new Map();
    for (const e of edits)
        byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);
    for (const [line, list] of byLine) {
        if (line < 1 || line > lines.length)
            return undefined;
        const chars = [...lines[line - 1]];
        list.sort((a, b) => b.column - a.column);
        let limit = chars.length + 1;
        for (const e of list) {
            if (e.column < 1 || e.endColumn < e.column || e.endColumn > limit)
                return undefined;
            chars.splice(e.column - 1, e.endColumn - e.column, ...e.corrected);
            limit = e.column;
        }
        lines[line - 1] = chars.join('');
    }
    return lines.join('\n');
}

// Rewrites the import paths of one Go source file and keeps it gofmt-clean. Pure: bytes in, bytes out.
//
// Only the import header changes (the bytes up to where go/build stops reading); the rest of the file
// is copied byte for byte. After the paths are replaced, the header is brought to the shape gofmt
// (go1.19: go/ast SortImports, go/printer) would give it, which matters because a new path can sort
// elsewhere and has another length:
// - each run of import specs on consecutive lines inside `import ( … )` is sorted by path, then
//   name, then trailing comment (a blank line or a comment line ends a run); a spec without a
//   trailing comment that equals the next one (same path and name) is dropped, as gofmt does;
// - a rewritten raw string literal is written as an interpreted one, as go/printer does;
// - trailing comments of consecutive spec lines are aligned again (gofmt's tabwriter: one space
//   after the widest spec of each run of consecutive lines that all carry a trailing comment).
// A header whose layout this cannot follow safely (two specs on one line, a comment before a spec
// on its line, a group that needs sorting but is not one spec per line) is reported as unsafe and
// the file is not changed.
class UnsafeHeader extends Error {
}
/** Rewrites the import paths of a Go file for which `rewrite` gives a new path. */
function rewriteGoFile(data, rewrite) {
    const scan = scanImports(data, { eof: true });
    if (scan.error) {
        return {
            kind: 'unsafe',
            reason: `the import header could not be read: ${scan.error.message}`,
            line: scan.error.line,
            column: scan.error.column
        };
    }
    const paths = scan.imports.map(s => s.path);
    const targets = paths.map(p => rewrite(p));
    if (targets.every((t, i) => t === undefined || t === paths[i]))
        return { kind: 'unchanged', imports: paths };
    let header;
    try {
        header = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data.subarray(0, scan.end));
    }
    catch {
        return { kind: 'unsafe', reason: 'the import header is not valid UTF-8' };
    }
    try {
        const rewritten = rewriteHeader(header, paths, targets);
        const head = new TextEncoder().encode(rewritten.header);
        const out = new Uint8Array(head.length + data.length - scan.end);
        out.set(head, 0);
        out.set(data.subarray(scan.end), head.length);
        const changes = scan.imports.flatMap((s, i) => {
            const to = targets[i];
            return to === undefined || to === s.path ? [] : [{ line: s.line, column: s.column, from: s.path, to }];
        });
        return { kind: 'changed', data: out, changes, imports: rewritten.imports };
    }
    catch (error) {
        if (error instanceof UnsafeHeader)
            return { kind: 'unsafe', reason: error.message };
        throw error;
    }
}
// ---------------------------------------------------------------------------------------------
// The header: tokens, declarations, specs
function lex(s) {
    const toks = [];
    const comments = [];
    let i = 0;
    while (i < s.length) {
        const c = s[i];
        if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\ufeff') {
            i++;
        }
        else if (s.startsWith('//', i)) {
            const nl = s.indexOf('\n', i);
            const end = nl < 0 ? s.length : nl;
            comments.push({ start: i, end });
            i = end;
        }
        else if (s.startsWith('/*', i)) {
            const close = s.indexOf('*/', i + 2);
            if (close < 0)
                throw new UnsafeHeader('unterminated comment in the import header');
            comments.push({ start: i, end: close + 2 });
            i = close + 2;
        }
        else if (c === '"') {
            let j = i + 1;
            while (j < s.length && s[j] !== '"')
                j += s[j] === '\\' ? 2 : 1;
            toks.push({ kind: 'string', start: i, end: j + 1, text: s.slice(i, j + 1) });
            i = j + 1;
        }
        else if (c === '`') {
            const close = s.indexOf('`', i + 1);
            if (close < 0)
                throw new UnsafeHeader('unterminated raw string in the import header');
            toks.push({ kind: 'string', start: i, end: close + 1, text: s.slice(i, close + 1) });
            i = close + 1;
        }
        else if (c === '(' || c === ')' || c === ';' || c === '.') {
            toks.push({ kind: 'punct', start: i, end: i + 1, text: c });
            i++;
        }
        else {
            const m = /^[\p{L}_][\p{L}\p{Nd}_]*/u.exec(s.slice(i, i + 256));
            if (!m)
                throw new UnsafeHeader(`unexpected character ${JSON.stringify(c)} in the import header`);
            toks.push({ kind: 'ident', start: i, end: i + m[0].length, text: m[0] });
            i += m[0].length;
        }
    }
    return { toks, comments };
}
function parseSpecs(s, toks) {
    const t = toks.filter(x => x.text !== ';' || x.kind !== 'punct');
    let i = 0;
    const want = (ok, what) => {
        if (!ok)
            throw new UnsafeHeader(`unexpected header layout: expected ${what}`);
    };
    want(t[i]?.text === 'package', '"package"');
    i++;
    want(t[i]?.kind === 'ident', 'the package name');
    i++;
    const specs = [];
    let decl = 0;
    const readSpec = (grouped, declStart) => {
        let name;
        const start = t[i]?.start ?? s.length;
        if (t[i]?.kind === 'ident' || t[i]?.text === '.')
            name = t[i++].text;
        want(t[i]?.kind === 'string', 'an import path');
        const lit = t[i++];
        specs.push({
            decl,
            grouped,
            declStart,
            start,
            litStart: lit.start,
            end: lit.end,
            ...(name ? { name } : {})
        });
    };
    while (i < t.length && t[i].text === 'import') {
        const declStart = t[i++].start;
        if (t[i]?.text === '(') {
            i++;
            while (i < t.length && t[i].text !== ')')
                readSpec(true, declStart);
            want(t[i]?.text === ')', '")"');
            i++;
        }
        else {
            readSpec(false, declStart);
        }
        decl++;
    }
    want(i === t.length, 'the end of the import header');
    return specs;
}
function rewriteHeader(header, paths, targets) {
    const { toks, comments } = lex(header);
    const raw = parseSpecs(header, toks);
    if (raw.length !== paths.length)
        throw new UnsafeHeader('the import header was read differently');
    const lineStarts = [0];
    for (let k = 0; k < header.length; k++)
        if (header[k] === '\n')
            lineStarts.push(k + 1);
    const lineOf = (offset) => {
        let lo = 0;
        let hi = lineStarts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (lineStarts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo;
    };
    const specs = raw.map((r, k) => ({
        ...r,
        line: lineOf(r.litStart),
        path: paths[k],
        newPath: targets[k] ?? paths[k]
    }));
    const lines = header.split('\n');
    const specsOnLine = new Map();
    for (const sp of specs)
        specsOnLine.set(sp.line, (specsOnLine.get(sp.line) ?? 0) + 1);
    // Describe each spec's line, with the literal already rewritten.
    const info = new Map();
    for (const sp of specs) {
        const base = lineStarts[sp.line];
        const text = lines[sp.line];
        const codeStart = sp.grouped ? sp.start : sp.declStart;
        const before = header.slice(base, codeStart);
        const lit = header.slice(sp.litStart, sp.end);
        const changed = sp.newPath !== sp.path;
        const newLit = changed ? goQuotePath(sp.newPath) : lit;
        const code = header.slice(codeStart, sp.litStart) + newLit;
        const rest = text.slice(sp.end - base);
        const comment = trailingComments(rest);
        const simple = specsOnLine.get(sp.line) === 1 &&
            lineOf(codeStart) === sp.line &&
            /^[ \t\ufeff]*$/.test(before) &&
            comment !== undefined &&
            !comments.some(c => c.start > codeStart && c.start < sp.litStart);
        info.set(sp.line, {
            simple,
            indent: before,
            code,
            comment: comment ?? '',
            rest
        });
        if (changed) {
            // Replace the literal in place; a line that is not simple keeps all its other text.
            lines[sp.line] = text.slice(0, sp.litStart - base) + newLit + rest;
        }
    }
    // Sort each run of a group the way gofmt does, and drop duplicates.
    const touched = new Set(specs.filter(sp => sp.newPath !== sp.path).map(sp => sp.line));
    const kept = [];
    const runs = [];
    for (const sp of specs) {
        const run = runs[runs.length - 1];
        const prev = run?.[run.length - 1];
        if (sp.grouped && prev && prev.decl === sp.decl && sp.line <= prev.line + 1)
            run.push(sp);
        else
            runs.push([sp]);
    }
    const removed = new Set();
    for (const run of runs) {
        // Alignment groups never cross a run's end (a blank or comment line), so a changed run is realigned whole.
        if (run.some(sp => sp.newPath !== sp.path))
            for (const sp of run)
                touched.add(sp.line);
        if (run.length <= 1 || !run[0].grouped || run.every(sp => sp.newPath === sp.path)) {
            kept.push(...run);
            continue;
        }
        const key = (sp) => ({
            path: sp.newPath,
            name: sp.name ?? '',
            comment: commentText(info.get(sp.line).comment)
        });
        const sorted = [...run].sort((a, b) => {
            const ka = key(a);
            const kb = key(b);
            return compareGo(ka.path, kb.path) || compareGo(ka.name, kb.name) || compareGo(ka.comment, kb.comment);
        });
        const deduped = sorted.filter((sp, k) => {
            const next = sorted[k + 1];
            if (!next)
                return true;
            const a = key(sp);
            const b = key(next);
            return !(a.path === b.path && a.name === b.name && a.comment === '');
        });
        const same = deduped.length === run.length && deduped.every((sp, k) => sp === run[k]);
        if (same) {
            kept.push(...run);
            continue;
        }
        if (run.some(sp => !info.get(sp.line).simple)) {
            throw new UnsafeHeader(`the import group at line ${run[0].line + 1} needs sorting but is not one import per line (run gofmt first)`);
        }
        const texts = deduped.map(sp => lines[sp.line]);
        const infos = deduped.map(sp => info.get(sp.line));
        run.forEach((sp, k) => {
            if (k < deduped.length) {
                lines[sp.line] = texts[k];
                info.set(sp.line, infos[k]);
                if (deduped[k] !== sp)
                    touched.add(sp.line);
            }
            else {
                removed.add(sp.line);
            }
        });
        kept.push(...deduped);
    }
    // A remaining duplicate (in another run or declaration) would not compile: leave it to a person.
    const seen = new Map();
    for (const sp of kept) {
        if (sp.name === '_')
            continue;
        const id = `${sp.name ?? ''} ${sp.newPath}`;
        const other = seen.get(id);
        if (other && other.path !== sp.path) {
            throw new UnsafeHeader(`the file would import "${sp.newPath}" twice (lines ${other.line + 1} and ${sp.line + 1})`);
        }
        seen.set(id, sp);
    }
    // Align the trailing comments of each run of consecutive commented spec lines that changed.
    const commented = (ln) => {
        const li = info.get(ln);
        return li !== undefined && !removed.has(ln) && li.simple && li.comment !== '';
    };
    const lineNumbers = [...info.keys()].sort((a, b) => a - b);
    for (let k = 0; k < lineNumbers.length;) {
        if (!commented(lineNumbers[k])) {
            k++;
            continue;
        }
        let end = k;
        const next = (ln) => {
            // Removed lines vanish, so the lines around them become consecutive.
            let n = ln + 1;
            while (removed.has(n))
                n++;
            return n;
        };
        while (end + 1 < lineNumbers.length &&
            lineNumbers[end + 1] === next(lineNumbers[end]) &&
            commented(lineNumbers[end + 1]))
            end++;
        const group = lineNumbers.slice(k, end + 1).filter(ln => !removed.has(ln));
        if (group.some(ln => touched.has(ln))) {
            if (next(group[group.length - 1]) === lines.length - 1) {
                // gofmt would align the comments with the code right below the imports too.
                throw new UnsafeHeader('a commented import is followed directly by code, without a blank line; add one (or run gofmt) first');
            }
            const width = Math.max(...group.map(ln => runeCount(info.get(ln).code)));
            for (const ln of group) {
                const li = info.get(ln);
                lines[ln] = li.indent + li.code + ' '.repeat(width - runeCount(li.code) + 1) + li.comment;
            }
        }
        k = end + 1;
    }
    const out = lines.filter((_, ln) => !removed.has(ln)).join('\n');
    return { header: out, imports: kept.map(sp => sp.newPath) };
}
/** The trailing comments after a spec (from the first `/`, trailing white space kept), '' when there are none, or undefined when other text follows. */
function trailingComments(rest) {
    let i = 0;
    let first = -1;
    for (;;) {
        while (i < rest.length && /[ \t\r]/.test(rest[i]))
            i++;
        if (i >= rest.length)
            return first < 0 ? '' : rest.slice(first);
        if (rest.startsWith('//', i))
            return rest.slice(first < 0 ? i : first);
        if (!rest.startsWith('/*', i))
            return undefined;
        const close = rest.indexOf('*/', i + 2);
        if (close < 0)
            return undefined;
        if (first < 0)
            first = i;
        i = close + 2;
    }
}
/** An approximation of go/ast CommentGroup.Text for one line of comments, used only to order ties. */
function commentText(comment) {
    const parts = [];
    for (const m of comment.matchAll(/\/\/(.*)$|\/\*([\s\S]*?)\*\//g)) {
        if (m[1] !== undefined)
            parts.push(m[1].startsWith(' ') ? m[1].slice(1) : m[1]);
        else
            parts.push(m[2]);
    }
    return parts.map(p => p.replace(/\s+$/, '')).join('\n');
}
/** go/printer writes import paths as interpreted strings; an import path never needs escapes. */
function goQuotePath(path) {
    return `"${path}"`;
}
/** Go string order: by UTF-8 bytes (the same as UTF-16 order for ASCII). */
function compareGo(a, b) {
    if (a === b)
        return 0;
    // eslint-disable-next-line no-control-regex
    if (/^[\x00-\x7f]*$/.test(a + b))
        return a < b ? -1 : 1;
    const x = new TextEncoder().encode(a);
    const y = new TextEncoder().encode(b);
    for (let k = 0; k < Math.min(x.length, y.length); k++)
        if (x[k] !== y[k])
            return x[k] - y[k];
    return x.length - y.length;
}
function runeCount(s) {
    let n = 0;
    for (const _ of s)
        n++;
    return n;
}

/** Replaces the token at `span` (a path or a version) with `value`, keeping the quotes it had. */
function replaceToken(data, span, value) {
    const first = data[span.start.byte];
    const quote = first === 0x22 ? '"' : first === 0x60 ? '`' : '';
    return { start: span.start.byte, end: span.end.byte, text: `${quote}${value}${quote}` };
}
/**
 * Removes the directive whose line span is `span`: the whole line with its comment. A one-line
 * directive (`require p v`) goes with its keyword; a line of a block goes alone (dropEmptiedBlocks
 * then removes a block left empty). Undefined when the line holds more than the directive (then the
 * caller keeps the line and says so).
 */
function removeDirective(data, span, verb) {
    const text = new TextDecoder().decode(data);
    const bytes = (s) => new TextEncoder().encode(s).length;
    const startLine = text.lastIndexOf('\n', charIndex(text, span.start.byte) - 1) + 1;
    const nl = text.indexOf('\n', charIndex(text, span.end.byte));
    const endLine = nl < 0 ? text.length : nl + 1;
    const lineText = text.slice(startLine, endLine);
    const before = text.slice(startLine, charIndex(text, span.start.byte));
    const after = text.slice(charIndex(text, span.end.byte), endLine);
    if (!/^\s*(\/\/.*)?\s*$/.test(after))
        return undefined;
    const single = new RegExp(`^\\s*${verb}\\s+$`).test(before) || new RegExp(`^\\s*${verb}\\s`).test(lineText);
    if (!single && !/^\s*$/.test(before))
        return undefined;
    const [start, end] = withoutDoubleBlank(text, startLine, endLine);
    return { start: bytes(text.slice(0, start)), end: bytes(text.slice(0, end)), text: '' };
}
/**
 * The blocks that removals left empty (`require (` then `)`, nothing but blank lines between), removed
 * too, as `go mod tidy` would. Only for a verb with more empty blocks after than before, so the
 * file's own empty blocks stay; nothing is done to a file that is not valid UTF-8.
 */
function dropEmptiedBlocks(before, after) {
    const decoder = new TextDecoder();
    let text = decoder.decode(after);
    const encoded = new TextEncoder().encode(text);
    if (!Buffer.from(encoded).equals(after))
        return after;
    const empty = /(?<=^|\n)[ \t]*([a-z]+)[ \t]*\([ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*\)[ \t]*(?:\r?\n|$)/g;
    const counts = (t) => {
        const byVerb = new Map();
        for (const m of t.matchAll(empty))
            byVerb.set(m[1], (byVerb.get(m[1]) ?? 0) + 1);
        return byVerb;
    };
    const was = counts(decoder.decode(before));
    const emptied = [...counts(text)].filter(([verb, n]) => n > (was.get(verb) ?? 0)).map(([verb]) => verb);
    const blocks = [...text.matchAll(empty)].filter(m => emptied.includes(m[1]));
    for (const m of blocks.reverse()) {
        const [start, end] = withoutDoubleBlank(text, m.index, m.index + m[0].length);
        text = text.slice(0, start) + text.slice(end);
    }
    return new TextEncoder().encode(text);
}
/**
 * The lines [start, end) to remove, widened so that no two blank lines are left where there was one:
 * the blank line after them goes too when one stands before, or the one before at the end of the file.
 */
function withoutDoubleBlank(text, start, end) {
    const prevBlank = start === 0 || text.slice(0, start).endsWith('\n\n');
    if (prevBlank && text.startsWith('\n', end))
        return [start, end + 1];
    if (prevBlank && end >= text.length && start > 0)
        return [start - 1, end];
    return [start, end];
}
/** The index in `text` (UTF-16) of byte offset `byte` of its UTF-8 encoding. */
function charIndex(text, byte) {
    let b = 0;
    let i = 0;
    while (i < text.length && b < byte) {
        const cp = text.codePointAt(i);
        b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        i += cp >= 0x10000 ? 2 : 1;
    }
    return i;
}

// `fix`: move a module of the repository to another major. Pure: file contents in, new contents out.
//
// What is rewritten, for the one module in scope:
// - the module line of its go.mod (`example.com/m` -> `example.com/m/v2`; back to the unsuffixed path
//   for major 1; gopkg.in `.vN`);
// - every import, in every .go file the module owns, of its own packages through another major (the
//   imports stale-self-import reports, so `check` agrees with the result), in every form;
// - non-Go references to an older major's path (src/go/module/references.ts: .proto go_package, buf, docs,
//   -X ldflags, go commands in build files, //go:generate lines), in place;
// - self-requirement leftovers: a require or replace of the module's own other major that nothing
//   imports any more after the rewrite is removed, one that is still imported (by a file whose import
//   another module of the repository owns) is kept; a require or replace of the new path itself (the
//   main module cannot require itself) is removed.
// A file that cannot be rewritten safely is listed and left as it is.
/** The .go files that `planFix` needs for the module in `moduleDir`, given every go.mod and every file. */
function goFilesOfModule(goMods, files, moduleDir) {
    const modules = loadModules(goMods);
    const module = modules.find(m => m.dir === moduleDir);
    if (!module)
        return [];
    const owner = fileOwnerIndex(modules);
    return files.filter(f => isGoSourceFile(f) && owner(f) === module);
}
function planFix(input) {
    const { goMods, moduleDir, major } = input;
    if (!Number.isSafeInteger(major) || major < 1) {
        throw new UsageError(`--major must be a whole number ≥ 1 (1 is the unsuffixed path of v0 and v1), got ${major}`);
    }
    const goModFile = moduleDir === '.' ? 'go.mod' : `${moduleDir}/go.mod`;
    const goModData = goMods.get(goModFile);
    if (!goModData)
        throw new UsageError(`there is no module in ${moduleDir === '.' ? 'the repository root' : `${moduleDir}/`} (no ${goModFile})`);
    const plan = { moduleDir, from: '', to: '', changes: [], unsafe: [], notes: [] };
    const { modFile, errors } = parseModFile(goModData, { mode: 'strict', file: goModFile });
    const syntax = errors.find(e => e.kind === 'syntax');
    if (syntax || !modFile.module) {
        plan.unsafe.push({
            file: goModFile,
            reason: syntax ? `go.mod does not parse: ${syntax.message}` : 'go.mod has no module line',
            ...(syntax ? { line: syntax.line, column: syntax.column } : {})
        });
        return plan;
    }
    const old = loadModules(new Map([[goModFile, goModData]]))[0];
    const from = modFile.module.path;
    if (old.prefix === from && /\/v[0-9.]+$/.test(from) && old.pathMajor === '') {
        // splitPathVersion failed (`/v1`, `/v02`): the family is unclear.
        throw new UsageError(`the module path "${from}" has a malformed major suffix; correct it by hand first`);
    }
    const to = pathForMajor(old.prefix, major === 1 ? (from.startsWith('gopkg.in/') ? '1' : '') : String(major));
    plan.from = from;
    plan.to = to;
    // The go.mod with its new module line; the rest of it is settled after the imports.
    const goModEdits = [];
    const goModSummary = [];
    if (from !== to) {
        goModEdits.push(replaceToken(goModData, modFile.module.pathSpan, to));
        goModSummary.push(`module ${from} -> ${to}`);
    }
    const newGoMods = new Map(goMods);
    newGoMods.set(goModFile, applyByteEdits(goModData, goModEdits));
    const modules = loadModules(newGoMods);
    const module = modules.find(m => m.dir === moduleDir);
    const importOwner = importOwnerIndex(modules);
    const fileOwner = fileOwnerIndex(modules);
    // The imports to rewrite: those stale-self-import reports; and, going back to the unsuffixed path,
    // those of the path left (which a v0/v1 module would take for its own `vN/…` directories).
    const rewriteImport = (p) => {
        const stale = staleImport(p, module, importOwner)?.corrected;
        if (stale !== undefined || module.pathMajorDigits !== '' || from === to)
            return stale;
        const member = familyMember(p, module.prefix);
        if (!member || member.modulePath !== from)
            return undefined;
        const owner = importOwner(p);
        if (owner && owner !== module)
            return undefined;
        return to + p.slice(from.length);
    };
    // Every .go file of the module.
    const importsAfter = new Map();
    const files = [...input.goFiles.keys()].filter(f => isGoSourceFile(f) && fileOwner(f) === module).sort();
    for (const file of files) {
        const data = input.goFiles.get(file);
        const result = rewriteGoFile(data, rewriteImport);
        if (result.kind === 'unsafe') {
            // Only a problem when the file may hold an import of the family.
            if (new TextDecoder().decode(data).includes(old.prefix)) {
                plan.unsafe.push({
                    file,
                    reason: result.reason,
                    ...(result.line !== undefined ? { line: result.line, column: result.column } : {})
                });
            }
            continue;
        }
        importsAfter.set(file, result.imports);
        if (result.kind === 'changed') {
            plan.changes.push({
                file,
                before: data,
                after: result.data,
                summary: result.changes.map(c => `${file}:${c.line}:${c.column}: "${c.from}" -> "${c.to}"`)
            });
        }
    }
    // Self-requirement leftovers.
    const importers = (path) => [...importsAfter]
        .filter(([, paths]) => paths.some(p => familyMember(p, module.prefix)?.modulePath === path))
        .map(([file]) => file);
    const unreadable = plan.unsafe.length > 0;
    const kept = new Set();
    const removeLine = (span, verb, what, why) => {
        const edit = removeDirective(goModData, span, verb);
        if (edit) {
            goModEdits.push(edit);
            goModSummary.push(`removed ${what}`);
            plan.notes.push(`${goModFile}: removed ${what}: ${why}`);
        }
        else {
            plan.notes.push(`${goModFile}: kept ${what}: ${why}, but its line holds more than the directive; remove it by hand`);
        }
    };
    for (const r of modFile.require) {
        const member = familyMember(r.path, module.prefix);
        if (!member || member.modulePath !== r.path)
            continue;
        const what = `require ${r.path} ${r.version}`;
        if (r.path === to) {
            removeLine(r.span, 'require', what, 'a module cannot require itself');
            continue;
        }
        const users = importers(r.path);
        if (users.length > 0 || unreadable) {
            kept.add(r.path);
            plan.notes.push(`${goModFile}: kept ${what}: ${users.length > 0 ? `still imported by ${users.join(', ')} (those packages belong to another module of this repository)` : 'some files could not be read, so it may still be imported'}`);
            continue;
        }
        removeLine(r.span, 'require', what, 'another major of the module itself, which nothing imports any more');
    }
    for (const r of modFile.replace) {
        const member = familyMember(r.oldPath, module.prefix);
        if (!member || member.modulePath !== r.oldPath)
            continue;
        const what = `replace ${r.oldPath}${r.oldVersion ? ` ${r.oldVersion}` : ''} => ${r.newPath}${r.newVersion ? ` ${r.newVersion}` : ''}`;
        if (r.oldPath === to) {
            removeLine(r.span, 'replace', what, 'the main module cannot be replaced');
        }
        else if (kept.has(r.oldPath)) {
            plan.notes.push(`${goModFile}: kept ${what}: ${r.oldPath} is still required`);
        }
        else {
            removeLine(r.span, 'replace', what, 'another major of the module itself, which nothing requires any more');
        }
    }
    // Retractions of another major: the go command rejects them in this go.mod (retract-major-mismatch).
    const { pathMajor: newPathMajor } = splitPathVersion(to);
    for (const r of modFile.retract) {
        if (![r.low, r.high].some(v => isValid(v) && checkPathMajor(v, newPathMajor) !== undefined))
            continue;
        const what = r.low === r.high ? `retract ${r.low}` : `retract [${r.low}, ${r.high}]`;
        removeLine(r.span, 'retract', what, `it names a version of another major than ${to}, which the go command rejects here (retractions of the old major belong in its own go.mod)`);
    }
    if (goModEdits.length > 0) {
        const after = dropEmptiedBlocks(goModData, applyByteEdits(goModData, goModEdits));
        plan.changes.unshift({
            file: goModFile,
            before: goModData,
            after,
            summary: goModSummary.map(s => `${goModFile}: ${s}`)
        });
    }
    // Non-Go references, read from each file as the import rewrite left it.
    if (input.referenceFiles && input.referenceFiles.size > 0) {
        const current = new Map(input.referenceFiles);
        for (const c of plan.changes)
            if (current.has(c.file))
                current.set(c.file, c.after);
        const edits = referenceEdits(current, modules, module);
        const result = applyFileEdits(current, edits);
        for (const change of result.changes) {
            const earlier = plan.changes.find(c => c.file === change.file);
            if (earlier) {
                earlier.after = change.after;
                earlier.summary.push(...change.summary);
            }
            else {
                plan.changes.push({ ...change, before: input.referenceFiles.get(change.file) });
            }
        }
        plan.unsafe.push(...result.unsafe);
    }
    return plan;
}
/**
 * The stale-reference findings of `module` in `files` (src/go/module/references.ts), as edits: each
 * stale path becomes the same package under the module's path.
 */
function referenceEdits(files, modules, module) {
    const find = referenceFinder(modules);
    const edits = [];
    for (const [file, data] of files) {
        if (referenceFileKind(file) === undefined)
            continue;
        const text = new TextDecoder().decode(data);
        if (!text.includes(module.prefix))
            continue;
        const found = [];
        text.split('\n').forEach((line, i) => {
            if (line.includes(module.prefix))
                found.push({ line: i + 1, text: line });
        });
        const lines = referenceLinesToKeep(file, found);
        const document = needsWholeText(file) ? text : undefined;
        for (const ref of find(file, lines, document)) {
            if (ref.module !== module)
                continue;
            edits.push({
                file,
                line: ref.line,
                column: ref.column,
                endColumn: ref.endColumn,
                corrected: ref.corrected
            });
        }
    }
    return edits;
}
/**
 * Applies line/column edits to the files they name (the seam for non-Go references): each file is
 * changed whole or not at all.
 */
function applyFileEdits(files, edits) {
    const byFile = new Map();
    for (const e of edits)
        byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
    const changes = [];
    const unsafe = [];
    for (const [file, list] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const data = files.get(file);
        let text;
        try {
            text = data && new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data);
        }
        catch {
            text = undefined;
        }
        const after = text === undefined ? undefined : applyLineEdits(text, list);
        if (data === undefined || after === undefined) {
            unsafe.push({
                file,
                reason: data === undefined
                    ? 'could not be read'
                    : 'the references in it could not be placed (not UTF-8, or positions out of range)'
            });
            continue;
        }
        if (after === text)
            continue;
        changes.push({
            file,
            before: data,
            after: new TextEncoder().encode(after),
            summary: list.map(e => `${file}:${e.line}:${e.column}: reference -> ${e.corrected}`)
        });
    }
    return { changes, unsafe };
}

// `upgrade`: move a consumer repository to a new major of a dependency. Pure: file contents in, new
// contents out.
//
// For every module of the repository (except members of the dependency's own family):
// - each import of an older major of the dependency's family (`example.com/lib/pkg`,
//   `example.com/lib/v2/pkg` when upgrading to v3) becomes the same package under the new path,
//   unless the consumer requires a longer module path that owns it (a nested module such as
//   `example.com/lib/sub` is another module, not a package of the family);
// - the go.mod require of the older major becomes `NEW_PATH VERSION` in place (its comment, such as
//   `// indirect`, stays); further requires of older majors that nothing imports any more go; an
//   existing require of the new path gets the version asked for.
// With the new version's package list (`sourcePackages`), each rewritten import whose package is not
// there is reported.
/** Parses `MODULE@VERSION`: a valid module path and a canonical semantic version that fits its major. */
function parseUpgradeTarget(arg) {
    const at = arg.lastIndexOf('@');
    if (at <= 0)
        throw new UsageError(`expected MODULE@VERSION, such as example.com/lib/v2@v2.1.0, got "${arg}"`);
    const path = arg.slice(0, at);
    const version = arg.slice(at + 1);
    const problem = check$1(path, version);
    if (problem)
        throw new UsageError(problem);
    if (canonical(version) !== version) {
        throw new UsageError(`${arg}: the version must be canonical, such as ${canonical(version) || 'v2.1.0'}`);
    }
    const split = splitPathVersion(path);
    return { path, version, prefix: split.prefix, major: pathMajorDigits(split.pathMajor) };
}
function planUpgrade(input) {
    const target = parseUpgradeTarget(input.target);
    const plan = { target, changes: [], unsafe: [], missing: [], notes: [] };
    if (input.sourceModulePath !== undefined && input.sourceModulePath !== target.path) {
        plan.notes.push(`--source declares module "${input.sourceModulePath}", not "${target.path}": the package check may not mean much`);
    }
    const modules = loadModules(input.goMods);
    if (modules.length === 0)
        throw new UsageError('no go.mod found: upgrade works on the modules of a repository');
    const fileOwner = fileOwnerIndex(modules);
    const repoOwner = importOwnerIndex(modules);
    const isOlder = (major) => compareMajors(major, target.major) < 0;
    for (const module of modules) {
        const goModFile = module.goModFile;
        const syntax = module.errors.find(e => e.kind === 'syntax');
        if (module.path !== undefined && familyMember(module.path, target.prefix)) {
            if (module.path !== target.path)
                plan.notes.push(`${goModFile}: skipped: "${module.path}" is itself a major of ${target.prefix} (use fix)`);
            continue;
        }
        if (syntax) {
            plan.unsafe.push({
                file: goModFile,
                reason: `go.mod does not parse: ${syntax.message}`,
                line: syntax.line,
                column: syntax.column
            });
            continue;
        }
        const requires = module.modFile.require;
        const owner = requireOwner(requires.map(r => r.path));
        const rewrite = (p) => {
            if (repoOwner(p) !== undefined)
                return undefined; // a module of this repository
            const owned = owner(p);
            const modulePath = owned ?? familyMember(p, target.prefix)?.modulePath;
            if (modulePath === undefined)
                return undefined;
            const member = familyMember(modulePath, target.prefix);
            if (!member || member.modulePath !== modulePath || !isOlder(member.major))
                return undefined;
            return target.path + p.slice(modulePath.length);
        };
        const files = [...input.goFiles.keys()].filter(f => isGoSourceFile(f) && fileOwner(f) === module).sort();
        const importsAfter = [];
        let unreadable = false;
        let rewrote = false;
        for (const file of files) {
            const data = input.goFiles.get(file);
            const result = rewriteGoFile(data, rewrite);
            if (result.kind === 'unsafe') {
                if (new TextDecoder().decode(data).includes(target.prefix)) {
                    unreadable = true;
                    plan.unsafe.push({
                        file,
                        reason: result.reason,
                        ...(result.line !== undefined ? { line: result.line, column: result.column } : {})
                    });
                }
                continue;
            }
            importsAfter.push(...result.imports);
            if (result.kind === 'unchanged')
                continue;
            rewrote = true;
            plan.changes.push({
                file,
                before: data,
                after: result.data,
                summary: result.changes.map(c => `${file}:${c.line}:${c.column}: "${c.from}" -> "${c.to}"`)
            });
            if (input.sourcePackages) {
                for (const c of result.changes) {
                    const rel = c.to === target.path ? '' : c.to.slice(target.path.length + 1);
                    if (!input.sourcePackages.has(rel))
                        plan.missing.push({ file, line: c.line, column: c.column, importPath: c.to });
                }
            }
        }
        const goModChange = upgradeGoMod(module, input.goMods.get(goModFile), target, importsAfter, unreadable, isOlder, plan.notes);
        if (goModChange)
            plan.changes.unshift(goModChange);
        else if (rewrote && !requires.some(r => r.path === target.path)) {
            plan.notes.push(`${goModFile}: no require of ${target.prefix} to update: run "go get ${target.path}@${target.version}"`);
        }
    }
    if (plan.changes.some(c => c.file.endsWith('go.mod'))) {
        plan.notes.push(`go.sum is not updated (offline): run "go mod tidy" to record ${target.path}@${target.version}`);
    }
    return plan;
}
/** The longest required module path that is a prefix of an import path. */
function requireOwner(paths) {
    const set = new Set(paths);
    return importPath => {
        for (let end = importPath.length; end > 0; end = importPath.lastIndexOf('/', end - 1)) {
            const prefix = importPath.slice(0, end);
            if (set.has(prefix))
                return prefix;
        }
        return undefined;
    };
}
function upgradeGoMod(module, data, target, importsAfter, unreadable, isOlder, notes) {
    const goModFile = module.goModFile;
    const edits = [];
    const summary = [];
    const existing = module.modFile.require.find(r => r.path === target.path);
    if (existing && existing.version !== target.version) {
        edits.push(replaceToken(data, existing.versionSpan, target.version));
        summary.push(`${goModFile}: require ${target.path} ${existing.version} -> ${target.version}`);
    }
    let placed = existing !== undefined;
    for (const r of module.modFile.require) {
        const member = familyMember(r.path, target.prefix);
        if (!member || member.modulePath !== r.path || !isOlder(member.major))
            continue;
        const stillImported = importsAfter.some(p => hasPathPrefix(p, r.path) && familyMember(p, target.prefix)?.modulePath === r.path);
        if (!placed) {
            edits.push(replaceToken(data, r.pathSpan, target.path), replaceToken(data, r.versionSpan, target.version));
            summary.push(`${goModFile}: require ${r.path} ${r.version} -> ${target.path} ${target.version}`);
            placed = true;
            if (stillImported || unreadable)
                notes.push(`${goModFile}: ${r.path} is still imported after the rewrite; run "go mod tidy"`);
            continue;
        }
        if (stillImported || unreadable) {
            notes.push(`${goModFile}: kept require ${r.path} ${r.version}: still imported`);
            continue;
        }
        const edit = removeDirective(data, r.span, 'require');
        if (edit) {
            edits.push(edit);
            summary.push(`${goModFile}: removed require ${r.path} ${r.version} (nothing imports it any more)`);
        }
        else
            notes.push(`${goModFile}: kept require ${r.path} ${r.version}: remove it by hand`);
    }
    for (const r of module.modFile.replace) {
        const member = familyMember(r.oldPath, target.prefix);
        if (member && member.modulePath === r.oldPath && isOlder(member.major)) {
            notes.push(`${goModFile}:${r.line}: kept replace ${r.oldPath}: it applies to the old major; write one for ${target.path} if you still need it`);
        }
    }
    if (edits.length === 0)
        return undefined;
    return {
        file: goModFile,
        before: data,
        after: dropEmptiedBlocks(data, applyByteEdits(data, edits)),
        summary
    };
}

// The I/O edge of `fix` and `upgrade`: find the repository's files, read them, hand them to the
// pure planners of ./fix/, then print a unified diff (--dry-run) or write the new contents.
// Exit codes: 0 done or nothing to do, 1 some files could not be rewritten (or, for upgrade, an
// import names a package the new version does not have), 2 usage error (thrown as UsageError).
/** The repository root (git top level, or the directory itself outside git) and its files. */
async function repositoryFiles(dir) {
    const abs = resolve(dir);
    if (!isDirectory(abs))
        throw new UsageError(`${abs} is not a directory`);
    const git = new Git(abs);
    const location = await git.location();
    if (location?.topLevel) {
        const files = await new Git(location.topLevel).workTreeFiles();
        return { root: location.topLevel, files: files.sort() };
    }
    return { root: abs, files: walk(abs).sort() };
}
function isDirectory(path) {
    try {
        return statSync(path).isDirectory();
    }
    catch {
        return false;
    }
}
/** Every counted file under `root` (no .git, vendor, testdata, _ or . entries), with forward slashes. */
function walk(root, sub = '') {
    const out = [];
    for (const entry of readdirSync(join(root, sub), { withFileTypes: true })) {
        const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
        if (entry.isDirectory()) {
            if (isCountedPath(`${rel}/x`))
                out.push(...walk(root, rel));
        }
        else if (entry.isFile())
            out.push(rel);
    }
    return out;
}
function readAll(root, files) {
    const out = new Map();
    for (const f of files) {
        try {
            out.set(f, readFileSync(join(root, f)));
        }
        catch {
            // A file that vanished or cannot be read: the planner sees it as absent.
        }
    }
    return out;
}
/** Writes each new file next to the old one and renames it over, so a file is never half-written. */
function writeChanges(root, changes) {
    for (const c of changes) {
        const target = join(root, c.file);
        const temp = `${target}.go-major-gate.tmp`;
        const mode = statSync(target).mode;
        writeFileSync(temp, c.after, { mode });
        renameSync(temp, target);
    }
}
function diffOf(changes) {
    const decoder = new TextDecoder();
    return [...changes]
        .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
        .map(c => unifiedDiff(c.file, decoder.decode(c.before), decoder.decode(c.after)))
        .join('');
}
function listUnsafe(io, unsafe) {
    if (unsafe.length === 0)
        return;
    io.stderr(`not rewritten (${unsafe.length} file${unsafe.length > 1 ? 's' : ''}; left as they are):\n`);
    for (const u of unsafe) {
        const at = u.line !== undefined ? `:${u.line}${u.column !== undefined ? `:${u.column}` : ''}` : '';
        io.stderr(`  ${u.file}${at}: ${u.reason}\n`);
    }
}
function report(io, changes, notes, dryRun) {
    // With --dry-run stdout holds only the patch, so that it can be piped to `git apply`.
    const say = dryRun ? io.stderr : io.stdout;
    for (const c of changes)
        for (const line of c.summary)
            say(`${line}\n`);
    for (const n of notes)
        say(`note: ${n}\n`);
    const n = changes.length;
    say(n === 0
        ? 'nothing to do\n'
        : `${dryRun ? 'would rewrite' : 'rewrote'} ${n} file${n > 1 ? 's' : ''}${dryRun ? ' (dry run: nothing written)' : ''}\n`);
    if (dryRun)
        io.stdout(diffOf(changes));
}
async function runFix(options, io) {
    const { root, files } = await repositoryFiles(options.dir);
    const goMods = readAll(root, goModFiles(files));
    const moduleDir = options.moduleDir ?? ROOT_DIR;
    if (!goMods.has(moduleDir === ROOT_DIR ? 'go.mod' : `${moduleDir}/go.mod`)) {
        const dirs = loadModules(goMods).map(m => m.dir);
        throw new UsageError(`there is no module in ${moduleDir === ROOT_DIR ? 'the repository root' : `${moduleDir}/`}${dirs.length > 0 ? `; use --module with one of: ${dirs.join(', ')}` : ''}`);
    }
    const goFiles = readAll(root, goFilesOfModule(goMods, files, moduleDir));
    const candidates = files.filter(f => referenceFileKind(f) !== undefined);
    const referenceFiles = readAll(root, candidates.filter(f => !goFiles.has(f)));
    for (const f of candidates)
        if (goFiles.has(f))
            referenceFiles.set(f, goFiles.get(f));
    const plan = planFix({ goMods, goFiles, moduleDir, major: options.major, referenceFiles });
    if (plan.from !== '') {
        const say = options.dryRun ? io.stderr : io.stdout;
        say(plan.from === plan.to
            ? `module ${plan.to} (${moduleDir}) is already at major ${options.major}; finishing its imports\n`
            : `module ${plan.from} -> ${plan.to} (${moduleDir})\n`);
    }
    report(io, plan.changes, plan.notes, options.dryRun);
    if (!options.dryRun)
        writeChanges(root, plan.changes);
    listUnsafe(io, plan.unsafe);
    return plan.unsafe.length > 0 ? 1 : 0;
}
async function runUpgrade(options, io) {
    parseUpgradeTarget(options.target); // usage errors before any I/O
    const { root, files } = await repositoryFiles(options.dir);
    const goMods = readAll(root, goModFiles(files));
    const goFiles = readAll(root, files.filter(isGoSourceFile));
    let sourcePackages;
    let sourceModulePath;
    if (options.source !== undefined) {
        const source = resolve(options.source);
        if (!isDirectory(source))
            throw new UsageError(`--source ${options.source} is not a directory`);
        sourcePackages = packagesOf(source);
        try {
            sourceModulePath = modulePath(readFileSync(join(source, 'go.mod'))) || undefined;
        }
        catch {
            sourceModulePath = undefined;
        }
    }
    const plan = planUpgrade({
        target: options.target,
        goMods,
        goFiles,
        ...(sourcePackages ? { sourcePackages } : {}),
        ...(sourceModulePath !== undefined ? { sourceModulePath } : {})
    });
    report(io, plan.changes, plan.notes, options.dryRun);
    if (!options.dryRun)
        writeChanges(root, plan.changes);
    listUnsafe(io, plan.unsafe);
    if (plan.missing.length > 0) {
        io.stderr(`imports of packages that ${plan.target.path}@${plan.target.version} does not have (in ${options.source}):\n`);
        for (const m of plan.missing)
            io.stderr(`  ${m.file}:${m.line}:${m.column}: "${m.importPath}"\n`);
    }
    return plan.unsafe.length > 0 || plan.missing.length > 0 ? 1 : 0;
}
/**
 * The packages of a module tree: directories (relative, '' for the root) holding a non-test .go
 * file, not inside a nested module, testdata, vendor, or a `.`/`_` directory.
 */
function packagesOf(source) {
    const files = walk(source);
    const nested = new Set(goModFiles(files).map(f => (f === 'go.mod' ? '' : f.slice(0, -'/go.mod'.length))));
    nested.delete('');
    const out = new Set();
    for (const f of files) {
        if (!f.endsWith('.go') || f.endsWith('_test.go'))
            continue;
        const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '';
        if ([...nested].some(n => dir === n || dir.startsWith(`${n}/`)))
            continue;
        out.add(dir);
    }
    return out;
}

// go-major-gate command line: gather, analyze, print. Exit 0 passed, 1 the gate failed, 2 usage or
// runtime error. No @actions/* imports here except the exec wrapper that src/gather uses.
const USAGE = `Usage: ${TOOL_NAME} check [DIR] [options]

Checks that a Go repository is a valid release of a version (or, without one, that every module's
path agrees with its releases and imports), before the tag is public.

What to gate (at most one; default: consistency of every module):
  --tag TAG              the tag about to be created, e.g. v2.0.0 or sub/v2.1.0
  --version V            a version of the module in --module (default: the root module)
  --module DIR           the module directory for --version
  --base REF             a pull request's base: a major bump where go.mod's major changed,
                         consistency elsewhere; findings on added lines are marked new
Where to read:
  --head REF             read the tree at REF from git objects instead of the working tree
  --repository OWNER/NAME  the GitHub repository being released (default: the origin remote)
Output:
  --format text|json|sarif  (default text; sarif: SARIF 2.1.0 for code scanning)
  --fail-on error|warning|never   which findings fail the gate (default error)
  --disable RULE,...     rule ids to switch off
  -h, --help             this help;  ${TOOL_NAME} version  prints the version

Exit status: 0 passed, 1 the gate failed, 2 usage or runtime error.

Usage: ${TOOL_NAME} fix [DIR] --major N [--module DIR] [--dry-run]

Moves a module to major N (1: the unsuffixed path of v0/v1): rewrites its go.mod module line, every
import of its own packages through another major (all forms; import groups re-sorted as gofmt does),
the references stale-reference reports (.proto, docs, ldflags, //go:generate...), and removes
requires/replaces of its own other majors that nothing imports any more.
  --major N              the major to move to (a whole number >= 1)
  --module DIR           the module directory (default: the root module)
  --dry-run              print a unified diff (git apply accepts it) and change nothing

Usage: ${TOOL_NAME} upgrade MODULE@VERSION [DIR] [--source DIR] [--dry-run]

Moves a consumer repository to a new major of a dependency, offline: every import of an older major
of MODULE's family and the go.mod require line become MODULE (e.g. example.com/lib/v2@v2.1.0).
  --source DIR           a directory holding the new version's module: report rewritten imports
                         whose package it does not have
  --dry-run              print a unified diff and change nothing

Exit status of fix and upgrade: 0 done (or nothing to do), 1 some files could not be rewritten
(listed; left untouched) or, for upgrade, an import names a package missing from --source,
2 usage error.
`;
const FORMATS = ['text', 'json', 'sarif'];
const FAIL_ON = ['error', 'warning', 'never'];
async function runCli(argv, io) {
    try {
        return await run(argv, io);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        io.stderr(`${TOOL_NAME}: ${message}\n`);
        if (error instanceof UsageError)
            io.stderr(`Run "${TOOL_NAME} --help" for usage.\n`);
        return 2;
    }
}
async function run(argv, io) {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
    }
    if (command === 'version' || command === '--version-info') {
        io.stdout(`${TOOL_NAME} ${TOOL_VERSION}\n`);
        return 0;
    }
    if (command === 'fix')
        return fix(rest, io);
    if (command === 'upgrade')
        return upgrade(rest, io);
    if (command !== 'check')
        throw new UsageError(`unknown command "${command}" (expected "check", "fix" or "upgrade")`);
    return check(rest, io);
}
function parseOrUsage(parse) {
    try {
        return parse();
    }
    catch (error) {
        throw new UsageError(error.message.replace(/\. To specify a positional argument.*$/s, ''));
    }
}
async function fix(args, io) {
    const { values, positionals } = parseOrUsage(() => parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
            major: { type: 'string' },
            module: { type: 'string' },
            'dry-run': { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h' }
        }
    }));
    if (values.help) {
        io.stdout(USAGE);
        return 0;
    }
    if (positionals.length > 1)
        throw new UsageError(`expected at most one directory, got: ${positionals.join(' ')}`);
    if (values.major === undefined)
        throw new UsageError('fix needs --major N (the major to move to)');
    if (!/^v?[0-9]+$/.test(values.major) || !/^[1-9]/.test(values.major.replace(/^v/, ''))) {
        throw new UsageError(`--major must be a whole number >= 1 (1 is the unsuffixed path of v0 and v1), got "${values.major}"`);
    }
    return runFix({
        dir: positionals[0] ?? '.',
        major: Number(values.major.replace(/^v/, '')),
        dryRun: Boolean(values['dry-run']),
        ...(values.module !== undefined ? { moduleDir: normalizeDir(values.module) } : {})
    }, io);
}
async function upgrade(args, io) {
    const { values, positionals } = parseOrUsage(() => parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
            source: { type: 'string' },
            'dry-run': { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h' }
        }
    }));
    if (values.help) {
        io.stdout(USAGE);
        return 0;
    }
    if (positionals.length === 0)
        throw new UsageError('upgrade needs MODULE@VERSION, e.g. example.com/lib/v2@v2.1.0');
    if (positionals.length > 2)
        throw new UsageError(`expected MODULE@VERSION and at most one directory, got: ${positionals.join(' ')}`);
    return runUpgrade({
        target: positionals[0],
        dir: positionals[1] ?? '.',
        dryRun: Boolean(values['dry-run']),
        ...(values.source !== undefined ? { source: values.source } : {})
    }, io);
}
function parseCheckArgs(args) {
    try {
        return parseArgs({
            args,
            allowPositionals: true,
            strict: true,
            options: {
                tag: { type: 'string' },
                version: { type: 'string' },
                module: { type: 'string' },
                base: { type: 'string' },
                head: { type: 'string' },
                repository: { type: 'string' },
                format: { type: 'string', default: 'text' },
                'fail-on': { type: 'string', default: 'error' },
                disable: { type: 'string', multiple: true },
                help: { type: 'boolean', short: 'h' }
            }
        });
    }
    catch (error) {
        throw new UsageError(error.message.replace(/\. To specify a positional argument.*$/s, ''));
    }
}
async function check(args, io) {
    const startedAt = Date.now();
    const { values, positionals } = parseCheckArgs(args);
    if (values.help) {
        io.stdout(USAGE);
        return 0;
    }
    if (positionals.length > 1)
        throw new UsageError(`expected at most one directory, got: ${positionals.join(' ')}`);
    const format = oneOf('--format', values.format, FORMATS);
    const failOn = oneOf('--fail-on', values['fail-on'], FAIL_ON);
    const disable = parseDisable(values.disable ?? []);
    if (values.repository !== undefined && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(values.repository)) {
        throw new UsageError(`--repository must be OWNER/NAME, got "${values.repository}"`);
    }
    const intent = intentFrom(values);
    const gathered = await gatherSnapshot({
        dir: positionals[0] ?? '.',
        ...(values.head !== undefined ? { head: values.head } : {}),
        ...(values.base !== undefined ? { base: values.base } : {}),
        ...(values.repository !== undefined ? { repository: values.repository } : {}),
        intent,
        disable
    });
    const report = await markAddedLines(gathered, analyze(gathered.snapshot, { intent, failOn, disable, startedAt }), startedAt);
    if (gathered.snapshot.shallow) {
        io.stderr(`${TOOL_NAME}: warning: ${gathered.root} is a shallow clone with ${gathered.snapshot.tags.length} tag(s): tags or history may be missing, so tag-exists and version-order may not see earlier releases; run "git fetch --tags --unshallow" first\n`);
    }
    io.stdout(formatReport(format, report, Boolean(io.isTty)));
    return report.conclusion === 'failure' ? 1 : 0;
}
function formatReport(format, report, color) {
    switch (format) {
        case 'json':
            return formatJson(report);
        case 'sarif':
            return formatSarif(report);
        case 'text':
            return formatText(report, { color });
    }
}
function intentFrom(values) {
    if (values.tag !== undefined && values.version !== undefined)
        throw new UsageError('use --tag or --version, not both');
    if (values.module !== undefined && values.version === undefined) {
        throw new UsageError('--module goes with --version (a tag already names its module by its prefix)');
    }
    if (values.tag !== undefined)
        return { kind: 'tag', tag: values.tag, source: 'input' };
    if (values.version !== undefined) {
        return {
            kind: 'version',
            version: values.version,
            ...(values.module !== undefined ? { moduleDir: normalizeDir(values.module) } : {}),
            source: 'input'
        };
    }
    if (values.base !== undefined)
        return { kind: 'pull-request', source: 'pull_request' };
    return { kind: 'consistency', source: 'input' };
}
function oneOf(flag, value, allowed) {
    if (!allowed.includes(value)) {
        throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
    }
    return value;
}
const KNOWN_RULES = new Set(rules.map(r => r.id));
function parseDisable(values) {
    const ids = values
        .flatMap(v => v.split(','))
        .map(s => s.trim())
        .filter(Boolean);
    const unknown = ids.filter(id => !KNOWN_RULES.has(id));
    if (unknown.length > 0) {
        throw new UsageError(`unknown rule id${unknown.length > 1 ? 's' : ''} in --disable: ${unknown.join(', ')} (known: ${[...KNOWN_RULES].join(', ')})`);
    }
    return ids;
}

// Process entry of the CLI bundle (dist/cli.js).
const code = await runCli(process.argv.slice(2), {
    stdout: s => void process.stdout.write(s),
    stderr: s => void process.stderr.write(s),
    isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
});
process.exitCode = code;

// The ordered rule registry. Rule ids are a public contract: never rename one.
import type { Rule } from './context.js';
import { breakingChange } from './breaking-change.js';
import { acceptUnmatched, configRefused } from './config-rules.js';
import { deprecatedModule } from './deprecated-module.js';
import { fileUnreadable } from './file-unreadable.js';
import { gomodSyntax } from './gomod-syntax.js';
import { incompatibleRelease } from './incompatible-release.js';
import { localReplace } from './local-replace.js';
import { mixedMajorImport } from './mixed-major-import.js';
import { moduleLocation } from './module-location.js';
import { modulePathRepository, moduleRenamed } from './module-identity.js';
import { modulePathInvalid } from './module-path-invalid.js';
import { modulePathMajor } from './module-path-major.js';
import { requireMajorMismatch } from './require-major-mismatch.js';
import { retractMajorMismatch } from './retract-major-mismatch.js';
import { selfRequirement } from './self-requirement.js';
import { siblingOldMajor } from './sibling-old-major.js';
import { staleReference } from './stale-reference.js';
import { staleSelfImport } from './stale-self-import.js';
import { retractedVersion, tagExists, tagInvalid, versionOrder } from './tag-rules.js';

export const rules: readonly Rule[] = [
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
  fileUnreadable,
  configRefused,
  acceptUnmatched
];

export type { Rule, RuleContext, Target } from './context.js';

// The rules about the tag or version itself: tag-invalid, tag-exists, version-order, retracted-version.
import { releasesOfModule, releasesWithPrefix, tagPrefixOf } from '../go/module/layout.js';
import { compareMajors } from '../go/module/majors.js';
import { compare, majorDigits } from '../go/module/version.js';
import { makeFinding, NO_PLACE, versionTargets, type Rule } from './context.js';

export const tagInvalid: Rule = {
  id: 'tag-invalid',
  severity: 'error',
  doc: 'The tag is not a canonical Go release version, or maps to no module.',
  check(ctx) {
    return ctx.targets
      .filter(t => t.tagProblem)
      .map(t =>
        makeFinding(
          'tag-invalid',
          'error',
          NO_PLACE,
          `${t.tag !== undefined ? `tag ${JSON.stringify(t.tag)}` : `version ${JSON.stringify(t.version)}`} is not a valid release tag: ${t.tagProblem}`,
          t.module
        )
      );
  }
};

export const tagExists: Rule = {
  id: 'tag-exists',
  severity: 'error',
  doc: 'The version gated is already tagged for that module.',
  check(ctx) {
    return versionTargets(ctx)
      .filter(t => t.mode === 'release' && t.tag !== undefined)
      .flatMap(t => {
        const existing = ctx.snapshot.tags.find(tag => tag.name === t.tag);
        // A tag already on the gated commit is the release being guarded, not a clash.
        if (!existing || existing.commit === ctx.snapshot.commit) return [];
        return [
          makeFinding(
            'tag-exists',
            'error',
            NO_PLACE,
            `tag ${t.tag} already exists (on commit ${existing.commit.slice(0, 12)}): a published version must never change, because the checksum database has recorded it; release the next version instead`,
            t.module
          )
        ];
      });
  }
};

export const versionOrder: Rule = {
  id: 'version-order',
  severity: 'warning',
  doc: "The version is not above the module's latest release, or skips a major.",
  check(ctx) {
    return versionTargets(ctx).flatMap(t => {
      const sameModule = releasesOfModule(ctx.snapshot.tags, t.module).filter(r => r.tag !== t.tag);
      const latest = sameModule[sameModule.length - 1];
      if (latest && compare(t.version, latest.version) <= 0) {
        return [
          makeFinding(
            'version-order',
            'warning',
            NO_PLACE,
            `${t.version} is not above the latest release ${latest.tag} of "${t.module.path}": the go command's "latest" stays at ${latest.version}; release a version above it`,
            t.module
          )
        ];
      }
      const family = releasesWithPrefix(ctx.snapshot.tags, tagPrefixOf(t.module.dir)).filter(
        r => r.tag !== t.tag
      );
      if (family.length === 0) return [];
      const highest = family
        .map(r => majorDigits(r.version))
        .reduce((a, b) => (compareMajors(a, b) >= 0 ? a : b));
      const gated = majorDigits(t.version);
      if (BigInt(gated) <= BigInt(highest) + 1n) return [];
      return [
        makeFinding(
          'version-order',
          'warning',
          NO_PLACE,
          `${t.version} skips a major: the highest release so far is v${highest}; release v${BigInt(highest) + 1n}.0.0 unless skipping is deliberate`,
          t.module
        )
      ];
    });
  }
};

export const retractedVersion: Rule = {
  id: 'retracted-version',
  severity: 'error',
  doc: "The version gated is retracted by the module's own go.mod.",
  check(ctx) {
    return versionTargets(ctx).flatMap(({ module, version }) =>
      module.modFile.retract
        .filter(r => compare(r.low, version) <= 0 && compare(version, r.high) <= 0)
        .map(r =>
          makeFinding(
            'retracted-version',
            'error',
            { file: module.goModFile, line: r.line, column: r.span.start.column },
            `${version} is retracted by this go.mod (retract ${r.low === r.high ? r.low : `[${r.low}, ${r.high}]`}${r.rationale ? `: ${r.rationale}` : ''}): the go command would hide it as soon as it is published; release another version or remove the retraction`,
            module
          )
        )
    );
  }
};

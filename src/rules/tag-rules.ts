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
          `${t.tag ?? t.version} skips a major of "${t.module.path}" (${t.module.goModFile}): its highest release so far is ${tagPrefixOf(t.module.dir)}v${highest}.x; release ${tagPrefixOf(t.module.dir)}v${BigInt(highest) + 1n}.0.0 unless skipping is deliberate`,
          t.module
        )
      ];
    });
  }
};

export const retractedVersion: Rule = {
  id: 'retracted-version',
  severity: 'error',
  doc: "The version gated is retracted by the module's own go.mod (a notice when it publishes retractions only).",
  check(ctx) {
    return versionTargets(ctx).flatMap(({ module, version }) => {
      const { retract } = module.modFile;
      const covering = retract.filter(r => compare(r.low, version) <= 0 && compare(version, r.high) <= 0);
      const retractionsOnly = isRetractionOnlyRelease(version, retract);
      return covering.map(r => {
        const what = `retract ${r.low === r.high ? r.low : `[${r.low}, ${r.high}]`}${r.rationale ? `: ${r.rationale}` : ''}`;
        const place = { file: module.goModFile, line: r.line, column: r.span.start.column };
        return retractionsOnly
          ? makeFinding(
              'retracted-version',
              'notice',
              place,
              `${version} retracts itself together with earlier versions (${what}): the way the Go documentation gives to publish retractions, since the go command reads them from the latest version's go.mod; release it, and the go command hides it and the versions it retracts`,
              module
            )
          : makeFinding(
              'retracted-version',
              'error',
              place,
              `${version} is retracted by this go.mod (${what}): the go command would hide it as soon as it is published; release another version or remove the retraction`,
              module
            );
      });
    });
  }
};

/**
 * A release that exists to publish retractions: it is the highest version its own go.mod retracts,
 * and that go.mod retracts earlier versions too (`retract [v2.7.0, v2.7.1]` released as v2.7.1).
 */
export function isRetractionOnlyRelease(
  version: string,
  retract: readonly { low: string; high: string }[]
): boolean {
  const endsARange = retract.some(r => compare(r.high, version) === 0);
  const retractsEarlier = retract.some(r => compare(r.low, version) < 0);
  const retractsLater = retract.some(r => compare(r.high, version) > 0);
  return endsARange && retractsEarlier && !retractsLater;
}

import { describe, expect, test } from '@jest/globals';
import { planFromEvent } from '../src/gather/event.js';

const none = { version: '', module: '', baseRef: '' };
const sha = (c: string) => c.repeat(40);
const pr = (fork = false) => ({
  number: 3,
  pull_request: {
    number: 3,
    head: { sha: sha('a'), repo: { full_name: fork ? 'x/r' : 'o/r' } },
    base: { sha: sha('b'), repo: { full_name: 'o/r' } }
  }
});

describe('events to plans', () => {
  test('pull_request and pull_request_target: head and base from the payload, never GITHUB_SHA', () => {
    for (const name of ['pull_request', 'pull_request_target']) {
      expect(planFromEvent(name, pr(), none, { sha: sha('m') })).toEqual({
        kind: 'gate',
        intent: { kind: 'pull-request', source: 'pull_request' },
        head: sha('a'),
        base: sha('b'),
        pullNumber: 3,
        fromFork: false,
        description: 'pull request #3'
      });
    }
    expect(planFromEvent('pull_request', pr(true), none, {})).toMatchObject({ fromFork: true });
    expect(planFromEvent('pull_request_target', pr(true), none, {})).toMatchObject({ fromFork: false });
    expect(planFromEvent('pull_request', pr(), { ...none, baseRef: 'release-1' }, {})).toMatchObject({
      base: 'release-1'
    });
    expect(planFromEvent('pull_request', {}, none, {})).toMatchObject({ kind: 'skip' });
    // The labels' names, for allow-breaking-label; odd entries are skipped.
    const labelled = pr() as { pull_request: Record<string, unknown> };
    labelled.pull_request.labels = [{ name: 'breaking' }, { id: 1 }, 'x', { name: 'docs' }];
    expect(planFromEvent('pull_request', labelled, none, {})).toMatchObject({ labels: ['breaking', 'docs'] });
  });

  test('tag pushes gate the tag; deletions and zero SHAs are skipped', () => {
    expect(planFromEvent('push', { ref: 'refs/tags/sub/v2.1.0', after: sha('c') }, none, {})).toMatchObject({
      intent: { kind: 'tag', tag: 'sub/v2.1.0', source: 'tag' },
      head: sha('c')
    });
    expect(
      planFromEvent('push', { ref: 'refs/tags/v1.0.0', after: sha('0'), deleted: true }, none, {})
    ).toEqual({
      kind: 'skip',
      reason: 'tag v1.0.0 was deleted: nothing to gate'
    });
    expect(planFromEvent('push', { ref: 'refs/heads/main', after: sha('d') }, none, {})).toMatchObject({
      intent: { kind: 'consistency' },
      head: sha('d')
    });
  });

  test('release: its tag; workflow_dispatch: its version input, else consistency', () => {
    expect(
      planFromEvent('release', { release: { tag_name: 'v3.0.0' } }, none, { sha: sha('e') })
    ).toMatchObject({
      intent: { kind: 'tag', tag: 'v3.0.0', source: 'release' },
      headTag: 'v3.0.0',
      head: sha('e')
    });
    expect(planFromEvent('workflow_dispatch', { inputs: { version: 'v2.0.0' } }, none, {})).toMatchObject({
      intent: { kind: 'tag', tag: 'v2.0.0' }
    });
    expect(planFromEvent('workflow_dispatch', { inputs: {} }, none, {})).toMatchObject({
      intent: { kind: 'consistency' }
    });
  });

  test('the version input wins, and with a module it is a version of that module', () => {
    expect(
      planFromEvent(
        'push',
        { ref: 'refs/tags/x', after: sha('c') },
        { ...none, version: 'v2.1.0', module: './cmd/tool/' },
        {}
      )
    ).toMatchObject({
      intent: { kind: 'version', version: 'v2.1.0', moduleDir: 'cmd/tool' }
    });
    expect(planFromEvent('schedule', {}, { ...none, version: 'v1.2.0' }, { sha: sha('f') })).toMatchObject({
      intent: { kind: 'tag', tag: 'v1.2.0', source: 'input' },
      head: sha('f')
    });
  });
});

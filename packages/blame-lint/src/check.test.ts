import { describe, expect, it } from 'vitest';
import { checkBlame } from './check.ts';

const kinds = (text: string) => checkBlame(text).map((issue) => issue.kind);

describe('blame kinds, each with positive and negative cases', () => {
  it('person as the cause', () => {
    expect(kinds('Wei broke the deploy pipeline')).toEqual(['person-as-cause']);
    expect(kinds("It was Ingrid's fault")).toEqual(['person-as-cause']);
    expect(kinds('The failure is on Felix.')).toEqual(['person-as-cause']);
    expect(kinds('Wei restarted the deploy pipeline')).toEqual([]);
    expect(kinds("It was Terraform's fault")).toEqual([]);
  });

  it('character judgements', () => {
    expect(kinds('A careless change to the firewall')).toEqual(['character-judgement']);
    expect(kinds('That was unprofessional.')).toEqual(['character-judgement']);
    expect(kinds('A change to the firewall')).toEqual([]);
  });

  it('counterfactuals, but not in the questions a review asks or about systems', () => {
    expect(kinds('Hugo should have waited for the canary.')).toEqual(['counterfactual']);
    expect(kinds('If only we had tested the restore.')).toEqual(['counterfactual']);
    expect(kinds('Had Nadia paged the DBA, we could have recovered sooner.')).toEqual(['counterfactual']);
    expect(kinds('What should have alerted us?')).toEqual([]);
    expect(kinds('The alert should have fired at 80%.')).toEqual([]);
  });

  it('human and operator error', () => {
    expect(kinds('Cause: operator error')).toEqual(['human-error']);
    expect(kinds('Human mistakes happen')).toEqual(['human-error']);
    expect(kinds('The operator saw error 503 from the proxy')).toEqual([]);
    expect(kinds('A classic PEBKAC.')).toEqual(['human-error']);
    expect(kinds('User errors (HTTP 4xx) rose threefold.')).toEqual([]);
  });

  it('failure framed on a person, not on a system or the team itself', () => {
    expect(kinds('Omar forgot to rotate the key.')).toEqual(['failure-on-person']);
    expect(kinds('The SRE did not verify the backup.')).toEqual(['failure-on-person']);
    expect(kinds('The backup job failed to rotate the key.')).toEqual([]);
    expect(kinds('We failed to meet the SLO this month.')).toEqual([]);
  });

  it('finds the person behind a second verb, a causal connective or a passive', () => {
    expect(kinds('At 09:12 the intern pushed straight to main and broke the build.')).toEqual(['person-as-cause']);
    expect(kinds('The database went read-only because Sara overrode the safety flag.')).toEqual(['person-as-cause']);
    expect(kinds('The failover was botched by the on-call.')).toEqual(['person-as-cause']);
    expect(kinds('Nobody on the payments team bothered to read the notice.')).toEqual(['failure-on-person']);
    expect(kinds('we lost two hours because chris missed the warning')).toContain('person-as-cause');
    // Systems in the same positions stay neutral.
    expect(kinds('The deploy finished and broke the cache.')).toEqual([]);
    expect(kinds('Reads failed because the admin console does not enforce a limit.')).toEqual([]);
    expect(kinds('The pods restarted because they ran out of memory.')).toEqual([]);
    expect(kinds('The cluster was taken down by a kernel bug.')).toEqual([]);
  });

  it('idioms of judgement and omission', () => {
    expect(kinds('It was a rookie mistake.')).toEqual(['character-judgement']);
    expect(kinds('Whoever wrote this clearly didn’t know what they were doing.')).toEqual(['character-judgement']);
    expect(kinds('Tariq sat on the warnings for a week.')).toEqual(['failure-on-person']);
    expect(kinds('The on-call didn’t even look at the dashboard.')).toEqual(['failure-on-person']);
    expect(kinds('The judgement call at 14:05 was made with the data on the dashboard.')).toEqual([]);
    expect(kinds('The retry loop did nothing for ten minutes.')).toEqual([]);
  });

  it('counterfactuals with "if … had", but not "should have a …" about the future', () => {
    expect(kinds('If Lena had followed the runbook, none of this would have happened.')).toContain('counterfactual');
    expect(kinds('We should have a clear owner for certificate renewals.')).toEqual([]);
    expect(kinds('If the cache had been warm, latency would have stayed low.')).toEqual([]);
  });

  it('tribal blame', () => {
    expect(kinds('Predictably, the data team ran a full table scan again.')).toEqual(['tribal-blame']);
    expect(kinds('This is why we don’t let the frontend people touch Terraform.')).toEqual(['tribal-blame']);
    expect(kinds('The nightly job once again timed out.')).toEqual([]);
    expect(kinds('Typical of the storage team.')).toEqual(['tribal-blame']);
    expect(kinds('The network folks never read the docs.')).toContain('tribal-blame');
    expect(kinds('The storage team rotated the disks.')).toEqual([]);
  });

  it('leaves neutral language alone', () => {
    for (const text of [
      'At 14:02 Dave restarted the primary',
      'the health check failed',
      'error 500',
      'a fault-tolerant design',
      'I ran git blame on the file',
      'Priya followed the runbook, which was out of date',
      'Why did the page go to the old rota?',
    ]) {
      expect(kinds(text), text).toEqual([]);
    }
  });

  it('offers a one-click rewrite only where the result blames nobody, and a system-level question otherwise', () => {
    const apply = (text: string) => {
      const [issue] = checkBlame(text);
      return issue?.replacement === undefined ? null : text.slice(0, issue.start) + issue.replacement + text.slice(issue.end);
    };
    const question = (text: string) => checkBlame(text)[0]?.question;
    expect(apply('The outage was caused by human error.')).toBe('The outage was caused by a gap in our safeguards.');
    expect(apply('We should have checked the dashboard')).toBe('We had not checked the dashboard');
    // Rewrites that keep the person keep the blame: "Bob had not double-checked the hostname" still blames Bob.
    for (const text of [
      'Bob should have double-checked the hostname.',
      'The reviewer should not have approved it',
      'Bob made a human error.',
      'Sarah forgot to update the DNS record.',
      'Priya was careless with the keys',
      // Names no lexicon holds: a capitalised word (or possessive) may be a person, so no rewrite keeps it.
      "We should have read Xiaoyu's warning",
      'We should have asked Marguerite first',
    ]) {
      expect(apply(text), text).toBeNull();
      expect(question(text), text).toMatch(/^What .+\?$/);
    }
    expect(question('Bob should have double-checked the hostname.')).toBe(
      'What would have led anyone in that position to have double-checked the hostname?',
    );
    expect(question('The reviewer should not have approved it')).toBe('What made it look reasonable, at the time, to have approved it?');
    expect(question('Sarah forgot to update the DNS record.')).toBe('What made it hard to update the DNS record?');
    expect(question('Omar missed the disk alert, so the primary filled up.')).toBe('What made the disk alert easy to miss?');
    expect(question('The on-call did not check the replica lag')).toBe('What made it hard to check the replica lag?');
    for (const text of ['We had not checked the dashboard', 'The outage was caused by a gap in our safeguards.']) {
      expect(checkBlame(text), text).toEqual([]);
    }
  });

  it('gives offsets of the flagged words and a message and a reframe', () => {
    const text = 'Then Bob should have checked the dashboard.';
    const [issue] = checkBlame(text);
    expect(text.slice(issue!.start, issue!.end)).toBe('should have');
    expect(issue!.message).toMatch(/Hindsight/);
    expect(issue!.suggestion.length).toBeGreaterThan(20);
  });
});

import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { LIMITS } from '../limits.ts';
import { addIncidentTag, removeIncidentTag, setIncidentDetails } from './incident-details.ts';
import { initBoard } from './init.ts';
import { readMeta } from './shape.ts';

const board = () => {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Checkout outage' });
  return doc;
};

it('sets severity and impact within bounds', () => {
  const doc = board();
  setIncidentDetails(doc, { severity: 'SEV2', impactMinutes: 74.6 });
  expect(readMeta(doc)).toMatchObject({ severity: 'SEV2', impactMinutes: 75 });
  setIncidentDetails(doc, { impactMinutes: -5 });
  expect(readMeta(doc).impactMinutes).toBe(0);
  setIncidentDetails(doc, { impactMinutes: Number.NaN, severity: '' });
  expect(readMeta(doc)).toMatchObject({ severity: '', impactMinutes: 0 });
});

it('keeps services and teams tidy: no blanks, no case-duplicates, within the cap; concurrent additions merge', () => {
  const doc = board();
  expect(addIncidentTag(doc, 'services', '  checkout-api ')).toBe(true);
  expect(addIncidentTag(doc, 'services', 'Checkout-API')).toBe(false);
  expect(addIncidentTag(doc, 'services', '   ')).toBe(false);
  expect(addIncidentTag(doc, 'teams', 'x'.repeat(100))).toBe(true);
  expect(readMeta(doc).teams).toEqual(['x'.repeat(64)]);
  for (let i = 0; i < 30; i++) addIncidentTag(doc, 'services', `service-${i}`);
  expect(readMeta(doc).services).toHaveLength(LIMITS.incidentTags);
  removeIncidentTag(doc, 'services', 'CHECKOUT-API');
  expect(readMeta(doc).services).not.toContain('checkout-api');

  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  addIncidentTag(doc, 'teams', 'Payments');
  addIncidentTag(other, 'teams', 'SRE');
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
  expect(readMeta(doc).teams.slice(1).sort()).toEqual(['Payments', 'SRE']);
});

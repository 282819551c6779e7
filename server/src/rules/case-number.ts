// Journal numbers are well formed: KLE `hovedgruppe.gruppe.emne-facet-løbenr-år` (`27.57.12-Ø34-2-24`),
// or Odder's `S2018-2162`. Other schemes (`Sagsnr.: 2012-28504`) are taken as they are.
import { KLE_NUMBER } from '../reader/items';
import type { Rule } from './types';
import { msg } from './util';

const PARTS = /^(\d{2})\.(\d{2})\.(\d{2})-([A-ZÆØÅ])(\d{2})-(\d+)-(\d{2})$/;

export const caseNumber: Rule = {
  id: 'case-number',
  description: msg('Case (journal) numbers are well formed', 'Sagsnumre (journalnumre) er korrekt opbygget'),
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, report }) {
    const meetingYear = doc.meeting.date ? Number(doc.meeting.date.slice(2, 4)) : null;
    for (const item of doc.items) {
      const cn = item.caseNumber;
      if (!cn || cn.scheme !== 'kle') continue;
      if (!KLE_NUMBER.test(cn.text)) {
        report({
          range: cn.range,
          message: msg(
            `"${cn.text}" is not a well-formed KLE journal number: expected hovedgruppe.gruppe.emne-facet-løbenummer-år, like 27.57.12-Ø34-2-24`,
            `»${cn.text}« er ikke et korrekt KLE-journalnummer: det skal være hovedgruppe.gruppe.emne-facet-løbenummer-år, fx 27.57.12-Ø34-2-24`,
          ),
        });
        continue;
      }
      const year = Number(PARTS.exec(cn.text)![7]);
      if (meetingYear !== null && year > meetingYear && year - meetingYear < 50) {
        report({
          range: cn.range,
          message: msg(
            `The journal number ${cn.text} is from 20${String(year).padStart(2, '0')}, after the meeting (${doc.meeting.date})`,
            `Journalnummeret ${cn.text} er fra 20${String(year).padStart(2, '0')}, efter mødet (${doc.meeting.date})`,
          ),
        });
      }
    }
  },
};

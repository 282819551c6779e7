// The open-data export: tables, CSV that spreadsheets read, and Popolo validated against the
// Popolo project's JSON schemas (popoloproject.com/schemas, draft-03), written in below as published.
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../server/src/archive/archive';
import { copenhagenOffset, exportTables, slug, toCsv, toPopolo } from '../../server/src/archive/export';
import { readReferat } from '../../server/src/reader';
import { referatText } from './helpers';

function archive(): Archive {
  const a = new Archive();
  const add = (uri: string, text: string) => a.addDocument(uri, readReferat(text), text);
  add(
    'ou.txt',
    referatText({
      committee: 'Økonomiudvalget',
      date: '24-06-2024',
      present: ['Åse Ærø', 'Bent Jensen', 'Carl Olsen'],
      punkter: [
        {
          number: 3,
          title: 'Budget, "2025"',
          caseNumber: '24-000300',
          decision: ['Anbefales.', 'Åse Ærø (A) og Bent Jensen (V) stemmer for.', 'Carl Olsen (C) stemmer imod.', 'Indstillingen er dermed vedtaget.'],
        },
      ],
    }),
  );
  return a;
}

describe('the export', () => {
  it('has the meetings, punkter, decisions, votes and each member’s vote', () => {
    const t = exportTables(archive());
    expect(t.meetings.map((m) => m.id)).toEqual(['oekonomiudvalg-2024-06-24-0800']);
    expect(t.punkter.map((p) => [p.id, p.case_number, p.title])).toEqual([['oekonomiudvalg-2024-06-24-0800-p3', '24-000300', 'Budget, "2025"']]);
    expect(t.decisions[0].first_line).toBe('Anbefales.');
    expect(t.votes.map((v) => [v.outcome, v.for, v.against, v.abstain])).toEqual([['vedtaget', 2, 1, 0]]);
    expect(t.member_votes.map((v) => [v.name, v.party, v.option])).toEqual([
      ['Åse Ærø', 'A', 'for'],
      ['Bent Jensen', 'V', 'for'],
      ['Carl Olsen', 'C', 'against'],
    ]);
    expect(t.memberships.map((m) => [m.person_id, m.organization, m.meetings])).toContainEqual(['person-aase-aeroe', 'Økonomiudvalget', 1]);
  });

  it('writes CSV by RFC 4180, Danish letters as they are', () => {
    const t = exportTables(archive());
    expect(toCsv(t.punkter).split('\r\n')[1]).toBe('oekonomiudvalg-2024-06-24-0800-p3,oekonomiudvalg-2024-06-24-0800,3,"Budget, ""2025""",24-000300,,11');
    expect(toCsv(t.member_votes)).toContain(',Åse Ærø,A,for\r\n');
    expect(slug('Skole-, Børne- og Ungeudvalget')).toBe('skole-boerne-og-ungeudvalget');
  });

  it('gives Copenhagen time with its summer-time offset', () => {
    expect(['2024-03-30', '2024-03-31', '2024-10-26', '2024-10-27', '2024-01-15'].map(copenhagenOffset)).toEqual(['+01:00', '+02:00', '+02:00', '+01:00', '+01:00']);
  });

  it('is valid Popolo: persons, organizations, memberships and vote events with counts and votes', () => {
    const popolo = toPopolo(exportTables(archive()));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const schema of Object.values(POPOLO)) ajv.addSchema(draft4(schema));
    const check = (name: keyof typeof POPOLO, value: unknown) => {
      const validate = ajv.getSchema(POPOLO[name].id)!;
      expect(validate(value), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    };
    for (const p of popolo.persons) check('person', p);
    for (const o of popolo.organizations) check('organization', o);
    for (const m of popolo.memberships) check('membership', m);
    for (const e of popolo.vote_events) {
      check('vote_event', e);
      for (const c of e.counts) check('count', c);
      for (const v of e.votes) check('vote', v);
    }
    const [event] = popolo.vote_events;
    expect(event.start_date).toBe('2024-06-24T08:00:00+02:00');
    expect(event.result).toBe('pass');
    expect(event.counts).toEqual([
      { option: 'yes', value: 2 },
      { option: 'no', value: 1 },
      { option: 'abstain', value: 0 },
    ]);
    expect(event.votes).toContainEqual({ voter_id: 'person-carl-olsen', option: 'no', group_id: 'party-c' });
    expect(popolo.organizations.map((o) => o.id)).toEqual(expect.arrayContaining(['org-oekonomiudvalg', 'party-a', 'party-c', 'party-v']));
    // Every id a vote names is a person or organization of the document.
    const ids = new Set([...popolo.persons.map((p) => p.id), ...popolo.organizations.map((o) => o.id)]);
    for (const v of event.votes) expect(ids.has(v.voter_id) && ids.has(v.group_id!)).toBe(true);
    // And a wrong value is refused: the schemas are in force.
    const validate = ajv.getSchema(POPOLO.count.id)!;
    expect(validate({ option: 'yes', value: '2' })).toBe(false);
    expect(validate({ value: 2 })).toBe(false);
  });
});

type Schema = Record<string, unknown>;

/** Draft-03's `required: true` on a property, as draft-04's `required` list of its object; the rest is the same in both. */
function draft4(schema: Schema): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema') out[key] = 'http://json-schema.org/draft-04/schema#';
    else if (key === 'properties' && value && typeof value === 'object') {
      const props: Schema = {};
      const required: string[] = [];
      for (const [name, prop] of Object.entries(value as Record<string, Schema>)) {
        const { required: isRequired, ...rest } = prop;
        if (isRequired === true) required.push(name);
        props[name] = draft4(rest);
      }
      out.properties = props;
      if (required.length) out.required = required;
    } else if (key === 'items' && value && typeof value === 'object') out.items = draft4(value as Schema);
    else out[key] = value;
  }
  return out;
}

const str = (description: string) => ({ description, type: ['string', 'null'] });
const dt = (description: string) => ({ description, type: ['string', 'null'], format: 'date-time' });
const date = (description: string) => ({ description, type: ['string', 'null'], pattern: '^[0-9]{4}(-[0-9]{2}){0,2}$' });
const list = (description: string, ref: string) => ({ description, type: 'array', items: { $ref: `http://www.popoloproject.com/schemas/${ref}.json#` } });
const ref = (description: string, name: string) => ({ description, $ref: `http://www.popoloproject.com/schemas/${name}.json#` });
const schema = (name: string, title: string, description: string, properties: Schema) => ({
  $schema: 'http://json-schema.org/draft-03/schema#',
  id: `http://www.popoloproject.com/schemas/${name}.json#`,
  title,
  description,
  type: 'object',
  properties,
});
/** The parts of a name, the same in person.json and other_name.json. */
const nameParts = {
  family_name: str('One or more family names'),
  given_name: str('One or more primary given names'),
  additional_name: str('One or more secondary given names'),
  honorific_prefix: str("One or more honorifics preceding a person's name"),
  honorific_suffix: str("One or more honorifics following a person's name"),
  patronymic_name: str('One or more patronymic names'),
};
const stamps = {
  created_at: dt('The time at which the resource was created'),
  updated_at: dt('The time at which the resource was last modified'),
};

/**
 * Popolo's schemas (github.com/popolo-project/popolo-spec, schemas/), property by property as
 * published. Those the export does not use (area, post, event, motion, speech, contact_detail,
 * group_result) stand as open objects: no property of the export refers to them.
 */
const POPOLO = {
  vote_event: schema('vote_event', 'Vote event', "An event at which people's votes are recorded", {
    id: str("The vote event's unique identifier"),
    organization_id: str('The ID of the organization whose members are voting'),
    organization: ref('The organization whose members are voting', 'organization'),
    legislative_session_id: str('The ID of the legislative session in which the vote occurs'),
    legislative_session: ref('The legislative session in which the vote occurs', 'event'),
    identifier: str('An issued identifier'),
    motion_id: str('The ID of the motion being decided'),
    motion: ref('The motion being decided', 'motion'),
    classification: str("The vote event's category"),
    start_date: dt('The time at which the event begins'),
    end_date: dt('The time at which the event ends'),
    result: str('The result of the vote event'),
    group_results: list('The result of the vote event within groups of voters', 'group_result'),
    counts: list('The number of votes for options', 'count'),
    votes: list("Voters' votes", 'vote'),
    ...stamps,
    sources: list('URLs to documents from which the resource is derived', 'link'),
  }),
  count: schema('count', 'Count', 'The number of votes for an option in a vote event', {
    option: { description: 'An option in a vote event', type: 'string', required: true },
    value: { description: 'The number of votes for an option', type: 'integer', required: true },
    group_id: str('The ID of a group of voters'),
    group: { description: 'A group of voters', type: ['object', 'null'] },
  }),
  vote: schema('vote', 'Vote', "A voter's vote in a vote event", {
    id: str("The vote's unique identifier"),
    vote_event_id: str('The ID of a vote event'),
    vote_event: ref('A vote event', 'vote_event'),
    voter_id: str('The ID of the person or organization that is voting'),
    voter: { description: 'The person or organization that is voting', type: ['object', 'null'] },
    option: str('The option chosen by the voter, whether actively or passively'),
    group_id: str("The ID of the voter's primary political group"),
    group: ref("The voter's primary political group", 'organization'),
    role: str("The voter's role in the event"),
    weight: { description: "The weight of the voter's vote", type: ['number', 'null'] },
    pair_id: str('The ID of the person with whom the voter is paired'),
    pair: ref('The person with whom the voter is paired', 'person'),
  }),
  person: schema('person', 'Person', 'A real person, alive or dead', {
    id: str("The person's unique identifier"),
    name: str("A person's preferred full name"),
    other_names: list('Alternate or former names', 'other_name'),
    identifiers: list('Issued identifiers', 'identifier'),
    ...nameParts,
    sort_name: str('A name to use in a lexicographically ordered list'),
    email: { description: 'A preferred email address', type: ['string', 'null'], format: 'email' },
    gender: str('A gender'),
    pronouns: { description: 'Personal pronouns', type: ['array', 'null'], items: { type: 'string' } },
    birth_date: date('A date of birth'),
    death_date: date('A date of death'),
    image: { description: 'A URL of a head shot', type: ['string', 'null'], format: 'uri' },
    summary: str("A one-line account of a person's life"),
    biography: str("An extended account of a person's life"),
    national_identity: str('A national identity'),
    contact_details: list('Means of contacting the person', 'contact_detail'),
    links: list('URLs to documents about the person', 'link'),
    memberships: list("The person's memberships", 'membership'),
    motions: list("The person's motions", 'motion'),
    speeches: list("The person's speeches", 'speech'),
    votes: list('Votes cast by the person', 'vote'),
    ...stamps,
    sources: list('URLs to documents from which the resource is derived', 'link'),
  }),
  organization: schema('organization', 'Organization', 'A group with a common purpose or reason for existence that goes beyond the set of people belonging to it', {
    id: str("The organization's unique identifier"),
    name: str('A primary name, e.g. a legally recognized name'),
    other_names: list('Alternate or former names', 'other_name'),
    identifiers: list('Issued identifiers', 'identifier'),
    classification: str('An organization category, e.g. committee'),
    parent_id: str('The ID of the organization that contains this organization'),
    parent: ref('The organization that contains this organization', 'organization'),
    area_id: str('The ID of the geographic area to which this organization is related'),
    area: ref('The geographic area to which this organization is related', 'area'),
    founding_date: date('A date of founding'),
    dissolution_date: date('A date of dissolution'),
    image: { description: 'A URL of an image', type: ['string', 'null'], format: 'uri' },
    contact_details: list('Means of contacting the organization', 'contact_detail'),
    links: list('URLs to documents about the organization', 'link'),
    memberships: list('Memberships', 'membership'),
    posts: list('Posts within the organization', 'post'),
    ...stamps,
    sources: list('URLs to documents from which the organization is derived', 'link'),
  }),
  membership: schema('membership', 'Membership', 'A relationship between a member and an organization', {
    id: str("The membership's unique identifier"),
    label: str('A label describing the membership'),
    role: str('The role that the member fulfills in the organization'),
    member: { description: 'The person or organization that is a member of the organization', type: ['object', 'null'] },
    person_id: str('The ID of the person who is a member of the organization'),
    person: ref('The person who is a member of the organization', 'person'),
    organization_id: str('The ID of the organization in which the person or organization is a member'),
    organization: ref('The organization in which the person or organization is a member', 'organization'),
    post_id: str('The ID of the post held by the member in the organization through this membership'),
    post: ref('The post held by the member in the organization through this membership', 'post'),
    on_behalf_of_id: str('The ID of the organization on whose behalf the person is a member of the organization'),
    on_behalf_of: ref('The organization on whose behalf the person is a member of the organization', 'organization'),
    area_id: str('The ID of the geographic area to which this membership is related'),
    area: ref('The geographic area to which this membership is related', 'area'),
    start_date: date('The date on which the relationship began'),
    end_date: date('The date on which the relationship ended'),
    contact_details: list('Means of contacting the member of the organization', 'contact_detail'),
    links: list('URLs to documents about the membership', 'link'),
    ...stamps,
    sources: list('URLs to documents from which the membership is derived', 'link'),
  }),
  other_name: schema('other_name', 'Other name', 'An alternate or former name', {
    name: { description: 'An alternate or former name', type: 'string', required: true },
    ...nameParts,
    start_date: date('The date on which the name was adopted'),
    end_date: date('The date on which the name was abandoned'),
    note: str("A note, e.g. 'Birth name'"),
  }),
  identifier: schema('identifier', 'Identifier', 'An issued identifier', {
    identifier: { description: 'An issued identifier, e.g. a DUNS number', type: 'string', required: true },
    scheme: str('An identifier scheme, e.g. DUNS'),
  }),
  link: schema('link', 'Link', 'A URL', {
    url: { description: 'A URL', type: 'string', format: 'uri', required: true },
    note: str("A note, e.g. 'Wikipedia page'"),
  }),
  ...Object.fromEntries(['area', 'post', 'event', 'motion', 'speech', 'contact_detail', 'group_result'].map((name) => [name, schema(name, name, 'not used by the export', {})])),
} as Record<string, ReturnType<typeof schema>> & Record<'vote_event' | 'count' | 'vote' | 'person' | 'organization' | 'membership', ReturnType<typeof schema>>;

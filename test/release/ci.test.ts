// The CI integrations as users copy them: the GitHub Action (action.yml) and the workflows checked by
// action-validator, the action's steps run as the shell scripts they are on a sample repository of
// minutes, and the GitLab snippet run there too, its JUnit report validated by xmllint against the
// JUnit XML that GitLab reads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sarifErrors } from '../cli/lint-helpers';
import { cleanEnv, packInto, root } from './helpers';

const VALIDATOR = path.join(root, 'node_modules/.bin/action-validator');
const WORKFLOWS = ['action.yml', 'examples/ci/github-actions.yml', '.github/workflows/ci.yml', '.github/workflows/release.yml'];
const XMLLINT = ['/usr/bin/xmllint', '/bin/xmllint'].find((p) => fs.existsSync(p));
const XMLLINT_APT = 'apt-get install -y libxml2-utils';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const load = <T>(file: string): T => yaml.load(fs.readFileSync(path.join(root, file), 'utf8')) as T;

/**
 * The JUnit XML that GitLab reads for `artifacts:reports:junit`, as an XSD: the elements and
 * attributes its documentation lists (docs.gitlab.com/ci/testing/unit_test_reports: testsuites,
 * testsuite name and time, testcase classname, name, file and time, failure, error, skipped,
 * system-out and system-err) with the counts and times of the common JUnit schemas.
 */
const GITLAB_JUNIT_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:simpleType name="count"><xs:restriction base="xs:nonNegativeInteger"/></xs:simpleType>
  <xs:simpleType name="seconds"><xs:restriction base="xs:decimal"><xs:minInclusive value="0"/></xs:restriction></xs:simpleType>
  <xs:attributeGroup name="counts">
    <xs:attribute name="failures" type="count"/>
    <xs:attribute name="errors" type="count"/>
    <xs:attribute name="skipped" type="count"/>
    <xs:attribute name="time" type="seconds"/>
  </xs:attributeGroup>
  <xs:complexType name="outcome" mixed="true">
    <xs:attribute name="message" type="xs:string"/>
    <xs:attribute name="type" type="xs:string"/>
  </xs:complexType>
  <xs:element name="testsuites">
    <xs:complexType>
      <xs:sequence><xs:element ref="testsuite" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
      <xs:attribute name="name" type="xs:string"/>
      <xs:attribute name="tests" type="count"/>
      <xs:attributeGroup ref="counts"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="testsuite">
    <xs:complexType>
      <xs:sequence>
        <xs:element ref="testcase" minOccurs="0" maxOccurs="unbounded"/>
        <xs:element name="system-out" type="xs:string" minOccurs="0"/>
        <xs:element name="system-err" type="xs:string" minOccurs="0"/>
      </xs:sequence>
      <xs:attribute name="name" type="xs:string" use="required"/>
      <xs:attribute name="tests" type="count" use="required"/>
      <xs:attributeGroup ref="counts"/>
      <xs:attribute name="timestamp" type="xs:string"/>
      <xs:attribute name="hostname" type="xs:string"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="testcase">
    <xs:complexType>
      <xs:choice minOccurs="0" maxOccurs="unbounded">
        <xs:element name="failure" type="outcome"/>
        <xs:element name="error" type="outcome"/>
        <xs:element name="skipped" type="outcome"/>
        <xs:element name="system-out" type="xs:string"/>
        <xs:element name="system-err" type="xs:string"/>
      </xs:choice>
      <xs:attribute name="name" type="xs:string" use="required"/>
      <xs:attribute name="classname" type="xs:string" use="required"/>
      <xs:attribute name="file" type="xs:string"/>
      <xs:attribute name="time" type="seconds"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;

describe('CI integrations', () => {
  let tmp: string;
  let repo: string;
  let tarball: string;

  beforeAll(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'referat-ci-')));
    tarball = packInto(tmp).tarball;
    // A repository of minutes: one referat with a warning (the example, with its configuration), one with errors.
    repo = path.join(tmp, 'repo');
    fs.mkdirSync(path.join(repo, 'referater'), { recursive: true });
    fs.copyFileSync(path.join(root, 'examples/social-udvalget.referat.txt'), path.join(repo, 'referater/social-udvalget.referat.txt'));
    fs.copyFileSync(path.join(root, 'examples/referat.config.json'), path.join(repo, 'referater/referat.config.json'));
    fs.copyFileSync(path.join(root, 'test/fixtures/lint/errors.referat.txt'), path.join(repo, 'referater/fejl.referat.txt'));
  });
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A prefix of its own, first on PATH, for `npm install --global`. */
  function npmPrefix(name: string): NodeJS.ProcessEnv {
    const prefix = path.join(tmp, name);
    return { npm_config_prefix: prefix, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}` };
  }

  describe('action-validator', () => {
    it.each(WORKFLOWS)('accepts %s', (file) => {
      const res = spawnSync(VALIDATOR, [path.join(root, file)], { encoding: 'utf8' });
      expect(res.status, `${res.stdout}${res.stderr}`).toBe(0);
    });

    it('refuses a workflow with a mistake (so its yes means something)', () => {
      const broken = path.join(tmp, 'broken.yml');
      fs.writeFileSync(broken, fs.readFileSync(path.join(root, '.github/workflows/ci.yml'), 'utf8').replace('runs-on:', 'runs-onn:'));
      const res = spawnSync(VALIDATOR, [broken], { encoding: 'utf8' });
      expect(res.status).not.toBe(0);
      expect(res.stderr).toContain("Additional property 'runs-onn' is not allowed");
    });
  });

  describe('the GitHub Action', () => {
    const action = load<Action>('action.yml');

    /** `${{ inputs.x }}` and `${{ github.action_path }}`, as the runner fills them in; any other expression fails the test. */
    const expand = (value: string, inputs: Record<string, string>) =>
      value.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expr: string) => {
        const input = /^inputs\.([\w-]+)$/.exec(expr)?.[1];
        if (input !== undefined) {
          if (!(input in action.inputs)) throw new Error(`action.yml uses an input it does not declare: ${input}`);
          return inputs[input] ?? action.inputs[input].default ?? '';
        }
        if (expr === 'github.action_path') return root;
        throw new Error(`an expression this test cannot fill in: ${expr}`);
      });

    type StepResult = { step: string; status: number | null; stdout: string; stderr: string };

    /**
     * Runs the action's shell steps as the runner does (`bash --noprofile --norc -eo pipefail`), in
     * the repository, with the one npm prefix of these tests: `install` false leaves out the install
     * step (done once, before the tests).
     */
    function runAction(inputs: Record<string, string>, name: string, install = false) {
      const output = path.join(tmp, `${name}.output`);
      fs.writeFileSync(output, '');
      const results: StepResult[] = [];
      for (const step of action.runs.steps) {
        if (step.uses || (!install && step.name === 'Install the referat CLI')) continue;
        const script = path.join(tmp, `${name}-step.sh`);
        fs.writeFileSync(script, step.run!);
        const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v), inputs)]));
        const res = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
          cwd: repo,
          encoding: 'utf8',
          env: cleanEnv({ ...npmPrefix('action'), ...env, GITHUB_OUTPUT: output, GITHUB_WORKSPACE: repo, GITHUB_ACTION_PATH: root }),
        });
        results.push({ step: step.name ?? step.id ?? '', status: res.status, stdout: res.stdout, stderr: res.stderr });
        if (res.status !== 0) break;
      }
      const outputs = Object.fromEntries(
        fs
          .readFileSync(output, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
      return { results, outputs };
    }

    /** The install step, with the packed CLI as `cli`, and the lint step after it. */
    let installed: { results: StepResult[]; outputs: Record<string, string> };
    beforeAll(() => {
      installed = runAction({ cli: tarball, paths: 'referater' }, 'sarif', true);
    });

    it('is a composite action: Node set up, then shell steps that take every input through the environment', () => {
      expect(action.runs.using).toBe('composite');
      expect(action.runs.steps[0].uses).toMatch(/^actions\/setup-node@v\d+$/);
      for (const step of action.runs.steps.slice(1)) {
        expect(step.shell).toBe('bash');
        expect(step.run).not.toMatch(/\$\{\{/);
      }
      expect(Object.keys(action.inputs)).toEqual(['paths', 'format', 'sarif-file', 'config', 'max-warnings', 'shard', 'cli', 'node-version']);
      expect(action.outputs['sarif-file'].value).toBe('${{ steps.lint.outputs.sarif-file }}');
    });

    it('installs the packed CLI and writes SARIF for code scanning, failing on errors', () => {
      const { results, outputs } = installed;
      const [install, lint] = results;
      expect(install.status, install.stderr).toBe(0);
      expect(install.stdout.trim().split('\n').at(-1)).toBe(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
      expect(lint.status).toBe(1);
      expect(outputs).toEqual({ 'sarif-file': 'referat.sarif', 'exit-code': '1' });
      const log = JSON.parse(fs.readFileSync(path.join(repo, 'referat.sarif'), 'utf8'));
      expect(sarifErrors(log)).toEqual([]);
      const found = log.runs[0].results as Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
      expect(found.map((r) => [r.locations[0].physicalLocation.artifactLocation.uri, r.ruleId, r.level])).toEqual([
        ['referater/fejl.referat.txt', 'meeting-date', 'error'],
        ['referater/fejl.referat.txt', 'item-numbering', 'error'],
        ['referater/social-udvalget.referat.txt', 'required-section', 'warning'],
      ]);
    });

    it('writes annotations with format github, and passes shard and max-warnings on', () => {
      const clean = runAction({ paths: 'referater/social-udvalget.referat.txt', format: 'github', shard: '1/1' }, 'github');
      expect(clean.results[0]).toMatchObject({ status: 0 });
      expect(clean.results[0].stdout).toMatch(/^::warning file=referater\/social-udvalget\.referat\.txt,line=19,.*title=required-section::/m);
      expect(clean.outputs).toEqual({ 'exit-code': '0' });
      const strict = runAction({ paths: 'referater/social-udvalget.referat.txt', format: 'github', 'max-warnings': '0' }, 'github-strict');
      expect(strict.results[0].status).toBe(1);
      expect(strict.results[0].stderr).toContain('too many warnings: 1 (--max-warnings 0)');
      const wrong = runAction({ format: 'html' }, 'github-wrong');
      expect(wrong.results[0]).toMatchObject({ status: 2, stdout: '::error::format must be sarif or github, not html\n' });
    });

    it('the example workflow uses the action and uploads its SARIF to code scanning, also after errors', () => {
      const workflow = load<{ permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> }>('examples/ci/github-actions.yml');
      expect(workflow.permissions['security-events']).toBe('write');
      const steps = workflow.jobs.lint.steps;
      const lint = steps.find((s) => s.uses?.startsWith('referat-tools/referat@'))!;
      const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
      expect(upload.with!.sarif_file).toBe(lint.with!['sarif-file']);
      expect(upload).toMatchObject({ if: '${{ !cancelled() }}' });
      expect(workflow.jobs.archive.steps.find((s) => s.uses?.startsWith('referat-tools/referat@'))!.with!.shard).toBe('${{ matrix.shard }}/4');
    });
  });

  describe('the project’s workflows', () => {
    it('ci.yml runs .ci/run on Debian 12 with CI set; release.yml attaches the .vsix and the npm tarball to the release', () => {
      const ci = load<{ jobs: { test: { container: string; env: Record<string, string>; steps: Step[] } } }>('.github/workflows/ci.yml');
      expect(ci.jobs.test.container).toBe('debian:12');
      expect(ci.jobs.test.env.CI).toBe('true');
      expect(ci.jobs.test.steps.at(-1)!.run).toBe('.ci/run');
      const release = load<{ on: { push: { tags: string[] } }; jobs: { release: { steps: Step[] } } }>('.github/workflows/release.yml');
      expect(release.on.push.tags).toEqual(['v*']);
      const runs = release.jobs.release.steps.map((s) => s.run ?? '').join('\n');
      expect(runs).toContain('npm run package');
      expect(runs).toContain('npm pack');
      expect(runs).toMatch(/gh release upload "\$TAG" referat-\*\.vsix referat-\*\.tgz/);
    });
  });

  describe('the GitLab CI snippet', () => {
    if (!XMLLINT && !process.env.CI) console.warn(`Skipping the GitLab JUnit check: xmllint is missing. Install with: ${XMLLINT_APT}`);

    it.skipIf(!XMLLINT && !process.env.CI)('runs as a job would, and writes JUnit XML that GitLab reads as artifacts:reports:junit', () => {
      expect(XMLLINT, `xmllint is missing; install with: ${XMLLINT_APT}`).toBeDefined();
      const config =
        load<Record<string, { variables: Record<string, string>; script: string[]; artifacts: { when: string; reports: { junit: string } } }>>('examples/ci/gitlab-ci.yml');
      const job = config.referat;
      expect(job.artifacts.when).toBe('always');
      const env = cleanEnv({ ...npmPrefix('gitlab'), ...job.variables, REFERAT: tarball });
      const statuses = job.script.map((line) => spawnSync('bash', ['-c', line], { cwd: repo, encoding: 'utf8', env }).status);
      // The job fails on errors; the report is uploaded all the same (when: always).
      expect(statuses).toEqual([0, 1]);
      const report = path.join(repo, job.artifacts.reports.junit);
      const xml = fs.readFileSync(report, 'utf8');
      expect(xml.match(/<testcase /g)).toHaveLength(3);
      expect(xml.match(/<failure /g)).toHaveLength(3);

      const xsd = path.join(tmp, 'gitlab-junit.xsd');
      fs.writeFileSync(xsd, GITLAB_JUNIT_XSD);
      const valid = spawnSync(XMLLINT!, ['--noout', '--schema', xsd, report], { encoding: 'utf8' });
      expect(valid.status, valid.stderr).toBe(0);
      // The schema does refuse what GitLab cannot read: a testcase without its name.
      const broken = path.join(tmp, 'broken.xml');
      fs.writeFileSync(broken, xml.replace(/<testcase classname="([^"]*)" name="[^"]*"/, '<testcase classname="$1"'));
      const refused = spawnSync(XMLLINT!, ['--noout', '--schema', xsd, broken], { encoding: 'utf8' });
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain("The attribute 'name' is required");
    });
  });
});

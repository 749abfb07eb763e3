import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './ship-helpers';

/**
 * The real Bicep CLI (scripts/ensure-bicep.js finds or restores it) and what the infra tests read
 * from its output: the compiled ARM JSON, walked through the nested templates of the modules.
 */

interface BicepCli {
  readonly file: string;
  readonly version: string;
  readonly via: string;
  readonly pinned: string;
}

const ensure = require('../../../scripts/ensure-bicep.js') as { findBicep(): BicepCli };

let cli: BicepCli | undefined;
/** The Bicep CLI; throws with the install command when there is none (the test fails). */
export function bicepCli(): BicepCli {
  cli ??= ensure.findBicep();
  return cli;
}

/** A diagnostic line of the CLI: `<file>(line,col) : Warning|Error <rule>: <message>`. */
const DIAGNOSTIC = /^(.*)\((\d+),(\d+)\) : (Warning|Error|Info) ([\w-]+): (.*)$/;

export interface Diagnostic {
  readonly file: string;
  readonly level: string;
  readonly code: string;
  readonly message: string;
}

function diagnostics(stderr: string): Diagnostic[] {
  return stderr.split(/\r?\n/).flatMap((line) => {
    const m = DIAGNOSTIC.exec(line.trim());
    if (!m) return [];
    const file = path.relative(repoRoot, m[1] as string);
    return [{ file: `${file}(${m[2]})`, level: m[4]!, code: m[5]!, message: m[6]! }];
  });
}

/** An ARM template, loosely typed: only what the tests read. */
export interface ArmTemplate {
  parameters?: Record<string, ArmParameter>;
  variables?: Record<string, unknown>;
  resources: ArmResource[] | Record<string, ArmResource>;
  outputs?: Record<string, { type: string; value: unknown }>;
}
export interface ArmParameter {
  type: string;
  defaultValue?: unknown;
  allowedValues?: unknown[];
  minValue?: number;
  maxValue?: number;
  metadata?: { description?: string };
}
export interface ArmResource {
  type: string;
  name: string;
  apiVersion?: string;
  condition?: unknown;
  properties?: Record<string, unknown> & {
    template?: ArmTemplate;
    parameters?: Record<string, { value: unknown }>;
  };
  [key: string]: unknown;
}

export interface Compiled {
  /** The ARM JSON, or undefined when the build failed. */
  readonly arm?: ArmTemplate;
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
}

/** `bicep build <file> --stdout`: the ARM JSON and the diagnostics. */
export function build(file: string): Compiled {
  const result = spawnSync(bicepCli().file, ['build', file, '--stdout'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const found = diagnostics(result.stderr ?? '');
  const errors = found.filter((d) => d.level === 'Error');
  if (result.status !== 0 && errors.length === 0) {
    errors.push({ file, level: 'Error', code: 'build', message: result.stderr || 'build failed' });
  }
  return {
    arm: result.status === 0 ? (JSON.parse(result.stdout) as ArmTemplate) : undefined,
    errors,
    warnings: found.filter((d) => d.level !== 'Error'),
  };
}

/** `bicep lint <file>`: every diagnostic of the linter (bicepconfig.json decides the levels). */
export function lint(file: string): Diagnostic[] {
  const result = spawnSync(bicepCli().file, ['lint', file], { encoding: 'utf8' });
  const found = diagnostics(`${result.stdout ?? ''}\n${result.stderr ?? ''}`);
  if (result.status !== 0 && found.length === 0) {
    return [{ file, level: 'Error', code: 'lint', message: result.stderr || 'lint failed' }];
  }
  return found;
}

/** The resources of a template (an array, or an object keyed by symbolic name). */
export const resourcesOf = (t: ArmTemplate): ArmResource[] =>
  Array.isArray(t.resources) ? t.resources : Object.values(t.resources);

/** Every template: the main one and, recursively, each module's nested template, with a path. */
export function templates(arm: ArmTemplate, at = 'main'): { at: string; template: ArmTemplate }[] {
  return [
    { at, template: arm },
    ...resourcesOf(arm)
      .filter((r) => r.type === 'Microsoft.Resources/deployments' && r.properties?.template)
      .flatMap((r) => templates(r.properties!.template!, `${at}/${r.name}`)),
  ];
}

/** The module deployment of that name in the main template (its parameters and template). */
export function moduleOf(arm: ArmTemplate, name: string): ArmResource {
  const found = resourcesOf(arm).find(
    (r) => r.type === 'Microsoft.Resources/deployments' && r.name === name,
  );
  if (!found) throw new Error(`no module deployment named ${name}`);
  return found;
}

/** Every resource of a type, in every template. */
export function resourcesOfType(arm: ArmTemplate, type: string): ArmResource[] {
  return templates(arm).flatMap(({ template }) =>
    resourcesOf(template).filter((r) => r.type.toLowerCase() === type.toLowerCase()),
  );
}

/** The web app (Microsoft.Web/sites) of the compiled template. */
export const webAppOf = (arm: ArmTemplate) => resourcesOfType(arm, 'Microsoft.Web/sites')[0]!;

export const siteConfigOf = (arm: ArmTemplate) =>
  (webAppOf(arm).properties as { siteConfig: Record<string, unknown> }).siteConfig;

/** The app settings: the web app's `config/appsettings` resource, as name/value pairs. */
export function appSettingsOf(arm: ArmTemplate): { name: string; value: unknown }[] {
  const config = resourcesOfType(arm, 'Microsoft.Web/sites/config').filter((r) =>
    r.name.endsWith("'appsettings')]"),
  );
  if (config.length !== 1) throw new Error(`${config.length} appsettings resources, expected 1`);
  return Object.entries(config[0]!.properties as Record<string, unknown>).map(([name, value]) => ({
    name,
    value,
  }));
}

/** A parameter name that suggests it carries a secret. */
export const SECRET_NAME = /password|secret|token|(^|[a-z])key(s)?$|connectionstring|credential/i;

/**
 * What makes a template unsafe or broken, as messages: compile errors, any linter diagnostic, a
 * parameter whose name says secret but is not `@secure()`, an output that carries a secret.
 */
export function infraProblems(file: string): string[] {
  return checkInfra(file).problems;
}

/** Builds, lints and checks a template once: its ARM JSON (when it compiles) and its problems. */
export function checkInfra(file: string): { arm?: ArmTemplate; problems: string[] } {
  const compiled = build(file);
  const problems = [...compiled.errors, ...compiled.warnings, ...lint(file)].map(
    (d) => `${d.file}: ${d.level} ${d.code}: ${d.message}`,
  );
  if (!compiled.arm) {
    return { problems: problems.length > 0 ? problems : [`${file}: does not compile`] };
  }
  for (const { at, template } of templates(compiled.arm)) {
    for (const [name, p] of Object.entries(template.parameters ?? {})) {
      if (SECRET_NAME.test(name) && !/^secure(string|object)$/i.test(p.type)) {
        problems.push(`${at}: parameter ${name} looks like a secret but is not @secure()`);
      }
    }
    for (const [name, o] of Object.entries(template.outputs ?? {})) {
      const value = JSON.stringify(o.value);
      if (/^secure/i.test(o.type) || /listKeys|listConnectionStrings|MasterKey/i.test(value)) {
        problems.push(`${at}: output ${name} carries a secret`);
      }
    }
  }
  return { arm: compiled.arm, problems: [...new Set(problems)] };
}

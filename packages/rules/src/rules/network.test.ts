import type { IngressRule } from '../model';
import { unknown } from '../model';
import { rules } from './network';
import { findRule, metadataProblems, resource, resultOf, runRule, verdictOf } from './__testing__/builders';

const rule = findRule(rules, 'network.db-port-open');
const u = (reason: string) => unknown(reason);
const ingress = (protocol: IngressRule['protocol'], fromPort: IngressRule['fromPort'], toPort: IngressRule['toPort'], cidrs: IngressRule['cidrs'], path?: string): IngressRule => ({ protocol, fromPort, toPort, cidrs, path });
const group = (...rules: IngressRule[]) => resource('DbSg', 'AWS::EC2::SecurityGroup', { network: { ingress: rules } });

describe('network rules metadata', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s has complete metadata', (_id, r) => {
    expect(metadataProblems(r)).toEqual([]);
  });
});

describe('network.db-port-open', () => {
  it('passes a group that only allows the database port from a private range', () => {
    expect(resultOf(rule, group(ingress('tcp', 5432, 5432, ['10.0.0.0/16'])))).toMatchObject({ verdict: 'pass', path: 'network.ingress' });
  });

  it('passes a group open to the internet on HTTPS only, or on UDP', () => {
    expect(verdictOf(rule, group(ingress('tcp', 443, 443, ['0.0.0.0/0']), ingress('udp', 0, 65535, ['0.0.0.0/0'])))).toBe('pass');
  });

  it('passes a group without ingress', () => expect(verdictOf(rule, group())).toBe('pass'));

  it('fails PostgreSQL open to 0.0.0.0/0, naming the port and the rule path', () => {
    const r = resultOf(rule, group(ingress('tcp', 5432, 5432, ['0.0.0.0/0'], 'SecurityGroupIngress[0]')));
    expect(r).toEqual({ verdict: 'fail', message: 'ingress from 0.0.0.0/0 on tcp 5432 (PostgreSQL).', path: 'SecurityGroupIngress[0]' });
  });

  it('fails IPv6 ::/0 and ranges covering several database ports', () => {
    const r = resultOf(rule, group(ingress('6', 1000, 6000, ['::/0'])));
    expect(r.verdict).toBe('fail');
    expect(r.message).toBe('ingress from ::/0 on tcp 5432 (PostgreSQL), 3306 (MySQL/MariaDB), 5439 (Redshift), 1433 (SQL Server), 1521 (Oracle).');
  });

  it('fails all traffic (protocol -1) from the internet', () => {
    expect(resultOf(rule, group(ingress('-1', -1, -1, ['0.0.0.0/0']))).message).toBe('ingress from 0.0.0.0/0 on all ports.');
    expect(resultOf(rule, group(ingress('tcp', 0, 65535, ['0.0.0.0/0']))).message).toBe('ingress from 0.0.0.0/0 on all ports.');
  });

  it('reports each offending rule separately, with its own path', () => {
    const results = runRule(rule, group(ingress('tcp', 3306, 3306, ['0.0.0.0/0']), ingress('tcp', 22, 22, ['10.0.0.0/8']), ingress('tcp', 1521, 1521, ['::/0'])));
    expect(results.map((r) => [r.verdict, r.path])).toEqual([
      ['fail', 'network.ingress[0]'],
      ['fail', 'network.ingress[2]'],
    ]);
  });

  it('is unknown when an internet rule has an unresolved port, or a database-port rule an unresolved source', () => {
    expect(resultOf(rule, group(ingress('tcp', u('var.port'), u('var.port'), ['0.0.0.0/0']))).message).toMatch(/var\.port/);
    expect(verdictOf(rule, group(ingress('tcp', 5432, 5432, [u('var.cidr')])))).toBe('unknown');
    expect(verdictOf(rule, group(ingress(u('var.proto'), 5432, 5432, ['0.0.0.0/0'])))).toBe('unknown');
  });

  it('does not let an unresolved source matter on a port no database uses', () => {
    expect(verdictOf(rule, group(ingress('tcp', 443, 443, [u('var.cidr')])))).toBe('pass');
  });

  it('checks a separate ingress rule only when its group is not in the input', () => {
    const separate = resource('DbIngress', 'AWS::EC2::SecurityGroupIngress', { network: { ingress: [ingress('tcp', 5432, 5432, ['0.0.0.0/0'])], securityGroups: ['${DbSg.GroupId}'] } });
    expect(verdictOf(rule, separate, [group()])).toBe('not-applicable');
    expect(verdictOf(rule, separate)).toBe('fail');
  });

  it('does not apply to other types', () => expect(verdictOf(rule, resource('Db', 'AWS::RDS::DBInstance'))).toBe('not-applicable'));
});

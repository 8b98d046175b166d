import { expectConforms } from './openapi';

// The contract check the route tests rely on must be able to fail.
describe('expectConforms', () => {
  it('refuses a body that does not match, an undeclared status, and an unknown route', () => {
    expect(() => expectConforms('get', '/v1/health', { status: 200, body: { status: 'weird', checkedAt: null, stale: false, ageSeconds: null, lastRefresh: null } })).toThrow(/does not match openapi\.yaml/);
    expect(() => expectConforms('get', '/v1/health', { status: 200, body: { status: 'ok', checkedAt: null, stale: false, ageSeconds: null, lastRefresh: null, extra: 1 } })).toThrow(/does not match/);
    expect(() => expectConforms('get', '/v1/overview', { status: 404, body: {} })).toThrow('openapi.yaml declares no 404 for GET /v1/overview');
    expect(() => expectConforms('get', '/v1/nothing', { status: 200, body: {} })).toThrow('openapi.yaml has no GET /v1/nothing');
    expect(() => expectConforms('get', '/v1/overview', { status: 400, body: { error: { name: 'InputError' } } })).toThrow(/message/);
  });
  it('accepts a conforming body', () => {
    expect(() => expectConforms('get', '/v1/health', { status: 200, body: { status: 'starting', checkedAt: null, stale: true, ageSeconds: null, lastRefresh: null } })).not.toThrow();
  });
});

/**
 * What the Pillarguard frontend and backend plugins share: permissions, annotation names and the API's types.
 *
 * @packageDocumentation
 */
export * from './permissions';
export * from './annotations';
export * from './api';

/**
 * What the Pillarguard frontend and backend plugins share.
 *
 * @packageDocumentation
 */
export * from './permissions';
export * from './annotations';

export * from './value';
export * from './location';
export * from './policy';
export * from './facets';
export * from './resource';
export * from './errors';

export { isCdkManifest, parseCdkAssembly } from './assembly';

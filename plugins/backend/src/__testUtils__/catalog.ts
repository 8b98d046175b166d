// The example catalog of dev/ (the plugin run alone), shared with the tests.
export { EXAMPLES, SNAPSHOT, exampleEntities, withRelations } from '../../dev/catalog';

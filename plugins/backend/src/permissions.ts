// Defined in the common package, which the frontend shares.
export { pillarguardFindingsReadPermission, pillarguardRefreshPermission, pillarguardPermissions } from '@pillarguard/backstage-plugin-common';

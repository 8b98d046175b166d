import type { ChangeRule } from '../types';
import { rotationDisabled } from './kms-rotation';
import { keyDeletion } from './kms-deletion';
import { encryptionDowngraded } from './encryption-downgraded';
import { exposureIncreased } from './exposure';

/** The KMS and data-service regression rules of RULES.md's change table (the IAM ones live in iam.ts). */
export const changeRules: ChangeRule[] = [rotationDisabled, keyDeletion, encryptionDowngraded, exposureIncreased];

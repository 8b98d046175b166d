/**
 * Known AWS IAM privilege-escalation paths: sets of permissions that, held together by one
 * principal, let it gain more permissions than it was given. Data only; `escalation.ts` evaluates.
 *
 * `requires` is a list of needs; each need is a list of alternative actions (any one suffices).
 * Sources:
 * - Rhino Security Labs, "AWS IAM Privilege Escalation – Methods and Mitigation" (21 methods).
 * - Bishop Fox, iam-vulnerable (test cases per path) and "Privilege Escalation in AWS".
 */
export interface EscalationPath {
  id: string;
  title: string;
  requires: readonly (readonly string[])[];
  explanation: string;
  source: string;
}

const RHINO = 'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/';
const BISHOP_FOX = 'https://github.com/BishopFox/iam-vulnerable';

const one = (...actions: string[]): (readonly string[])[] => actions.map((a) => [a]);

export const ESCALATION_PATHS: readonly EscalationPath[] = [
  { id: 'iam-create-policy-version', title: 'Create a new default version of a managed policy', requires: one('iam:CreatePolicyVersion'), explanation: 'A new version can be set as default on creation, rewriting a policy attached to the principal to grant anything.', source: RHINO },
  { id: 'iam-set-default-policy-version', title: 'Switch a managed policy to a more permissive old version', requires: one('iam:SetDefaultPolicyVersion'), explanation: 'Any earlier version of an attached policy can be made the default again, including a broader one.', source: RHINO },
  { id: 'iam-create-access-key', title: 'Create access keys for another user', requires: one('iam:CreateAccessKey'), explanation: 'Long-lived keys for a more privileged user give the caller that user\'s permissions.', source: RHINO },
  { id: 'iam-create-login-profile', title: 'Create a console password for another user', requires: one('iam:CreateLoginProfile'), explanation: 'A user without a console password gets one chosen by the caller, who then signs in as that user.', source: RHINO },
  { id: 'iam-update-login-profile', title: 'Change another user\'s console password', requires: one('iam:UpdateLoginProfile'), explanation: 'Resetting a more privileged user\'s password lets the caller sign in as them.', source: RHINO },
  { id: 'iam-attach-user-policy', title: 'Attach a managed policy to a user', requires: one('iam:AttachUserPolicy'), explanation: 'Attaching AdministratorAccess (or any policy) to itself or a user it controls.', source: RHINO },
  { id: 'iam-attach-group-policy', title: 'Attach a managed policy to a group', requires: one('iam:AttachGroupPolicy'), explanation: 'Attaching AdministratorAccess to a group the caller belongs to.', source: RHINO },
  { id: 'iam-attach-role-policy', title: 'Attach a managed policy to a role', requires: one('iam:AttachRolePolicy'), explanation: 'Attaching AdministratorAccess to its own role, or to a role it can assume.', source: RHINO },
  { id: 'iam-put-user-policy', title: 'Write an inline policy on a user', requires: one('iam:PutUserPolicy'), explanation: 'An inline policy with any permissions on itself or a user it controls.', source: RHINO },
  { id: 'iam-put-group-policy', title: 'Write an inline policy on a group', requires: one('iam:PutGroupPolicy'), explanation: 'An inline policy with any permissions on a group the caller belongs to.', source: RHINO },
  { id: 'iam-put-role-policy', title: 'Write an inline policy on a role', requires: one('iam:PutRolePolicy'), explanation: 'An inline policy with any permissions on its own role, or a role it can assume.', source: RHINO },
  { id: 'iam-add-user-to-group', title: 'Add a user to a more privileged group', requires: one('iam:AddUserToGroup'), explanation: 'Joining a group gives the caller every permission of that group.', source: RHINO },
  { id: 'iam-update-assume-role-policy', title: 'Rewrite a role\'s trust policy, then assume it', requires: one('iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'), explanation: 'The caller adds itself to the trust policy of a more privileged role and assumes it.', source: RHINO },
  { id: 'passrole-ec2-run-instances', title: 'Launch an EC2 instance with a privileged instance profile', requires: one('iam:PassRole', 'ec2:RunInstances'), explanation: 'Code on the new instance (user data) runs with the passed role\'s credentials from the instance metadata service.', source: RHINO },
  { id: 'passrole-lambda-create-invoke', title: 'Create a Lambda function with a privileged role and invoke it', requires: one('iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'), explanation: 'The function\'s code runs as the passed role and can do anything that role can.', source: RHINO },
  { id: 'passrole-lambda-event-source', title: 'Create a Lambda function with a privileged role and trigger it from an event source', requires: one('iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'), explanation: 'Without invoke rights, an event source mapping (e.g. a DynamoDB stream) runs the function as the passed role.', source: RHINO },
  { id: 'lambda-update-function-code', title: 'Replace the code of an existing Lambda function', requires: one('lambda:UpdateFunctionCode'), explanation: 'The new code runs with the function\'s existing, possibly more privileged, execution role.', source: RHINO },
  { id: 'passrole-glue-dev-endpoint', title: 'Create a Glue development endpoint with a privileged role', requires: one('iam:PassRole', 'glue:CreateDevEndpoint'), explanation: 'The caller SSHes into the endpoint and uses the passed role\'s credentials.', source: RHINO },
  { id: 'glue-update-dev-endpoint', title: 'Add an SSH key to an existing Glue development endpoint', requires: one('glue:UpdateDevEndpoint'), explanation: 'With its own public key on the endpoint, the caller uses the endpoint role\'s credentials.', source: RHINO },
  { id: 'passrole-glue-create-job', title: 'Create and run a Glue job with a privileged role', requires: [['iam:PassRole'], ['glue:CreateJob'], ['glue:StartJobRun', 'glue:CreateTrigger']], explanation: 'The job script runs as the passed role.', source: BISHOP_FOX },
  { id: 'passrole-glue-update-job', title: 'Point an existing Glue job at a privileged role and run it', requires: [['iam:PassRole'], ['glue:UpdateJob'], ['glue:StartJobRun', 'glue:CreateTrigger']], explanation: 'Updating the job\'s role and script, then running it, executes the caller\'s code as the passed role.', source: BISHOP_FOX },
  { id: 'passrole-cloudformation-create-stack', title: 'Create a CloudFormation stack with a privileged service role', requires: one('iam:PassRole', 'cloudformation:CreateStack'), explanation: 'CloudFormation creates whatever the template says with the passed role\'s permissions (an admin user, say).', source: RHINO },
  { id: 'passrole-datapipeline', title: 'Create and activate a Data Pipeline with a privileged role', requires: [['iam:PassRole'], ['datapipeline:CreatePipeline'], ['datapipeline:PutPipelineDefinition'], ['datapipeline:ActivatePipeline']], explanation: 'The pipeline runs the caller\'s commands as the passed role.', source: RHINO },
  { id: 'passrole-sagemaker-notebook', title: 'Create a SageMaker notebook with a privileged role and open it', requires: one('iam:PassRole', 'sagemaker:CreateNotebookInstance', 'sagemaker:CreatePresignedNotebookInstanceUrl'), explanation: 'The notebook\'s terminal runs with the passed role\'s credentials.', source: BISHOP_FOX },
  { id: 'sagemaker-presigned-notebook-url', title: 'Open an existing SageMaker notebook', requires: one('sagemaker:CreatePresignedNotebookInstanceUrl'), explanation: 'A presigned URL opens an existing notebook, whose role may be more privileged.', source: BISHOP_FOX },
  { id: 'passrole-codebuild-project', title: 'Create and start a CodeBuild project with a privileged role', requires: one('iam:PassRole', 'codebuild:CreateProject', 'codebuild:StartBuild'), explanation: 'The build spec runs the caller\'s commands as the passed service role.', source: BISHOP_FOX },
  { id: 'ssm-send-command', title: 'Run commands on EC2 instances through Systems Manager', requires: one('ssm:SendCommand'), explanation: 'Commands run on an instance can read its instance-profile credentials.', source: BISHOP_FOX },
];

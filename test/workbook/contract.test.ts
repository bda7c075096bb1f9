/** The workbook contract, over every implementation (run under UTC and Asia/Ho_Chi_Minh: jest.config.js). */
import { ownershipThroughCommands } from './contract/commands';
import { IMPLEMENTATIONS } from './contract/harnesses';
import { contractSuite } from './contract/suite';
import { newYearLearners } from './contract/newYear';
import { consolidationIntoUnitWorkbook } from './contract/consolidateTarget';

for (const impl of IMPLEMENTATIONS) {
  contractSuite(impl);
  ownershipThroughCommands(impl);
  newYearLearners(impl);
  consolidationIntoUnitWorkbook(impl);
}

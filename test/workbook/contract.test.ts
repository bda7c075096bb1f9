/** The workbook contract, over every implementation (run under UTC and Asia/Ho_Chi_Minh: jest.config.js). */
import { IMPLEMENTATIONS } from './contract/harnesses';
import { contractSuite } from './contract/suite';

for (const impl of IMPLEMENTATIONS) contractSuite(impl);

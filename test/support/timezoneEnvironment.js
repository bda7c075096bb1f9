/**
 * A jest environment that runs its test files under the time zone given in
 * testEnvironmentOptions.timezone. TZ must change in the worker process itself (a setup file
 * only sees jest's copy of process.env); it is restored afterwards, since workers are reused.
 */
const { TestEnvironment } = require('jest-environment-node');

class TimezoneEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.previousTz = process.env.TZ;
    process.env.TZ = config.projectConfig.testEnvironmentOptions.timezone;
  }

  async teardown() {
    if (this.previousTz === undefined) delete process.env.TZ;
    else process.env.TZ = this.previousTz;
    await super.teardown();
  }
}

module.exports = TimezoneEnvironment;

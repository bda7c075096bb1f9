/** jest's globalTeardown: see tempRoot.js. */
module.exports = require('./tempRoot').teardown;

/**
 * The ribbon's function file (manifest: FunctionFile → commands.html). The schema requires
 * one for add-in commands even when, as here, the only button opens the pane (ShowTaskpane
 * needs no code). Functions for ExecuteFunction buttons would be registered below.
 */
Office.onReady(() => {
  // Nothing to register yet: the "Đơn vị học tập" button is a ShowTaskpane action.
});

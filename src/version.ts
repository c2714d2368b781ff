// The tool's own name and version, as reported in JSON and SARIF (kept equal to package.json by a test).
export const TOOL_NAME = 'go-major-gate';
export const TOOL_VERSION = '0.1.0';

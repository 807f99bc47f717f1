// A local fake of GitHub's REST API for end-to-end tests of the Action and the App.
//   const gh = await startFakeGitHub({ repos: [{ owner, name, pulls: [...], collaborators }] });
//   ... run the code under test with baseUrl gh.url ...
//   expect(gh.violations).toEqual([]);  await gh.close();
export { startFakeGitHub, type FakeGitHub } from './server.js';
export { githubOpenApi, OpenApiIndex } from './openapi.js';
export * from './state.js';
export * from './webhooks.js';
export * from './git-fixture.js';

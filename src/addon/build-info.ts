/**
 * What the build knows about the add-on and writes into the bundle (scripts/build.ts, esbuild
 * `define`): its version, and the OAuth scopes appsscript.json declares — Apps Script offers no
 * way to read its own manifest at run time. Outside a build (unit tests on src), neither exists.
 */
declare const LIANES_VERSION: string | undefined;
declare const LIANES_OAUTH_SCOPES: readonly string[] | undefined;

/** `0.1.0 (c0610db)`: package.json's version and the commit it was built from. */
export const ADDON_VERSION: string =
  typeof LIANES_VERSION === "string" ? LIANES_VERSION : "hors construction";

/** The manifest's `oauthScopes`, as built. */
export const DECLARED_SCOPES: readonly string[] =
  typeof LIANES_OAUTH_SCOPES === "object" && LIANES_OAUTH_SCOPES !== null ? LIANES_OAUTH_SCOPES : [];

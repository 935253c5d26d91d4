interface ImportMetaEnv {
  /** True under `astro dev` only: drafts are shown and the site index is rebuilt per request. */
  readonly EXPLAINER_DEV: boolean;
}

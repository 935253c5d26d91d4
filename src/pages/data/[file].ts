import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteIndex } from '../../data/site-index.ts';
import { sitePath } from '../../site/format.ts';
import {
  dataCollectionOf,
  dataRecords,
  ESTIMATES_FILE,
  estimatesCsv,
  OPEN_DATA_FILES,
  toJsonFile,
} from '../../publish/open-data.ts';

/** One file per collection (`/data/actors.json` …) and `/data/estimates.csv`. */
export const getStaticPaths = (() => OPEN_DATA_FILES.map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const { set } = await getSiteIndex();
  if (params.file === ESTIMATES_FILE) {
    return new Response(estimatesCsv(set), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  }
  const name = dataCollectionOf(params.file ?? '');
  if (!name) return new Response(null, { status: 404 });
  // Events have no page of their own: their records point to the timeline.
  const url = (id: string) =>
    new URL(
      name === 'events'
        ? `${sitePath(import.meta.env.BASE_URL, 'timeline')}#event-${id}`
        : sitePath(import.meta.env.BASE_URL, name, id),
      site,
    ).href;
  const records = dataRecords<object>(set[name], url);
  return new Response(toJsonFile(records), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

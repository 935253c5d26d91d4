/**
 * `npm run check`: validates all content without building the site and reports
 * every problem at once. Exit code 1 on errors (or on warnings with --strict).
 */
import { escapeControls, formatReport } from '../src/model/problems.ts';
import { checkForBuild } from '../src/publish/build-check.ts';
import { contentPath, publishInstant, settings } from '../src/settings.ts';
import { scheduledItems } from '../src/site/schedule.ts';
import { when } from '../src/site/when.ts';
import { EDITOR_LOCALE } from '../src/messages/index.ts';
import { resolveSite } from '../src/model/site.ts';

const strict = process.argv.includes('--strict');
const dirArg = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
const root = process.cwd();
const started = performance.now();
const { set, problems, site } = checkForBuild(dirArg ?? contentPath(root), root);
const elapsed = Math.round(performance.now() - started);
const counts = Object.entries(set)
  .map(([name, list]) => `${list.length} ${name}`)
  .join(', ');
const errors = problems.filter((p) => p.severity === 'error').length;
const failed = errors > 0 || (strict && problems.length > 0);
if (problems.length > 0) process.stderr.write(`${formatReport(problems)}\n`);
process.stdout.write(`${failed ? 'Content has problems' : 'Content OK'}: ${counts} (checked in ${elapsed} ms)\n`);
// What a build made now leaves out, to go live with a build at or after its time.
const scheduled = scheduledItems(set, publishInstant());
if (scheduled.length > 0) {
  const { timeZone } = resolveSite(site, settings);
  const lines = scheduled.map(
    (item) =>
      `  ${escapeControls(when(item.date, item.time, timeZone, EDITOR_LOCALE).text)}  ${escapeControls(item.what)} (${escapeControls(item.file)})`,
  );
  process.stdout.write(`Scheduled (left out of a build made before its time):\n${lines.join('\n')}\n`);
}
process.exit(failed ? 1 : 0);

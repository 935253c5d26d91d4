import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { servePictures, writePictures } from '../../../src/integrations/content-images.ts';
import { checkPicture, MAX_PICTURE_BYTES, PICTURE_FORMATS } from '../../../src/model/pictures.ts';
import { checkPictures, readPicture } from '../../../src/check/read-pictures.ts';
import { checkContentDir } from '../../../src/check/check-content.ts';

/** First bytes of a real file of each format, padded. */
const SAMPLES = {
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  webp: Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0x00, 0x00, 0x00]), Buffer.from('WEBPVP8 ')]),
  avif: Buffer.concat([
    Buffer.from([0, 0, 0, 0x1c]),
    Buffer.from('ftypavif'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('avifmif1miaf'),
  ]),
  // Major brand mif1, AVIF among the compatible brands (as some encoders write it).
  avifCompatible: Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypmif1'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('mif1avif'),
  ]),
  gif: Buffer.from('GIF89a\x01\x00\x01\x00'),
  gif87: Buffer.from('GIF87a\x01\x00\x01\x00'),
  // HEIC is an ISO media file too, but not one the site publishes.
  heic: Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypheic'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('mif1heic'),
  ]),
  html: Buffer.from('<!doctype html><script>alert(1)</script>'),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  js: Buffer.from('alert("js")'),
};

describe('checkPicture: pictures only, told by their first bytes', () => {
  test.each([
    ['a.jpg', SAMPLES.jpeg, 'JPEG'],
    ['a.JPEG', SAMPLES.jpeg, 'JPEG'],
    ['a.png', SAMPLES.png, 'PNG'],
    ['a.webp', SAMPLES.webp, 'WebP'],
    ['a.avif', SAMPLES.avif, 'AVIF'],
    ['b.avif', SAMPLES.avifCompatible, 'AVIF'],
    ['a.gif', SAMPLES.gif, 'GIF'],
    ['b.gif', SAMPLES.gif87, 'GIF'],
  ])('%s is a %s picture', (name, bytes, format) => {
    expect(checkPicture(name, bytes.length, bytes)).toEqual({ format: expect.objectContaining({ name: format }) });
  });

  test.each([
    ['evil.html', SAMPLES.html, /not a picture/, /remove it/],
    ['evil.js', SAMPLES.js, /not a picture/, /remove it/],
    ['evil.svg', SAMPLES.svg, /SVG/, /PNG or WebP/],
    ['evil.svg', SAMPLES.png, /SVG/, /PNG or WebP/],
    ['page.png', SAMPLES.html, /named like a PNG picture, but its content is not one/, /save it again/],
    ['photo.heic', SAMPLES.heic, /not a picture/, /remove it/],
    ['photo.avif', SAMPLES.heic, /named like a AVIF picture/, /save it again/],
    ['empty.jpg', Buffer.alloc(0), /named like a JPEG picture/, /save it again/],
    ['photo.jpg', SAMPLES.png, /a PNG picture, but named with \.jpg/, /rename it to end with \.png/],
    ['photo', SAMPLES.png, /named without an extension/, /\.png/],
    ['photo.png.html', SAMPLES.png, /named with \.html/, /\.png/],
  ])('%s is refused', (name, bytes, message, fix) => {
    const result = checkPicture(name, bytes.length, bytes);
    expect(result).toHaveProperty('fault');
    if ('fault' in result) {
      expect(result.fault.message).toMatch(message);
      expect(result.fault.fix).toMatch(fix);
    }
  });

  test('a picture over the size limit is refused; one at the limit passes', () => {
    expect(checkPicture('a.png', MAX_PICTURE_BYTES, SAMPLES.png)).toHaveProperty('format');
    const over = checkPicture('a.png', MAX_PICTURE_BYTES + 1, SAMPLES.png);
    expect('fault' in over && over.fault.message).toMatch(/5\.0 MB allowed/);
  });

  test('every format has a name, a type and an extension, and no two share an extension', () => {
    const extensions = PICTURE_FORMATS.flatMap((format) => format.extensions);
    expect(new Set(extensions).size).toBe(extensions.length);
    for (const format of PICTURE_FORMATS) expect(format.mime).toMatch(/^image\/[a-z]+$/);
  });
});

let work: string;
let content: string;
const images = () => join(content, 'images');

/** Writes a file, making its folder. */
function put(path: string, bytes: Buffer | string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, bytes);
}

const ACTOR = (src: string) =>
  `---\nname: Ana\nkind: person\ndescription: d\nimage:\n  src: ${src}\n  alt: Ana\n  credit: Desk\n---\n`;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'explainer-pictures-'));
  content = join(work, 'content');
  put(join(images(), 'ana.png'), SAMPLES.png);
  put(join(images(), 'people/bo.webp'), SAMPLES.webp);
  put(join(images(), 'unused.gif'), SAMPLES.gif);
  put(join(images(), '.DS_Store'), 'finder data');
  put(join(images(), 'evil.html'), SAMPLES.html);
  put(join(images(), 'evil.js'), SAMPLES.js);
  put(join(images(), 'evil.svg'), SAMPLES.svg);
  put(join(images(), 'big.jpg'), Buffer.concat([SAMPLES.jpeg, Buffer.alloc(MAX_PICTURE_BYTES)]));
  put(join(work, 'secret.png'), SAMPLES.png);
  put(join(content, 'elsewhere/cy.png'), SAMPLES.png);
  symlinkSync(join(work, 'secret.png'), join(images(), 'outside.png'));
  symlinkSync('../elsewhere/cy.png', join(images(), 'cy.png'));
  symlinkSync('nowhere.png', join(images(), 'dangling.png'));
  symlinkSync('loop.png', join(images(), 'loop.png'));
  symlinkSync('..', join(images(), 'up'));
  mkdirSync(join(images(), 'd.png'));
  execFileSync('mkfifo', [join(images(), 'pipe.png')]);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('checkPictures: every file in images/ is a picture, or an error', () => {
  test('pictures, in subfolders too and through links inside the content folder, are kept by their exact path', () => {
    const { pictures } = checkPictures(content, work);
    expect([...pictures.keys()].sort()).toEqual([
      'images/ana.png',
      'images/cy.png',
      'images/people/bo.webp',
      'images/unused.gif',
    ]);
  });

  test.each([
    ['evil.html', /not a picture/],
    ['evil.js', /not a picture/],
    ['evil.svg', /SVG/],
    ['big.jpg', /MB allowed/],
    ['outside.png', /symbolic link to ".*secret\.png", outside the content folder/],
    ['dangling.png', /which does not exist/],
    ['loop.png', /leads back to itself/],
    ['up', /link to a folder/],
    ['pipe.png', /pipe, socket or device/],
  ])('images/%s is refused with a fix', (name, message) => {
    const problem = checkPictures(content, work).problems.find((p) => p.file === `content/images/${name}`);
    expect(problem?.message).toMatch(message);
    expect(problem).toMatchObject({ severity: 'error', fix: expect.any(String) });
  });

  test('hidden files are left alone: neither refused nor published', () => {
    const { pictures, problems } = checkPictures(content, work);
    expect(problems.map((p) => p.file)).not.toContain('content/images/.DS_Store');
    expect(pictures.has('images/.DS_Store')).toBe(false);
    expect(problems).toHaveLength(9);
  });

  test('images/ that is a link out of the content folder is refused as a whole, and nothing in it is read', () => {
    const other = join(work, 'linked-images');
    mkdirSync(join(other, 'content'), { recursive: true });
    symlinkSync(images(), join(other, 'content/images'));
    const { pictures, problems } = checkPictures(join(other, 'content'), work);
    expect(pictures.size).toBe(0);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'linked-images/content/images',
        message: expect.stringMatching(/the folder is a symbolic link/),
      }),
    ]);
  });

  test('readPicture gives the bytes it checked, and refuses a file swapped for another kind', () => {
    const read = readPicture(join(images(), 'ana.png'), content);
    expect('bytes' in read && read.bytes.equals(SAMPLES.png)).toBe(true);
    expect(readPicture(join(images(), 'evil.html'), content)).toHaveProperty('fault');
  });
});

describe('image.src names a picture file exactly', () => {
  let story: string;
  beforeAll(() => {
    story = join(work, 'story');
    for (const name of ['ana.png', 'people/bo.webp', 'unused.gif', 'big.jpg', 'evil.html', 'evil.js', 'evil.svg']) {
      put(join(story, 'images', name), readFileSync(join(images(), name)));
    }
    mkdirSync(join(story, 'images/d.png'));
  });

  /** The content check of a story with one actor per `image.src`. */
  function check(...srcs: string[]) {
    rmSync(join(story, 'actors'), { recursive: true, force: true });
    for (const [i, src] of srcs.entries()) put(join(story, `actors/a${i}.md`), ACTOR(src));
    return checkContentDir(story, work);
  }

  test('a picture actors show is kept for the site; pictures no actor shows are not', () => {
    const { pictures } = check('images/ana.png', 'images/people/bo.webp');
    expect([...pictures.keys()]).toEqual(['images/ana.png', 'images/people/bo.webp']);
  });

  test.each([
    ['IMAGES/ana.PNG', /no picture "IMAGES\/ana\.PNG"; the file is named "images\/ana\.png"/, /case included/],
    ['images/Ana.png', /the file is named "images\/ana\.png"/, /write "images\/ana\.png"/],
    ['images/d.png', /"images\/d\.png" is a folder, not a picture file/, /picture file/],
    ['images/none.png', /no image file "images\/none\.png"/, /put the picture at/],
  ])('%s is an error with a fix', (src, message, fix) => {
    const problem = check(src).problems.find((p) => p.field === 'image.src');
    expect(problem).toMatchObject({ file: 'story/actors/a0.md', line: 6, severity: 'error' });
    expect(problem?.message).toMatch(message);
    expect(problem?.fix).toMatch(fix);
  });

  test('a reference to a refused file adds no second error', () => {
    const { problems } = check('images/big.jpg');
    expect(problems.filter((p) => p.field === 'image.src')).toEqual([]);
    expect(problems.map((p) => p.file)).toContain('story/images/big.jpg');
  });
});

describe('publishing: the build writes and the dev server serves checked pictures only', () => {
  test('writePictures writes exactly the pictures given, with their checked bytes', () => {
    const out = join(work, 'dist');
    const { pictures } = checkPictures(content, work);
    const shown = ['images/ana.png', 'images/people/bo.webp'].map((src) => pictures.get(src)!);
    expect(writePictures(shown, content, out)).toBe(2);
    expect(readdirSync(join(out, 'images')).sort()).toEqual(['ana.png', 'people']);
    expect(readFileSync(join(out, 'images/people/bo.webp')).equals(SAMPLES.webp)).toBe(true);
  });

  test('writePictures stops when a checked picture was replaced by something else since', () => {
    const copy = join(work, 'swap');
    put(join(copy, 'images/a.png'), SAMPLES.png);
    const picture = checkPictures(copy, work).pictures.get('images/a.png')!;
    writeFileSync(join(copy, 'images/a.png'), SAMPLES.html);
    expect(() => writePictures([picture], copy, join(work, 'swap-dist'))).toThrow(/not one/);
    expect(existsSync(join(work, 'swap-dist/images/a.png'))).toBe(false);
  });

  /** Asks the dev server's handler for a URL: the picture's type and bytes, or `next` when it is not served. */
  function ask(url: string) {
    const shown = checkContentDir(join(work, 'story'), work);
    const headers: Record<string, string> = {};
    let body: Buffer | undefined;
    let passed = false;
    const response = {
      setHeader: (name: string, value: string) => {
        headers[name] = value;
      },
      end: (bytes: Buffer) => {
        body = bytes;
      },
    };
    servePictures('/base/', join(work, 'story'), () => shown.pictures)(
      { url } as IncomingMessage,
      response as unknown as ServerResponse,
      () => {
        passed = true;
      },
    );
    return { headers, body, passed };
  }

  test('the dev server serves a picture an actor shows, with its type', () => {
    writeFileSync(join(work, 'story/actors/a0.md'), ACTOR('images/ana.png'));
    const served = ask('/base/images/ana.png?v=1');
    expect(served.passed).toBe(false);
    expect(served.headers).toEqual({ 'Content-Type': 'image/png', 'X-Content-Type-Options': 'nosniff' });
    expect(served.body?.equals(SAMPLES.png)).toBe(true);
  });

  test.each([
    '/base/images/evil.html',
    '/base/images/evil.js',
    '/base/images/evil.svg',
    '/base/images/unused.gif',
    '/base/IMAGES/ana.png',
    '/base/images/ANA.png',
    '/base/images/%E0%A4%A',
    '/base/images/..%2F..%2Fsecret.png',
    '/base/images/../secret.png',
    '/images/ana.png',
  ])('the dev server does not serve %s', (url) => {
    writeFileSync(join(work, 'story/actors/a0.md'), ACTOR('images/ana.png'));
    const served = ask(url);
    expect(served.passed).toBe(true);
    expect(served.body).toBeUndefined();
  });
});

#!/usr/bin/env node
// boardpack's HTML in Debian's Chromium (one browser launch for everything, to stay fast):
// - axe-core finds no violation (all rules it runs by default, best practice included) at 1280 px
//   and 390 px in both editions of the example and of a meeting generated here, and on the archive
//   page that building the two into one folder writes;
// - every table box is a keyboard-reachable region named by its caption, whose words stay on a
//   phone's screen, and a page starts with a skip link to the agenda;
// - on a phone a long numeric column heading wraps, so a one-column table fits; a table box whose
//   columns run past its edge shows a shadow there, and a table of many columns uses a wide
//   window's width;
// - in a numeric column the units digits and commas line up, a footnote mark or "Ikke oplyst"
//   included;
// - printed to PDF (A4), every table keeps all its columns (checked with pdftotext), every page
//   has its number, external links print their address, and a confidential placeholder does not
//   take a page of its own.
//
// Usage: node check.js BOARDPACK REPO_ROOT
// Needs `npm ci` in this folder first (puppeteer-core, axe-core); never downloads a browser.
// BOARDPACK_BROWSER_KEEP=1 keeps the built pages and printed PDFs to look at.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

let puppeteer;
try {
  puppeteer = require('puppeteer-core');
} catch (e) {
  console.error(`${__dirname}: puppeteer-core is missing; run \`npm ci\` in tests/browser first`);
  process.exit(1);
}
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// CORRECTED_PACKET (tests/sheet, optional): the generated meeting is also written as corrected
// (issue 13), and its packets and rettelsesblad pages are checked like the others.
const [boardpack, root, corrected] = process.argv.slice(2);
if (!boardpack || !root) {
  console.error('usage: node check.js BOARDPACK REPO_ROOT [CORRECTED_PACKET]');
  process.exit(2);
}
const chromium = process.env.BOARDPACK_CHROMIUM || '/usr/bin/chromium';
const widths = [1280, 390];

const failures = [];
function fail(what) {
  failures.push(what);
  console.log(`FAIL ${what}`);
}

// --- A small meeting, written here: the table cases the example lacks, two confidential items in
// a row, an external link.
function writeMeeting(dir) {
  const put = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  put('meeting.txt', [
    'organisation: Prøveforeningen', 'organ: Bestyrelsen', 'dato: 2024-11-05', 'tidspunkt: kl. 9.00-10.00',
    'sted: Mødelokale 2', 'punkt: 01-tal', 'punkt: 02-hemmeligt', 'punkt: 03-lukket', 'punkt: 04-link', '',
  ].join('\n'));
  const sections = (body) => `# Resumé\n\nKort resumé.\n\n# Indstilling\n\nDet indstilles, at sagen tages til efterretning.\n\n# Sagsfremstilling\n\n${body}\n`;
  const item = (n, status, title, body) =>
    `---\nnummer: ${n}\nstatus: ${status}\ntitel: ${title}\nsagsbehandler: Eva Eksempel\nsagsnummer: EMN-2024-0000${n}\n---\n\n${sections(body)}`;
  put('01-tal/item.md', item(1, 'Offentlig', 'Tal der skal stå på række',
    'Tabellen viser gennemsnit.\n\n```tabel\nfil: gennemsnit.csv\ntitel: Gennemsnit med decimaler og mærker\n' +
    'note: * Ikke oplyst af regionen.\nnote: ** Foreløbigt tal.\n```\n\n' +
    '```tabel\nfil: bred.csv\ntitel: Seksten måneder side om side\n```\n'));
  put('01-tal/gennemsnit.csv', [
    'Hospital;Gennemsnitligt antal fuldtidsbeskæftigede speciallæger i perioden',
    'Nord;950,5', 'Syd;887,33', 'Øst;1.008', 'Vest;Ikke oplyst*', 'Midt;166 **', 'Ø-gruppen;-', '',
  ].join('\n'));
  const months = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'Maj', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Okt.', 'Nov.', 'Dec.', 'Jan. 2', 'Feb. 2', 'Mar. 2', 'Apr. 2'];
  const rows = ['Post;' + months.map((m) => `${m} 2023`).join(';')];
  for (let r = 0; r < 4; ++r)
    // Amounts as long as a region's budget lines ("-152.100.000"): the widest a column gets.
    rows.push(`Række ${r + 1};` + months.map((_, c) => `-${(r + 1) * 100 + c}.${String(123 + c).padStart(3, '0')}.000`).join(';'));
  put('01-tal/bred.csv', rows.join('\n') + '\n');
  put('02-hemmeligt/item.md', item(2, 'Fortrolig', 'Hemmelig sag', 'Fortroligt indhold.'));
  put('03-lukket/item.md', item(3, 'Lukket', 'Lukket sag', 'Lukket indhold.'));
  put('04-link/item.md', item(4, 'Offentlig', 'Sag med henvisning',
    'Se [rapporten](https://example.org/rapport-2024.pdf) for detaljer[^1].\n\n' +
    // A footnote (its number a link to its note) and a task list, checked by axe like the rest.
    '- [ ] En opgave, der venter\n- [x] En løst opgave\n\n[^1]: Rapporten udkommer i 2025.\n\n' +
    // Lists nested 14 deep and quotes 4 deep: the text of the deepest keeps a readable width.
    Array.from({ length: 14 }, (_, k) => `${'  '.repeat(k)}- Niveau ${k + 1} i en liste med tekst\n`).join('') + '\n' +
    '> > > > Et citat i et citat i et citat i et citat, der stadig skal kunne læses på en telefon.\n\n' +
    // Words no line can hold, as agendas have them (a probe: a path and a compound word widened
    // a phone's page to 1.576 px): they break where they must, as in the PDF.
    'Filen ligger på \\\\fileserver\\faelles\\sekretariatet\\bestyrelsen\\2024\\bilag_til_punkt_17_budgetopfoelgning_endelig.xlsx og ' +
    'hedder `C:/Users/sekretariat/Documents/bestyrelsen/bilag_til_punkt_17_budgetopfoelgning_endelig_v3.xlsx` lokalt; ' +
    'ordet er sundhedsvæsenskoordinationsudvalgsforretningsordensændringsforslagsbehandlingsprocedurebeskrivelsen.\n\n' +
    '```\n' + 'x = ' + 'en_meget_lang_linje_i_en_kodeblok_'.repeat(6) + '\n```\n\n' +
    '![Figur 1: Et billede bredere end en telefon](bred.png)'));
  put('04-link/bred.png', png(1200, 300));
}

// An RGB PNG of w x h pixels (a gradient), made here: a picture wider than a phone.
function png(w, h) {
  const zlib = require('zlib');
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xFFFFFFFF;
    for (const b of buf) c = crcTable[(c ^ b) & 0xFF] ^ (c >>> 8);
    return (c ^ 0xFFFFFFFF) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc(h * (1 + 3 * w));
  for (let y = 0; y < h; ++y)
    for (let x = 0; x < w; ++x) raw.set([x % 256, y % 256, 128], y * (1 + 3 * w) + 1 + 3 * x);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// A picture fits the page's width (it is scaled down, keeping its proportions) and has its
// description as alt text.
async function pictureCheck(page, label) {
  const problems = await page.evaluate(() => {
    const out = [];
    const width = document.documentElement.clientWidth;
    const images = [...document.querySelectorAll('figure img')];
    if (images.length === 0) out.push('no picture on the page');
    for (const img of images) {
      const r = img.getBoundingClientRect();
      if (!img.alt.trim()) out.push('a picture without alt text');
      if (r.right > width + 0.5) out.push(`a picture ${Math.round(r.width)} px wide ends at ${Math.round(r.right)} px of ${width}`);
      if (img.naturalWidth > 0 && Math.abs(r.width / r.height - img.naturalWidth / img.naturalHeight) > 0.02)
        out.push(`a picture drawn ${Math.round(r.width)} x ${Math.round(r.height)} px, not in its proportions`);
    }
    return out;
  });
  for (const p of problems) fail(`${label}: ${p}`);
}

// Every chart shows one drawing (the other is display: none, so a screen reader meets one), and
// its labels are at least 8 px high where they are drawn: at the PDF's width a phone showed them
// some 6 px high (the example's charts' 7-8 point labels scaled to 350 px of 440).
async function chartTextCheck(page, label) {
  const problems = await page.evaluate(() => {
    const out = [];
    for (const fig of document.querySelectorAll('figure.figur')) {
      const shown = [...fig.querySelectorAll('svg.diagram')].filter((s) => getComputedStyle(s).display !== 'none');
      if (shown.length !== 1) out.push(`${fig.id} shows ${shown.length} drawings`);
      for (const svg of shown)
        for (const t of svg.querySelectorAll('text')) {
          const h = t.getBoundingClientRect().height;
          if (h > 0 && h < 8) {
            out.push(`${fig.id}: the label "${t.textContent}" is ${h.toFixed(1)} px high`);
            break;
          }
        }
    }
    return out;
  });
  for (const p of problems) fail(`${label}: ${p}`);
}

// The one HTML page of an edition folder (whatever the file is named).
function editionPage(out, meeting, edition) {
  const dir = path.join(out, meeting, edition);
  const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.html'));
  if (pages.length !== 1) throw new Error(`${dir}: expected one HTML page, found ${pages.length}`);
  return path.join(dir, pages[0]);
}

async function axeCheck(page, label) {
  await page.evaluate(axeSource);
  // With every <details> open: a chart's data table is what a reader who cannot see the chart
  // opens, and axe does not look inside a closed one. Closed again for the checks after this.
  const result = await page.evaluate(async () => {
    const closed = [...document.querySelectorAll('details:not([open])')];
    closed.forEach((d) => { d.open = true; });
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    closed.forEach((d) => { d.open = false; });
    return r;
  });
  for (const v of result.violations)
    fail(`${label}: axe ${v.id} (${v.impact}) x${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

// Every table box is a focusable region named by the table's caption; scrolling ones included;
// the caption is on the screen.
async function regionCheck(page, label) {
  const problems = await page.evaluate(() => {
    const out = [];
    document.querySelectorAll('table').forEach((table, i) => {
      const box = table.parentElement;
      const caption = table.querySelector('caption');
      const scrolls = box.scrollWidth > box.clientWidth;
      const labelled = caption && box.getAttribute('aria-labelledby') === caption.id && caption.id;
      if (box.getAttribute('role') !== 'region' || box.tabIndex !== 0 || !labelled)
        out.push(`table ${i + 1}${scrolls ? ' (scrolls)' : ''} is not in a focusable region labelled by its caption`);
      // The caption's words are on the screen, not cut off with the columns that scroll away,
      // nor by the edge of a box narrower than the screen (an attachment's table is indented).
      if (caption) {
        const range = document.createRange();
        range.selectNodeContents(caption);
        const right = Math.max(...[...range.getClientRects()].map((r) => r.right));
        const screen = document.documentElement.clientWidth;
        const boxRight = box.getBoundingClientRect().left + box.clientLeft + box.clientWidth;
        if (right > screen + 1)
          out.push(`table ${i + 1}'s caption runs to x=${Math.round(right)}, off the ${screen} px screen`);
        else if (right > boxRight + 1)
          out.push(`table ${i + 1}'s caption runs to x=${Math.round(right)}, past its box's edge at ${Math.round(boxRight)} px, which cuts it off`);
      }
    });
    return out;
  });
  problems.forEach((p) => fail(`${label}: ${p}`));
}

// A table box whose columns run past its right edge shows a shadow there (a phone shows no
// scrollbar: a reader took the columns in view for the whole table), and one that does not run
// past shows none. Read from the pixels of the box's rightmost column as the browser draws it.
// On a wide screen a table of many columns ("bred") uses the window's width beyond the text's.
async function overflowCheck(page, label, width) {
  const boxes = await page.$$('.tabel');
  for (const [i, box] of boxes.entries()) {
    const facts = await box.evaluate((b) => {
      const r = b.getBoundingClientRect();
      return { scrolls: b.scrollWidth > b.clientWidth + 1, wide: b.classList.contains('bred'), right: r.right,
               screen: document.documentElement.clientWidth, height: r.height,
               hidden: !!b.closest('details:not([open])') || b.offsetParent === null };
    });
    if (facts.hidden || facts.height < 20) continue;  // a chart's data table in its closed <details>
    await box.evaluate((b) => b.scrollIntoView());
    const png = await box.screenshot({ encoding: 'base64' });
    const shaded = await page.evaluate(async (data) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + data;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const column = ctx.getImageData(img.width - 2, 0, 1, img.height).data;
      let grey = 0;
      for (let y = 0; y < img.height; ++y) if (column[4 * y] < 235 && column[4 * y] > 100) ++grey;
      return grey / img.height;
    }, png);
    if (facts.scrolls && shaded < 0.6)
      fail(`${label}: table box ${i + 1} scrolls sideways but shows no shadow at its right edge (${Math.round(shaded * 100)} % of it shaded)`);
    if (!facts.scrolls && shaded > 0.3)
      fail(`${label}: table box ${i + 1} does not scroll but is shaded at its right edge (${Math.round(shaded * 100)} %)`);
    if (facts.wide && width >= 1000 && facts.right < facts.screen - 40)
      fail(`${label}: table box ${i + 1} of many columns ends at x=${Math.round(facts.right)}, not using the ${facts.screen} px window`);
  }
}

// In the closed edition, a place the page jumps to (the skip link's agenda, the agenda's items)
// stops below the closed mark that stays at the top of the window, not under it.
async function anchorCheck(page, label) {
  const targets = await page.evaluate(() => document.querySelector('.lukket-maerke')
    ? ['dagsorden', ...[...document.querySelectorAll('nav a[href^="#"]')].slice(0, 6).map((a) => a.getAttribute('href').slice(1))]
    : []);
  for (const id of targets) {
    await page.evaluate((id) => { window.scrollTo(0, 0); location.hash = '#' + id; }, id);
    const [top, bar] = await page.evaluate((id) => [document.getElementById(id).getBoundingClientRect().top,
      document.querySelector('.lukket-maerke').getBoundingClientRect().bottom], id);
    if (top < bar - 1) fail(`${label}: #${id} is scrolled to y=${Math.round(top)}, under the closed mark (to y=${Math.round(bar)})`);
  }
  if (targets.length) await page.evaluate(() => { history.replaceState(null, '', location.pathname); window.scrollTo(0, 0); });
}

// The first Tab reaches a skip link that leads to the agenda.
async function skipLinkCheck(page, label) {
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const a = document.activeElement;
    const href = a && a.getAttribute('href');
    const target = href && href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
    return { tag: a && a.tagName, href, target: target ? target.closest('nav') !== null : false };
  });
  if (first.tag !== 'A' || !first.target) fail(`${label}: the first Tab stop is not a skip link to the agenda (${JSON.stringify(first)})`);
}

// A corrected item's mark in the agenda stands under its title, where the PDF prints it after the
// title, not under its number (a probe saw "Rettet i version 3" wrapped into the number column).
async function agendaMarkCheck(page, label) {
  const marks = await page.evaluate(() => [...document.querySelectorAll('.dagsorden .rettet-maerke')].map((m) => {
    const title = m.parentElement.querySelector('.titel');
    return { mark: m.getBoundingClientRect().left, title: title ? title.getBoundingClientRect().left : null };
  }));
  if (marks.length === 0) fail(`${label}: no item in the agenda is marked corrected`);
  for (const m of marks)
    if (m.title === null || Math.abs(m.mark - m.title) > 1) fail(`${label}: the agenda's mark "Rettet i version" starts at ${m.mark} px, its title at ${m.title} px`);
}

// In each numeric column the figures' units digit (or the text's end, before a footnote mark)
// ends at one x, and commas start at one x.
async function alignmentCheck(page, label) {
  const problems = await page.evaluate(() => {
    const out = [];
    document.querySelectorAll('table').forEach((table, t) => {
      const columns = new Map();
      table.querySelectorAll('tbody tr').forEach((tr) => {
        [...tr.children].forEach((cell, k) => {
          // A figure of a measure of its own ("tal egen") is set flush right, apart from the comma.
          if (!cell.classList.contains('tal') || cell.classList.contains('egen') || cell.textContent.trim() === '') return;
          const text = cell.textContent;
          // The whole part: a figure up to its units digit, or words without their trailing
          // footnote marks.
          const m = /[0-9]/.test(text) ? /^(.*?[0-9][0-9.]*)((?:,[0-9]+)?)(\D*)$/.exec(text) : /^(.*?)([*\u2020\u2021\u00a7 ]*)$/.exec(text);
          if (!m || m[1] === '') return;
          const range = document.createRange();
          const at = (offset) => {
            // Find the text node and offset for a character index of the cell.
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            let n, seen = 0;
            while ((n = walker.nextNode())) {
              if (offset < seen + n.length) return [n, offset - seen];
              seen += n.length;
            }
            return null;
          };
          const [node, off] = at(m[1].length - 1);
          range.setStart(node, off);
          range.setEnd(node, off + 1);
          const units = range.getBoundingClientRect().right;
          if (!columns.has(k)) columns.set(k, []);
          columns.get(k).push({ text, units });
        });
      });
      columns.forEach((cells, k) => {
        const xs = cells.map((c) => c.units);
        if (Math.max(...xs) - Math.min(...xs) > 1)
          out.push(`table ${t + 1} column ${k + 1}: units digits at ${cells.map((c) => `${JSON.stringify(c.text)}@${c.units.toFixed(1)}`).join(', ')}`);
      });
    });
    return out;
  });
  problems.forEach((p) => fail(`${label}: ${p}`));
}

// On a phone the generated one-column table fits the screen: its long heading wraps.
async function phoneFitCheck(page, label) {
  const r = await page.evaluate(() => {
    const box = document.querySelector('table').parentElement;
    return { scroll: box.scrollWidth, client: box.clientWidth };
  });
  if (r.scroll > r.client) fail(`${label}: the one-column table is ${r.scroll} px wide in a ${r.client} px box (heading does not wrap)`);
}

// Lists and quotes nested past ten levels indent no further, as in the PDF, and a quote indents as
// a list does: the deepest item's and quote's text keeps at least 45 % of the text's width. Long
// words, paths and a code block keep the page within the window.
async function nestCheck(page, label) {
  const r = await page.evaluate(() => {
    const deepest = (selector) => {
      let best = null, depth = -1;
      for (const e of document.querySelectorAll(selector)) {
        let d = 0;
        for (let p = e.parentElement; p; p = p.parentElement) if (/^(UL|OL|BLOCKQUOTE)$/.test(p.tagName)) ++d;
        if (d > depth) { best = e; depth = d; }
      }
      return { width: best ? best.getBoundingClientRect().width : 0, depth };
    };
    const body = document.body.getBoundingClientRect().width -
      parseFloat(getComputedStyle(document.body).paddingLeft) - parseFloat(getComputedStyle(document.body).paddingRight);
    return { li: deepest('li'), quote: deepest('blockquote p'), body,
             overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth };
  });
  if (r.li.depth < 14) fail(`${label}: the nested list is ${r.li.depth} deep, not 14`);
  if (r.quote.depth < 4) fail(`${label}: the nested quote is ${r.quote.depth} deep, not 4`);
  for (const [what, x] of [['list item', r.li], ['quote', r.quote]])
    if (x.width < 0.45 * r.body) fail(`${label}: the deepest ${what} is ${x.width.toFixed(0)} px wide of ${r.body.toFixed(0)} px`);
  if (r.overflow) fail(`${label}: the page is wider than the window`);
}

// Numeric cells of every table row, as the printed text must have them on one line.
async function tableRows(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('table')].map((table) => ({
      caption: table.querySelector('caption').textContent.trim(),
      rows: [...table.querySelectorAll('tbody tr')]
        .map((tr) => [...tr.querySelectorAll('td.tal')].map((td) => td.textContent.replace(/\s+/g, ' ').trim()).filter((s) => s))
        .filter((cells) => cells.length > 0),
    })));
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Prints the page to PDF and reads it back with pdftotext, one string per page.
async function printPages(page, pdfPath) {
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
}

function printChecks(pages, tables, label, { links = [], placeholders = false } = {}) {
  const lines = pages.join('\n').split('\n');
  for (const t of tables)
    t.rows.forEach((cells, r) => {
      const re = new RegExp(cells.map(escapeRe).join('\\s+(?:\\S.*\\s)?'));
      if (!lines.some((l) => re.test(l))) fail(`${label}: printed "${t.caption}" row ${r + 1} lacks columns (${cells.join(' | ')})`);
    });
  pages.forEach((p, i) => {
    if (!new RegExp(`Side ${i + 1} af ${pages.length}\\b`).test(p)) fail(`${label}: printed page ${i + 1} has no "Side ${i + 1} af ${pages.length}"`);
  });
  const all = pages.join('\n').replace(/\s+/g, '');
  for (const url of links)
    if (!all.includes(url)) fail(`${label}: the printed page does not give the link address ${url}`);
  if (placeholders)
    pages.forEach((p, i) => {
      const rest = p.split('\n').map((l) => l.trim())
        .filter((l) => l && !/^Side \d+ af \d+$/.test(l) && !/^\d+ \((Fortrolig|Lukket)\)$/.test(l));
      if (rest.length === 0) fail(`${label}: printed page ${i + 1} holds only confidential placeholders`);
    });
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'boardpack-browser-'));
  const out = path.join(work, 'out');
  const generated = path.join(work, '2024-11-proeve');
  writeMeeting(generated);
  for (const meeting of [path.join(root, 'inputs/2023-09-bestyrelsen'), generated])
    execFileSync(boardpack, ['build', meeting, '--out', out, '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const example = '2023-09-bestyrelsen';
  const small = path.basename(generated);
  const archive = path.join(out, 'index.html');
  if (!fs.existsSync(archive)) fail('building two meetings into one folder wrote no archive page');

  const launched = Date.now();
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
  });
  if (process.env.BOARDPACK_BROWSER_TIMES) console.log(`launch: ${Date.now() - launched} ms`);
  try {
    const page = await browser.newPage();
    const targets = [];
    for (const meeting of [example, small])
      for (const edition of ['offentlig', 'lukket']) targets.push({ file: editionPage(out, meeting, edition), label: `${meeting}/${edition}`, packet: true, small: meeting === small });
    targets.push({ file: archive, label: 'archive page', packet: false });
    if (corrected) {
      const fixed = path.join(work, 'rettet');
      execFileSync(corrected, [generated, fixed], { stdio: ['ignore', 'ignore', 'inherit'] });
      for (const edition of ['offentlig', 'lukket']) {
        const dir = path.join(fixed, small, edition);
        targets.push({ file: path.join(dir, `dagsorden-${edition}.html`), label: `corrected ${edition}`, packet: true, small: true });
        targets.push({ file: path.join(dir, `rettelsesblad-${edition}.html`), label: `rettelsesblad ${edition}`, packet: false });
      }
    }

    for (const width of widths) {
      await page.setViewport({ width, height: 900 });
      for (const t of targets) {
        const label = `${t.label} at ${width} px`;
        await page.goto('file://' + t.file, { waitUntil: 'load' });
        const t0 = Date.now();
        await axeCheck(page, label);
        if (process.env.BOARDPACK_BROWSER_TIMES) console.log(`${label}: axe ${Date.now() - t0} ms`);
        if (!t.packet) continue;
        await regionCheck(page, label);
        if (!t.small && !t.label.startsWith('corrected')) await overflowCheck(page, label, width);
        await alignmentCheck(page, label);
        if (t.small && width === 390) await phoneFitCheck(page, label);
        await chartTextCheck(page, label);
        if (t.small) await pictureCheck(page, label);
        if (t.small && !t.label.startsWith('corrected') && t.label.endsWith('offentlig')) await nestCheck(page, label);
        if (t.label.startsWith('corrected')) await agendaMarkCheck(page, label);
        await skipLinkCheck(page, label);
        await anchorCheck(page, label);
      }
    }

    // Print: the closed edition of the example has every table (the 17-column one too); its
    // public edition has runs of placeholders after long attachments; the generated public
    // edition has two placeholders in a row and an external link.
    const prints = [
      { file: editionPage(out, example, 'lukket'), label: `${example}/lukket printed`, opts: {} },
      { file: editionPage(out, example, 'offentlig'), label: `${example}/offentlig printed`, opts: { placeholders: true } },
      { file: editionPage(out, small, 'offentlig'), label: `${small}/offentlig printed`,
        opts: { links: ['https://example.org/rapport-2024.pdf'], placeholders: true } },
    ];
    for (const [i, p] of prints.entries()) {
      await page.goto('file://' + p.file, { waitUntil: 'load' });
      const tables = await tableRows(page);
      const t0 = Date.now();
      const pages = await printPages(page, path.join(work, `print-${i}.pdf`));
      if (process.env.BOARDPACK_BROWSER_TIMES) console.log(`${p.label}: ${Date.now() - t0} ms`);
      printChecks(pages, tables, p.label, p.opts);
    }
  } finally {
    await browser.close();
  }
  if (failures.length === 0 && !process.env.BOARDPACK_BROWSER_KEEP) {
    fs.rmSync(work, { recursive: true, force: true });
    console.log('ok: axe at 1280 and 390 px, regions, overflow shadows, skip link, alignment, phone fit, chart labels, nesting, print');
  } else {
    console.log(`${failures.length} failure(s); files kept in ${work}`);
    if (failures.length) process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

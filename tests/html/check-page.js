// Render k8snet pages in headless Chromium (puppeteer-core) and fail on any
// script error, console error or network request; then use the page as a
// reviewer would: pick a matrix cell (its path lights up on the diagram),
// filter, "problems only", follow a finding's link, print. Writes a
// screenshot of each page.
//
//   node check-page.js CHROMIUM OUTDIR PAGE.html[=EXPECTED_TITLE]...
//
// Exit status 0 when every page passes; else 1, with one line per failure.
'use strict';
const puppeteer = require('puppeteer-core');
const path = require('path');
const fs = require('fs');
const os = require('os');

const [chromium, outdir, ...pages] = process.argv.slice(2);
if (!chromium || !outdir || pages.length === 0) {
	console.error('usage: node check-page.js CHROMIUM OUTDIR PAGE.html[=TITLE]...');
	process.exit(2);
}

let failures = 0;
function fail(page, what) {
	failures++;
	console.log(`not ok: ${page}: ${what}`);
}

async function checkPage(browser, spec) {
	const eq = spec.indexOf('=');
	const file = path.resolve(eq < 0 ? spec : spec.slice(0, eq));
	const wantTitle = eq < 0 ? null : spec.slice(eq + 1);
	const name = path.basename(path.dirname(file)) + '/' + path.basename(file);
	const page = await browser.newPage();
	await page.setViewport({ width: 1500, height: 1100 });
	const problems = [];
	page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
	});
	// Nothing may be fetched: every request but the page itself fails.
	await page.setRequestInterception(true);
	page.on('request', (r) => {
		const u = r.url();
		if (u === 'file://' + file || u.startsWith('data:')) {
			r.continue();
		} else {
			problems.push(`request: ${u}`);
			r.abort();
		}
	});
	await page.goto('file://' + file, { waitUntil: 'load' });
	await page.waitForFunction(() => document.documentElement.getAttribute('data-k8snet') === 'ready', { timeout: 10000 })
		.catch(() => problems.push('the script did not finish (no data-k8snet="ready")'));
	const err = await page.evaluate(() => document.documentElement.getAttribute('data-k8snet-error'));
	if (err) problems.push(`window error: ${err}`);

	const facts = await page.evaluate(() => ({
		title: document.title,
		scripts: document.scripts.length,
		cells: document.querySelectorAll('#mx td.c:not(.na)').length,
		svg: !!document.querySelector('#fig svg'),
		details: document.querySelectorAll('details.fib').length,
	}));
	if (wantTitle !== null && facts.title !== wantTitle) problems.push(`title is ${JSON.stringify(facts.title)}, not ${JSON.stringify(wantTitle)}`);
	if (facts.scripts !== 2) problems.push(`${facts.scripts} script elements, expected 2 (the data and the page's own)`);
	await page.screenshot({ path: path.join(outdir, name.replace(/[^A-Za-z0-9._-]/g, '_') + '.png') });

	if (facts.cells > 0) {
		// Pick a cell: the description panel fills and the path lights up.
		const picked = await page.evaluate(() => {
			const td = document.querySelector('#mx td.c.drop, #mx td.c.deny') || document.querySelector('#mx td.c:not(.na)');
			td.click();
			const svg = document.querySelector('#fig svg');
			return {
				sel: td.classList.contains('sel'),
				hash: location.hash === '#' + td.id,
				pick: (document.getElementById('pick') || { textContent: '' }).textContent.trim(),
				lit: svg ? svg.querySelectorAll('g.node.hl').length : -1,
				tracing: svg ? svg.classList.contains('tracing') : null,
			};
		});
		await page.screenshot({ path: path.join(outdir, name.replace(/[^A-Za-z0-9._-]/g, '_') + '-picked.png'), fullPage: true });
		if (!picked.sel) problems.push('a clicked cell is not selected');
		if (!picked.hash) problems.push('the address does not name the picked cell');
		if (facts.svg && picked.pick === '') problems.push('the picked message is not described');
		if (facts.svg && (picked.lit < 1 || !picked.tracing)) problems.push(`the path is not shown on the diagram (${picked.lit} vertices lit)`);

		// The filter: the first sender's name keeps its row (and only rows
		// that match it).
		const filtered = await page.evaluate(async () => {
			const row = document.querySelector('#mx tbody tr:not(.grp)');
			const who = row.cells[0].firstChild.textContent.trim();
			const box = document.getElementById('mx-filter');
			box.value = who;
			box.dispatchEvent(new Event('input'));
			await new Promise((r) => setTimeout(r, 300));
			const shown = [...document.querySelectorAll('#mx tbody tr:not(.grp)')].filter((tr) => !tr.classList.contains('hide'));
			const ok = shown.length >= 1 && shown.includes(row) &&
				shown.every((tr) => (tr.getAttribute('data-s') || tr.cells[0].textContent).toLowerCase().includes(who.toLowerCase()));
			box.value = 'no-such-thing-anywhere';
			box.dispatchEvent(new Event('input'));
			await new Promise((r) => setTimeout(r, 300));
			const none = !document.getElementById('mx-empty').classList.contains('hide');
			box.value = '';
			box.dispatchEvent(new Event('input'));
			await new Promise((r) => setTimeout(r, 300));
			const all = [...document.querySelectorAll('#mx tbody tr:not(.grp)')].every((tr) => !tr.classList.contains('hide'));
			return { who, ok, none, all };
		});
		if (!filtered.ok) problems.push(`filtering on "${filtered.who}" does not keep just its rows`);
		if (!filtered.none) problems.push('a filter that matches nothing does not say so');
		if (!filtered.all) problems.push('clearing the filter does not show every row again');

		// Problems only: the rows left each hold a problem cell, and every
		// problem cell is still shown.
		const prob = await page.evaluate(() => {
			const box = document.getElementById('mx-problems');
			box.checked = true;
			box.dispatchEvent(new Event('change'));
			const bad = 'td.c.drop, td.c.loop, td.c.wrong, td.c.fault';
			const rows = [...document.querySelectorAll('#mx tbody tr:not(.grp)')];
			const shown = rows.filter((tr) => !tr.classList.contains('hide'));
			const ok = shown.every((tr) => tr.classList.contains('fault') || tr.querySelector(bad)) &&
				[...document.querySelectorAll('#mx ' + bad)].every((td) => !td.classList.contains('hide') && !td.parentNode.classList.contains('hide'));
			const n = shown.length;
			box.checked = false;
			box.dispatchEvent(new Event('change'));
			return { ok, n, problems: document.querySelectorAll('#mx ' + bad).length };
		});
		if (!prob.ok) problems.push('"problems only" hides a problem or keeps a row without one');
		if (prob.problems === 0 && prob.n !== 0) problems.push('"problems only" keeps rows of a matrix without problems');

		// A finding's link picks its cell.
		const link = await page.evaluate(async () => {
			const a = document.querySelector('#findings a[href^="#c-"]');
			if (!a) return null;
			a.click();
			await new Promise((r) => setTimeout(r, 200));
			const td = document.getElementById(a.getAttribute('href').slice(1));
			return td && td.classList.contains('sel');
		});
		if (link === false) problems.push("a finding's link does not pick its cell");
	}

	// Paper gets every FIB table open.
	const printed = await page.evaluate(() => {
		window.dispatchEvent(new Event('beforeprint'));
		const closed = document.querySelectorAll('details:not([open])').length;
		window.dispatchEvent(new Event('afterprint'));
		return closed;
	});
	if (printed !== 0) problems.push(`${printed} FIB tables stay closed for printing`);
	await page.emulateMediaType('print');
	await page.pdf({ path: path.join(os.tmpdir(), 'k8snet-print-check.pdf'), landscape: true });
	await page.emulateMediaType('screen');

	if (problems.length === 0) console.log(`ok: ${name}: ${facts.cells} cells, ${facts.details} FIB tables, ${facts.svg ? 'a diagram' : 'no diagram'}`);
	[...new Set(problems)].forEach((p) => fail(name, p));
	await page.close();
}

(async () => {
	fs.mkdirSync(outdir, { recursive: true });
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'k8snet-chromium-'));
	const browser = await puppeteer.launch({
		executablePath: chromium,
		headless: true,
		userDataDir: profile,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
			'--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
	});
	try {
		for (const p of pages) await checkPage(browser, p);
	} catch (e) {
		fail('chromium', e.stack || String(e));
	} finally {
		await browser.close();
		fs.rmSync(profile, { recursive: true, force: true });
	}
	process.exit(failures ? 1 : 0);
})();

/* k8snet report: the matrix's filter box and "problems only" switch, hover
   cards, the picked message's path on the diagram, FIB tables open for
   print. Plain DOM, no library, nothing fetched. The page reads without
   it: cells keep their title, symbols and screen-reader text. */
(function () {
	'use strict';
	var doc = document, root = doc.documentElement;
	window.addEventListener('error', function (e) {
		root.setAttribute('data-k8snet-error', String(e.message || e));
	});
	var data = {};
	var dataEl = doc.getElementById('k8snet-data');
	if (dataEl) data = JSON.parse(dataEl.textContent);
	var ARROW = ' \u2192 ';
	var mx = doc.getElementById('mx');
	var fig = doc.getElementById('fig');
	var svg = fig ? fig.querySelector('svg') : null;
	var tip = doc.getElementById('tip');
	var pick = doc.getElementById('pick');

	function each(list, fn) {
		Array.prototype.forEach.call(list, fn);
	}
	function text(el) {
		return (el.textContent || '').replace(/\s+/g, ' ').trim();
	}

	/* ---- the diagram: its vertices and links by name ---- */
	var vnode = {}, vedge = {};
	if (svg) {
		each(svg.querySelectorAll('g.node'), function (g) {
			var t = g.querySelector('title');
			if (t) vnode[t.textContent] = g;
		});
		each(svg.querySelectorAll('g.edge'), function (g) {
			var t = g.querySelector('title');
			if (!t) return;
			/* "A--B" or "A->B", perhaps with ":PORT" after a name; names
			   may hold '-' and ':', so try each split. */
			var s = t.textContent, re = /--|->/g, m;
			var known = function (n) {
				return vnode[n] ? n : vnode[n.replace(/:[^:]*$/, '')] ? n.replace(/:[^:]*$/, '') : null;
			};
			while ((m = re.exec(s)) !== null) {
				var a = known(s.slice(0, m.index)), b = known(s.slice(m.index + 2));
				if (a !== null && b !== null) {
					vedge[a + '\n' + b] = g;
					vedge[b + '\n' + a] = g;
					break;
				}
			}
		});
	}
	/* Vertices of a summarized diagram stand for whole nodes. */
	var up = data.up || {};
	function onDiagram(name) {
		name = name.replace(/=.*$/, '');
		if (vnode[name]) return name;
		if (up[name] && vnode[up[name]]) return up[name];
		return null;
	}
	function clearTrace() {
		if (!svg) return;
		svg.classList.remove('tracing');
		each(svg.querySelectorAll('g.hl'), function (g) {
			g.classList.remove('hl', 'hl-end', 'ok', 'drop', 'loop', 'deny', 'wrong', 'closed', 'outside');
		});
	}
	/* The link between two vertices; a summary of many nodes draws the
	   node mesh as one vertex that every node links to. */
	var MESH = 'node mesh';
	function link(a, b) {
		var e = vedge[a + '\n' + b];
		if (e) {
			e.classList.add('hl');
		} else if (vnode[MESH] && vedge[a + '\n' + MESH] && vedge[MESH + '\n' + b]) {
			vnode[MESH].classList.add('hl');
			vedge[a + '\n' + MESH].classList.add('hl');
			vedge[MESH + '\n' + b].classList.add('hl');
		}
	}
	/* paths: lists of vertex names, one per fate of the message. */
	function trace(paths, verdict) {
		clearTrace();
		if (!svg) return false;
		var any = false;
		paths.forEach(function (names) {
			var prev = null, last = null;
			names.forEach(function (n) {
				var v = onDiagram(n);
				if (v === null || v === prev) return;
				vnode[v].classList.add('hl');
				any = true;
				if (prev !== null) link(prev, v);
				prev = last = v;
			});
			if (last !== null) vnode[last].classList.add('hl-end', verdict);
		});
		if (any) svg.classList.add('tracing');
		return any;
	}

	/* ---- hover cards: the title, shown at once and formatted ---- */
	function showTip(el, x, y) {
		if (!tip) return;
		if (el.hasAttribute('title')) {
			el.setAttribute('data-tip', el.getAttribute('title'));
			el.removeAttribute('title');
		}
		tip.textContent = el.getAttribute('data-tip').split('\n').map(function (l) {
			return /^path /.test(l) ? 'path: ' + l.slice(5).split(' ').join(' \u203a ') : l;
		}).join('\n');
		tip.hidden = false;
		moveTip(x, y);
	}
	function moveTip(x, y) {
		var w = tip.offsetWidth, h = tip.offsetHeight;
		var left = x + 14, top = y + 16;
		if (left + w > window.innerWidth - 8) left = Math.max(8, x - w - 14);
		if (top + h > window.innerHeight - 8) top = Math.max(8, y - h - 12);
		tip.style.left = left + 'px';
		tip.style.top = top + 'px';
	}
	if (tip) {
		doc.addEventListener('mouseover', function (e) {
			var el = e.target.closest ? e.target.closest('[title],[data-tip]') : null;
			if (el && el.closest('main') && !el.closest('svg')) showTip(el, e.clientX, e.clientY);
			else tip.hidden = true;
		});
		doc.addEventListener('mousemove', function (e) {
			if (!tip.hidden) moveTip(e.clientX, e.clientY);
		});
		doc.addEventListener('mouseleave', function () { tip.hidden = true; });
		window.addEventListener('scroll', function () { tip.hidden = true; }, true);
	}

	/* ---- the matrix ---- */
	var rows = [], cols = [], ncols = 0, heads = [], sel = null;
	var VERDICTS = ['ok', 'outside', 'deny', 'closed', 'wrong', 'drop', 'loop', 'na'];
	function verdictOf(td) {
		for (var i = 0; i < VERDICTS.length; i++)
			if (td.classList.contains(VERDICTS[i])) return VERDICTS[i];
		return 'na';
	}
	function isProblem(td) {
		/* the faults (judge.h), and whatever else made the badge red */
		return td.classList.contains('drop') || td.classList.contains('loop') || td.classList.contains('wrong') ||
			td.classList.contains('fault');
	}
	if (mx) {
		/* Leaf columns and the group headers that span them. */
		var leaf = mx.tHead.rows[mx.tHead.rows.length - 1];
		each(leaf.cells, function (th) {
			cols.push({ th: th, words: text(th).toLowerCase(), problem: false, show: true });
		});
		ncols = cols.length;
		for (var hr = 0; hr < mx.tHead.rows.length - 1; hr++) {
			var at = 0;
			each(mx.tHead.rows[hr].cells, function (th) {
				if (th.classList.contains('corner')) return;
				var span = th.colSpan, h = { th: th, from: at, to: at + span };
				heads.push(h);
				for (var k = at; k < at + span && k < ncols; k++) cols[k].words += ' ' + text(th).toLowerCase();
				at += span;
			});
		}
		each(mx.tBodies, function (tb) {
			each(tb.rows, function (tr) {
				if (tr.classList.contains('grp')) {
					rows.push({ tr: tr, grp: true, words: '', members: [] });
					return;
				}
				/* a row marked fault: a failing expect no cell shows */
				var r = { tr: tr, grp: false, words: (tr.getAttribute('data-s') || text(tr.cells[0])).toLowerCase(), problem: tr.classList.contains('fault'), show: true };
				for (var c = 1; c < tr.cells.length; c++) {
					if (isProblem(tr.cells[c])) {
						r.problem = true;
						if (cols[c - 1]) cols[c - 1].problem = true;
					}
				}
				rows.push(r);
			});
		});
		/* A group row (node, pod) shows while one of its members does. */
		var owners = [];
		rows.forEach(function (r) {
			if (r.grp) {
				var lvl = r.tr.classList.contains('pod') ? 1 : 0;
				owners.length = lvl;
				owners[lvl] = r;
				return;
			}
			owners.forEach(function (o) { o.members.push(r); });
		});
	}

	var filterBox = doc.getElementById('mx-filter');
	var problemsBox = doc.getElementById('mx-problems');
	var countEl = doc.getElementById('mx-count');
	var emptyEl = doc.getElementById('mx-empty');

	/* The filter narrows the senders when some sender matches, the
	   destinations when some destination matches, both when both do. */
	function applyFilter() {
		if (!mx) return;
		var term = filterBox ? filterBox.value.trim().toLowerCase() : '';
		var problems = problemsBox ? problemsBox.checked : false;
		mx.classList.toggle('problems', problems);
		var terms = term.split(/\s+/).filter(Boolean);
		function match(words) {
			return terms.every(function (t) { return words.indexOf(t) >= 0; });
		}
		var rowHit = false, colHit = false;
		if (terms.length) {
			rows.forEach(function (r) { if (!r.grp && match(r.words)) rowHit = true; });
			cols.forEach(function (c) { if (match(c.words)) colHit = true; });
		}
		var nrows = 0, nshown = 0;
		rows.forEach(function (r) {
			if (r.grp) return;
			r.show = (!rowHit || match(r.words)) && (!problems || r.problem) && (!terms.length || rowHit || colHit);
			if (r.show) nrows++;
		});
		cols.forEach(function (c) {
			c.show = (!colHit || match(c.words)) && (!problems || c.problem) && (!terms.length || rowHit || colHit);
			if (c.show) nshown++;
		});
		rows.forEach(function (r) {
			if (r.grp) {
				r.tr.classList.toggle('hide', !r.members.some(function (m) { return m.show; }));
				if (r.tr.cells[1]) r.tr.cells[1].colSpan = Math.max(1, nshown);
				return;
			}
			r.tr.classList.toggle('hide', !r.show);
			for (var c = 0; c < ncols; c++) {
				var td = r.tr.cells[c + 1];
				if (td) td.classList.toggle('hide', !cols[c].show);
			}
		});
		cols.forEach(function (c) { c.th.classList.toggle('hide', !c.show); });
		heads.forEach(function (h) {
			var n = 0;
			for (var k = h.from; k < h.to && k < ncols; k++) if (cols[k].show) n++;
			h.th.classList.toggle('hide', n === 0);
			if (n > 0) h.th.colSpan = n;
		});
		if (countEl) countEl.textContent = nrows + ' of ' + rows.filter(function (r) { return !r.grp; }).length +
			' senders, ' + nshown + ' of ' + ncols + ' destinations shown';
		if (emptyEl) emptyEl.classList.toggle('hide', nrows > 0 && nshown > 0);
	}
	var pending = null;
	if (filterBox) filterBox.addEventListener('input', function () {
		clearTimeout(pending);
		pending = setTimeout(applyFilter, 120);
	});
	if (problemsBox) problemsBox.addEventListener('change', applyFilter);

	/* ---- picking a cell: crosshair, description, path on the diagram ---- */
	function cellAt(id) {
		var el = id ? doc.getElementById(id) : null;
		return el && el.tagName === 'TD' && el.classList.contains('c') && !el.classList.contains('na') ? el : null;
	}
	function describe(td) {
		if (!pick) return;
		var lines = (td.getAttribute('title') || td.getAttribute('data-tip') || '').split('\n');
		pick.textContent = '';
		var what = doc.createElement('div');
		what.className = 'what';
		what.textContent = lines.shift() || '';
		pick.appendChild(what);
		lines.forEach(function (l) {
			var d = doc.createElement('div');
			if (/^path /.test(l)) {
				d.className = 'path';
				l.slice(5).split(' ').forEach(function (hop, i) {
					if (i) d.appendChild(doc.createTextNode(ARROW));
					var s = doc.createElement('span');
					s.className = 'hop';
					s.textContent = hop;
					d.appendChild(s);
				});
			} else {
				d.textContent = l;
			}
			pick.appendChild(d);
		});
	}
	function select(td, scroll) {
		if (sel) {
			sel.classList.remove('sel');
			each(mx.querySelectorAll('.cross'), function (el) { el.classList.remove('cross'); });
		}
		sel = td;
		if (!td) {
			clearTrace();
			return;
		}
		td.classList.add('sel');
		td.parentNode.classList.add('cross');
		var ci = td.cellIndex - 1;
		if (cols[ci]) cols[ci].th.classList.add('cross');
		describe(td);
		var paths = [];
		var p = td.getAttribute('data-path');
		if (p) p.split(' ').forEach(function (one) { paths.push(one.split('>')); });
		var n = td.getAttribute('data-nodes');
		if (n) paths.push(n.split(' '));
		trace(paths, verdictOf(td));
		if (scroll) td.scrollIntoView({ block: 'center', inline: 'center' });
		if (history.replaceState) history.replaceState(null, '', '#' + td.id);
	}
	if (mx) {
		mx.addEventListener('click', function (e) {
			var td = e.target.closest('td.c');
			if (td && !td.classList.contains('na')) select(td === sel ? null : td, false);
		});
	}
	function fromHash() {
		var id = decodeURIComponent(location.hash.slice(1));
		var th = id ? doc.getElementById(id) : null;
		if (th && th.tagName === 'TH' && mx && mx.contains(th)) {
			/* a destination (a service without endpoints): mark its column */
			select(null);
			each(mx.querySelectorAll('.cross'), function (el) { el.classList.remove('cross'); });
			th.classList.add('cross');
			th.scrollIntoView({ block: 'nearest', inline: 'center' });
			return;
		}
		var td = cellAt(id);
		if (td) {
			if (td.classList.contains('hide') || td.parentNode.classList.contains('hide')) {
				if (filterBox) filterBox.value = '';
				if (problemsBox) problemsBox.checked = false;
				applyFilter();
			}
			select(td, true);
		}
	}
	window.addEventListener('hashchange', fromHash);

	/* Arrow keys move the pick among the shown cells. */
	var wrap = doc.getElementById('mx-wrap');
	if (wrap && mx) wrap.addEventListener('keydown', function (e) {
		var dr = { ArrowUp: -1, ArrowDown: 1 }[e.key] || 0, dc = { ArrowLeft: -1, ArrowRight: 1 }[e.key] || 0;
		if (!dr && !dc) {
			if (e.key === 'Escape') select(null);
			return;
		}
		e.preventDefault();
		var body = rows.filter(function (r) { return !r.grp && r.show; });
		var shown = [];
		cols.forEach(function (c, i) { if (c.show) shown.push(i); });
		if (!body.length || !shown.length) return;
		var ri = 0, ci = 0;
		if (sel) {
			body.forEach(function (r, i) { if (r.tr === sel.parentNode) ri = i; });
			shown.forEach(function (c, i) { if (c === sel.cellIndex - 1) ci = i; });
			ri = Math.min(body.length - 1, Math.max(0, ri + dr));
			ci = Math.min(shown.length - 1, Math.max(0, ci + dc));
		}
		var td = body[ri].tr.cells[shown[ci] + 1];
		if (td && td.classList.contains('c')) select(td, true);
	});

	/* ---- the diagram's own controls ---- */
	/* A wide picture takes the page's width, above the matrix; one still
	   too long and flat (a row of many nodes) is shown at its size,
	   scrolled. The button switches between the two layouts. */
	var bench = doc.querySelector('.bench'), stack = doc.getElementById('stack');
	function stacked(on) {
		if (!bench || !stack) return;
		bench.classList.toggle('stacked', on);
		stack.setAttribute('aria-pressed', on ? 'true' : 'false');
		stack.textContent = on ? 'Beside the matrix' : 'Full width';
	}
	if (stack) stack.addEventListener('click', function () { stacked(!bench.classList.contains('stacked')); });
	if (svg && svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.height > 0) {
		var vb = svg.viewBox.baseVal;
		if (vb.width / vb.height > 2.5 && mx) stacked(true);
		if (vb.width / vb.height > 5 && vb.width > 2 * fig.clientWidth) fig.classList.add('zoomed');
	}
	each(doc.querySelectorAll('[data-zoom]'), function (b) {
		b.addEventListener('click', function () {
			fig.classList.toggle('zoomed', b.getAttribute('data-zoom') === 'full');
		});
	});
	if (svg) svg.addEventListener('click', function (e) {
		var g = e.target.closest('g.node');
		if (!g) return;
		var name = text(g.querySelector('title'));
		var fib = doc.querySelector('details.fib[data-name="' + name.replace(/["\\]/g, '\\$&') + '"]');
		if (fib) {
			fib.open = true;
			fib.scrollIntoView({ block: 'start' });
		} else if (filterBox) {
			filterBox.value = name;
			applyFilter();
			filterBox.scrollIntoView({ block: 'center' });
		}
	});

	/* ---- FIB tables ---- */
	each(doc.querySelectorAll('[data-fibs]'), function (b) {
		b.addEventListener('click', function () {
			var open = b.getAttribute('data-fibs') === 'open';
			each(doc.querySelectorAll('details.fib'), function (d) { d.open = open; });
		});
	});
	/* Paper shows every table; the screen gets its own state back. */
	var closed = [];
	window.addEventListener('beforeprint', function () {
		closed = [];
		each(doc.querySelectorAll('details:not([open])'), function (d) {
			closed.push(d);
			d.open = true;
		});
	});
	window.addEventListener('afterprint', function () {
		closed.forEach(function (d) { d.open = false; });
		closed = [];
	});

	applyFilter();
	fromHash();
	root.setAttribute('data-k8snet', 'ready');
})();

/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * check-players.js: book/test-book.sh loads the HTML edition with this
 * script in headless Chromium. It presses "next" on a player and checks
 * that the frame and the event text change, steps with the arrow keys,
 * checks that every step shows its statement, follows the event links
 * to their chunks, loads every frame of every
 * scenario, and writes its verdict into the page (PLAYERS ... bad=N).
 */
window.addEventListener('load', function () {
	var bad = [], P = window.SlubPlayers || [], D = window.SLUBPLAY || {};
	var p = null, k = -1, i, j;

	function verdict(frames) {
		var v = document.createElement('pre');
		v.id = 'players-check';
		v.textContent = 'PLAYERS players=' + P.length + ' frames=' +
			frames + ' bad=' + bad.length +
			(bad.length ? ': ' + bad.slice(0, 5).join('; ') : '');
		document.body.appendChild(v);
	}
	function evtext(q) {
		return q.root.querySelector('.sp-events').textContent;
	}
	function key(q, name) {
		q.root.dispatchEvent(new KeyboardEvent('keydown',
			{ key: name, bubbles: true }));
	}
	/* the first player with two steps in a row whose events differ */
	for (i = 0; i < P.length && !p; i++) {
		var st = D[P[i].name].steps;
		for (j = 0; j + 1 < st.length; j++)
			if (JSON.stringify(st[j].ev) !== JSON.stringify(st[j + 1].ev)) {
				p = P[i];
				k = j;
				break;
			}
	}
	if (!p) {
		bad.push('no player has two steps with different events');
	} else {
		p.show(k);
		var img = p.root.querySelector('img.sp-frame');
		var src = img.getAttribute('src'), text = evtext(p);
		p.root.querySelector('button.sp-next').click();
		if (img.getAttribute('src') === src)
			bad.push('next did not change the frame');
		if (evtext(p) === text)
			bad.push('next did not change the event text');
		if (+p.root.getAttribute('data-shown') !== k + 1)
			bad.push('next did not show step ' + (k + 1));
		p.root.focus();
		key(p, 'ArrowLeft');
		if (+p.root.getAttribute('data-shown') !== k || evtext(p) !== text)
			bad.push('ArrowLeft did not go back to step ' + k);
		key(p, 'ArrowRight');
		if (+p.root.getAttribute('data-shown') !== k + 1)
			bad.push('ArrowRight did not step forward');
	}
	/* every step of every player shows its statement (a player must
	 * say what runs, not only draw it) */
	P.forEach(function (q) {
		var st = D[q.name].steps, n;

		for (n = 0; n < st.length; n++) {
			q.show(n);
			var t = q.root.querySelector('.sp-stmt').textContent;
			if (!t || (n && (!st[n].stmt || t.indexOf(st[n].stmt) < 0)))
				bad.push(q.name + ' step ' + n + ' shows no statement');
		}
		q.show(0);
	});
	/* every event link of every step of every player names a chunk */
	P.forEach(function (q) {
		D[q.name].steps.forEach(function (s) {
			s.ev.forEach(function (e) {
				if (e[4] && !document.getElementsByName(e[4]).length)
					bad.push('event link #' + e[4] + ' has no chunk');
			});
		});
	});
	/* every frame of every scenario */
	var want = 0, done = 0;
	Object.keys(D).forEach(function (name) {
		for (var f = 0; f < D[name].frames; f++) {
			var path = 'frames/' + name + '/step-' +
				('00' + f).slice(-3) + '.png';
			var im = new Image();
			want++;
			im.onload = im.onerror = (function (pth) {
				return function (ev) {
					if (ev.type === 'error' || !this.naturalWidth)
						bad.push('frame ' + pth + ' does not load');
					if (++done === want)
						verdict(want);
				};
			})(path);
			im.src = path;
		}
	});
	if (!want)
		verdict(0);
});

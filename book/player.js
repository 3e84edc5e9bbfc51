/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * player.js: the step players of the HTML edition of The SLUB Book.
 *
 * Every <div class="slubplayer" data-scenario="NAME" data-step="N"> becomes
 * a player over the frames slubviz drew of the scenario (frames/NAME/
 * step-NNN.png) and the events of each step (SLUBPLAY, players-data.js,
 * from `slub run --trace'): previous, play, next, a slider, the statement
 * and the step's events, each linked to the chunk that reported it. The
 * arrow keys step the focused player, Space plays. An address ending in
 * #scenario=NAME&step=N opens the first player of NAME at step N (a dock
 * at the foot of the window if the text has none). No network, no library.
 */
(function () {
	'use strict';
	var data = window.SLUBPLAY || {};
	var players = [];

	function el(tag, cls, text) {
		var e = document.createElement(tag);
		if (cls)
			e.className = cls;
		if (text !== undefined)
			e.textContent = text;
		return e;
	}

	function pad3(n) {
		return ('00' + n).slice(-3);
	}

	function Player(root) {
		var name = root.getAttribute('data-scenario');
		var d = data[name];
		var self = this, timer = null;

		if (!d)
			return;
		this.name = name;
		this.root = root;
		this.n = d.frames;
		root.textContent = '';
		root.tabIndex = 0;
		root.setAttribute('role', 'group');
		root.setAttribute('aria-label', 'step player: ' + d.file);
		var title = el('div', 'sp-title');
		title.appendChild(el('code', null, d.file));
		var label = el('span', 'sp-step');
		title.appendChild(label);
		var img = el('img', 'sp-frame');
		img.alt = 'slubviz frame of ' + d.file;
		var bar = el('div', 'sp-bar');
		var prev = el('button', 'sp-prev', '\u25c0 previous');
		var play = el('button', 'sp-play', '\u25b6 play');
		var next = el('button', 'sp-next', 'next \u25b6');
		var slider = el('input', 'sp-slider');
		slider.type = 'range';
		slider.min = 0;
		slider.max = this.n - 1;
		slider.setAttribute('aria-label', 'step');
		bar.appendChild(prev);
		bar.appendChild(play);
		bar.appendChild(next);
		bar.appendChild(slider);
		var stmt = el('div', 'sp-stmt');
		var events = el('ol', 'sp-events');
		root.appendChild(title);
		root.appendChild(bar);
		root.appendChild(img);
		root.appendChild(stmt);
		root.appendChild(events);

		this.show = function (k) {
			k = Math.max(0, Math.min(self.n - 1, k | 0));
			self.step = k;
			var s = d.steps[k];
			img.src = 'frames/' + name + '/step-' + pad3(k) + '.png';
			slider.value = k;
			label.textContent = ' step ' + k + ' of ' + (self.n - 1);
			root.setAttribute('data-shown', k);
			stmt.textContent = k ? 'line ' + s.line + ': ' + s.stmt :
				'the state after slub_init()';
			events.textContent = '';
			if (!s.ev.length)
				events.appendChild(el('li', 'sp-none',
					'no allocator events in this step'));
			s.ev.forEach(function (e) {
				var li = el('li');
				li.appendChild(el('span', 'sp-cpu', e[0] + ' '));
				li.appendChild(el('span', 'sp-sec', e[1] + ' '));
				var f = el(e[4] ? 'a' : 'code', 'sp-fn', e[2]);
				if (e[4])
					f.href = '#' + e[4];
				li.appendChild(f);
				li.appendChild(document.createTextNode(' ' + e[3]));
				events.appendChild(li);
			});
		};
		function stop() {
			if (timer)
				clearInterval(timer);
			timer = null;
			play.textContent = '\u25b6 play';
		}
		this.toggle = function () {
			if (timer) {
				stop();
				return;
			}
			if (self.step >= self.n - 1)
				self.show(0);
			play.textContent = '\u275a\u275a pause';
			timer = setInterval(function () {
				if (self.step >= self.n - 1)
					stop();
				else
					self.show(self.step + 1);
			}, 900);
		};
		prev.onclick = function () { stop(); self.show(self.step - 1); };
		next.onclick = function () { stop(); self.show(self.step + 1); };
		play.onclick = function () { self.toggle(); };
		slider.oninput = function () { stop(); self.show(+slider.value); };
		root.addEventListener('keydown', function (ev) {
			if (ev.target === slider)
				return;
			if (ev.key === 'ArrowRight' || ev.key === 'ArrowDown') {
				stop();
				self.show(self.step + 1);
			} else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp') {
				stop();
				self.show(self.step - 1);
			} else if (ev.key === ' ' && ev.target === root) {
				self.toggle();
			} else {
				return;
			}
			ev.preventDefault();
		});
		this.show(+root.getAttribute('data-step') || 0);
		players.push(this);
	}

	/* #scenario=NAME&step=N: that player at that step, in view. */
	function fromHash() {
		var m = /^#scenario=([^&]+)&step=(\d+)/.exec(location.hash);
		var p = null, i;

		if (!m)
			return;
		for (i = 0; i < players.length && !p; i++)
			if (players[i].name === m[1])
				p = players[i];
		if (!p && data[m[1]]) {
			var dock = document.getElementById('sp-dock');
			if (!dock) {
				dock = el('div', 'sp-dock');
				dock.id = 'sp-dock';
				document.body.appendChild(dock);
			}
			var div = el('div', 'slubplayer');
			div.setAttribute('data-scenario', m[1]);
			dock.textContent = '';
			dock.appendChild(div);
			p = new Player(div);
		}
		if (!p)
			return;
		p.show(+m[2]);
		p.root.scrollIntoView({ block: 'center' });
		p.root.focus({ preventScroll: true });
	}

	function init() {
		var roots = document.querySelectorAll('div.slubplayer');
		for (var i = 0; i < roots.length; i++)
			new Player(roots[i]);
		window.addEventListener('hashchange', fromHash);
		fromHash();
	}
	window.SlubPlayers = players;
	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', init);
	else
		init();
})();

/*
 * The chat page: asks the server for a session, then sends messages with the session's
 * token and shows the reply as it streams in. The page never sees the API secret.
 *
 * Two transports, chosen by the server (sample.transport):
 * - browser: the page calls the ChatBotKit API itself and reads its JSON Lines stream;
 * - relay: the page calls the server, which relays the reply as Server-Sent Events.
 */
'use strict';

(() => {
	// Renew a little before the token expires, so a message never races its expiry
	const EXPIRY_MARGIN_MS = 5000;
	// setTimeout fires at once for a delay past 2^31-1 ms (24.8 days): wait in steps
	const MAX_TIMER_MS = 2 ** 31 - 1;
	const MAX_LENGTH = 4000;
	const STORAGE_KEY = 'chatbotkit-sample-chat';

	const byId = (id) => document.getElementById(id);
	const intro = byId('intro');
	const startButton = byId('start-chat');
	const chat = byId('chat');
	const messages = byId('messages');
	const form = byId('message-form');
	const input = byId('message-input');
	const sendButton = byId('send');
	const hint = byId('message-hint');
	const charCount = byId('char-count');
	const errorBox = byId('error');
	const sessionStatus = byId('session-status');
	const modeBadge = byId('mode-badge');

	let session = null;
	let expiryTimer = null;
	// What a reload brings back while the token is valid: [{ author, text, state? }]
	let transcript = [];

	async function startSession() {
		let response;
		try {
			response = await fetch('/api/sessions', { method: 'POST', headers: { Accept: 'application/json' } });
		}
		catch {
			throw new Error('The server could not be reached.');
		}
		if (!response.ok) {
			throw new Error(await errorText(response));
		}
		session = await response.json();
		session.expiresAtMillis = Date.parse(session.expiresAt);
		transcript = [];
		save();
		showSession();
	}

	function showSession() {
		const time = new Date(session.expiresAtMillis).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
		const via = session.transport === 'relay' ? ' (relayed by the server)' : '';
		sessionStatus.textContent = `Session active until ${time} · API ${session.apiBase}${via}`;
		sessionStatus.dataset.state = 'active';
		modeBadge.hidden = !session.demo;
		clearTimeout(expiryTimer);
		whenExpired(() => {
			sessionStatus.textContent = 'Session expired: your next message starts a new one.';
			sessionStatus.dataset.state = 'expired';
		});
	}

	// Demo mode is known before any chat: the badge shows from the start
	async function showMode() {
		try {
			const response = await fetch('/api/mode', { headers: { Accept: 'application/json' } });
			if (response.ok) {
				modeBadge.hidden = !(await response.json()).demo;
			}
		}
		catch {
			// only a badge: the page works without it, and a session shows it again
		}
	}

	function whenExpired(callback) {
		const remaining = session.expiresAtMillis - Date.now();
		if (remaining <= 0) {
			callback();
			return;
		}
		expiryTimer = setTimeout(() => whenExpired(callback), Math.min(remaining, MAX_TIMER_MS));
	}

	function hasExpired() {
		return Date.now() > session.expiresAtMillis - EXPIRY_MARGIN_MS;
	}

	async function complete(text) {
		const url = `${session.apiBase}/conversation/${encodeURIComponent(session.conversationId)}/complete`;
		try {
			return await fetch(url, {
				method: 'POST',
				headers: {
					Authorization: `Bearer ${session.token}`,
					Accept: session.transport === 'relay' ? 'text/event-stream' : 'application/jsonl',
					'Content-Type': 'application/json',
				},
				body: JSON.stringify({ text }),
			});
		}
		catch {
			// fetch tells nothing more than "Failed to fetch": refused, offline, or blocked by CORS
			throw new Error(session.transport === 'relay' ? 'The server could not be reached.'
				: `The browser could not reach the API at ${session.apiBase}. If that API does not allow this `
					+ 'page\'s origin (CORS), run the sample with sample.transport=relay.');
		}
	}

	// JSON Lines (the API): one event per line; blank lines are skipped
	function readJsonLines(response, handleEvent) {
		return chatStreams.readLines(response, (line) => {
			if (!line.trim()) {
				return;
			}
			const event = JSON.parse(line);
			if (event.type === 'token') {
				handleEvent('token', event.data.token);
			}
			else if (event.type === 'result') {
				handleEvent('result', event.data.text);
			}
			else if (event.type === 'error') {
				handleEvent('error', event.data?.message);
			}
		});
	}

	// Server-Sent Events (the relay): token, result and error events
	function readRelayEvents(response, handleEvent) {
		return chatStreams.readServerSentEvents(response, (name, payload) => handleEvent(name,
			name === 'token' ? payload.token : name === 'result' ? payload.text : payload.detail));
	}

	async function readReply(response, reply) {
		let text = '';
		const read = response.headers.get('Content-Type')?.startsWith('text/event-stream')
			? readRelayEvents : readJsonLines;
		await read(response, (type, value) => {
			if (type === 'token') {
				text += value;
				reply.textContent = text;
				scrollToEnd();
			}
			else if (type === 'result') {
				reply.textContent = value;
				reply.dataset.state = 'done';
			}
			else if (type === 'error') {
				throw new Error(value || 'The bot could not answer.');
			}
		});
		if (reply.dataset.state !== 'done') {
			throw new Error('The reply ended before it was complete.');
		}
	}

	async function send(text, reply) {
		if (hasExpired()) {
			await renew(reply);
		}
		let response = await complete(text);
		if (response.status === 401) {
			// The API may end a session before the time we were told: renew once
			await renew(reply);
			response = await complete(text);
		}
		if (!response.ok) {
			throw new Error(await errorText(response));
		}
		await readReply(response, reply);
	}

	async function renew(reply) {
		const kept = transcript;
		await startSession();
		// The new session is a new conversation; what was said stays on the page
		transcript = kept;
		const note = document.createElement('p');
		note.className = 'note';
		note.textContent = 'The session expired, so a new one was started.';
		messages.insertBefore(note, reply);
	}

	async function errorText(response) {
		try {
			const body = await response.json();
			return body.detail || body.message || `Request failed (${response.status}).`;
		}
		catch {
			return `Request failed (${response.status}).`;
		}
	}

	function addMessage(author, text) {
		const message = document.createElement('p');
		message.className = `message ${author}`;
		message.textContent = text;
		messages.append(message);
		scrollToEnd();
		return message;
	}

	function scrollToEnd() {
		messages.scrollTop = messages.scrollHeight;
	}

	function showError(message) {
		errorBox.textContent = message;
		errorBox.hidden = !message;
	}

	function showHint(message) {
		hint.textContent = message;
		input.setAttribute('aria-invalid', message ? 'true' : 'false');
	}

	function updateCount() {
		const length = input.value.length;
		charCount.textContent = `${length.toLocaleString('en')} / ${MAX_LENGTH.toLocaleString('en')}`;
		charCount.dataset.state = length >= MAX_LENGTH ? 'full' : '';
		if (length >= MAX_LENGTH) {
			showHint(`Messages are limited to ${MAX_LENGTH.toLocaleString('en')} characters.`);
		}
		else if (hint.textContent && input.value.trim()) {
			showHint('');
		}
	}

	// The session and the conversation so far outlive a reload while the token is valid
	function save() {
		sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ session, transcript }));
	}

	function restore() {
		let saved;
		try {
			saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY));
		}
		catch {
			saved = null;
		}
		if (!saved?.session || Date.now() > saved.session.expiresAtMillis - EXPIRY_MARGIN_MS) {
			sessionStorage.removeItem(STORAGE_KEY);
			return;
		}
		session = saved.session;
		transcript = saved.transcript || [];
		transcript.forEach((entry) => {
			const message = addMessage(entry.author, entry.text);
			if (entry.state) {
				message.dataset.state = entry.state;
			}
		});
		showSession();
		intro.hidden = true;
		chat.hidden = false;
	}

	startButton.addEventListener('click', async () => {
		startButton.disabled = true;
		showError('');
		try {
			await startSession();
			intro.hidden = true;
			chat.hidden = false;
			input.focus();
		}
		catch (ex) {
			showError(`Could not start a chat: ${ex.message}`);
			startButton.disabled = false;
		}
	});

	input.addEventListener('input', updateCount);

	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const text = input.value.trim();
		if (!text) {
			showHint('Type a message first: it cannot be only spaces.');
			input.focus();
			return;
		}
		showHint('');
		input.value = '';
		updateCount();
		sendButton.disabled = true;
		showError('');
		addMessage('user', text);
		const reply = addMessage('bot', '');
		reply.dataset.state = 'streaming';
		reply.setAttribute('aria-busy', 'true');
		try {
			await send(text, reply);
		}
		catch (ex) {
			reply.dataset.state = 'error';
			reply.textContent = reply.textContent || 'No reply.';
			showError(ex.message);
		}
		finally {
			reply.removeAttribute('aria-busy');
			transcript.push({ author: 'user', text }, { author: 'bot', text: reply.textContent, state: reply.dataset.state });
			save();
			sendButton.disabled = false;
			input.focus();
		}
	});

	restore();
	showMode();
})();

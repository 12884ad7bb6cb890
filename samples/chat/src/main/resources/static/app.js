/*
 * The chat page: asks the server for a session, then sends messages straight to the
 * ChatBotKit API with the session token and shows the reply as it streams in.
 * The page never sees the API secret.
 */
'use strict';

(() => {
	// Renew a little before the token expires, so a message never races its expiry
	const EXPIRY_MARGIN_MS = 5000;

	const byId = (id) => document.getElementById(id);
	const intro = byId('intro');
	const startButton = byId('start-chat');
	const chat = byId('chat');
	const messages = byId('messages');
	const form = byId('message-form');
	const input = byId('message-input');
	const sendButton = byId('send');
	const errorBox = byId('error');
	const sessionStatus = byId('session-status');
	const modeBadge = byId('mode-badge');

	let session = null;
	let expiryTimer = null;

	async function startSession() {
		const response = await fetch('/api/sessions', { method: 'POST', headers: { Accept: 'application/json' } });
		if (!response.ok) {
			throw new Error(await errorText(response));
		}
		session = await response.json();
		session.expiresAtMillis = Date.parse(session.expiresAt);
		showSession();
	}

	function showSession() {
		const time = new Date(session.expiresAtMillis).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
		sessionStatus.textContent = `Session active until ${time} · API ${session.apiBase}`;
		sessionStatus.dataset.state = 'active';
		// Only the sample's demo API is handed out as a same-origin path
		modeBadge.hidden = !session.apiBase.startsWith('/');
		clearTimeout(expiryTimer);
		expiryTimer = setTimeout(() => {
			sessionStatus.textContent = 'Session expired: your next message starts a new one.';
			sessionStatus.dataset.state = 'expired';
		}, Math.max(0, session.expiresAtMillis - Date.now()));
	}

	function hasExpired() {
		return Date.now() > session.expiresAtMillis - EXPIRY_MARGIN_MS;
	}

	function complete(text) {
		return fetch(`${session.apiBase}/conversation/${encodeURIComponent(session.conversationId)}/complete`, {
			method: 'POST',
			headers: {
				Authorization: `Bearer ${session.token}`,
				Accept: 'application/jsonl',
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({ text }),
		});
	}

	// JSON Lines: one event per line. The decoder keeps a character that is split across
	// two chunks until its last byte arrives; blank lines are skipped.
	async function readReply(response, reply) {
		const reader = response.body.getReader();
		const decoder = new TextDecoder();
		let buffer = '';
		let text = '';
		const handle = (line) => {
			if (!line.trim()) {
				return;
			}
			const event = JSON.parse(line);
			if (event.type === 'token') {
				text += event.data.token;
				reply.textContent = text;
				scrollToEnd();
			}
			else if (event.type === 'result') {
				reply.textContent = event.data.text;
				reply.dataset.state = 'done';
			}
			else if (event.type === 'error') {
				throw new Error(event.data?.message || 'The bot could not answer.');
			}
		};
		for (;;) {
			const { value, done } = await reader.read();
			buffer += decoder.decode(value, { stream: !done });
			const lines = buffer.split('\n');
			buffer = lines.pop();
			lines.forEach(handle);
			if (done) {
				break;
			}
		}
		handle(buffer);
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
		await startSession();
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

	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const text = input.value.trim();
		if (!text) {
			return;
		}
		input.value = '';
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
			sendButton.disabled = false;
			input.focus();
		}
	});
})();

/*
 * The "Ask with Spring AI" section: the server answers with Spring AI's ChatClient and
 * streams the answer as Server-Sent Events, one JSON event ({"text": ...}) per token.
 */
'use strict';

(() => {
	const byId = (id) => document.getElementById(id);
	const form = byId('ask-form');
	const input = byId('ask-input');
	const button = byId('ask-send');
	const answer = byId('ask-answer');
	const errorBox = byId('ask-error');

	// EventSource cannot POST, so the events are read from fetch: each ends with a blank
	// line, and its data lines start with "data:"
	async function readEvents(response, onData) {
		const reader = response.body.getReader();
		const decoder = new TextDecoder();
		let buffer = '';
		for (;;) {
			const { value, done } = await reader.read();
			buffer += decoder.decode(value, { stream: !done });
			const events = buffer.split(/\r?\n\r?\n/);
			buffer = events.pop();
			events.forEach((event) => {
				const data = event.split(/\r?\n/)
					.filter((line) => line.startsWith('data:'))
					.map((line) => line.slice('data:'.length))
					.join('\n');
				if (data) {
					onData(JSON.parse(data));
				}
			});
			if (done) {
				return;
			}
		}
	}

	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const question = input.value.trim();
		if (!question) {
			return;
		}
		button.disabled = true;
		errorBox.hidden = true;
		answer.hidden = false;
		answer.textContent = '';
		answer.dataset.state = 'streaming';
		try {
			const response = await fetch('/api/ask', {
				method: 'POST',
				headers: { Accept: 'text/event-stream', 'Content-Type': 'application/json' },
				body: JSON.stringify({ text: question }),
			});
			if (!response.ok) {
				throw new Error(`The server could not answer (${response.status}).`);
			}
			await readEvents(response, (token) => {
				answer.textContent += token.text;
			});
			answer.dataset.state = 'done';
		}
		catch (ex) {
			answer.dataset.state = 'error';
			errorBox.textContent = ex.message;
			errorBox.hidden = false;
		}
		finally {
			button.disabled = false;
		}
	});
})();

/*
 * The "Ask with Spring AI" section: the server answers with Spring AI's ChatClient and
 * streams the answer as Server-Sent Events, one JSON event ({"text": ...}) per token, or
 * ends it with an "error" event ({"detail": ...}) when ChatBotKit fails, even half-way.
 */
'use strict';

(() => {
	const byId = (id) => document.getElementById(id);
	const form = byId('ask-form');
	const input = byId('ask-input');
	const button = byId('ask-send');
	const answer = byId('ask-answer');
	const errorBox = byId('ask-error');

	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const question = input.value.trim();
		if (!question) {
			return;
		}
		// ready for the next question, as the chat's message box is after sending
		input.value = '';
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
			await chatStreams.readServerSentEvents(response, (name, data) => {
				if (name === 'error') {
					throw new Error(data.detail || 'The answer failed.');
				}
				answer.textContent += data.text;
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

/*
 * The "Ask from a dataset" page: the server answers from a ChatBotKit dataset with Spring
 * AI's RetrievalAugmentationAdvisor and returns the answer with the records it was given
 * ({"text": ..., "sources": [{"text", "score", "source"}]}), shown here as its sources.
 */
'use strict';

(() => {
	const byId = (id) => document.getElementById(id);
	const form = byId('dataset-form');
	const input = byId('dataset-input');
	const button = byId('dataset-send');
	const answer = byId('dataset-answer');
	const sources = byId('dataset-sources');
	const errorBox = byId('dataset-error');

	const showSources = (found) => {
		sources.replaceChildren(...found.map((record) => {
			const item = document.createElement('li');
			item.textContent = record.source ? `${record.text} (${record.source})` : record.text;
			return item;
		}));
		sources.hidden = found.length === 0;
	};

	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const question = input.value.trim();
		if (!question) {
			return;
		}
		button.disabled = true;
		errorBox.hidden = true;
		answer.hidden = true;
		sources.hidden = true;
		try {
			const response = await fetch('/api/ask-dataset', {
				method: 'POST',
				headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
				body: JSON.stringify({ text: question }),
			});
			if (!response.ok) {
				throw new Error(`The server could not answer (${response.status}).`);
			}
			const reply = await response.json();
			answer.textContent = reply.text;
			answer.hidden = false;
			answer.dataset.state = 'done';
			showSources(reply.sources);
		}
		catch (ex) {
			errorBox.textContent = ex.message;
			errorBox.hidden = false;
		}
		finally {
			button.disabled = false;
		}
	});
})();

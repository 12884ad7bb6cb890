/*
 * The "agent task" page: the server runs the task with an agent whose tool is a Spring
 * bean and returns the answer with the tool calls that ran
 * ({"text": ..., "exitCode": 0, "toolCalls": [{"name", "arguments", "result" or "error"}]}).
 */
'use strict';

(() => {
	const byId = (id) => document.getElementById(id);
	const form = byId('agent-form');
	const input = byId('agent-input');
	const button = byId('agent-send');
	const answer = byId('agent-answer');
	const toolCalls = byId('agent-tool-calls');
	const errorBox = byId('agent-error');

	const describe = (call) => {
		const outcome = ('error' in call) ? `failed: ${call.error}` : `returned ${JSON.stringify(call.result ?? null)}`;
		return `${call.name}(${JSON.stringify(call.arguments)}) ${outcome}`;
	};

	const showToolCalls = (calls) => {
		toolCalls.replaceChildren(...calls.map((call) => {
			const item = document.createElement('li');
			item.textContent = describe(call);
			item.dataset.state = ('error' in call) ? 'failed' : 'done';
			return item;
		}));
		toolCalls.hidden = calls.length === 0;
	};

	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const task = input.value.trim();
		if (!task) {
			return;
		}
		button.disabled = true;
		errorBox.hidden = true;
		answer.hidden = true;
		toolCalls.hidden = true;
		try {
			const response = await fetch('/api/agent', {
				method: 'POST',
				headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
				body: JSON.stringify({ text: task }),
			});
			if (!response.ok) {
				throw new Error(`The server could not run the task (${response.status}).`);
			}
			const reply = await response.json();
			answer.textContent = reply.text;
			answer.hidden = false;
			answer.dataset.state = (reply.exitCode === 0) ? 'done' : 'failed';
			showToolCalls(reply.toolCalls);
			const failed = reply.toolCalls.filter((call) => 'error' in call);
			if (failed.length > 0) {
				errorBox.textContent = `A tool failed: ${failed.map((call) => call.error).join('; ')}`;
				errorBox.hidden = false;
			}
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

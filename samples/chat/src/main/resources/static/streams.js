/*
 * Reading a streamed answer from fetch, shared by the chat (app.js) and the Spring AI
 * section (ask.js). EventSource cannot POST, so Server-Sent Events are read this way too.
 */
'use strict';

window.chatStreams = (() => {
	// Reads a stream line by line. The decoder keeps a character that is split across two
	// chunks until its last byte arrives. A line that the handler rejects (it throws, as
	// for an error event) ends the reading and releases the stream.
	async function readLines(response, handleLine) {
		const reader = response.body.getReader();
		const decoder = new TextDecoder();
		let buffer = '';
		try {
			for (;;) {
				const { value, done } = await reader.read();
				buffer += decoder.decode(value, { stream: !done });
				const lines = buffer.split('\n');
				buffer = lines.pop();
				lines.forEach(handleLine);
				if (done) {
					break;
				}
			}
			handleLine(buffer);
		}
		catch (ex) {
			reader.cancel().catch(() => {});
			throw ex;
		}
	}

	// Server-Sent Events: "event:" and "data:" lines, a blank line ends an event; each
	// event's data is JSON, handed over parsed with the event's name ("message" if none;
	// the chat's relay and the Spring AI answer both end a failed reply with "error")
	function readServerSentEvents(response, handleEvent) {
		let name = 'message';
		let data = [];
		return readLines(response, (rawLine) => {
			const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
			if (line === '') {
				if (data.length) {
					handleEvent(name, JSON.parse(data.join('\n')));
				}
				name = 'message';
				data = [];
			}
			else if (line.startsWith('event:')) {
				name = line.slice(6).trim();
			}
			else if (line.startsWith('data:')) {
				data.push(line.slice(5).replace(/^ /, ''));
			}
		});
	}

	return { readLines, readServerSentEvents };
})();

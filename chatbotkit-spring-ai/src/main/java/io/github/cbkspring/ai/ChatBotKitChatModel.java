/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.cbkspring.ai;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.cbkspring.client.agent.AgentEvent;
import io.github.cbkspring.client.agent.ChatBotKitAgent;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.CompletionRequest;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.conversation.ConversationTurn;
import io.github.cbkspring.client.conversation.ReactiveConversationClient;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.MessageAggregator;
import org.springframework.ai.chat.model.StreamingChatModel;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.util.Assert;

/**
 * A ChatBotKit bot as a Spring AI {@link ChatModel} and {@link StreamingChatModel}, on
 * the stateless completion ({@code POST /conversation/complete}) of a
 * {@link ConversationClient}: every call sends the prompt's whole history, and nothing is
 * stored in ChatBotKit. Options that name a
 * {@link ChatBotKitChatOptions#getConversationId() conversation} send the call to that
 * stored conversation instead ({@code POST /conversation/{conversationId}/complete}):
 * ChatBotKit holds its history and its bot, and the prompt carries only the new user
 * message (system messages go as additional backstory). <pre class="code">
 * ChatBotKitChatModel model = ChatBotKitChatModel.builder()
 *     .conversationClient(client.conversations())
 *     .options(ChatBotKitChatOptions.builder().botId("bot-123").build())
 *     .build();
 * String reply = ChatClient.create(model).prompt().user("Hi").call().content();
 * </pre>
 * <p>
 * Options: a prompt without options uses the model's {@link #getOptions() options}; a
 * prompt with {@link ChatBotKitChatOptions} uses them as they are ({@code ChatClient}
 * builds them from the model's options and the call's); a prompt with other (portable)
 * {@link ChatOptions} has them laid over the model's options.
 * <p>
 * Both {@link #call(Prompt)} and {@link #stream(Prompt)} read the API's stream of events,
 * the only answer that carries the usage per model call and the bot's function calls.
 * With a {@link Builder#reactiveConversationClient(ReactiveConversationClient) reactive
 * client}, {@link #stream(Prompt)} reads them without blocking a thread. Tool callbacks
 * in the options become ChatBotKit functions that the caller runs: a reply that calls
 * them comes back with its tool calls and the finish reason {@code TOOL_CALLS}, for
 * Spring AI's tool calling advisor to run them and ask again. With
 * {@link Builder#toolsOverChannels(boolean)}, the model runs them itself while
 * ChatBotKit's loop goes on, in one completion stream, as a {@link ChatBotKitAgent} does.
 * <p>
 * Failures are the client's {@link ChatBotKitException}s, after the client's own retries;
 * nothing retries on top of them. Calls are observed as {@code gen_ai.client.operation}
 * with Spring AI's {@link ChatModelObservationConvention}, provider {@value #PROVIDER}.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class ChatBotKitChatModel implements ChatModel {

	/**
	 * The provider name: the value of {@code spring.ai.model.chat} that selects this
	 * model, and the {@code gen_ai.system} of its observations.
	 */
	public static final String PROVIDER = "chatbotkit";

	/**
	 * The key of the bot's reasoning in the metadata of a reply's assistant message, for
	 * models that reason before they reply: the same key Spring AI's OpenAI model uses.
	 * The whole reply and the last streamed response hold all of it; a streamed reasoning
	 * chunk has no text and holds the reasoning so far.
	 */
	public static final String REASONING_CONTENT = "reasoningContent";

	private static final ChatModelObservationConvention DEFAULT_OBSERVATION_CONVENTION = new DefaultChatModelObservationConvention();

	private final ConversationClient conversations;

	private final @Nullable ReactiveConversationClient reactiveConversations;

	private final ChatBotKitChatOptions options;

	private final ObservationRegistry observationRegistry;

	private final @Nullable ChatModelObservationConvention observationConvention;

	private final Scheduler scheduler;

	private final boolean toolsOverChannels;

	private final @Nullable Executor toolExecutor;

	private ChatBotKitChatModel(Builder builder) {
		Assert.notNull(builder.conversations, "ConversationClient must not be null");
		this.conversations = builder.conversations;
		this.reactiveConversations = builder.reactiveConversations;
		this.options = builder.options;
		this.observationRegistry = builder.observationRegistry;
		this.observationConvention = builder.observationConvention;
		this.scheduler = builder.scheduler;
		this.toolsOverChannels = builder.toolsOverChannels;
		this.toolExecutor = builder.toolExecutor;
	}

	/**
	 * Start a model.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The options of calls that set none, and under the options that {@code ChatClient}
	 * calls set.
	 * @return the options
	 */
	@Override
	public ChatBotKitChatOptions getOptions() {
		return this.options;
	}

	/**
	 * Complete the prompt and wait for the whole reply.
	 * @param prompt the messages and options
	 * @return the reply, its finish reason and usage, and its tool calls if any
	 * @throws IllegalArgumentException if the options or a message cannot be sent
	 * @throws ChatBotKitException if the call fails
	 */
	@Override
	public ChatResponse call(Prompt prompt) {
		Prompt request = resolve(prompt);
		Exchange exchange = exchange(request, false);
		return observation(exchange.context()).observe(() -> {
			Reply reply = exchange.reply();
			try (Stream<CompletionEvent> events = exchange.events().get()) {
				events.forEach(reply::take);
			}
			ChatResponse response = reply.whole();
			exchange.context().setResponse(response);
			return response;
		});
	}

	/**
	 * Complete the prompt and stream the reply: a response per token, then one with the
	 * finish reason, the usage and the tool calls if any, as {@link #call(Prompt)} gives
	 * them.
	 * <p>
	 * With a {@link Builder#reactiveConversationClient(ReactiveConversationClient)
	 * reactive client}, the events are read on it without blocking any thread, with
	 * back-pressure, and cancelling the {@code Flux} aborts the exchange at any moment,
	 * also before the answer's headers. Tools run
	 * {@link Builder#toolsOverChannels(boolean) over channels} are the exception: their
	 * stream is read as below.
	 * <p>
	 * Without one, the events are read from the blocking client on the builder's
	 * scheduler, as they come (a slow subscriber has them buffered). Cancelling the
	 * {@code Flux} stops the call at any moment, at once on the client's own engines:
	 * while it waits for the answer's headers the call is cancelled (a
	 * {@link io.github.cbkspring.client.core.Cancellation}), and once the answer is open
	 * its connection is aborted, also while a read waits on it.
	 * @param prompt the messages and options
	 * @return the responses; a failure is a {@link ChatBotKitException}, or an
	 * {@link IllegalArgumentException} if the options or a message cannot be sent
	 */
	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.deferContextual((contextView) -> {
			Prompt request = resolve(prompt);
			Exchange exchange = exchange(request, true);
			Observation observation = observation(exchange.context());
			observation.parentObservation(contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null));
			observation.start();
			Reply reply = exchange.reply();
			Flux<CompletionEvent> reactiveEvents = exchange.reactiveEvents();
			Flux<CompletionEvent> events = (reactiveEvents != null) ? reactiveEvents : blockingEvents(exchange);
			Flux<ChatResponse> responses = events.<ChatResponse>handle((event, sink) -> {
				ChatResponse chunk = reply.take(event);
				if (chunk != null) {
					sink.next(chunk);
				}
			})
				.doOnError(observation::error)
				.doFinally((signal) -> observation.stop())
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation));
			return new MessageAggregator().aggregate(responses, exchange.context()::setResponse);
		});
	}

	private Flux<CompletionEvent> blockingEvents(Exchange exchange) {
		return Flux.<CompletionEvent>create((sink) -> {
			EventSource events = new EventSource(exchange.events());
			sink.onCancel(events::close);
			events.readInto(sink);
		}).subscribeOn(this.scheduler);
	}

	private Prompt resolve(Prompt prompt) {
		ChatOptions runtime = prompt.getOptions();
		if (runtime instanceof ChatBotKitChatOptions) {
			return prompt;
		}
		ChatBotKitChatOptions options = (runtime != null) ? this.options.mutate().combineWith(runtime.mutate()).build()
				: this.options;
		return prompt.mutate().chatOptions(options).build();
	}

	private Exchange exchange(Prompt request, boolean streaming) {
		ChatBotKitChatOptions options = (ChatBotKitChatOptions) Objects.requireNonNull(request.getOptions());
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(request)
			.provider(PROVIDER)
			.streaming(streaming)
			.build();
		String conversationId = options.getConversationId();
		if (conversationId != null) {
			ConversationTurn turn = RequestMapper.toTurn(request.getInstructions(), options);
			Flux<CompletionEvent> reactiveEvents = (this.reactiveConversations != null)
					? this.reactiveConversations.completeStream(conversationId, turn) : null;
			return new Exchange(() -> this.conversations.completeStream(conversationId, turn), reactiveEvents, context,
					new Reply(Set.of()));
		}
		CompletionRequest completion = RequestMapper.toRequest(request.getInstructions(), options);
		List<ToolCallback> callbacks = Objects.requireNonNullElse(options.getToolCallbacks(), List.of());
		if (this.toolsOverChannels && !callbacks.isEmpty()) {
			return new Exchange(() -> overChannels(completion, callbacks), null, context, new Reply(Set.of()));
		}
		Set<String> functions = callbacks.stream()
			.map((callback) -> callback.getToolDefinition().name())
			.collect(Collectors.toUnmodifiableSet());
		Flux<CompletionEvent> reactiveEvents = (this.reactiveConversations != null)
				? this.reactiveConversations.completeStream(completion) : null;
		return new Exchange(() -> this.conversations.completeStream(completion), reactiveEvents, context,
				new Reply(functions));
	}

	/**
	 * The completion's events with the tools run by an agent: the agent offers them as
	 * functions with channels instead of the plain functions of the request.
	 */
	private Stream<CompletionEvent> overChannels(CompletionRequest completion, List<ToolCallback> callbacks) {
		ChatBotKitAgent.Builder agent = ChatBotKitAgent.builder(this.conversations.transport())
			.tools(ToolCallbackAgentTools.from(callbacks));
		if (this.toolExecutor != null) {
			agent.executor(this.toolExecutor);
		}
		CompletionRequest withoutFunctions = new CompletionRequest(completion.botId(), completion.config(),
				completion.messages(), completion.attachments(), completion.contact(),
				completion.options().withFunctions(List.of()));
		return agent.build()
			.complete(withoutFunctions)
			.flatMap((event) -> (event instanceof AgentEvent.Completion apiEvent) ? Stream.of(apiEvent.event())
					: Stream.empty());
	}

	private Observation observation(ChatModelObservationContext context) {
		return ChatModelObservationDocumentation.CHAT_MODEL_OPERATION.observation(this.observationConvention,
				DEFAULT_OBSERVATION_CONVENTION, () -> context, this.observationRegistry);
	}

	@Override
	public String toString() {
		return "ChatBotKitChatModel[" + this.options + "]";
	}

	/**
	 * One call: what is sent, blocking and, with a reactive client, without blocking
	 * (neither sent before it is read or subscribed to), its observation, and the reply
	 * being read.
	 */
	private record Exchange(Supplier<Stream<CompletionEvent>> events, @Nullable Flux<CompletionEvent> reactiveEvents,
			ChatModelObservationContext context, Reply reply) {
	}

	/**
	 * Builder for {@link ChatBotKitChatModel}.
	 */
	public static final class Builder {

		private @Nullable ConversationClient conversations;

		private @Nullable ReactiveConversationClient reactiveConversations;

		private ChatBotKitChatOptions options = ChatBotKitChatOptions.builder().build();

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable ChatModelObservationConvention observationConvention;

		private Scheduler scheduler = Schedulers.boundedElastic();

		private boolean toolsOverChannels;

		private @Nullable Executor toolExecutor;

		private Builder() {
		}

		/**
		 * Run the tool callbacks of the options in the application while ChatBotKit's
		 * loop goes on, in one completion stream, instead of answering with their tool
		 * calls for Spring AI to run them and complete again: each callback is offered as
		 * a function whose result the model publishes to a channel, as a
		 * {@link ChatBotKitAgent} does. The reply then never has tool calls. Off by
		 * default.
		 * @param toolsOverChannels whether tools run over channels
		 * @return this builder
		 */
		public Builder toolsOverChannels(boolean toolsOverChannels) {
			this.toolsOverChannels = toolsOverChannels;
			return this;
		}

		/**
		 * Set the executor tools run on when they run over channels, one task per call;
		 * by default the agent's (a virtual thread per call on Java 21 and later, else a
		 * shared bounded pool).
		 * @param toolExecutor the executor
		 * @return this builder
		 */
		public Builder toolExecutor(Executor toolExecutor) {
			Assert.notNull(toolExecutor, "Tool executor must not be null");
			this.toolExecutor = toolExecutor;
			return this;
		}

		/**
		 * Set the client that completes; its connection settings, retries and timeouts
		 * apply. Required.
		 * @param conversations the conversation client
		 * @return this builder
		 */
		public Builder conversationClient(ConversationClient conversations) {
			Assert.notNull(conversations, "ConversationClient must not be null");
			this.conversations = conversations;
			return this;
		}

		/**
		 * Set a non-blocking client for {@link ChatBotKitChatModel#stream(Prompt)} to
		 * stream on, instead of reading the
		 * {@link #conversationClient(ConversationClient) blocking client} on the
		 * {@link #scheduler(Scheduler) scheduler}; give it the same connection settings.
		 * None by default. {@link ChatBotKitChatModel#call(Prompt)} always uses the
		 * blocking client.
		 * @param reactiveConversations the reactive conversation client
		 * @return this builder
		 */
		public Builder reactiveConversationClient(ReactiveConversationClient reactiveConversations) {
			Assert.notNull(reactiveConversations, "ReactiveConversationClient must not be null");
			this.reactiveConversations = reactiveConversations;
			return this;
		}

		/**
		 * Set the default options.
		 * @param options the options of calls that set none
		 * @return this builder
		 */
		public Builder options(ChatBotKitChatOptions options) {
			Assert.notNull(options, "Options must not be null");
			this.options = options;
			return this;
		}

		/**
		 * Set the registry that observes calls; none by default.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			Assert.notNull(observationRegistry, "ObservationRegistry must not be null");
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Set the convention that names observations and their key values; Spring AI's
		 * default by default.
		 * @param observationConvention the convention
		 * @return this builder
		 */
		public Builder observationConvention(ChatModelObservationConvention observationConvention) {
			Assert.notNull(observationConvention, "ChatModelObservationConvention must not be null");
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Set where streams of the blocking client are read: reading a stream blocks a
		 * thread of it until the reply ends or the stream is cancelled. Streams on a
		 * {@link #reactiveConversationClient(ReactiveConversationClient) reactive client}
		 * do not use it. {@link Schedulers#boundedElastic()} by default; on Java 21 a
		 * scheduler on virtual threads fits as well.
		 * @param scheduler the scheduler
		 * @return this builder
		 */
		public Builder scheduler(Scheduler scheduler) {
			Assert.notNull(scheduler, "Scheduler must not be null");
			this.scheduler = scheduler;
			return this;
		}

		/**
		 * Build the model.
		 * @return the model
		 * @throws IllegalArgumentException if no conversation client was set
		 */
		public ChatBotKitChatModel build() {
			return new ChatBotKitChatModel(this);
		}

	}

}

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

package io.github.cbkspring.client.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads the API's times, milliseconds since the epoch, as {@link Instant}s, a fraction
 * included: {@code 1767225600000.5} is half a millisecond after {@code 1767225600000}.
 * Jackson's own reader takes a number with a fraction for seconds and nanoseconds
 * whatever it is told about integers, which made that value the year 57971.
 * <p>
 * Digits past the nanosecond are dropped towards the past, as {@link Instant#truncatedTo}
 * does. A number, or a numeric string, outside the range of {@link Instant} is refused;
 * it is checked before it is converted, so that an exponent such as {@code 1e1000000000}
 * costs nothing. A string that is not a number is read as ISO-8601
 * ({@link Instant#parse}).
 *
 * @author cbkspring contributors
 */
final class EpochMillisDeserializer extends ValueDeserializer<Instant> {

	/** The largest magnitude in milliseconds that an {@link Instant} holds. */
	private static final BigDecimal MAX_MILLIS = BigDecimal.valueOf(Instant.MAX.getEpochSecond() + 1).movePointRight(3);

	private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000);

	@Override
	public Instant deserialize(JsonParser parser, DeserializationContext context) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
			// every long is within Instant's range
			return Instant.ofEpochMilli(parser.getLongValue());
		}
		if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
			return fromMillis(parser.getDecimalValue(), context);
		}
		if (token == JsonToken.VALUE_STRING) {
			return fromString(parser.getString().trim(), context);
		}
		return (Instant) context.handleUnexpectedToken(Instant.class, parser);
	}

	private static Instant fromString(String text, DeserializationContext context) {
		BigDecimal millis;
		try {
			millis = new BigDecimal(text);
		}
		catch (NumberFormatException notANumber) {
			try {
				return Instant.parse(text);
			}
			catch (DateTimeParseException ex) {
				return (Instant) context.handleWeirdStringValue(Instant.class, text,
						"not milliseconds since the epoch, nor an ISO-8601 instant");
			}
		}
		return fromMillis(millis, context);
	}

	private static Instant fromMillis(BigDecimal millis, DeserializationContext context) {
		if (millis.abs().compareTo(MAX_MILLIS) >= 0) {
			return (Instant) context.handleWeirdNumberValue(Instant.class, millis,
					"milliseconds since the epoch outside the range of an Instant");
		}
		BigInteger[] secondsAndNanos = millis.movePointRight(6)
			.setScale(0, RoundingMode.FLOOR)
			.toBigIntegerExact()
			.divideAndRemainder(NANOS_PER_SECOND);
		return Instant.ofEpochSecond(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
	}

}

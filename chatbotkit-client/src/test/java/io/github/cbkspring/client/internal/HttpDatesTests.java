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

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HttpDates}: each form of RFC 9110 on every day of a month, on fixed
 * dates and a fixed clock.
 *
 * @author cbkspring contributors
 */
class HttpDatesTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

	/**
	 * The forms, the IMF-fixdate's day also of one digit, the asctime day padded with a
	 * space, a zero or not at all.
	 */
	private static final String[] FORMS = { "EEE, dd MMM yyyy HH:mm:ss 'GMT'", "EEE, d MMM yyyy HH:mm:ss 'GMT'",
			"EEEE, dd-MMM-yy HH:mm:ss 'GMT'", "EEE MMM ppd HH:mm:ss yyyy", "EEE MMM d HH:mm:ss yyyy",
			"EEE MMM dd HH:mm:ss yyyy" };

	static Stream<Object[]> everyDayOfAMonthInEveryForm() {
		return Stream.of(FORMS)
			.flatMap((form) -> LocalDate.of(2026, 1, 1)
				.datesUntil(LocalDate.of(2026, 2, 1))
				.map((day) -> new Object[] { form, day.atTime(8, 49, 37).atZone(ZoneOffset.UTC) }));
	}

	@ParameterizedTest
	@MethodSource("everyDayOfAMonthInEveryForm")
	void readsEveryDayOfAMonthInEveryForm(String form, ZonedDateTime date) {
		String text = DateTimeFormatter.ofPattern(form, Locale.US).format(date);
		assertThat(HttpDates.parse(text, CLOCK)).as(text).isEqualTo(date.toInstant());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Sun, 06 Nov 1994 08:49:37 GMT  | 1994-11-06T08:49:37Z
			Sun, 6 Nov 1994 08:49:37 GMT   | 1994-11-06T08:49:37Z
			Sunday, 06-Nov-94 08:49:37 GMT | 1994-11-06T08:49:37Z
			Sun Nov  6 08:49:37 1994       | 1994-11-06T08:49:37Z
			Sun Nov 6 08:49:37 1994        | 1994-11-06T08:49:37Z
			'  Sun Nov 16 08:49:37 1994  ' | 1994-11-16T08:49:37Z
			SUN, 06 NOV 1994 08:49:37 GMT  | 1994-11-06T08:49:37Z
			sunday, 06-nov-94 08:49:37 gmt | 1994-11-06T08:49:37Z
			Mon, 06 Nov 1994 08:49:37 GMT  | 1994-11-06T08:49:37Z
			Thu, 29 Feb 2024 23:59:59 GMT  | 2024-02-29T23:59:59Z
			""")
	void readsTheRfcExamplesInAnyCaseAndWithAnyWeekday(String text, Instant expected) {
		assertThat(HttpDates.parse(text, CLOCK)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "soon", "1994-11-06T08:49:37Z", "Sun, 06 Nov 1994 08:49:37 UTC",
			"Sun, 06 Nov 94 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 31 Apr 1994 08:49:37 GMT",
			"Sun, 29 Feb 2023 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:60:37 GMT",
			"Sun Nov   6 08:49:37 1994", "Sun Nov  16 08:49:37 1994", "Sun Nov 106 08:49:37 1994",
			"Sunday, 06-Nov-1994 08:49:37 GMT", "Sonntag, 06-Nov-94 08:49:37 GMT",
			"Sun, 06 Nov 1994 08:49:37 GMT trailing" })
	void refusesWhatIsNoneOfTheFormsOrNoRealTime(String text) {
		assertThat(HttpDates.parse(text, CLOCK)).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "94, 2026, 1994", "26, 2026, 2026", "76, 2026, 2076", "77, 2026, 1977", "0, 2026, 2000",
			"5, 2090, 2105", "40, 2090, 2140", "41, 2090, 2041", "99, 2000, 1999", "50, 2000, 2050" })
	void aTwoDigitYearMoreThanFiftyYearsAheadIsInThePast(int twoDigits, int currentYear, int expected) {
		assertThat(HttpDates.fourDigitYear(twoDigits, currentYear)).isEqualTo(expected);
	}

	@Test
	void theTwoDigitYearIsPlacedByTheClock() {
		Clock in2090 = Clock.fixed(Instant.parse("2090-06-01T00:00:00Z"), ZoneOffset.UTC);
		assertThat(HttpDates.parse("Friday, 06-Nov-05 08:49:37 GMT", in2090))
			.isEqualTo(Instant.parse("2105-11-06T08:49:37Z"));
		assertThat(HttpDates.parse("Friday, 06-Nov-05 08:49:37 GMT", CLOCK))
			.isEqualTo(Instant.parse("2005-11-06T08:49:37Z"));
	}

}

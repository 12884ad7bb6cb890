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
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads an HTTP date in each of the three forms RFC 9110 (section 5.6.7) asks recipients
 * to read:
 * <ul>
 * <li>IMF-fixdate: {@code Sun, 06 Nov 1994 08:49:37 GMT}, also with a day of one digit as
 * RFC 1123 allows and Java's {@code RFC_1123_DATE_TIME} writes it</li>
 * <li>RFC 850: {@code Sunday, 06-Nov-94 08:49:37 GMT}, whose two-digit year is taken as
 * the most recent past year with those digits when it would be more than 50 years
 * ahead</li>
 * <li>asctime: {@code Sun Nov  6 08:49:37 1994}, the day padded with a space as the RFC
 * writes it, or unpadded ({@code Nov 6}) or zero-padded ({@code Nov 06}) as some servers
 * send it</li>
 * </ul>
 * Written out rather than left to {@code HttpHeaders}, which reads only the first two,
 * and to {@code DateTimeFormatter}, whose patterns reject a weekday that does not match
 * the date: the weekday carries nothing a wait needs, so any weekday name is accepted.
 * Names are read in any case.
 *
 * @author cbkspring contributors
 */
final class HttpDates {

	private static final String WEEKDAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";

	private static final String WEEKDAY_LONG = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

	private static final String TIME = "(\\d{2}):(\\d{2}):(\\d{2})";

	private static final Pattern IMF_FIXDATE = Pattern
		.compile("(?i)" + WEEKDAY + ", (\\d{1,2}) ([a-z]{3}) (\\d{4}) " + TIME + " GMT");

	private static final Pattern RFC_850 = Pattern
		.compile("(?i)" + WEEKDAY_LONG + ", (\\d{2})-([a-z]{3})-(\\d{2}) " + TIME + " GMT");

	private static final Pattern ASCTIME = Pattern
		.compile("(?i)" + WEEKDAY + " ([a-z]{3}) (?: (\\d)|(\\d{1,2})) " + TIME + " (\\d{4})");

	private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
			Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
			Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

	private HttpDates() {
	}

	/**
	 * The instant an HTTP date names.
	 * @param value the header value
	 * @param clock the clock that places an RFC 850 date's two-digit year
	 * @return the instant, or {@code null} when the value is none of the three forms or
	 * names no real time (a 31st of April, a 25th hour)
	 */
	static @Nullable Instant parse(String value, Clock clock) {
		String text = value.strip();
		try {
			Matcher matcher = IMF_FIXDATE.matcher(text);
			if (matcher.matches()) {
				return instant(Integer.parseInt(matcher.group(3)), matcher.group(2), matcher.group(1), matcher, 4);
			}
			matcher = RFC_850.matcher(text);
			if (matcher.matches()) {
				int year = fourDigitYear(Integer.parseInt(matcher.group(3)), Year.now(clock).getValue());
				return instant(year, matcher.group(2), matcher.group(1), matcher, 4);
			}
			matcher = ASCTIME.matcher(text);
			if (matcher.matches()) {
				String day = (matcher.group(2) != null) ? matcher.group(2) : matcher.group(3);
				return instant(Integer.parseInt(matcher.group(7)), matcher.group(1), day, matcher, 4);
			}
			return null;
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static @Nullable Instant instant(int year, String monthName, String day, Matcher matcher, int timeGroup) {
		Integer month = MONTHS.get(monthName.toLowerCase(Locale.ROOT));
		if (month == null) {
			return null;
		}
		return LocalDateTime
			.of(year, month, Integer.parseInt(day), Integer.parseInt(matcher.group(timeGroup)),
					Integer.parseInt(matcher.group(timeGroup + 1)), Integer.parseInt(matcher.group(timeGroup + 2)))
			.toInstant(ZoneOffset.UTC);
	}

	/**
	 * RFC 9110: a two-digit year that would be more than 50 years ahead is the most
	 * recent past year with those last two digits.
	 */
	static int fourDigitYear(int twoDigits, int currentYear) {
		int year = (currentYear / 100) * 100 + twoDigits;
		if (year > currentYear + 50) {
			return year - 100;
		}
		return (year + 100 <= currentYear + 50) ? year + 100 : year;
	}

}

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

package io.github.cbkspring.benchmarks;

/**
 * A log-linear latency histogram (64 sub-buckets per power of two, so within about 1.6%)
 * that records without allocating: the drivers' allocation per call is one of the
 * measured results.
 *
 * @author cbkspring contributors
 */
final class LatencyHistogram {

	private static final int SUB_BUCKET_BITS = 6;

	private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;

	private final long[] counts = new long[64 * SUB_BUCKETS];

	private long total;

	void record(long nanos) {
		this.counts[index(Math.max(nanos, 1))]++;
		this.total++;
	}

	void add(LatencyHistogram other) {
		for (int i = 0; i < this.counts.length; i++) {
			this.counts[i] += other.counts[i];
		}
		this.total += other.total;
	}

	long count() {
		return this.total;
	}

	void reset() {
		java.util.Arrays.fill(this.counts, 0);
		this.total = 0;
	}

	/**
	 * The latency at the given percentile.
	 * @param percentile between 0 and 100
	 * @return the upper bound of the bucket holding it, in nanoseconds
	 */
	long percentile(double percentile) {
		long rank = (long) Math.ceil(this.total * percentile / 100.0);
		long seen = 0;
		for (int i = 0; i < this.counts.length; i++) {
			seen += this.counts[i];
			if (seen >= rank && this.counts[i] > 0) {
				return upperBound(i);
			}
		}
		return 0;
	}

	private static int index(long value) {
		int magnitude = 63 - Long.numberOfLeadingZeros(value);
		if (magnitude < SUB_BUCKET_BITS) {
			return (int) value;
		}
		int subBucket = (int) (value >>> (magnitude - SUB_BUCKET_BITS)) & (SUB_BUCKETS - 1);
		return (magnitude - SUB_BUCKET_BITS + 1) * SUB_BUCKETS + subBucket;
	}

	private static long upperBound(int index) {
		int group = index / SUB_BUCKETS;
		int subBucket = index % SUB_BUCKETS;
		if (group == 0) {
			return subBucket;
		}
		int shift = group - 1;
		return ((long) (SUB_BUCKETS + subBucket + 1) << shift) - 1;
	}

}

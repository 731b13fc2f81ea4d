/** What a load run records per viewer (bytes, stalls, time to first keyframe, latency) and the report it writes. */
package dev.marquee.bench.stats;

/**
 * Load generators: {@link dev.marquee.bench.LiveLoad} holds live viewers, {@link dev.marquee.bench.StampedPublisher}
 * publishes a stamped stream for them to measure.
 */
package dev.marquee.bench;

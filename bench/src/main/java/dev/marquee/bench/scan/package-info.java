/**
 * Cheap parsers for what viewers receive: FLV tag headers, HTTP response heads and chunked bodies, RTMP chunk
 * headers. They walk the bytes in place and keep only the first few bytes of each video tag body.
 */
package dev.marquee.bench.scan;

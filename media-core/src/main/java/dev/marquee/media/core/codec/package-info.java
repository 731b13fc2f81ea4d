/**
 * What players need to know about a stream's codecs: decoder configuration records (avcC, hvcC, av1C, AAC
 * AudioSpecificConfig), RFC 6381 codec strings, and codec detection from legacy or Enhanced RTMP tag bodies.
 */
package dev.marquee.media.core.codec;

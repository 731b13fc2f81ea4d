/**
 * AMF0, the value encoding of RTMP commands and FLV script data; {@link dev.marquee.media.core.amf.Amf0} reads
 * and writes it, and refuses hostile input with {@link dev.marquee.media.core.amf.Amf0Exception}.
 */
package dev.marquee.media.core.amf;

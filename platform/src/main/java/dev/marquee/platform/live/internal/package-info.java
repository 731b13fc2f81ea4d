/** How stream keys, stream titles and live sessions are stored, tracked in memory and served over HTTP. */
package dev.marquee.platform.live.internal;

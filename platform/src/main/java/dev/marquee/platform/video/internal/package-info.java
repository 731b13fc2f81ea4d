/** How videos are stored, listed, counted and served over the API. */
package dev.marquee.platform.video.internal;

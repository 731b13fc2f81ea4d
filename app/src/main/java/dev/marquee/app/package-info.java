/** The runnable Marquee: the command line, and the wiring of the media plane to the control plane. */
package dev.marquee.app;

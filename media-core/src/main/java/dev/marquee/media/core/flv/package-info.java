/** FLV tags: the unit every live frame travels in, parsed once and shared by reference count. */
package dev.marquee.media.core.flv;

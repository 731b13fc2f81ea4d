/** Snowflake-style 64-bit IDs and their 11-character public spelling. */
package dev.marquee.platform.id;

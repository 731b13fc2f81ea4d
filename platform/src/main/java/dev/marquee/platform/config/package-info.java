/** Settings and the infrastructure every feature shares: database, secrets, JSON. */
package dev.marquee.platform.config;

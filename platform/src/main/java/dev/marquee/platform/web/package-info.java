/** What every page and API route shares: problem-details errors, page chrome, the home page. */
package dev.marquee.platform.web;

/** HTTP building blocks shared by every media endpoint: CORS, problem responses, idle connection cleanup. */
package dev.marquee.media.server.http;

/** The live chat load: many WebSocket clients in one room, a few hundred of them sending, delivery latency measured. */
package dev.marquee.bench.chat;

/**
 * MPEG-2 transport stream muxing (ISO/IEC 13818-1) for HLS segments: PAT/PMT, PES packets with PTS/DTS and
 * PCR, plus the elementary-stream framing TS needs (H.264/HEVC Annex B byte streams, AAC in ADTS).
 */
package dev.marquee.media.hls.ts;

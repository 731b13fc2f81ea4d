package dev.marquee.bench.scan;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP-FLV response as it arrives: the response head (status must be 200), then the body, plain or
 * chunked, handed in place to a {@link FlvTagScanner}.
 */
public final class HttpFlvScanner {
    private static final int MAX_HEAD = 16 * 1024;
    private static final int MAX_SIZE_LINE = 256;

    private enum State { HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, DONE }

    private final FlvTagScanner flv;
    private final byte[] head = new byte[MAX_HEAD];
    private final StringBuilder sizeLine = new StringBuilder();
    private State state = State.HEAD;
    private int headLength;
    private int status;
    private long chunkLeft;
    private int crlfLeft;

    public HttpFlvScanner(TagSink sink) {
        this.flv = new FlvTagScanner(sink);
    }

    /** The response status, 0 until the head has arrived. */
    public int status() {
        return status;
    }

    /** True once a chunked body has ended (a zero-size chunk). */
    public boolean isDone() {
        return state == State.DONE;
    }

    public long tags() {
        return flv.tags();
    }

    /** Consumes bytes [from, to) of buf. */
    public void scan(ByteBuffer buf, int from, int to, long arrivalMicros) {
        int pos = from;
        while (pos < to) {
            switch (state) {
                case HEAD -> pos = readHead(buf, pos, to);
                case BODY -> {
                    flv.scan(buf, pos, to, arrivalMicros);
                    pos = to;
                }
                case CHUNK_SIZE -> pos = readSizeLine(buf, pos, to);
                case CHUNK_DATA -> {
                    int n = (int) Math.min(chunkLeft, to - pos);
                    flv.scan(buf, pos, pos + n, arrivalMicros);
                    pos += n;
                    chunkLeft -= n;
                    if (chunkLeft == 0) {
                        state = State.CHUNK_END;
                        crlfLeft = 2;
                    }
                }
                case CHUNK_END -> {
                    int n = Math.min(crlfLeft, to - pos);
                    pos += n;
                    crlfLeft -= n;
                    if (crlfLeft == 0) state = State.CHUNK_SIZE;
                }
                case DONE -> pos = to; // trailers or nothing: the stream is over
            }
        }
    }

    /** Gathers the head up to the blank line; what follows it in the same read stays for the body. */
    private int readHead(ByteBuffer buf, int pos, int to) {
        while (pos < to) {
            if (headLength == MAX_HEAD) throw new StreamFormatException("HTTP response head over " + MAX_HEAD + " bytes");
            head[headLength++] = buf.get(pos++);
            if (headLength >= 4 && head[headLength - 1] == '\n' && head[headLength - 2] == '\r'
                    && head[headLength - 3] == '\n' && head[headLength - 4] == '\r') {
                parseHead();
                return pos;
            }
        }
        return pos;
    }

    private void parseHead() {
        String text = new String(head, 0, headLength, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) throw new StreamFormatException("not HTTP: " + lines[0]);
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (NumberFormatException e) {
            throw new StreamFormatException("bad status line: " + lines[0]);
        }
        if (status != 200) throw new StreamFormatException("HTTP " + lines[0].substring(statusLine[0].length()).trim());
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].toLowerCase(Locale.ROOT);
            if (line.startsWith("transfer-encoding:") && line.contains("chunked")) chunked = true;
        }
        state = chunked ? State.CHUNK_SIZE : State.BODY;
    }

    private int readSizeLine(ByteBuffer buf, int pos, int to) {
        while (pos < to) {
            char c = (char) (buf.get(pos++) & 0xFF);
            if (c != '\n') {
                if (sizeLine.length() == MAX_SIZE_LINE) throw new StreamFormatException("chunk size line too long");
                sizeLine.append(c);
                continue;
            }
            String line = sizeLine.toString().trim();
            sizeLine.setLength(0);
            int semicolon = line.indexOf(';');
            if (semicolon >= 0) line = line.substring(0, semicolon).trim();
            try {
                chunkLeft = Long.parseLong(line, 16);
            } catch (NumberFormatException e) {
                throw new StreamFormatException("bad chunk size line '" + line + "'");
            }
            if (chunkLeft < 0) throw new StreamFormatException("negative chunk size");
            state = chunkLeft == 0 ? State.DONE : State.CHUNK_DATA;
            return pos;
        }
        return pos;
    }
}

package dev.marquee.media.server.vod;

/**
 * One satisfiable byte range of a file, from a {@code Range: bytes=...} header (RFC 9110 §14).
 * Multiple ranges and syntax errors are ignored (the whole file is served), as the RFC allows.
 */
record ByteRange(long start, long length) {
    /** The header asked only for bytes beyond the end of the file: answer 416. */
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, 0);

    private static final String UNIT = "bytes=";

    boolean satisfiable() {
        return start >= 0;
    }

    long last() {
        return start + length - 1;
    }

    /** The range to serve, {@link #UNSATISFIABLE}, or null to serve the whole file. */
    static ByteRange parse(String header, long size) {
        if (header == null) return null;
        String h = header.trim();
        if (h.length() <= UNIT.length() || !h.regionMatches(true, 0, UNIT, 0, UNIT.length())) return null;
        String spec = h.substring(UNIT.length()).trim();
        if (spec.indexOf(',') >= 0) return null;
        int dash = spec.indexOf('-');
        if (dash < 0) return null;
        String first = spec.substring(0, dash).trim();
        String last = spec.substring(dash + 1).trim();
        if (first.isEmpty()) return suffix(last, size);
        long from = digits(first);
        if (from < 0) return null;
        long to;
        if (last.isEmpty()) {
            to = Long.MAX_VALUE;
        } else {
            to = digits(last);
            if (to < 0 || to < from) return null;
        }
        if (from >= size) return UNSATISFIABLE;
        long end = Math.min(to, size - 1);
        return new ByteRange(from, end - from + 1);
    }

    /** {@code -n}: the last n bytes. */
    private static ByteRange suffix(String last, long size) {
        long n = digits(last);
        if (n < 0) return null;
        if (n == 0 || size == 0) return UNSATISFIABLE;
        long len = Math.min(n, size);
        return new ByteRange(size - len, len);
    }

    /** A non-negative decimal, saturating at Long.MAX_VALUE; -1 when not all digits. */
    private static long digits(String s) {
        if (s.isEmpty()) return -1;
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            if (v > (Long.MAX_VALUE - 9) / 10) {
                v = Long.MAX_VALUE;
            } else {
                v = v * 10 + (c - '0');
            }
        }
        return v;
    }
}

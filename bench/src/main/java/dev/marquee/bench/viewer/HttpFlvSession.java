package dev.marquee.bench.viewer;

import dev.marquee.bench.scan.HttpFlvScanner;
import dev.marquee.bench.stats.ViewerStats;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** An HTTP-FLV viewer: one GET, then the response body walked tag header by tag header. */
final class HttpFlvSession implements ViewerSession {
    private final byte[] request;
    private final HttpFlvScanner scanner;

    HttpFlvSession(PlayUrl url, ViewerStats stats) {
        String text = "GET " + url.path() + " HTTP/1.1\r\nHost: " + url.host() + ":" + url.port()
                + "\r\nUser-Agent: marquee-bench\r\nAccept: */*\r\n\r\n";
        this.request = text.getBytes(StandardCharsets.US_ASCII);
        this.scanner = new HttpFlvScanner(stats);
    }

    @Override
    public void onConnected(Viewer viewer, long nowMicros) {
        viewer.stats().onRequestSent(nowMicros);
        viewer.write(request);
    }

    @Override
    public void onData(Viewer viewer, ByteBuffer buf, int length, long nowMicros) {
        scanner.scan(buf, 0, length, nowMicros);
        if (scanner.isDone()) viewer.fail("stream ended");
    }

    @Override
    public boolean isPlaying() {
        return scanner.status() == 200;
    }
}

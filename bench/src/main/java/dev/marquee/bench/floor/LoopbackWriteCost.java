package dev.marquee.bench.floor;

import dev.marquee.bench.stats.ProcStat;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What the kernel charges a sender for loopback TCP, per write and per byte: the floor under any live server's
 * CPU per delivered GB on this machine. One thread writes SIZE bytes to each of N connections in turn, as a
 * fan-out round does, while a reader process (pinned elsewhere by the script) drains them all; the sender's CPU
 * time over the run, divided by writes and by bytes, is the cost. Fitting several sizes splits it into a fixed
 * cost per write and a cost per byte.
 *
 * <p>With {@code sendfile} the bytes go out of a file in memory (tmpfs) by {@code sendfile(2)} instead of
 * {@code write(2)}: the kernel then skips copying them into the socket, which shows what that copy costs.
 *
 * <pre>java -cp marquee-bench.jar dev.marquee.bench.floor.LoopbackWriteCost --send PORT N SIZE SECONDS [write|sendfile]
 * java -cp marquee-bench.jar dev.marquee.bench.floor.LoopbackWriteCost --receive PORT N SECONDS</pre>
 */
public final class LoopbackWriteCost {
    private LoopbackWriteCost() {}

    public static void main(String[] args) throws Exception {
        if ((args.length == 5 || args.length == 6 && List.of("write", "sendfile").contains(args[5])) && args[0].equals("--send")) {
            boolean sendfile = args.length == 6 && args[5].equals("sendfile");
            send(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), sendfile);
        } else if (args.length == 4 && args[0].equals("--receive")) {
            receive(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else {
            System.err.println("usage: LoopbackWriteCost --send PORT CONNECTIONS SIZE SECONDS [write|sendfile] | --receive PORT CONNECTIONS SECONDS");
            System.exit(2);
        }
    }

    /** Accepts N connections, then writes rounds of SIZE bytes to each for SECONDS; prints one result line. */
    private static void send(int port, int connections, int size, int seconds, boolean sendfile)
            throws IOException, InterruptedException {
        List<SocketChannel> sockets = new ArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", port), connections);
            System.out.println("listening");
            System.out.flush();
            while (sockets.size() < connections) sockets.add(server.accept()); // blocking: each write completes
        }
        ByteBuffer data = ByteBuffer.allocateDirect(size);
        while (data.hasRemaining()) data.put((byte) 0x5a);
        long writes = 0;
        long bytes = 0;
        long pid = ProcessHandle.current().pid();
        try (FileChannel file = sendfile ? memoryFile() : null) {
            long position = 0;
            double cpuBefore = ProcStat.cpuSeconds(pid);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long nextRound = System.nanoTime();
            while (System.nanoTime() < end) {
                if (file != null) {
                    // a fresh region each round, as a server's runs would be: a page still queued in a socket is never rewritten
                    if (position > MEMORY_FILE_BYTES) {
                        file.truncate(0);
                        position = 0;
                    }
                    data.clear();
                    while (data.hasRemaining()) file.write(data, position + data.position());
                }
                for (SocketChannel s : sockets) {
                    if (file != null) {
                        for (long sent = 0; sent < size; ) sent += file.transferTo(position + sent, size - sent, s);
                        bytes += size;
                    } else {
                        data.clear();
                        while (data.hasRemaining()) bytes += s.write(data);
                    }
                    writes++;
                }
                position += size;
                if (PERIOD_MILLIS > 0) {
                    // one round per period, as a live server flushes: idle between bursts
                    nextRound += PERIOD_MILLIS * 1_000_000L;
                    long wait = nextRound - System.nanoTime();
                    if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } else {
                    Thread.sleep(2); // rounds, not a tight loop: the reader keeps up and sockets stay far from full
                }
            }
            double cpu = ProcStat.cpuSeconds(pid) - cpuBefore;
            System.out.printf("size %d%s: %d writes, %.2f GB, sender %.2f CPU-s: %.2f us per write, %.3f CPU-s/GB%n",
                    size, sendfile ? " (sendfile)" : "", writes, bytes / 1e9, cpu, cpu * 1e6 / writes, cpu / (bytes / 1e9));
        }
        for (SocketChannel s : sockets) s.close();
    }

    private static final long MEMORY_FILE_BYTES = 64L << 20;
    /** 0: rounds back to back with a 2 ms pause; else one round starts every PERIOD ms. */
    private static final long PERIOD_MILLIS = Long.getLong("period.millis", 0);

    /** A scratch file in memory (tmpfs at /dev/shm where there is one), deleted when closed. */
    private static FileChannel memoryFile() throws IOException {
        Path shm = Path.of("/dev/shm");
        Path file = Files.createTempFile(Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")),
                "write-cost", ".bin");
        return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
    }

    /** Opens N connections and reads everything they bring, on one thread, until SECONDS have passed. */
    private static void receive(int port, int connections, int seconds) throws IOException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                SocketChannel c = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                c.configureBlocking(false);
                c.register(selector, SelectionKey.OP_READ);
            }
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 18);
            int open = connections;
            while (open > 0 && System.nanoTime() < end) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    buf.clear();
                    if (((SocketChannel) key.channel()).read(buf) < 0) {
                        key.cancel();
                        key.channel().close();
                        open--;
                    }
                }
                selector.selectedKeys().clear();
            }
        }
    }
}

package dev.marquee.bench.floor;

import dev.marquee.bench.stats.ProcStat;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * What the kernel charges a sender for loopback TCP, per write and per byte: the floor under any live server's
 * CPU per delivered GB on this machine. One thread writes SIZE bytes to each of N connections in turn, as a
 * fan-out round does, while a reader process (pinned elsewhere by the script) drains them all; the sender's CPU
 * time over the run, divided by writes and by bytes, is the cost. Fitting several sizes splits it into a fixed
 * cost per write and a cost per byte.
 *
 * <pre>java -cp marquee-bench.jar dev.marquee.bench.floor.LoopbackWriteCost --send PORT N SIZE SECONDS
 * java -cp marquee-bench.jar dev.marquee.bench.floor.LoopbackWriteCost --receive PORT N SECONDS</pre>
 */
public final class LoopbackWriteCost {
    private LoopbackWriteCost() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 5 && args[0].equals("--send")) {
            send(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        } else if (args.length == 4 && args[0].equals("--receive")) {
            receive(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else {
            System.err.println("usage: LoopbackWriteCost --send PORT CONNECTIONS SIZE SECONDS | --receive PORT CONNECTIONS SECONDS");
            System.exit(2);
        }
    }

    /** Accepts N connections, then writes rounds of SIZE bytes to each for SECONDS; prints one result line. */
    private static void send(int port, int connections, int size, int seconds) throws IOException, InterruptedException {
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
        double cpuBefore = ProcStat.cpuSeconds(pid);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (SocketChannel s : sockets) {
                data.clear();
                while (data.hasRemaining()) bytes += s.write(data);
                writes++;
            }
            Thread.sleep(2); // rounds, not a tight loop: the reader keeps up and sockets stay far from full
        }
        double cpu = ProcStat.cpuSeconds(pid) - cpuBefore;
        System.out.printf("size %d: %d writes, %.2f GB, sender %.2f CPU-s: %.2f us per write, %.3f CPU-s/GB%n",
                size, writes, bytes / 1e9, cpu, cpu * 1e6 / writes, cpu / (bytes / 1e9));
        for (SocketChannel s : sockets) s.close();
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

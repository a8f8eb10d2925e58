package dev.glyphoxa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How busy the machine's cores were between two readings of /proc/stat (all processes, ours and others'). */
final class CpuMeter {

    private long busy;
    private long total;

    private CpuMeter(long busy, long total) {
        this.busy = busy;
        this.total = total;
    }

    static CpuMeter start() {
        long[] t = read();
        return new CpuMeter(t[0], t[1]);
    }

    /** Busy share of all cores since the start, in percent, or NaN where /proc/stat is not readable. */
    double busyPercent() {
        long[] t = read();
        return t[1] - total <= 0 ? Double.NaN : 100.0 * (t[0] - busy) / (t[1] - total);
    }

    private static long[] read() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long sum = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                sum += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[]{sum - idle, sum};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }
}

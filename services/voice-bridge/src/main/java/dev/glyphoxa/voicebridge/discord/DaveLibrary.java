package dev.glyphoxa.voicebridge.discord;

import club.minnced.discord.jdave.ffi.LibDave;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Whether jdave's native library (libdave, the DAVE end-to-end encryption Discord requires for voice) loads in
 * this process. It needs glibc 2.38 or newer and GLIBCXX_3.4.32: it loads on Debian 13 / Ubuntu 24.04 (and the
 * eclipse-temurin:25 images), not on Debian 12. Without it every voice connection fails, so readiness says so
 * instead of the first SessionStarted finding out. Probed once per process: a failed static initialiser cannot
 * be retried anyway.
 */
public final class DaveLibrary {

    public record Probe(boolean loaded, String detail) {
    }

    private static Probe probe;

    private DaveLibrary() {
    }

    public static synchronized Probe probe() {
        if (probe == null) {
            probe = load();
        }
        return probe;
    }

    private static Probe load() {
        String glibc = glibcVersion();
        try {
            short version = LibDave.getMaxSupportedProtocolVersion();
            return new Probe(true, "libdave loaded (DAVE protocol " + version + ", glibc " + glibc + ")");
        } catch (LinkageError | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return new Probe(false, "libdave does not load: " + root.getMessage() + " (glibc " + glibc
                    + "; libdave needs glibc >= 2.38 and GLIBCXX_3.4.32, e.g. Debian 13 or Ubuntu 24.04)");
        }
    }

    /** The C library's own answer (gnu_get_libc_version), or "not glibc" where there is no such function. */
    public static String glibcVersion() {
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle get = linker.defaultLookup().find("gnu_get_libc_version")
                    .map(address -> linker.downcallHandle(address, FunctionDescriptor.of(ValueLayout.ADDRESS)))
                    .orElse(null);
            if (get == null) {
                return "not glibc";
            }
            MemorySegment version = (MemorySegment) get.invokeExact();
            return version.reinterpret(32).getString(0);
        } catch (Throwable e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** Whether a version such as "2.36" is at least major.minor. */
    public static boolean atLeast(String version, int major, int minor) {
        String[] parts = version.split("\\.");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("\\D.*", "")) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

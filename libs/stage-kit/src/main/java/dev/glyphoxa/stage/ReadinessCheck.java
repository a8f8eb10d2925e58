package dev.glyphoxa.stage;

/** One dependency that must be usable before the service takes traffic (reported by /readyz). */
public interface ReadinessCheck {

    String name();

    Status status();

    record Status(boolean ready, String detail) {
        public static Status ready(String detail) {
            return new Status(true, detail);
        }

        public static Status notReady(String detail) {
            return new Status(false, detail);
        }
    }
}

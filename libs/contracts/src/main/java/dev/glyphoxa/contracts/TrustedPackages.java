package dev.glyphoxa.contracts;

/**
 * Avro 1.12 refuses to instantiate classes outside a trusted-package list. We add our generated package
 * before Avro's SpecificData is first touched, so services need no extra -D flag (an explicit flag still wins).
 */
final class TrustedPackages {

    static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
    static final String OURS = "dev.glyphoxa";

    private TrustedPackages() {
    }

    static void ensure() {
        String current = System.getProperty(PROPERTY);
        if (current == null || current.isBlank()) {
            System.setProperty(PROPERTY, OURS);
        } else if (!current.contains(OURS)) {
            System.setProperty(PROPERTY, current + "," + OURS);
        }
    }
}

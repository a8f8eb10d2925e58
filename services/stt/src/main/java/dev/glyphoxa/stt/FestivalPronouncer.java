package dev.glyphoxa.stt;

import dev.glyphoxa.stt.provider.MissingSpeechDependencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pronounces words with Festival's CMU lexicon, whose letter-to-sound rules cover words it has never seen,
 * by running {@code festival --pipe} once per batch with one {@code (lex.lookup "word" nil)} per word.
 * A process per batch (one batch per SessionStarted, ~1 s) rather than a long-lived server: session starts are
 * rare and off the latency path, and there is then no child process to supervise.
 *
 * <p>Festival's US lexicon uses the "radio" phone set, which is ARPAbet in lower case plus a few extras;
 * {@link #toArpabet} maps them onto the phones of PocketSphinx's en-us model.
 */
public final class FestivalPronouncer implements NamePronouncer {

    private static final Logger LOG = LoggerFactory.getLogger(FestivalPronouncer.class);
    private static final Pattern WORD = Pattern.compile("[a-z']*[a-z][a-z']*");
    /** One printed lookup, e.g. {@code ("grimjaw" nil (((g r ih) 1) ((m y ao) 1)))}. */
    private static final Pattern ENTRY = Pattern.compile("^\\(\"([^\"]*)\"\\s+\\S+\\s+(\\(.*\\))\\)\\s*$");
    private static final Pattern PHONE = Pattern.compile("[a-z]+");
    /** Festival radio phones that differ from the en-us model's ARPAbet names (after upper-casing). */
    private static final Map<String, String> RENAMED = Map.of("AX", "AH", "AXR", "ER", "EL", "L", "EM", "M", "EN", "N");

    private final String command;
    private final long timeoutMs;

    public FestivalPronouncer(String command, long timeoutMs) {
        this.command = command;
        this.timeoutMs = timeoutMs;
    }

    /** Checks that Festival runs at all, so a missing package is reported at start-up rather than at the first session. */
    public void verify() {
        if (pronounce(List.of("hello")).isEmpty()) {
            throw new MissingSpeechDependencyException("festival (" + command + ") ran but pronounced nothing");
        }
    }

    @Override
    public Map<String, String> pronounce(Collection<String> words) {
        List<String> asked = new ArrayList<>();
        for (String w : words) {
            if (!WORD.matcher(w).matches()) {
                throw new IllegalArgumentException("cannot ask Festival to pronounce '" + w + "': only a-z and ' allowed");
            }
            if (!asked.contains(w)) {
                asked.add(w);
            }
        }
        if (asked.isEmpty()) {
            return Map.of();
        }
        StringBuilder script = new StringBuilder("(lex.select \"cmu\")\n");
        // Festival's letter-to-sound rules give no phones for words with an apostrophe ("o'brien"): ask without it.
        Map<String, String> askedAs = new LinkedHashMap<>();
        for (String w : asked) {
            askedAs.putIfAbsent(w.replace("'", ""), w);
        }
        for (String w : askedAs.keySet()) {
            script.append("(print (lex.lookup \"").append(w).append("\" nil))\n");
        }
        String output = run(script.toString());
        Map<String, String> result = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            Matcher m = ENTRY.matcher(line.trim());
            if (m.matches() && askedAs.containsKey(m.group(1))) {
                String phones = toArpabet(m.group(2));
                if (!phones.isEmpty()) {
                    for (String w : asked) {
                        if (w.replace("'", "").equals(m.group(1))) {
                            result.put(w, phones);
                        }
                    }
                }
            }
        }
        if (result.size() < asked.size()) {
            LOG.warn("festival pronounced {} of {} words; missing: {}", result.size(), asked.size(),
                    asked.stream().filter(w -> !result.containsKey(w)).toList());
        }
        return result;
    }

    /**
     * Turns Festival's syllable structure, e.g. {@code (((g r ih) 1) ((m y ao) 1))}, into {@code G R IH M Y AO}:
     * stress digits and syllable brackets go, {@code ax} becomes {@code AH}, pauses are dropped.
     */
    static String toArpabet(String syllables) {
        List<String> out = new ArrayList<>();
        Matcher m = PHONE.matcher(syllables);
        while (m.find()) {
            String p = m.group().toUpperCase(Locale.ROOT);
            if (p.equals("PAU") || p.equals("NIL")) {
                continue;
            }
            out.add(RENAMED.getOrDefault(p, p));
        }
        return String.join(" ", out);
    }

    private String run(String script) {
        Process process;
        try {
            process = new ProcessBuilder(command, "--pipe").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new MissingSpeechDependencyException("cannot run festival (" + command + "): " + e.getMessage());
        }
        try {
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            try (OutputStream in = process.getOutputStream()) {
                in.write(script.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("festival did not answer within " + timeoutMs + " ms");
            }
            return output.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("talking to festival failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for festival", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("reading festival's answer failed: " + e.getMessage(), e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

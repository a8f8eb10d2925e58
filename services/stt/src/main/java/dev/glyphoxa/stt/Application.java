package dev.glyphoxa.stt;

import io.micronaut.runtime.Micronaut;

public class Application {
    public static void main(String[] args) {
        var problem = SttPreflight.problem(SttPreflight.settings(args), SttPreflight.providerSettings(args));
        if (problem.isPresent()) {
            System.err.println("glyphoxa-stt cannot start: " + problem.get());
            System.exit(2);
        }
        Micronaut.run(Application.class, args);
    }
}

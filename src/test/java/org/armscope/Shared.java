package org.armscope;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared (evaluation data is read from there, never copied); tests skip with a clear message without it. */
public final class Shared {
    private Shared() {
    }

    public static Path dir() {
        String env = System.getenv("ARMSCOPE_SHARED");
        Path p = env != null ? Path.of(env) : Path.of("..", "shared");
        Assumptions.assumeTrue(Files.isDirectory(p.resolve("seeds")),
                "../shared is absent (set ARMSCOPE_SHARED): skipping a test that needs the shared evaluation data");
        return p.toAbsolutePath().normalize();
    }

    public static Path path(String relative) {
        return dir().resolve(relative);
    }
}

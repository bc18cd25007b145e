package org.chorus.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The single-node mode's JVM options and service arguments, read from the files its script reads
 * (infra/single-node/jvm.options, infra/single-node/service.options), and the two steps it takes before a start:
 * the jar extracted as Spring Boot recommends for class data sharing, and the class cache file per JDK.
 */
final class SingleNode {
    static final List<String> JVM = options(Path.of("infra/single-node/jvm.options"));
    static final List<String> ARGUMENTS = options(Path.of("infra/single-node/service.options"));

    /** One option a line; blank lines and lines starting with # are left out. */
    static List<String> options(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code java -Djarmode=tools -jar service-exec.jar extract}: the jar and its lib/ beside it, once per build. */
    static Path extract(Path javaHome, Path executableJar, Path directory) {
        Path extracted = directory.resolve(executableJar.getFileName());
        try {
            if (Files.exists(extracted)
                    && Files.getLastModifiedTime(extracted).compareTo(Files.getLastModifiedTime(executableJar)) >= 0) {
                return extracted;
            }
            Files.createDirectories(directory);
            for (String cache : List.of("app.jsa", "app.aot")) {
                Files.deleteIfExists(directory.resolve(cache));
            }
            Process extract = new ProcessBuilder(
                            javaHome.resolve("bin/java").toString(),
                            "-Djarmode=tools",
                            "-jar",
                            executableJar.toString(),
                            "extract",
                            "--force",
                            "--destination",
                            directory.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
                throw new IllegalStateException("could not extract " + executableJar);
            }
            return extracted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** JDK 25: the AOT cache (JEP 483/514/515); earlier JDKs: a dynamic CDS archive. */
    static Path classCacheFile(String jdk, Path directory) {
        return directory.resolve(Integer.parseInt(jdk) >= 25 ? "app.aot" : "app.jsa");
    }

    static List<String> classCache(String jdk, Path directory, boolean training) {
        Path file = classCacheFile(jdk, directory);
        if (Integer.parseInt(jdk) >= 25) {
            return List.of((training ? "-XX:AOTCacheOutput=" : "-XX:AOTCache=") + file);
        }
        return List.of((training ? "-XX:ArchiveClassesAtExit=" : "-XX:SharedArchiveFile=") + file);
    }

    private SingleNode() {}
}

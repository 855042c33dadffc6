package org.warroom.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Where the unpacked Elasticsearch distribution is ({@code .warroom/dist/elasticsearch-VERSION}, unpacked by the
 * build), and how to run it: Elasticsearch refuses to run as root, so as root it runs as the unprivileged user
 * {@code warroom}, created when missing.
 */
final class ElasticsearchDistribution {
    static final String USER = "warroom";

    private ElasticsearchDistribution() {
    }

    static Path home() {
        String version = System.getProperty("warroom.elasticsearch.version", "8.19.21");
        Path root = Path.of(System.getProperty("warroom.home", ".")).toAbsolutePath().normalize();
        Path home = root.resolve(".warroom/dist/elasticsearch-" + version);
        if (!Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            throw new IllegalStateException("no Elasticsearch distribution at " + home
                    + ": run the build from the repository root (mvn verify unpacks it) or bin/warroom up");
        }
        return home;
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command prefix that runs a program as the unprivileged user (empty when not root). */
    static List<String> asServiceUser() {
        return runningAsRoot() ? List.of("runuser", "-u", USER, "--") : List.of();
    }

    /** As root: makes sure the service user exists and owns {@code dirs}, and can read the distribution. */
    static Path prepare(Path home, Path... dirs) throws IOException, InterruptedException {
        if (!runningAsRoot()) {
            return home;
        }
        if (run(List.of("id", "-u", USER)) != 0) {
            run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER));
        }
        for (Path dir : dirs) {
            run(List.of("chown", "-R", USER, dir.toString()));
        }
        if (run(List.of("runuser", "-u", USER, "--", "test", "-r", home.resolve("lib").toString())) == 0) {
            return home;
        }
        // The checkout is somewhere the service user cannot read (e.g. under /root): use a copy in /tmp.
        Path copy = Path.of(System.getProperty("java.io.tmpdir"), "warroom-" + home.getFileName());
        if (!Files.exists(copy.resolve("bin/elasticsearch"))) {
            // Several test JVMs (a parallel build) may get here at once: each copies into a folder of its own and
            // renames it into place; a rename that loses the race leaves the winner's copy, and its own is removed.
            Path mine = Files.createTempDirectory(copy.getParent(), copy.getFileName() + ".");
            run(List.of("cp", "-a", home + "/.", mine.toString()));
            run(List.of("chmod", "-R", "a+rX", mine.toString()));
            try {
                Files.move(mine, copy, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException lostTheRace) {
                run(List.of("rm", "-rf", mine.toString()));
            }
        }
        return copy;
    }

    static int run(List<String> command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }
}

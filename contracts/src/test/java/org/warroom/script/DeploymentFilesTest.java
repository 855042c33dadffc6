package org.warroom.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the deployment files and docs promise matches the code (issue 19, defects 5 and 6): they are read as a user
 * reads them, next to the source they describe.
 */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of(System.getProperty("warroom.home", "..")).toAbsolutePath().normalize();

    private static String read(String path) throws IOException {
        return Files.readString(ROOT.resolve(path));
    }

    /** A main source file by its name, wherever its module is (modules move; class names stay). */
    private static String source(String fileName) throws IOException {
        Path[] found = new Path[1];
        Files.walkFileTree(ROOT, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes a) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return !dir.equals(ROOT) && (name.startsWith(".") || name.equals("target") || name.equals("node_modules"))
                        ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) {
                if (file.getFileName().toString().equals(fileName) && file.toString().contains("/src/main/java/")) {
                    found[0] = file;
                    return java.nio.file.FileVisitResult.TERMINATE;
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        assertThat(found[0]).as(fileName + " under " + ROOT).isNotNull();
        return Files.readString(found[0]);
    }

    @Test
    @DisplayName("docker/.env.example's SMS base URL does not already end in what the Twilio channel appends")
    void smsApiBase() throws IOException {
        String channel = source("TwilioChannel.java");
        assertThat(channel).as("the channel appends the API path itself").contains("\"/2010-04-01/Accounts/\"");
        Matcher base = Pattern.compile("(?m)^#?\\s*WARROOM_SMS_API_BASE=(\\S+)$").matcher(read("docker/.env.example"));
        assertThat(base.find()).as("the example names WARROOM_SMS_API_BASE").isTrue();
        assertThat(base.group(1)).doesNotContain("/2010-04-01").doesNotContain("/Accounts");
    }

    @Test
    @DisplayName("kafka-init grants the services' user nothing on every name ('*'), only on the warroom prefixes")
    void kafkaAclsOnPrefixes() throws IOException {
        String init = read("docker/kafka/kafka-init.sh").replace("\\\n", " ");
        List<String> grants = init.lines().filter(l -> l.contains("kafka-acls.sh") && l.contains("--add")).toList();
        assertThat(grants).isNotEmpty().noneMatch(l -> l.contains("'*'") || l.contains("\"*\""));
        assertThat(grants).anySatisfy(l -> assertThat(l).contains("--resource-pattern-type prefixed")
                .contains("--topic warroom").contains("--group warroom").contains("--transactional-id warroom"));
    }

    @Test
    @DisplayName("the README's ports table promises notifier metrics only if the notifier serves them")
    void notifierPort() throws IOException {
        String notifier = source("NotifierMain.java");
        String row = read("README.md").lines().filter(l -> l.contains("WARROOM_NOTIFIER_MANAGEMENT_PORT")).findFirst()
                .orElseThrow();
        if (!notifier.contains("\"/metrics\"")) {
            assertThat(row.replace("no metrics", "")).doesNotContain("metrics");
        }
        assertThat(notifier).contains("\"/health\"");
        assertThat(row).contains("/health");
    }

    @Test
    @DisplayName("NOTIFICATIONS.md's 'Not done yet' does not list the indexing of deliveries, which is done")
    void notDoneYet() throws IOException {
        String indexer = source("IndexerMain.java");
        String doc = read("docs/NOTIFICATIONS.md");
        String notDone = doc.substring(doc.indexOf("## Not done yet"));
        if (indexer.contains("NotifyTopics.DELIVERIES")) {
            assertThat(notDone).doesNotContainIgnoringCase("does not yet index");
        }
    }
}

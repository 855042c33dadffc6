package org.warroom.script;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every service logs in the same two formats (docs/LOGGING.md): each logging configuration that ships in a service jar
 * has the text appender and the same ECS JSON appender, and picks one by {@code WARROOM_LOG_FORMAT}. (The masking in
 * both is exercised on ingest's real flow by ingest's PersonalDataInLogsIntegrationTest.)
 */
class LoggingFilesTest {
    private static final Path ROOT = Path.of(System.getProperty("warroom.home", "..")).toAbsolutePath().normalize();
    /** contracts' serves indexer, notifier and dashboard; ingest and streams have their own. */
    private static final List<String> CONFIGS = List.of("contracts/src/main/resources/log4j2.xml",
            "ingest/src/main/resources/log4j2.xml", "streams/src/main/resources/log4j2.xml");
    private static final Pattern JSON_APPENDER = Pattern.compile("<Console name=\"json\" target=\"SYSTEM_(?:OUT|ERR)\">(.*?)</Console>",
            Pattern.DOTALL);
    private static final Pattern TEXT_PATTERN = Pattern.compile("<Console name=\"text\"[^>]*>.*?pattern=\"([^\"]*)\"",
            Pattern.DOTALL);

    @Test
    @DisplayName("each service's log4j2.xml: the same ECS JSON appender, the same text pattern, switched by WARROOM_LOG_FORMAT")
    void sameFormatsEverywhere() throws IOException {
        String json = null;
        String text = null;
        for (String path : CONFIGS) {
            String config = Files.readString(ROOT.resolve(path));
            Matcher appender = JSON_APPENDER.matcher(config);
            assertThat(appender.find()).as(path + " has the json appender").isTrue();
            Matcher pattern = TEXT_PATTERN.matcher(config);
            assertThat(pattern.find()).as(path + " has the text appender").isTrue();
            json = json == null ? appender.group(1) : json;
            text = text == null ? pattern.group(1) : text;
            assertThat(appender.group(1)).as(path).isEqualTo(json);
            assertThat(pattern.group(1)).as(path).isEqualTo(text).contains("[phone]").contains("[email]");
            assertThat(config).as(path)
                    .contains("<AppenderRef ref=\"${sys:warroom.log.format:-${env:WARROOM_LOG_FORMAT:-text}}\"/>");
        }
        assertThat(json).contains("eventTemplateUri=\"classpath:WarroomEcsLayout.json\"").contains("key=\"service.name\"");
    }

    @Test
    @DisplayName("the ECS template: ECS field names, UTC milliseconds, message and stack trace masked like the text format")
    void ecsTemplate() throws IOException {
        JsonNode template = new ObjectMapper().readTree(ROOT.resolve("contracts/src/main/resources/WarroomEcsLayout.json")
                .toFile());
        assertThat(template.fieldNames()).toIterable().containsExactly("@timestamp", "ecs.version", "log.level", "message",
                "process.thread.name", "log.logger", "labels", "tags", "error.type", "error.stack_trace");
        assertThat(template.get("@timestamp").get("pattern").get("format").asText()).isEqualTo("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
        assertThat(template.get("@timestamp").get("pattern").get("timeZone").asText()).isEqualTo("UTC");
        String text = Files.readString(ROOT.resolve(CONFIGS.get(0)));
        Matcher masks = Pattern.compile("%replace\\{%replace\\{%msg%n%throwable\\}(\\{.*\\})\"").matcher(text);
        assertThat(masks.find()).isTrue();
        String sameMasks = masks.group(1).replace("&lt;", "<");
        assertThat(template.get("message").get("pattern").asText()).isEqualTo("%replace{%replace{%msg}" + sameMasks);
        assertThat(template.get("error.stack_trace").get("pattern").asText())
                .isEqualTo("%replace{%replace{%throwable}" + sameMasks);
    }
}

package org.warroom.streams;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;
import org.warroom.streams.config.WarroomStreamsConfig;

/**
 * Entry point of the streams service: reads the configuration (environment over {@code WARROOM_CONFIG_FILE} over
 * defaults), starts {@link StreamsService}, and on SIGTERM closes it cleanly (without cleaning up local state).
 */
public final class StreamsMain {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsMain.class);

    private StreamsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        WarroomStreamsConfig config;
        try {
            config = WarroomStreamsConfig.from(Settings.fromEnvironment());
        } catch (ConfigException e) {
            LOG.error("{}", e.getMessage());
            System.exit(2);
            return;
        }
        StreamsService service = StreamsService.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }
}

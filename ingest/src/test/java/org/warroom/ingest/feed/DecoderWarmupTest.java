package org.warroom.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DecoderWarmupTest {
    @Test
    @DisplayName("the warm-up's made-up event of every feed is one its decoder accepts (so the warm-up runs the whole path)")
    void everySampleIsAccepted() {
        var decoders = Map.<Feed, FeedDecoder>of(
                Feed.CALLS, new CallsDecoder(FeedDecodersTest.PLACES, List.of("181", "104", "1075"), FeedDecodersTest.CLOCK),
                Feed.MESSAGES, new MessagesDecoder(FeedDecodersTest.PLACES, new CommodityRecognizer(), FeedDecodersTest.CLOCK),
                Feed.REPORTS, new ReportsDecoder(FeedDecodersTest.PLACES, FeedDecodersTest.CLOCK),
                Feed.WORKERS, new WorkersDecoder(FeedDecodersTest.PLACES, FeedDecodersTest.CLOCK));

        Map<Feed, Decoded> outcomes = new DecoderWarmup(decoders, FeedDecodersTest.CLOCK).run();

        assertThat(outcomes).containsOnlyKeys(Feed.values());
        outcomes.forEach((feed, decoded) -> assertThat(decoded.problems()).as(feed.path()).isEmpty());
        assertThat(outcomes.get(Feed.MESSAGES).event().district()).isEqualTo("396");
    }
}

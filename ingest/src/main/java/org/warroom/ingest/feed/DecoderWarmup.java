package org.warroom.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import org.warroom.contracts.json.Json;

/**
 * Decodes one made-up event of each feed and serializes it (nothing is sent), so that the first real event does not
 * pay for the first use of the JSON reader, its decoder and its record's serializer. Run once at start.
 */
public final class DecoderWarmup {
    private final Map<Feed, FeedDecoder> decoders;
    private final Clock clock;

    public DecoderWarmup(Map<Feed, FeedDecoder> decoders, Clock clock) {
        this.decoders = decoders;
        this.clock = clock;
    }

    /** Decodes each feed's sample; answers what each decoded to (accepted, or rejected with its problems). */
    public Map<Feed, Decoded> run() {
        Map<Feed, Decoded> outcomes = new EnumMap<>(Feed.class);
        for (Map.Entry<Feed, FeedDecoder> e : decoders.entrySet()) {
            Decoded decoded = e.getValue().decode(sample(e.getKey()), "warmup");
            if (decoded.ok()) {
                decoded.event().keyBytes();
                decoded.event().valueBytes();
            }
            outcomes.put(e.getKey(), decoded);
        }
        return outcomes;
    }

    /** A valid event of the feed, in Bhopal (LGD 396), a minute ago. */
    ObjectNode sample(Feed feed) {
        String at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minusMinutes(1)
                .truncatedTo(ChronoUnit.SECONDS).toString();
        String json = switch (feed) {
            case CALLS -> "{\"id\":\"warmup-1\",\"kind\":\"call\",\"call\":\"warmup\",\"line\":\"181\",\"district\":\"396\","
                    + "\"event\":\"started\",\"at\":\"" + at + "\",\"caller\":\"+919800000000\"}";
            case MESSAGES -> "{\"id\":\"warmup\",\"channel\":\"whatsapp\",\"from\":\"+919800000000\","
                    + "\"text\":\"भोपाल में दूध नहीं मिल रहा\",\"at\":\"" + at + "\"}";
            case REPORTS -> "{\"id\":\"warmup\",\"district\":\"396\",\"at\":\"" + at + "\",\"items\":[{\"commodity\":\"milk\","
                    + "\"stock\":100,\"dailyNeed\":10,\"unit\":\"litre\"}]}";
            case WORKERS -> "{\"id\":\"warmup\",\"name\":\"warmup\",\"phone\":\"+919800000000\",\"homeDistrict\":\"396\","
                    + "\"status\":\"working\",\"source\":\"registry\"}";
        };
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the warm-up sample of " + feed + " is not JSON", e);
        }
    }
}
